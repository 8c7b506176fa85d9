// `interlock run -- <argv…>` end to end, with the built CLI and stdin not a terminal.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { approveId, CLI, cli, sandbox, type Sandbox } from './helpers.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => box.cleanup());

const audit = () =>
  readFileSync(join(box.env.INTERLOCK_HOME, 'audit.log'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));

describe('interlock run', () => {
  test('a safe command just runs: same output, same exit code', () => {
    const result = cli(['run', '--', 'sh', '-c', 'echo hello; exit 3'], box.env);
    expect(result.stdout).toBe('hello\n');
    expect(result.status).toBe(3);
    expect(result.stderr).toBe('');
  });

  test('arguments reach the program exactly (spaces, quotes, $, globs, newlines, empty)', () => {
    box.fake('tool');
    const args = ['a b', "it's", '$HOME', '*', 'x\ny', '', '--flag=1'];
    const result = cli(['run', '--', 'sh', '-c', 'for a in "$@"; do printf "[%s]" "$a"; done', 'sh', ...args], box.env);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(args.map((a) => `[${a}]`).join(''));
  });

  test('stdin is passed through to the program', () => {
    const result = cli(['run', '--', 'tr', 'a-z', 'A-Z'], box.env, { input: 'piped text\n' });
    expect(result.stdout).toBe('PIPED TEXT\n');
  });

  test('held without a terminal: the tool does not run, `interlock approve <id>` on stderr, exit 75', () => {
    box.fake('git');
    const result = cli(['run', '--', 'git', 'push', '--force', 'origin', 'main'], box.env);
    expect(result.status).toBe(75);
    expect(box.ran('git')).toBe(false);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/interlock approve [a-z0-9]+/);
    expect(result.stderr).toContain('force-push main');
    const held = audit().find((e) => e.outcome === 'held');
    expect(held).toMatchObject({ client: 'interlock run', command: 'git push --force origin main', requestId: approveId(result.stderr) });
  });

  test('the same held command again points at the same request', () => {
    box.fake('git');
    const first = approveId(cli(['run', '--', 'git', 'push', '--force', 'origin', 'main'], box.env).stderr);
    const second = approveId(cli(['run', '--', 'git', 'push', '--force', 'origin', 'main'], box.env).stderr);
    expect(first).toBeDefined();
    expect(second).toBe(first);
    expect(box.ran('git')).toBe(false);
  });

  test('inside an agent (CLAUDECODE=1) it is held the same way', () => {
    box.fake('railway');
    const result = cli(['run', '--', 'railway', 'volume', 'delete', '--volume', 'pg-data', '--yes'], { ...box.env, CLAUDECODE: '1' });
    expect(result.status).toBe(75);
    expect(box.ran('railway')).toBe(false);
    expect(result.stderr).toMatch(/interlock approve [a-z0-9]+/);
  });

  test('deny: never runs, says why, exit 77, no approval offered', () => {
    box.fake('rm');
    const result = cli(['run', '--', 'rm', '-rf', '/'], box.env);
    expect(result.status).toBe(77);
    expect(box.ran('rm')).toBe(false);
    expect(result.stderr).toMatch(/denied/i);
    expect(result.stderr).not.toMatch(/interlock approve/);
  });

  test('self-approval through the wrapper is denied', () => {
    const result = cli(['run', '--', 'interlock', 'approve', 'abc123'], box.env);
    expect(result.status).toBe(77);
    expect(result.stderr).toMatch(/denied/i);
  });

  test('a broken state folder fails closed: nothing runs, exit 70', () => {
    box.fake('git');
    // INTERLOCK_HOME is a file: no request can be recorded.
    const env = { ...box.env, INTERLOCK_HOME: join(box.bin, 'git') };
    const result = cli(['run', '--', 'git', 'push', '--force', 'origin', 'main'], env);
    expect(result.status).toBe(70);
    expect(box.ran('git')).toBe(false);
    expect(result.stderr).toMatch(/blocked|could not/i);
  });

  test('a program that does not exist: 127, like a shell', () => {
    const result = cli(['run', '--', 'no-such-program-here'], box.env);
    expect(result.status).toBe(127);
    expect(result.stderr).toMatch(/command not found/);
  });

  test('usage: no command is exit 2; words that are shell keywords still run as programs', () => {
    expect(cli(['run', '--'], box.env).status).toBe(2);
    expect(cli(['run', '--bogus', 'ls'], box.env).status).toBe(2);
    box.fake('if');
    const result = cli(['run', '--', 'if', 'x'], box.env);
    expect(result.status).toBe(0);
    expect(box.ranWith('if')).toBe('x\n');
  });

  test('SIGTERM is forwarded: `run -- sleep 30` ends quickly with 143 and the child is gone', async () => {
    const child = spawn(process.execPath, [CLI, 'run', '--', 'sleep', '30'], { env: box.env, stdio: ['pipe', 'pipe', 'pipe'] });
    const sleeper = await waitForChild(child.pid!, 'sleep');
    const started = Date.now();
    child.kill('SIGTERM');
    const status = await new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    expect(status).toBe(143);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(alive(sleeper)).toBe(false);
  });

  test('SIGHUP is forwarded too (129)', async () => {
    const child = spawn(process.execPath, [CLI, 'run', '--', 'sleep', '30'], { env: box.env, stdio: ['pipe', 'pipe', 'pipe'] });
    await waitForChild(child.pid!, 'sleep');
    child.kill('SIGHUP');
    const status = await new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    expect(status).toBe(129);
  });
});

/** Waits until `parent` has a child process named `name`; returns its pid. */
export async function waitForChild(parent: number, name: string, timeoutMs = 8000): Promise<number> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    for (const pid of childrenOf(parent)) {
      try {
        if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === name) return pid;
      } catch {
        // gone
      }
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no ${name} child of ${parent} within ${timeoutMs} ms`);
}

function childrenOf(parent: number): number[] {
  try {
    return readFileSync(`/proc/${parent}/task/${parent}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/\) Z /.test(stat);
  } catch {
    return false;
  }
}
