// State under stress, through the whole hook (`interlock hook claude`, the built CLI, real
// processes): 50 concurrent hooks holding, granting and logging; corrupt or truncated state files;
// an INTERLOCK_HOME that cannot be written (tests run as root, where chmod stops nothing: the home
// is a regular file, a path under one, a read-only tmpfs in a private mount namespace, or an
// immutable folder); a full disk (a tiny tmpfs, and an audit log that is /dev/full); no HOME.
// Whatever breaks, a destructive command is blocked in Claude's form (JSON deny, exit 0) with a
// reason that says what is wrong, a safe one is let through silently, and nothing crashes.
// test/confirm/race.test.ts covers the library functions under the same races.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { approveRequest } from '../../src/confirm/requests.js';
import { resolvePaths } from '../../src/state/paths.js';

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'interlock.cjs');
const DESTRUCTIVE = 'fly volumes destroy vol_3d2c42fb8a1b --yes';
const SAFE = 'git status';

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'interlock-state-'));
});
afterAll(() => {
  // Undo an immutable flag a failed test may have left, then clean up.
  spawnSync('chattr', ['-R', '-i', work], { stdio: 'ignore' });
  rmSync(work, { recursive: true, force: true });
});

interface Reply {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Claude's reason when the hook blocked, else undefined. */
  denied?: string;
  /** The request id in the reason (`interlock approve <id>`), when one was recorded. */
  id?: string;
}

const payload = (command: string) => JSON.stringify({ session_id: 's', cwd: '/work/project', hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command } });

function parseReply(code: number | null, stdout: string, stderr: string): Reply {
  const reply: Reply = { code, stdout, stderr };
  if (stdout.trim()) {
    const body = JSON.parse(stdout) as { hookSpecificOutput: { permissionDecision: string; permissionDecisionReason: string } };
    expect(body.hookSpecificOutput.permissionDecision).toBe('deny');
    reply.denied = body.hookSpecificOutput.permissionDecisionReason;
    reply.id = /interlock approve ([a-z0-9]+)/.exec(reply.denied)?.[1];
  }
  return reply;
}

function env(vars: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { PATH: process.env.PATH, LANG: 'C.UTF-8' };
  for (const [k, v] of Object.entries(vars)) if (v !== undefined) out[k] = v;
  return out;
}

/** One hook, synchronously (argv lets a test wrap it: unshare, sh -c …). */
function hook(command: string, vars: Record<string, string | undefined>, argv: string[] = [process.execPath, CLI, 'hook', 'claude']): Reply {
  const r = spawnSync(argv[0], argv.slice(1), { input: payload(command), env: env(vars), encoding: 'utf8', timeout: 15_000 });
  expect(r.status, r.stderr).toBe(0);
  return parseReply(r.status, r.stdout, r.stderr);
}

/** Many hooks at once: all processes are started and waiting on stdin before any payload is sent. */
async function hooks(commands: string[], vars: Record<string, string | undefined>): Promise<Reply[]> {
  const children = commands.map((command) => {
    const child = spawn(process.execPath, [CLI, 'hook', 'claude'], { env: env(vars), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const done = new Promise<Reply>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code) => resolve(parseReply(code, stdout, stderr)));
    });
    return { child, command, done };
  });
  await new Promise((r) => setTimeout(r, 300)); // let them all start
  for (const { child, command } of children) child.stdin.end(payload(command));
  return Promise.all(children.map((c) => c.done));
}

function blocked(reply: Reply, reason?: RegExp): void {
  expect(reply.code).toBe(0);
  expect(reply.denied).toBeDefined();
  if (reason) expect(reply.denied).toMatch(reason);
}

function passed(reply: Reply): void {
  expect(reply.code).toBe(0);
  expect(reply.stdout).toBe('');
}

function auditLines(home: string): Record<string, unknown>[] {
  const text = readFileSync(join(home, 'audit.log'), 'utf8');
  return text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Record<string, unknown>);
}

function jsonFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.json')).map((n) => join(dir, n)) : [];
}

const home = (name: string) => {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  return dir;
};

