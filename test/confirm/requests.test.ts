import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolvePaths, type Paths } from '../../src/state/paths.js';
import {
  approveRequest,
  consumeGrant,
  DEFAULT_GRANT_TTL_MS,
  denyRequest,
  holdRequest,
  listRequests,
  openRequest,
  peekGrant,
  pendingRequests,
  pruneState,
  readRequest,
  requestKey,
  RequestError,
} from '../../src/confirm/requests.js';
import { ID_ALPHABET } from '../../src/confirm/ids.js';
import type { Finding } from '../../src/types.js';

const TOKEN = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';
const INCIDENT = `curl -X POST https://backboard.railway.app/graphql/v2 -H "Authorization: Bearer ${TOKEN}" -d '{"query":"mutation { volumeDelete(volumeId: \\"3d2c42fb-9a1b-4c2d-8e3f-0123456789ab\\") }"}'`;
const FINDINGS: Finding[] = [
  { rule: 'http.graphql.destructive-mutation', action: 'delete volume', target: '3d2c42fb-9a1b-4c2d-8e3f-0123456789ab', reason: 'volumeDelete removes the volume and its backups', hints: ['production host'] },
];
const approver = { user: 'alice', tty: '/dev/pts/1', how: 'typed target' };

let home: string;
let paths: Paths;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'interlock-requests-'));
  paths = resolvePaths({ INTERLOCK_HOME: home });
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const hold = (command = INCIDENT, cwd = '/work/app', now?: Date) => holdRequest(paths, { command, cwd, client: 'claude', session: 's1', findings: FINDINGS }, now);

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? allFiles(join(dir, e.name)) : [join(dir, e.name)]));
}

describe('holdRequest', () => {
  test('records a pending request with a short, unambiguous id and the target to type', () => {
    const request = hold();
    expect(request.id).toMatch(new RegExp(`^[${ID_ALPHABET}]{6}$`));
    expect(request.id).not.toMatch(/[01ilo]/);
    expect(request).toMatchObject({ status: 'pending', cwd: '/work/app', client: 'claude', session: 's1', approve: { kind: 'target', text: '3d2c42fb' } });
    expect(request.key).toBe(requestKey(INCIDENT, '/work/app'));
    expect(readRequest(paths, request.id)).toEqual(request);
    expect(Date.parse(request.expiresAt!)).toBeGreaterThan(Date.parse(request.createdAt));
  });

  test('stores only redacted text, privately', () => {
    const request = hold();
    expect(request.command).toContain('[redacted]');
    for (const file of allFiles(home)) {
      expect(readFileSync(file, 'utf8')).not.toContain(TOKEN);
      expect(statSync(file).mode & 0o777).toBe(0o600);
    }
    expect(statSync(paths.pending).mode & 0o777).toBe(0o700);
  });

  test('the same command in the same folder reuses its open request; anything else gets a new one', () => {
    const first = hold();
    expect(hold().id).toBe(first.id);
    expect(hold(INCIDENT.replace('3d2c42fb', '99999999')).id).not.toBe(first.id);
    expect(hold(INCIDENT, '/work/other').id).not.toBe(first.id);
    expect(pendingRequests(paths)).toHaveLength(3);
  });

  test('an expired request is marked expired and replaced', () => {
    const first = hold(INCIDENT, '/work/app', new Date('2025-01-01T00:00:00Z'));
    const later = hold(INCIDENT, '/work/app', new Date('2025-01-01T02:00:00Z'));
    expect(later.id).not.toBe(first.id);
    expect(readRequest(paths, first.id)?.status).toBe('expired');
    expect(readFileSync(paths.audit, 'utf8')).toContain('"expiry"');
  });

  test('a request without a nameable target asks for a phrase made up at approval time', () => {
    const request = holdRequest(paths, { command: 'rm -rf "$DIR"/*', cwd: '/w', client: 'claude', findings: [{ rule: 'fs.rm', action: 'delete files', target: '$DIR/*', reason: 'x' }] });
    expect(request.approve).toEqual({ kind: 'phrase', text: '' });
  });
});

