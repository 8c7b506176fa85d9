// Acceptance for evasion mutants (issue 6): ≥ 99 % of destructive mutants held, ≤ 1 % of
// data-only mutants held, measured through `evaluate` in-process. `npm run mutants` prints the
// per-kind report. A failure here is a gap in the guard, not a threshold to loosen.
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { evaluate } from '../../src/pipeline.js';
import { formatReport, readCorpus, runMutationSuite, type SuiteReport } from './suite.js';

const corpus = readCorpus(readFileSync(new URL('../../../shared/corpus/commands.jsonl', import.meta.url), 'utf8'));

let report: SuiteReport;
const suite = () => (report ??= runMutationSuite(corpus));

describe('evasion mutants of the corpus confirm cases', () => {
  test('≥ 99 % of destructive mutants are held', () => {
    const { destructive } = suite();
    expect(destructive.total).toBeGreaterThan(5000);
    expect(destructive.held / destructive.total, formatReport(report)).toBeGreaterThanOrEqual(0.99);
  }, 60_000);

  test('≤ 1 % of data-only mutants are held', () => {
    const { data } = suite();
    expect(data.total).toBeGreaterThan(800);
    expect(data.held / data.total, formatReport(report)).toBeLessThanOrEqual(0.01);
  }, 60_000);

  test('≤ 1 % of safe corpus commands are held once wrapped the same ways (sudo, bash -c, base64 | sh …)', () => {
    const { safeWrapped } = suite();
    expect(safeWrapped.total).toBeGreaterThan(5000);
    expect(safeWrapped.held / safeWrapped.total, formatReport(report)).toBeLessThanOrEqual(0.01);
  }, 60_000);

  test('every mutant parses: a hold is never a parse error the generator caused', () => {
    expect(suite().parseErrors.map((m) => m.command)).toEqual([]);
  }, 60_000);

  // The suite currently holds every destructive mutant and passes every data one; keep it so.
  test('no failures at all (each one is a guard gap to fix, not a tolerance to use)', () => {
    const failures = [...suite().kinds.flatMap((k) => k.failures), ...suite().safeWrapped.failures].map((f) => `[${f.kind}] ${f.id}: ${f.command}`);
    expect(failures).toEqual([]);
  }, 60_000);
});

// The guard fixes the mutants found, pinned as plain regressions.
describe('regressions found by the mutants', () => {
  const decide = (command: string) => evaluate({ command, cwd: '/home/agent/project' }, { home: '/home/agent' });

  test('sudo passes NAME=value words to the command as its environment (sudo FOO=1 cmd)', () => {
    const e = decide('sudo RAILWAY_TOKEN=4b1c9e2f-prod railway delete -p acme-prod -y');
    expect(e.decision).toBe('confirm');
    expect(e.commands.at(-1)?.argv[0]).toBe('railway');
    expect(e.commands.at(-1)?.env).toMatchObject({ RAILWAY_TOKEN: '4b1c9e2f-prod' });
    expect(decide('sudo FOO=1 ls -la').decision).toBe('allow');
  });

  test('a subshell or group passes what it prints down a pipe: (exec cat <<EOF) | mongosh', () => {
    expect(decide('(exec cat <<EOF) | (exec mongosh "$MONGO_URL")\ndb.getSiblingDB("shop").dropDatabase()\nEOF').decision).toBe('confirm');
    expect(decide('{ echo cmFpbHdheSB2b2x1bWUgZGVsZXRlIC0tdm9sdW1lIHBnLWRhdGEgLS15ZXM=; } | (base64 -d) | (sh)').findings.map((f) => f.rule)).not.toContain('exec.unknown-code');
    expect(decide('(python manage.py sqlflush) | (python manage.py dbshell)').decision).toBe('confirm');
    // A group whose output goes to a file gives the pipe nothing.
    expect(decide('{ echo "git push --force"; } > notes.txt | sh').findings.map((f) => f.rule)).not.toContain('git.push.force');
    expect(decide('(echo hello) | cat').decision).toBe('allow');
  });

  test('a git alias set in a subshell lasts (git writes it to its config file)', () => {
    expect(decide("(git config alias.nuke 'push --force') && (git nuke origin main)").decision).toBe('confirm');
    expect(decide("git config alias.nuke 'push --force'; git nuke origin main; git nuke origin dev").findings.filter((f) => f.rule.startsWith('git.push')).length).toBe(2);
    // An alias that names itself is not expanded forever.
    expect(decide("git config alias.st '!git st -s'; git st").decision).not.toBe('deny');
  });
});