describe('50 concurrent hooks', () => {
  const PROCESSES = 50;

  test('holding one command: one request, every reply names it; holding 50 commands: 50 requests; all files valid', async () => {
    const h = home('concurrent-hold');
    const same = await hooks(Array(PROCESSES).fill(DESTRUCTIVE), { INTERLOCK_HOME: h, HOME: h });
    for (const r of same) blocked(r);
    expect(new Set(same.map((r) => r.id)).size).toBe(1);

    const different = await hooks(Array.from({ length: PROCESSES }, (_, i) => `fly volumes destroy vol_${i}abcdef012345 --yes`), { INTERLOCK_HOME: h, HOME: h });
    for (const r of different) blocked(r);
    expect(new Set(different.map((r) => r.id)).size).toBe(PROCESSES);

    const paths = resolvePaths({ INTERLOCK_HOME: h });
    const requests = jsonFiles(paths.pending).map((f) => JSON.parse(readFileSync(f, 'utf8')) as { id: string; status: string });
    expect(requests.filter((r) => r.status === 'pending')).toHaveLength(PROCESSES + 1);
    expect(readdirSync(join(paths.pending, 'keys')).filter((n) => !n.includes('.'))).toHaveLength(PROCESSES + 1);
    // No temp file left behind, no torn audit line, one decision line per hook.
    expect(readdirSync(paths.pending).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(auditLines(h).filter((e) => e.event === 'decision')).toHaveLength(2 * PROCESSES);
  }, 60_000);

  test('an approved command re-run by 50 hooks at once: exactly one goes through, the others are held again', async () => {
    const h = home('concurrent-grant');
    const first = hook(DESTRUCTIVE, { INTERLOCK_HOME: h, HOME: h });
    blocked(first);
    approveRequest(resolvePaths({ INTERLOCK_HOME: h }), first.id!, { user: 'alice', how: 'typed target' });

    const results = await hooks(Array(PROCESSES).fill(DESTRUCTIVE), { INTERLOCK_HOME: h, HOME: h });
    const through = results.filter((r) => r.stdout === '');
    expect(through).toHaveLength(1);
    for (const r of results) expect(r.code).toBe(0);
    const held = results.filter((r) => r.denied);
    expect(held).toHaveLength(PROCESSES - 1);
    // The grant is gone, and the re-runs share one new request.
    expect(jsonFiles(join(h, 'grants'))).toEqual([]);
    expect(new Set(held.map((r) => r.id)).size).toBe(1);
    expect(held[0].id).not.toBe(first.id);
    const outcomes = auditLines(h).filter((e) => e.event === 'decision').map((e) => e.outcome);
    expect(outcomes.filter((o) => o === 'granted')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'held')).toHaveLength(PROCESSES);
  }, 60_000);
});

