// Every resource limit ends in `confirm` with a reason that names the limit, never in allow
// (issue 6): through `evaluate`, and for the hostile payloads a client could send, through the
// built hook (`interlock hook claude`), which must answer in Claude's blocking form within 2 s.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate, type EvaluateOptions } from '../../src/pipeline.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'interlock-limits-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function held(command: string, limit: RegExp, options: EvaluateOptions = {}, cwd = dir): void {
  const e = evaluate({ command, cwd }, { home: dir, ...options });
  expect(e.decision).toBe('confirm');
  const finding = e.findings.find((f) => f.rule === 'exec.limit');
  expect(finding, e.findings.map((f) => `${f.rule}: ${f.reason}`).join('\n')).toBeDefined();
  expect(finding!.reason).toMatch(limit);
  // The agent-facing line names the limit too.
  expect(finding!.action).toMatch(limit);
}

const MiB = 1024 * 1024;

describe('limits, through evaluate: each is a confirm that says which limit', () => {
  test('input size (1 MiB)', () => held('echo ' + 'a'.repeat(MiB), /input longer than 1048576 characters/));
  test('words in the input (50,000)', () => held('echo ' + 'w '.repeat(50_001), /more than 50000 words/));
  test('words after expansion (50,000): arrays, "$@", splitting', () => {
    const doubling = Array.from({ length: 14 }, (_, i) => `a${i + 1}=("\${a${i}[@]}" "\${a${i}[@]}")`).join('; ');
    held(`a0=(x x x x); ${doubling}; echo "\${a14[@]}"`, /more than 50000 words after expansion/);
  });
  test('nesting depth (100): substitutions, groups, quotes', () => {
    held('echo ' + '$('.repeat(101) + 'x' + ')'.repeat(101), /nesting deeper than 100 levels/);
    held('{ '.repeat(150) + 'ls' + '; }'.repeat(150), /nesting deeper than 100 levels/);
  });
  test('heredoc body size (256 KiB)', () => held(`cat > dump.sql <<'EOF'\n${'INSERT INTO t VALUES (1);\n'.repeat(12_000)}EOF`, /a heredoc body longer than 262144 characters/));
  test('commands in the input (5,000)', () => held(Array.from({ length: 5001 }, (_, i) => `echo ${i}`).join('; '), /more than 5000 commands/));
  test('commands to analyse after expansion (2,000)', () => held(Array.from({ length: 2001 }, (_, i) => `echo ${i}`).join('; '), /more than 2000 commands to analyse/));
  test('a value built from values (1 MiB): variables, substitutions, decoded text', () => {
    const grow = Array.from({ length: 6 }, (_, i) => `v${i + 1}=${`$v${i}`.repeat(10)}`).join('; ');
    held(`v0=${'x'.repeat(100)}; ${grow}; echo "$v6"`, /a value grew longer than 1048576 characters/);
    held(`a=${'x'.repeat(1000)}; b=$(echo $a$a$a$a$a$a$a$a$a$a); c=$(echo $b$b$b$b$b$b$b$b$b$b); d=$(echo $c$c$c$c$c$c$c$c$c$c); echo $d$d`, /a value grew longer than 1048576 characters/);
  });
  test('characters after expansion (16 MiB)', () => {
    held(`a=${'x'.repeat(600_000)}; ` + Array.from({ length: 30 }, () => 'echo "$a"').join('; '), /more than 16777216 characters after expansion/);
  });
  test('script file size: a script that will run but is larger than 256 KiB', () => {
    writeFileSync(join(dir, 'big.sh'), 'echo hi\n'.repeat(40_000) + 'rm -rf /srv/data\n');
    held('bash big.sh', /big\.sh.*larger than the 256 KiB/);
    held('source ./big.sh', /larger than the 256 KiB/);
    // A script that does not exist runs nothing: no hold for that alone.
    expect(evaluate({ command: 'bash missing.sh', cwd: dir }).decision).toBe('allow');
  });
  test('script files read (16)', () => {
    for (let i = 0; i < 17; i++) writeFileSync(join(dir, `s${i}.sh`), `echo ${i}\n`);
    held(Array.from({ length: 17 }, (_, i) => `bash s${i}.sh`).join('; '), /more than 16 script files to read/);
  });
  test('recursion through bash -c, eval and scripts (12 levels)', () => {
    // Heredocs nest without quoting growth; double quotes grow 2× a level, single quotes 4×.
    let viaShell = 'ls';
    let viaEval = 'ls';
    for (let i = 0; i < 13; i++) {
      viaShell = `bash <<'E${i}'\n${viaShell}\nE${i}`;
      viaEval = `eval "${viaEval.replace(/[\\"$`]/g, '\\$&')}"`;
    }
    held(viaShell, /shells nested deeper than 12 levels/);
    held(viaEval, /shells nested deeper than 12 levels/);
    writeFileSync(join(dir, 'self.sh'), 'bash self.sh\n');
    held('bash self.sh', /(shells nested deeper than 12 levels|more than 16 script files)/);
  });
  test('wall-clock budget for the whole decision', () => {
    held(Array.from({ length: 100 }, (_, i) => `echo ${i}`).join('; '), /time budget for one decision ran out/, { budgetMs: -1 });
  });
  test('no limit is ever an allow, whatever else the line holds', () => {
    for (const command of ['ls; ' + 'echo $('.repeat(200), 'true\n' + 'x '.repeat(60_000)]) expect(evaluate({ command, cwd: dir }).decision).toBe('confirm');
  });
});

