// `interlock approve` and `interlock watch` on real terminals (python3's pty), with the built CLI.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolvePaths, type Paths } from '../../src/state/paths.js';
import { holdRequest, peekGrant, readRequest, type PendingRequest } from '../../src/confirm/requests.js';
import type { Finding } from '../../src/types.js';
import { argvOnTerminal, cleanEnv, CLI, onTerminal, runPiped } from './cli.js';

const TOKEN = '9f1c2d3e-7a7a-4b4b-8c8c-1234567890ab';
const VOLUME = '3d2c42fb-9a1b-4c2d-8e3f-0123456789ab';
const INCIDENT = `curl -X POST https://backboard.railway.app/graphql/v2 -H "Authorization: Bearer ${TOKEN}" -d '{"query":"mutation { volumeDelete(volumeId: \\"${VOLUME}\\") }"}'`;
const FINDINGS: Finding[] = [{ rule: 'graphql.railway.volume-delete', action: 'delete Railway volume', target: VOLUME, reason: 'volumeDelete destroys the volume and its backups', hints: ['production host'] }];

let work: string;
let env: Record<string, string>;
let paths: Paths;

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'interlock-approve-'));
  mkdirSync(join(work, 'home'));
  env = cleanEnv(work);
  paths = resolvePaths({ INTERLOCK_HOME: env.INTERLOCK_HOME });
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const hold = (command = INCIDENT, findings = FINDINGS): PendingRequest => holdRequest(paths, { command, cwd: '/work/app', client: 'claude', session: 's1', findings });
const audit = () => readFileSync(paths.audit, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const TYPE = 'Type "([^"]+)" to approve';

function everyFile(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? everyFile(join(dir, e.name)) : [join(dir, e.name)]));
}

describe('interlock approve', () => {
  test('refuses without a terminal (piped `echo yes | interlock approve <id>`): nothing granted', () => {
    const request = hold();
    const result = runPiped(['approve', request.id], env, 'yes\n3d2c42fb\n');
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/interactive terminal/);
    expect(peekGrant(paths, request.key)).toBeUndefined();
    expect(readRequest(paths, request.id)?.status).toBe('pending');
    expect(audit().at(-1)).toMatchObject({ event: 'approval-refused', requestId: request.id });
  });

  test('refuses on a terminal inside an agent (CLAUDECODE=1): nothing granted', async () => {
    const request = hold();
    const result = await onTerminal(['approve', request.id], { ...env, CLAUDECODE: '1' }, []);
    expect(result.exit).not.toBe(0);
    expect(result.output).toMatch(/AI agent \(Claude Code: the environment variable CLAUDECODE=1\)/);
    expect(result.output).not.toMatch(/Type "/);
    expect(peekGrant(paths, request.key)).toBeUndefined();
  });

  test('refuses on a terminal with an agent process among its ancestors', async () => {
    const request = hold();
    // a shell that runs as `claude`: the process an agent's shell tool descends from
    const claude = join(work, 'claude');
    symlinkSync('/bin/bash', claude);
    const result = await argvOnTerminal([claude, '-c', `"${process.execPath}" "${CLI}" approve ${request.id}; exit $?`], env, []);
    expect(result.exit).not.toBe(0);
    expect(result.output).toMatch(/AI agent \(Claude Code: process \d+ \(claude\) among this command's parent processes\)/);
    expect(peekGrant(paths, request.key)).toBeUndefined();
  });

  test('refuses wrong text: nothing granted, non-zero exit', async () => {
    const request = hold();
    const result = await onTerminal(['approve', request.id], env, [{ expect: TYPE, send: 'yes\r' }]);
    expect(result.exit).toBe(1);
    expect(result.output).toMatch(/does not match "3d2c42fb": nothing was approved/);
    expect(peekGrant(paths, request.key)).toBeUndefined();
    expect(readRequest(paths, request.id)?.status).toBe('pending');
    expect(audit().at(-1)).toMatchObject({ event: 'approval-refused', reason: 'typed text did not match' });
  });

  test('Enter cancels: nothing granted, non-zero exit', async () => {
    const request = hold();
    const result = await onTerminal(['approve', request.id], env, [{ expect: TYPE, send: '\r' }]);
    expect(result.exit).toBe(1);
    expect(result.output).toMatch(/Cancelled: nothing was approved/);
    expect(peekGrant(paths, request.key)).toBeUndefined();
  });

  test('typing the target approves: exit 0, the screen showed the volume id, the grant is written and logged', async () => {
    const request = hold();
    const result = await onTerminal(['approve', request.id], env, [{ expect: 'Type "3d2c42fb" to approve, or press Enter to cancel: ', send: '3d2c42fb\r' }]);
    expect(result.exit, result.output).toBe(0);
    expect(result.output).toContain(VOLUME);
    expect(result.output).toContain('delete Railway volume');
    expect(result.output).toContain('/work/app');
    expect(result.output).toContain('Authorization: Bearer [redacted]');
    expect(result.output).not.toContain(TOKEN);
    expect(result.output).toMatch(/Approved/);
    expect(peekGrant(paths, request.key)?.id).toBe(request.id);
    expect(readRequest(paths, request.id)?.status).toBe('approved');
    const approval = audit().find((e) => e.event === 'approval');
    expect(approval).toMatchObject({ decision: 'approved', requestId: request.id, approver: { how: 'typed target' } });
    expect(approval.approver.tty).toMatch(/^\/dev\//);
    for (const file of everyFile(env.INTERLOCK_HOME)) expect(readFileSync(file, 'utf8')).not.toContain(TOKEN);
  });

  test('without an id, picks from the pending list', async () => {
    const at = (ms: number) => new Date(Date.now() - ms);
    holdRequest(paths, { command: 'rm -rf /srv/data-a', cwd: '/w', client: 'claude', findings: [{ rule: 'fs.rm', action: 'delete folder', target: '/srv/data-a', reason: 'r' }] }, at(2000));
    const second = holdRequest(paths, { command: 'rm -rf /srv/data-b', cwd: '/w', client: 'claude', findings: [{ rule: 'fs.rm', action: 'delete folder', target: '/srv/data-b', reason: 'r' }] }, at(1000));
    const result = await onTerminal(['approve'], env, [
      { expect: 'Choose a request \\[1-2\\]', send: '2\r' },
      { expect: 'Type "/srv/data-b"', send: '/srv/data-b\r' },
    ]);
    expect(result.exit, result.output).toBe(0);
    expect(result.timedOut, result.output).toBe(false);
    expect(peekGrant(paths, second.key)?.id).toBe(second.id);
  });

  test('with no nameable target, asks for a phrase shown only on the screen; typing it approves', async () => {
    const request = hold('rm -rf "$WORKDIR"/*', [{ rule: 'fs.rm', action: 'delete files', target: '$WORKDIR/*', reason: 'r' }]);
    expect(request.approve).toEqual({ kind: 'phrase', text: '' });
    const cancelled = await onTerminal(['approve', request.id], env, [{ expect: TYPE, send: '\r' }]);
    const first = /Type "([^"]+)"/.exec(cancelled.output)?.[1] ?? '';
    expect(first).toMatch(/^[a-z]+ [a-z]+ [a-z]+$/);
    const approved = await onTerminal(['approve', request.id], env, [{ expect: TYPE, sendGroup: 1, send: '\r' }]);
    const second = /Type "([^"]+)"/.exec(approved.output)?.[1] ?? '';
    expect(approved.exit, approved.output).toBe(0);
    expect(second).not.toBe(first); // made up afresh each time
    expect(peekGrant(paths, request.key)?.id).toBe(request.id);
    expect(audit().find((e) => e.event === 'approval')?.approver.how).toBe('typed phrase');
    for (const file of everyFile(env.INTERLOCK_HOME)) {
      const text = readFileSync(file, 'utf8');
      expect(text).not.toContain(first);
      expect(text).not.toContain(second);
    }
  });

  test('unknown id: refused with a clear message', async () => {
    const result = await onTerminal(['approve', 'zzzzzz'], env, []);
    expect(result.exit).toBe(1);
    expect(result.output).toMatch(/No request with id "zzzzzz"/);
  });
});

