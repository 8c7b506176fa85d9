// The built hook reads its payload from every kind of stdin a client can hand it — a socketpair
// (Node-based clients), a pipe (shells, Rust clients), a regular file — and from each, when the
// writer never finishes, answers with a block in time instead of stalling. The portable stream
// fallback (used where stdin cannot be made non-blocking) is exercised by taking away the
// internal binding the fast path uses.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const CLI = resolve(__dirname, '../../dist/interlock.cjs');
let home: string;
beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'interlock-stdin-'));
  writeFileSync(join(home, 'no-binding.cjs'), "process.binding = () => { throw new Error('no bindings here'); };\n");
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

const payload = (command: string) => JSON.stringify({ session_id: 's', cwd: '/tmp', hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command } });
const SAFE = payload('git status');
const DESTRUCTIVE = payload('git push --force origin main');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * Runs `sh -c script` with the hook command in $HOOK. The shell's stdin is a socketpair that gets
 * `input`; with `keepOpen` it is not closed until the hook has answered (or after 5 s). `ms` is
 * the time to the hook's answer on stdout.
 */
function run(script: string, input: string, options: { preload?: boolean; keepOpen?: boolean } = {}): Promise<Run> {
  return new Promise((done, fail) => {
    const hookCommand = [process.execPath, ...(options.preload ? ['-r', join(home, 'no-binding.cjs')] : []), CLI, 'hook', 'claude'].map((w) => `'${w}'`).join(' ');
    const started = Date.now();
    let answeredAt: number | undefined;
    const child = spawn('sh', ['-c', script], { env: { ...process.env, INTERLOCK_HOME: home, HOME: home, HOOK: hookCommand }, stdio: ['pipe', 'pipe', 'pipe'] });
    const release = setTimeout(() => child.stdin.end(), 5000);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      answeredAt ??= Date.now();
      stdout += d;
      child.stdin.end();
    });
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(release);
      done({ code, stdout, stderr, ms: (answeredAt ?? Date.now()) - started });
    });
    child.stdin.on('error', () => {});
    if (options.keepOpen) child.stdin.write(input);
    else child.stdin.end(input);
  });
}

const decision = (r: Run) => (r.stdout ? (JSON.parse(r.stdout) as { hookSpecificOutput: { permissionDecision: string; permissionDecisionReason: string } }).hookSpecificOutput : undefined);

describe.each([
  ['a socketpair', 'eval "$HOOK"', false],
  ['a pipe', 'cat | eval "$HOOK"', false],
  ['a socketpair, through the stream fallback', 'eval "$HOOK"', true],
])('stdin is %s', (_name, script, preload) => {
  test('a safe command gets no opinion; a destructive one is held', async () => {
    const safe = await run(script, SAFE, { preload });
    expect(safe.code, safe.stderr).toBe(0);
    expect(safe.stdout).toBe('');
    const held = await run(script, DESTRUCTIVE, { preload });
    expect(held.code, held.stderr).toBe(0);
    expect(decision(held)?.permissionDecision).toBe('deny');
    expect(decision(held)?.permissionDecisionReason).toMatch(/interlock approve/);
  });

  test('a writer that never finishes: blocked within 2 s', async () => {
    const r = await run(script, '', { preload, keepOpen: true });
    expect(r.code, r.stderr).toBe(0);
    expect(r.ms).toBeLessThan(2000);
    expect(decision(r)?.permissionDecision).toBe('deny');
    expect(decision(r)?.permissionDecisionReason).toMatch(/no complete payload on stdin within 1500 ms/);
  });

  test('half a payload, then nothing: blocked within 2 s', async () => {
    const r = await run(script, DESTRUCTIVE.slice(0, 40), { preload, keepOpen: true });
    expect(r.code, r.stderr).toBe(0);
    expect(r.ms).toBeLessThan(2000);
    expect(decision(r)?.permissionDecisionReason).toMatch(/no complete payload on stdin within 1500 ms/);
  });
});

test('stdin is a regular file: read whole', async () => {
  const file = join(home, 'payload.json');
  writeFileSync(file, DESTRUCTIVE);
  const r = await run(`eval "$HOOK" < '${file}'`, '');
  expect(decision(r)?.permissionDecision).toBe('deny');
  writeFileSync(file, SAFE);
  expect((await run(`eval "$HOOK" < '${file}'`, '')).stdout).toBe('');
});

test('stdin closed or /dev/null: blocked with the reason', async () => {
  // Node reopens a closed stdin on /dev/null, so both read as a character device.
  for (const redirect of ['<&-', '< /dev/null']) {
    const r = await run(`eval "$HOOK" ${redirect}`, '');
    expect(decision(r)?.permissionDecisionReason).toMatch(/stdin is a terminal or \/dev\/null/);
  }
});