// ── through the built hook ──────────────────────────────────────────────────

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'interlock.cjs');

interface HookRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function hook(input: string | null, home: string): Promise<HookRun> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [CLI, 'hook', 'claude'], { env: { ...process.env, INTERLOCK_HOME: home, HOME: home }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: Date.now() - started }));
    child.stdin.on('error', () => {}); // the hook may stop reading an oversized payload
    if (input === null) return; // stdin left open: the client never finishes sending
    child.stdin.end(input);
  });
}

const bash = (command: string) => JSON.stringify({ session_id: 's', cwd: '/tmp', hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command } });

describe('limits, through the built hook: Claude gets a deny with the reason, exit 0, within 2 s', () => {
  let home: string;
  beforeAll(() => {
    home = mkdtempSync(join(tmpdir(), 'interlock-limits-home-'));
  });
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  test.each([
    ['malformed JSON', '{"tool_name": "Bash", "tool_input": {"command": "rm -rf /srv/data"', /not valid JSON/],
    ['an empty payload', '', /payload was empty/],
    ['an unterminated quote', bash("echo 'unterminated && rm -rf /srv/data"), /does not parse \(unexpected EOF while looking for matching/],
    ['3,000 nested $(', bash('echo ' + '$('.repeat(3000) + 'rm -rf /srv/data' + ')'.repeat(3000)), /nesting deeper than 100 levels/],
    ['a 5 MiB command', bash('echo ' + 'a'.repeat(5 * MiB)), /input longer than 1048576 characters/],
    ['10,000 statements', bash(Array.from({ length: 10_000 }, (_, i) => `echo ${i}`).join('; ')), /more than 5000 commands/],
    ['a 300 KiB heredoc', bash(`cat > dump.sql <<'EOF'\n${'INSERT INTO t VALUES (1);\n'.repeat(12_000)}EOF`), /heredoc body longer than 262144 characters/],
    ['a payload that never ends (stdin left open)', null, /no complete payload on stdin within/],
    ['a 17 MiB payload', bash('echo ' + 'b'.repeat(17 * MiB)), /payload is larger than 16 MiB/],
  ])('%s', async (_name, input, reason) => {
    const r = await hook(input as string | null, home);
    expect(r.code, r.stderr).toBe(0);
    expect(r.ms).toBeLessThan(2000);
    const out = JSON.parse(r.stdout) as { hookSpecificOutput: { permissionDecision: string; permissionDecisionReason: string } };
    expect(out.hookSpecificOutput.permissionDecision).toBe('deny');
    expect(out.hookSpecificOutput.permissionDecisionReason).toMatch(reason);
  });
});