describe('interlock watch', () => {
  test('shows a new request as it arrives, rings the bell, and approves with the typed check', async () => {
    mkdirSync(paths.pending, { recursive: true });
    const session = onTerminal(['watch', '--no-notify', '--interval', '200'], env, [
      { expect: 'Commands: a \\[id\\] approve', send: '' },
      { expect: 'New request [a-z0-9]+ from claude', send: 'a\r' },
      { expect: 'Type "3d2c42fb" to approve', send: '3d2c42fb\r' },
      { expect: 'Approved', send: 'q\r' },
    ]);
    await new Promise((r) => setTimeout(r, 1500));
    const request = hold();
    const result = await session;
    expect(result.exit, result.output).toBe(0);
    expect(result.output).toContain('\u0007');
    expect(result.output).toContain(VOLUME);
    expect(peekGrant(paths, request.key)?.id).toBe(request.id);
  }, 30_000);

  test('denies from the watch prompt', async () => {
    const request = hold();
    const result = await onTerminal(['watch', '--no-notify', '--no-bell'], env, [
      { expect: 'already waiting', send: '' },
      { expect: 'interlock> ', send: `d ${request.id}\r` },
      { expect: 'Denied', send: 'q\r' },
    ]);
    expect(result.exit, result.output).toBe(0);
    expect(readRequest(paths, request.id)?.status).toBe('denied');
  });
});

describe('interlock pending, deny, log', () => {
  test('pending lists open requests, as text and JSON', () => {
    const request = hold();
    const text = runPiped(['pending'], env);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain(`interlock approve ${request.id}`);
    expect(text.stdout).not.toContain(TOKEN);
    const json = JSON.parse(runPiped(['pending', '--json'], env).stdout);
    expect(json.map((r: PendingRequest) => r.id)).toEqual([request.id]);
  });

  test('deny closes a request and is logged; log filters', () => {
    const request = hold();
    const denied = runPiped(['deny', request.id], env);
    expect(denied.status, denied.stderr).toBe(0);
    expect(denied.stdout).toMatch(/Denied/);
    expect(runPiped(['deny', request.id], env).status).toBe(1);
    expect(runPiped(['deny'], env).status).toBe(2);
    const log = runPiped(['log', '--json', '--decision', 'denied', '--limit', '5'], env);
    expect(log.status).toBe(0);
    const entries = log.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ event: 'denial', requestId: request.id });
    expect(runPiped(['log', '--since', 'soon'], env).status).toBe(2);
    expect(runPiped(['log', '--since', '1h'], env).stdout).toMatch(/denied/);
  });

  test('every command has --help', () => {
    for (const name of ['approve', 'deny', 'pending', 'watch', 'log']) {
      const result = runPiped([name, '--help'], env);
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`Usage: interlock ${name}`));
    }
  });

  test('state files are private', () => {
    hold();
    runPiped(['pending'], env);
    for (const file of everyFile(env.INTERLOCK_HOME)) expect(statSync(file).mode & 0o077).toBe(0);
  });
});