describe('corrupt or truncated state files', () => {
  const vars = (h: string) => ({ INTERLOCK_HOME: h, HOME: h });

  function heldOnce(name: string): { h: string; id: string } {
    const h = home(name);
    const r = hook(DESTRUCTIVE, vars(h));
    blocked(r);
    return { h, id: r.id! };
  }

  test('a truncated pending request: held again under a new, valid request', () => {
    const { h, id } = heldOnce('truncated-request');
    const file = join(h, 'pending', `${id}.json`);
    truncateSync(file, Math.floor(readFileSync(file).length / 2));
    const r = hook(DESTRUCTIVE, vars(h));
    blocked(r);
    expect(r.id).not.toBe(id);
    expect(() => JSON.parse(readFileSync(join(h, 'pending', `${r.id}.json`), 'utf8'))).not.toThrow();
    passed(hook(SAFE, vars(h)));
  });

  test('a key index holding garbage, or pointing at a request that is gone', () => {
    const { h } = heldOnce('bad-index');
    const keys = join(h, 'pending', 'keys');
    const [index] = readdirSync(keys);
    writeFileSync(join(keys, index), Buffer.from([0xff, 0x00, 0x2f, 0x2e, 0x2e, 0x0a]));
    blocked(hook(DESTRUCTIVE, vars(h)));
    writeFileSync(join(keys, index), 'zzzzzz\n');
    blocked(hook(DESTRUCTIVE, vars(h)));
    const r = hook(DESTRUCTIVE, vars(h));
    blocked(r);
    expect(readFileSync(join(keys, index), 'utf8').trim()).toBe(r.id);
  });

  test.each([
    ['truncated', (text: string) => text.slice(0, text.length / 2)],
    ['garbage', () => '\u0000\u0001not json'],
    ['for another command', (text: string) => text.replace(/"key": "[0-9a-f]+"/, `"key": "${'0'.repeat(64)}"`)],
    ['expired', (text: string) => text.replace(/"expiresAt": "[^"]+"/, '"expiresAt": "2000-01-01T00:00:00.000Z"')],
  ])('a grant file that is %s never lets the command through', (_name, damage) => {
    const { h, id } = heldOnce(`grant-${_name.replace(/\s+/g, '-')}`);
    approveRequest(resolvePaths(vars(h)), id, { user: 'alice', how: 'typed target' });
    const [grant] = jsonFiles(join(h, 'grants'));
    writeFileSync(grant, damage(readFileSync(grant, 'utf8')));
    blocked(hook(DESTRUCTIVE, vars(h)));
    expect(jsonFiles(join(h, 'grants'))).toEqual([]); // consumed (and found wanting), not left to retry
  });

  test('a grant that is a folder: still blocked, no crash', () => {
    const { h, id } = heldOnce('grant-folder');
    approveRequest(resolvePaths(vars(h)), id, { user: 'alice', how: 'typed target' });
    const [grant] = jsonFiles(join(h, 'grants'));
    rmSync(grant);
    mkdirSync(grant);
    blocked(hook(DESTRUCTIVE, vars(h)));
  });

  test('an audit log cut mid-line or full of garbage: later entries are still whole lines', () => {
    const { h } = heldOnce('torn-audit');
    const log = join(h, 'audit.log');
    writeFileSync(log, readFileSync(log, 'utf8') + '{"time":"2025-01-01T00:00:00Z","event":"deci');
    blocked(hook(DESTRUCTIVE, vars(h)));
    passed(hook(SAFE, vars(h)));
    const lines = readFileSync(log, 'utf8').split('\n').filter(Boolean);
    expect(lines.at(-3)).toContain('"event":"deci'); // the torn line stays torn…
    expect(() => JSON.parse(lines.at(-2)!)).not.toThrow(); // …and does not swallow the next one
    expect(JSON.parse(lines.at(-1)!).command).toBe(SAFE);

    writeFileSync(log, Buffer.from([0x00, 0xff, 0xfe, 0x7b, 0x22]));
    blocked(hook(DESTRUCTIVE, vars(h)));
    expect(JSON.parse(readFileSync(log, 'utf8').split('\n').filter(Boolean).at(-1)!).command).toBe(DESTRUCTIVE);
  });

  test('an audit log that is a folder: the block says the log could not be written; safe commands pass', () => {
    const h = home('audit-folder');
    mkdirSync(join(h, 'audit.log'));
    blocked(hook(DESTRUCTIVE, vars(h)), /could not write its audit log/);
    passed(hook(SAFE, vars(h)));
  });

  test('a pending folder that is a file: blocked, and the reason names the state folder', () => {
    const h = home('pending-file');
    writeFileSync(join(h, 'pending'), 'not a folder');
    blocked(hook(DESTRUCTIVE, vars(h)), /could not be recorded in Interlock's state folder/);
    passed(hook(SAFE, vars(h)));
  });

  test('a corrupt code cache: the hook runs without it', () => {
    const h = heldOnce('bad-cache').h;
    const cache = join(h, 'cache');
    for (const name of existsSync(cache) ? readdirSync(cache) : []) writeFileSync(join(cache, name), 'garbage');
    blocked(hook(DESTRUCTIVE, vars(h)));
    passed(hook(SAFE, vars(h)));
  });

  test('a broken user config: built-in rules keep protecting, and the block says the config is broken', () => {
    const h = home('bad-config');
    writeFileSync(join(h, 'interlock.config.json'), '{ "rules": [ { "id": ');
    blocked(hook(DESTRUCTIVE, vars(h)), /config is broken/);
    passed(hook(SAFE, vars(h)));
  });
});

describe('an INTERLOCK_HOME that cannot be written (as root, where chmod stops nothing)', () => {
  const check = (vars: Record<string, string | undefined>, reason: RegExp, argv?: string[]) => {
    const r = hook(DESTRUCTIVE, vars, argv);
    blocked(r, reason);
    expect(r.denied).not.toMatch(/interlock approve/); // nothing recorded: nothing to approve
    passed(hook(SAFE, vars, argv));
  };

  test('INTERLOCK_HOME is a regular file', () => {
    const file = join(work, 'home-is-a-file');
    writeFileSync(file, 'x');
    check({ INTERLOCK_HOME: file, HOME: work }, /could not be recorded in Interlock's state folder .*home-is-a-file \(ENOTDIR/);
  });

  test('INTERLOCK_HOME is a path under a regular file', () => {
    const file = join(work, 'under-a-file');
    writeFileSync(file, 'x');
    check({ INTERLOCK_HOME: join(file, 'state'), HOME: work }, /could not be recorded in Interlock's state folder .*ENOTDIR/);
  });

  const canMount = spawnSync('unshare', ['-m', 'sh', '-c', `mount -t tmpfs -o ro tmpfs ${tmpdir()}`], { stdio: 'ignore' }).status === 0;

  test.skipIf(!canMount)('a read-only file system (tmpfs mounted read-only in a private mount namespace)', () => {
    const h = home('read-only');
    const argv = ['unshare', '-m', 'sh', '-c', `mount -t tmpfs -o ro tmpfs "$INTERLOCK_HOME" && exec "${process.execPath}" "${CLI}" hook claude`];
    check({ INTERLOCK_HOME: h, HOME: work }, /could not be recorded in Interlock's state folder/, argv);
  });

  const canChattr = (() => {
    const probe = join(tmpdir(), `interlock-chattr-${process.pid}`);
    mkdirSync(probe, { recursive: true });
    const ok = spawnSync('chattr', ['+i', probe], { stdio: 'ignore' }).status === 0;
    spawnSync('chattr', ['-i', probe], { stdio: 'ignore' });
    rmSync(probe, { recursive: true, force: true });
    return ok;
  })();

  test.skipIf(!canChattr)('an immutable folder (chattr +i: even root cannot create files in it)', () => {
    const h = home('immutable');
    spawnSync('chattr', ['+i', h]);
    try {
      check({ INTERLOCK_HOME: h, HOME: work }, /could not be recorded in Interlock's state folder .*EPERM/);
    } finally {
      spawnSync('chattr', ['-i', h]);
    }
  });

  test('chmod alone is no test as root (documenting why the tricks above exist)', () => {
    const h = home('chmod');
    chmodSync(h, 0o500);
    const r = hook(DESTRUCTIVE, { INTERLOCK_HOME: h, HOME: work });
    blocked(r);
    if (process.getuid?.() === 0) expect(r.id).toBeDefined(); // root wrote the request anyway
  });
});

describe('a full disk', () => {
  const canMount = spawnSync('unshare', ['-m', 'sh', '-c', `mount -t tmpfs -o size=16k tmpfs ${tmpdir()}`], { stdio: 'ignore' }).status === 0;

  test.skipIf(!canMount)('a tiny tmpfs filled up: blocked, with ENOSPC in the reason', () => {
    const h = home('full');
    const argv = ['unshare', '-m', 'sh', '-c', `mount -t tmpfs -o size=16k tmpfs "$INTERLOCK_HOME" && (dd if=/dev/zero of="$INTERLOCK_HOME/fill" bs=4k count=100 2>/dev/null; true) && exec "${process.execPath}" "${CLI}" hook claude`];
    const r = hook(DESTRUCTIVE, { INTERLOCK_HOME: h, HOME: work }, argv);
    blocked(r, /ENOSPC/);
    passed(hook(SAFE, { INTERLOCK_HOME: h, HOME: work }, argv));
  });

  test('an audit log that cannot take a byte (/dev/full): held as usual, and the block says the log failed', () => {
    const h = home('dev-full');
    symlinkSync('/dev/full', join(h, 'audit.log'));
    const r = hook(DESTRUCTIVE, { INTERLOCK_HOME: h, HOME: h });
    blocked(r, /could not write its audit log: ENOSPC/);
    expect(r.id).toBeDefined();
    passed(hook(SAFE, { INTERLOCK_HOME: h, HOME: h }));
  });
});

describe('no HOME', () => {
  test('HOME unset, INTERLOCK_HOME set: held as usual', () => {
    const h = home('no-home');
    const r = hook(DESTRUCTIVE, { INTERLOCK_HOME: h });
    blocked(r);
    expect(r.id).toBeDefined();
    passed(hook(SAFE, { INTERLOCK_HOME: h }));
  });

  test('HOME unset, XDG folders set: held as usual, state under XDG_STATE_HOME', () => {
    const h = home('no-home-xdg');
    const vars = { XDG_STATE_HOME: join(h, 'state'), XDG_CONFIG_HOME: join(h, 'config') };
    const r = hook(DESTRUCTIVE, vars);
    blocked(r);
    expect(existsSync(join(h, 'state', 'interlock', 'pending', `${r.id}.json`))).toBe(true);
    passed(hook(SAFE, vars));
  });

  test('HOME pointing somewhere unusable and no INTERLOCK_HOME: blocked with the reason; safe commands pass', () => {
    const file = join(work, 'home-file');
    writeFileSync(file, 'x');
    const vars = { HOME: join(file, 'home') };
    blocked(hook(DESTRUCTIVE, vars), /could not be recorded in Interlock's state folder .*ENOTDIR/);
    passed(hook(SAFE, vars));
  });
});
