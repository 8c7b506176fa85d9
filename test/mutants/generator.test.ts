// The mutation generator must not change what a command does: every destructive kind, applied to
// harmless probe commands, prints exactly what the probe prints when run by a real bash; every
// data kind prints or stores exactly the probe's text. The probes cover the shapes the corpus has
// (quotes of every kind, pipes, chains, assignments, heredocs, comments, continuations, flags) plus
// seeded random arguments full of shell metacharacters.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { ALL_KINDS, ansiC, dq, mutate, parseForMutation, spell, sq } from './mutate.js';

const FIXED_PROBES = [
  `printf '<%s>\\n' hello "two words" 'it'\\''s' "a \\"quoted\\" \\$dollar"`,
  `printf '<%s>\\n' a | cat`,
  `printf '<%s>\\n' one; printf '<%s>\\n' two`,
  `printf '<%s>\\n' first && printf '<%s>\\n' second || printf never`,
  `A='x y'; printf '<%s>\\n' "$A"`,
  `X=assigned printenv X`,
  `cat <<'EOF'\nline one $HOME \`nothing\`\n  indented 'quoted' "double"\nEOF`,
  `A=val; cat <<EOF\nexpanded $A\nEOF`,
  `# a comment first\nprintf '<%s>\\n' after-comment`,
  `printf '<%s>\\n' a \\\n  b \\\n  c`,
  `printf -- '<%s>\\n' -a --b`,
  `{ printf '<%s>\\n' grouped; printf '<%s>\\n' twice; }`,
  `printf '<%s>\\n' trailing # comment with 'quote`,
  `printf '%s' "multi\nline"; printf '\\n'`,
  `cat <<'EOF' | cat\npiped heredoc\nEOF`,
  `printf '<%s>\\n' 'back\\slash' "back\\\\slash2" back\\\\slash3`,
  `if true; then printf '<%s>\\n' in-if; fi`,
  `for w in p q; do printf '<%s>\\n' "$w"; done`,
  `expr 1 + 2`,
  `# only a comment`,
];

const tricky = fc.string({ unit: fc.constantFrom('a', 'Z', '0', ' ', "'", '"', '$', '\\', '`', '\n', '!', '*', '{', '}', ';', '&', '|', '#', '~', '-', '=', '(', ')', '<', '>', '%', 'é', '\t'), maxLength: 12 });
const quoting = fc.constantFrom<(s: string) => string>(sq, dq, (s) => spell(s));

function randomProbes(count: number): string[] {
  const arg = fc.tuple(tricky, quoting).map(([s, q]) => q(s));
  const printfProbe = fc.array(arg, { minLength: 1, maxLength: 4 }).map((args) => `printf '<%s>\\n' ${args.join(' ')}`);
  const heredocProbe = fc.array(tricky.filter((s) => !s.includes('\n') && s !== 'EOF'), { minLength: 1, maxLength: 3 }).map((lines) => `cat <<'EOF'\n${lines.join('\n')}\nEOF`);
  return fc.sample(fc.oneof(printfProbe, printfProbe, heredocProbe), { seed: 20240611, numRuns: count });
}

let work: string;
let bin: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'interlock-mutants-'));
  bin = join(work, 'bin');
  mkdirSync(bin);
  // No sudo here (and tests run as root): a stand-in that takes sudo's options and env assignments.
  writeFileSync(join(bin, 'sudo'), '#!/bin/sh\nwhile :; do case "$1" in -E) shift;; -u) shift 2;; --) shift; break;; *) break;; esac; done\nexec env "$@"\n');
  chmodSync(join(bin, 'sudo'), 0o755);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Run {
  stdout: string;
  notes?: string;
}

/** Runs every script in its own bash, one driver process, in a folder that has `x/` for `cd x`. */
function runAll(scripts: string[]): Run[] {
  const dir = mkdtempSync(join(work, 'batch-'));
  mkdirSync(join(dir, 'x'));
  scripts.forEach((s, i) => writeFileSync(join(dir, `m${i}.sh`), s + '\n'));
  const driver = `for i in $(seq 0 ${scripts.length - 1}); do bash m$i.sh > m$i.out 2>/dev/null </dev/null; if [ -f notes.md ]; then mv notes.md m$i.notes; fi; done; true`;
  execFileSync('bash', ['-c', driver], { cwd: dir, env: { PATH: `${bin}:/usr/bin:/bin`, HOME: dir, LANG: 'C.UTF-8' }, timeout: 60_000 + scripts.length * 100 });
  return scripts.map((_, i) => {
    let notes: string | undefined;
    try {
      notes = readFileSync(join(dir, `m${i}.notes`), 'utf8');
    } catch {
      notes = undefined;
    }
    return { stdout: readFileSync(join(dir, `m${i}.out`), 'utf8'), notes };
  });
}