describe('grants', () => {
  test('approve then consume: single use, exact command and folder', () => {
    const request = hold();
    const approved = approveRequest(paths, request.id, approver);
    expect(approved.status).toBe('approved');
    expect(approved.decidedBy).toEqual(approver);
    expect(consumeGrant(paths, INCIDENT + ' ', '/work/app')).toBeNull();
    expect(consumeGrant(paths, INCIDENT, '/work/app/')).toBeNull();
    const granted = consumeGrant(paths, INCIDENT, '/work/app');
    expect(granted?.request.id).toBe(request.id);
    expect(consumeGrant(paths, INCIDENT, '/work/app')).toBeNull();
  });

  test('the grant expires after the TTL (default 10 minutes, configurable)', () => {
    const t0 = new Date('2025-01-01T00:00:00Z');
    const request = hold(INCIDENT, '/work/app', t0);
    const approved = approveRequest(paths, request.id, approver, t0);
    expect(Date.parse(approved.grantExpiresAt!) - t0.getTime()).toBe(DEFAULT_GRANT_TTL_MS);
    expect(consumeGrant(paths, INCIDENT, '/work/app', new Date(t0.getTime() + DEFAULT_GRANT_TTL_MS + 1))).toBeNull();

    const again = hold(INCIDENT, '/work/app', t0);
    expect(again.id).not.toBe(request.id); // the approved one is closed
    approveRequest(paths, again.id, approver, t0, { grantTtlMs: 60_000 });
    expect(consumeGrant(paths, INCIDENT, '/work/app', new Date(t0.getTime() + 61_000))).toBeNull();
  });

  test('after the grant is used, the same command is held again as a new request', () => {
    const request = hold();
    approveRequest(paths, request.id, approver);
    expect(consumeGrant(paths, INCIDENT, '/work/app')).not.toBeNull();
    const next = hold();
    expect(next.id).not.toBe(request.id);
    expect(next.status).toBe('pending');
  });

  test('replacing a closed request waits for the key lock, and steps over a lock left by a crashed process', () => {
    const request = hold();
    denyRequest(paths, request.id, undefined);
    const lock = join(paths.pending, 'keys', `${request.key}.lock`);
    mkdirSync(lock);
    const started = Date.now();
    const busy = hold();
    // A live lock is waited for (up to a second) and then ignored: a hold is never lost to it.
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(busy.status).toBe('pending');
    expect(readFileSync(join(paths.pending, 'keys', request.key), 'utf8').trim()).toBe(busy.id);

    denyRequest(paths, busy.id, undefined);
    utimesSync(lock, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    const quick = Date.now();
    const next = hold();
    expect(Date.now() - quick).toBeLessThan(500);
    expect(next.id).not.toBe(busy.id);
    expect(existsSync(lock)).toBe(false);
  });

  test('no grant, no folder: consumeGrant is a cheap miss', () => {
    expect(consumeGrant(paths, 'ls', '/')).toBeNull();
  });

  test('the grant file holds no literal token', () => {
    const request = hold();
    approveRequest(paths, request.id, approver);
    expect(peekGrant(paths, request.key)?.id).toBe(request.id);
    for (const file of allFiles(home)) expect(readFileSync(file, 'utf8')).not.toContain(TOKEN);
  });
});

describe('openRequest / denyRequest', () => {
  test('deny closes a pending request', () => {
    const request = hold();
    expect(denyRequest(paths, request.id, approver).status).toBe('denied');
    expect(() => openRequest(paths, request.id)).toThrow(RequestError);
    expect(() => approveRequest(paths, request.id, approver)).toThrow(/already denied/);
    expect(pendingRequests(paths)).toHaveLength(0);
  });

  test('deny withdraws an approval not used yet', () => {
    const request = hold();
    approveRequest(paths, request.id, approver);
    denyRequest(paths, request.id, approver);
    expect(consumeGrant(paths, INCIDENT, '/work/app')).toBeNull();
  });

  test('unknown, malformed and expired ids are refused with a readable reason', () => {
    expect(() => openRequest(paths, 'zzzzzz')).toThrow(/No request/);
    expect(() => openRequest(paths, '../../etc/passwd')).toThrow(/No request/);
    expect(() => denyRequest(paths, 'zzzzzz', undefined)).toThrow(/No request/);
    const request = hold(INCIDENT, '/work/app', new Date('2025-01-01T00:00:00Z'));
    expect(() => openRequest(paths, request.id, new Date('2025-01-02T00:00:00Z'))).toThrow(/expired/);
  });

  test('ids are accepted in any case and with stray spaces', () => {
    const request = hold();
    expect(openRequest(paths, ` ${request.id.toUpperCase()} `).id).toBe(request.id);
  });
});

describe('listing and housekeeping', () => {
  test('pendingRequests lists open requests oldest first; listRequests all, newest first', () => {
    const a = hold('cmd a', '/w', new Date(Date.now() - 3000));
    const b = hold('cmd b', '/w', new Date(Date.now() - 2000));
    const c = hold('cmd c', '/w', new Date(Date.now() - 1000));
    denyRequest(paths, b.id, undefined);
    expect(pendingRequests(paths).map((r) => r.id)).toEqual([a.id, c.id]);
    expect(listRequests(paths).map((r) => r.id)).toEqual([c.id, b.id, a.id]);
  });

  test('pruneState removes week-old decided requests, stale temp files and locks, and long-expired grants', () => {
    const old = hold('cmd old', '/w', new Date(Date.now() - 10 * 86400_000));
    denyRequest(paths, old.id, undefined, new Date(Date.now() - 9 * 86400_000));
    const fresh = hold('cmd fresh', '/w');
    const approved = hold('cmd approved', '/w', new Date(Date.now() - 3 * 3600_000));
    approveRequest(paths, approved.id, approver, new Date(Date.now() - 3 * 3600_000));
    const stale = join(paths.pending, 'x.json.1.abcd.tmp');
    writeFileSync(stale, '{');
    utimesSync(stale, new Date(Date.now() - 2 * 3600_000), new Date(Date.now() - 2 * 3600_000));
    const staleLock = join(paths.pending, 'keys', `${fresh.key}.lock`);
    mkdirSync(staleLock);
    utimesSync(staleLock, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    pruneState(paths);
    expect(existsSync(staleLock)).toBe(false);
    expect(readRequest(paths, old.id)).toBeUndefined();
    expect(readRequest(paths, fresh.id)).toBeDefined();
    expect(peekGrant(paths, approved.key)).toBeUndefined();
    expect(readdirSync(paths.pending)).not.toContain('x.json.1.abcd.tmp');
  });
});