const SLOW_KINDS = new Set(['python os.system', 'node execSync', 'python print', 'node console.log', 'jq --arg', 'sudo', 'sudo -E env', 'stacked wrappers', 'script written, not run']);

const printed = (run: Run, probe: string) => run.stdout === probe + '\n';
const stored = (run: Run, probe: string) => run.notes === probe + '\n';
const DATA_CHECKS: Record<string, (run: Run, probe: string) => boolean> = {
  'echo "…"': printed,
  'in a variable, printed': printed,
  'python print': printed,
  'node console.log': printed,
  'printf > notes.md': stored,
  'heredoc into cat': stored,
  'jq --arg': (run, probe) => (JSON.parse(run.stdout) as { cmd: string }).cmd === probe,
  'base64 encode': (run, probe) => Buffer.from(run.stdout, 'base64').toString('utf8') === probe,
  'commented out': (run) => run.stdout === '',
};

const VERIFY = new Map(ALL_KINDS.map((k) => [k.name, k.verify ?? 'exact']));

function sameOutput(kind: string, got: string, want: string): boolean {
  const mode = VERIFY.get(kind);
  if (mode === 'none') return true;
  if (mode === 'trim') return got.replace(/\n+$/, '') === want.replace(/\n+$/, '');
  return got === want;
}

describe('quoting primitives', () => {
  test('sq, dq, spell and ansiC give words whose value is exactly the text (checked by bash)', () => {
    const texts = fc.sample(tricky, { seed: 7, numRuns: 150 });
    const script = texts.flatMap((t) => [sq(t), dq(t), spell(t), ansiC(t), ansiC(t, true)].map((w) => `printf '%s\\0' ${w}`)).join('\n');
    const out = execFileSync('bash', ['-c', script], { encoding: 'utf8' }).split('\0').slice(0, -1);
    expect(out).toEqual(texts.flatMap((t) => [t, t, t, t, t]));
  });
});

describe('mutants run what the original runs', () => {
  test('every kind, on fixed and seeded random probes', () => {
    // A few seeded random probes keep `npm test` quick; INTERLOCK_MUTANT_PROBES=200 runs more.
    const probes = [...FIXED_PROBES, ...randomProbes(Number(process.env.INTERLOCK_MUTANT_PROBES ?? 6))];
    const scripts: string[] = [];
    const cases: { probe: number; kind: string; cls: string; at: number }[] = [];
    probes.forEach((probe, p) => {
      expect(parseForMutation(probe), probe).not.toBeNull();
      cases.push({ probe: p, kind: 'original', cls: 'original', at: scripts.push(probe) - 1 });
      for (const m of mutate(probe)) {
        // Interpreter start-up dominates: those kinds run on every third probe only.
        if (SLOW_KINDS.has(m.kind) && p % 3 !== 0) continue;
        cases.push({ probe: p, kind: m.kind, cls: m.class, at: scripts.push(m.command) - 1 });
      }
    });
    const runs = runAll(scripts);
    const wrong: string[] = [];
    const applied = new Set<string>();
    for (const c of cases) {
      if (c.cls === 'original') continue;
      applied.add(c.kind);
      const original = runs[cases.find((o) => o.probe === c.probe && o.cls === 'original')!.at];
      const run = runs[c.at];
      const probe = probes[c.probe];
      // Data kinds show or store the text; grep and git are not run here (they quote like echo).
      const check = DATA_CHECKS[c.kind];
      if (c.cls === 'data' && check && !check(run, probe)) wrong.push(`${c.kind}: ${JSON.stringify(scripts[c.at])} printed ${JSON.stringify(run.stdout)}, stored ${JSON.stringify(run.notes)}`);
      else if (c.cls === 'destructive' && !sameOutput(c.kind, run.stdout, original.stdout)) {
        wrong.push(`${c.kind}: ${JSON.stringify(scripts[c.at])} printed ${JSON.stringify(run.stdout)}, the original ${JSON.stringify(original.stdout)}`);
      }
    }
    expect(wrong).toEqual([]);
    // Every destructive kind was exercised by at least one probe.
    for (const kind of ALL_KINDS) expect(applied, kind.name).toContain(kind.name);
  }, 300_000);

  test('a heredoc delimiter never collides with a line of the text', () => {
    const text = 'IL_EOF\nIL_EOF1\nrm -rf x';
    const heredoc = mutate(text).find((m) => m.kind === 'heredoc bash')!;
    expect(heredoc.command).toContain("<<'IL_EOF2'");
  });
});
