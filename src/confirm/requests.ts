// Pending requests and one-time grants.
//
// Layout under the state folder (INTERLOCK_HOME when set):
//   pending/<id>.json        one request (redacted command, findings, status)
//   pending/keys/<key>       index: the id of the open request for a command+cwd key
//   grants/<key>.json        an approved, unused grant for that key
// where key = sha256(exact command text + '\0' + cwd). The hook only ever touches files by key or
// id: no folder scans, so its cost does not grow with the number of requests.
//
// A grant is consumed by renaming it to a unique claim name: rename is atomic, so when many hooks
// race for one grant exactly one rename succeeds and the others see ENOENT. Replacing an index
// entry that names a closed request happens under pending/keys/<key>.lock (a directory).
import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../types.js';
import type { Paths } from '../state/paths.js';
import { redact } from '../audit/redact.js';
import { appendAudit, redactClipped, type Approver } from '../audit/log.js';
import { approvalText } from './approve-text.js';
import { createFileExclusive, errorCode, readJson, readText, siblingName, tryUnlink, writeFileAtomic } from './files.js';
import { newRequestId, normaliseId } from './ids.js';
import { sha256Hex } from '../util/sha256.js';

export type RequestStatus = 'pending' | 'approved' | 'denied' | 'expired';

export interface PendingRequest {
  id: string;
  /** sha256 of the exact command text + '\0' + cwd. */
  key: string;
  /** Redacted for display; grants match the exact text through `key`. */
  command: string;
  cwd: string;
  client: string;
  session?: string;
  /** Redacted. */
  findings: Finding[];
  /** What the human types: a target, or a phrase made up at approval time (text ''). */
  approve: { text: string; kind: 'target' | 'phrase' };
  createdAt: string;
  expiresAt?: string;
  status: RequestStatus;
  /** When it was approved, denied or found expired. */
  decidedAt?: string;
  /** Who approved or denied it. */
  decidedBy?: Approver;
  /** Until when the grant of an approved request can be used. */
  grantExpiresAt?: string;
}

export interface Grant {
  key: string;
  id: string;
  createdAt: string;
  expiresAt: string;
  request: PendingRequest;
}

export interface ConfirmTimes {
  /** How long a pending request waits for a human. Default 1 hour. */
  requestTtlMs?: number;
  /** How long an approval stays usable. Default 10 minutes. */
  grantTtlMs?: number;
}

export const DEFAULT_REQUEST_TTL_MS = 60 * 60 * 1000;
/** Longest command text kept in a request file (the approval screen shows it; longer text is cut). */
export const MAX_REQUEST_COMMAND = 64 * 1024;
const MAX_FINDING_TEXT = 8 * 1024;
export const DEFAULT_GRANT_TTL_MS = 10 * 60 * 1000;

export class RequestError extends Error {
  constructor(
    message: string,
    readonly reason: 'not-found' | 'not-pending' | 'expired',
  ) {
    super(message);
  }
}

export function requestKey(command: string, cwd: string): string {
  return sha256Hex(command + '\0' + cwd);
}

const requestPath = (paths: Paths, id: string) => join(paths.pending, `${id}.json`);
const indexPath = (paths: Paths, key: string) => join(paths.pending, 'keys', key);
const grantPath = (paths: Paths, key: string) => join(paths.grants, `${key}.json`);

function serialise(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

export function isExpired(request: PendingRequest, now: Date): boolean {
  return request.expiresAt !== undefined && Date.parse(request.expiresAt) <= now.getTime();
}

/** Pending and not expired: a human can still approve it. */
export function isOpen(request: PendingRequest, now: Date): boolean {
  return request.status === 'pending' && !isExpired(request, now);
}

export function readRequest(paths: Paths, id: string): PendingRequest | undefined {
  const clean = normaliseId(id);
  return clean ? readJson<PendingRequest>(requestPath(paths, clean)) : undefined;
}

function writeRequest(paths: Paths, request: PendingRequest): void {
  writeFileAtomic(requestPath(paths, request.id), serialise(request));
}

function auditQuietly(paths: Paths, entry: Parameters<typeof appendAudit>[1]): void {
  try {
    appendAudit(paths, entry);
  } catch {
    // an expiry note is not worth failing the caller for
  }
}

/** Marks an open-but-expired request as expired (and says so in the audit log). */
function markExpired(paths: Paths, request: PendingRequest, now: Date): PendingRequest {
  const expired: PendingRequest = { ...request, status: 'expired', decidedAt: now.toISOString() };
  writeRequest(paths, expired);
  auditQuietly(paths, { event: 'expiry', decision: 'expired', requestId: request.id, client: request.client, session: request.session, cwd: request.cwd, command: request.command, reason: 'request expired before anyone approved it' });
  return expired;
}

/** The open request for a key, if the index points at one. */
function openRequestFor(paths: Paths, key: string, now: Date): PendingRequest | undefined {
  const id = readText(indexPath(paths, key))?.trim();
  if (!id) return undefined;
  const request = readRequest(paths, id);
  if (!request || request.key !== key) return undefined;
  if (request.status === 'pending' && isExpired(request, now)) {
    markExpired(paths, request, now);
    return undefined;
  }
  return request.status === 'pending' ? request : undefined;
}

function redactFinding(finding: Finding): Finding {
  const cut = (text: string) => redactClipped(text, MAX_FINDING_TEXT);
  const out: Finding = { ...finding, reason: cut(finding.reason), action: cut(finding.action) };
  if (finding.target !== undefined) out.target = cut(finding.target);
  if (finding.hints) out.hints = finding.hints.map(redact);
  if (finding.command !== undefined) out.command = cut(finding.command);
  return out;
}

/**
 * Records a held command as a pending request, or returns the open request for the same exact
 * command text and cwd. Lookups are by key (O(1)); the request file holds only redacted text.
 */
export function holdRequest(
  paths: Paths,
  input: { command: string; cwd: string; client: string; session?: string; findings: Finding[] },
  now: Date = new Date(),
  times: ConfirmTimes = {},
): PendingRequest {
  const key = requestKey(input.command, input.cwd);
  const existing = openRequestFor(paths, key, now);
  if (existing) return existing;

  const findings = input.findings.map(redactFinding);
  const base = {
    key,
    // Shown to the human; a huge command is cut (the grant still matches the exact text by key).
    command: redactClipped(input.command, MAX_REQUEST_COMMAND),
    cwd: input.cwd,
    client: input.client,
    ...(input.session ? { session: input.session } : {}),
    findings,
    approve: approvalText(findings),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + (times.requestTtlMs ?? DEFAULT_REQUEST_TTL_MS)).toISOString(),
    status: 'pending' as const,
  };
  let request: PendingRequest | undefined;
  for (let attempt = 0; attempt < 8 && !request; attempt++) {
    const candidate: PendingRequest = { id: newRequestId(), ...base };
    if (createFileExclusive(requestPath(paths, candidate.id), serialise(candidate))) request = candidate;
  }
  if (!request) throw new Error('could not allocate a request id');

  // Publish the index. If another hook published one first for the same command, use theirs.
  if (!createFileExclusive(indexPath(paths, key), request.id + '\n')) {
    // The index exists. If it names a closed request (the command ran again after an approval,
    // denial or expiry) it must be replaced, and of many hooks doing that at once only the first
    // may: check and replace under the key's lock.
    const mine = request;
    const theirs = withKeyLock(paths, key, () => {
      const open = openRequestFor(paths, key, now);
      if (!open) writeFileAtomic(indexPath(paths, key), mine.id + '\n');
      return open;
    });
    if (theirs) {
      tryUnlink(requestPath(paths, request.id));
      return theirs;
    }
  }
  return request;
}

const LOCK_WAIT_MS = 1000;
/** A lock older than this was left by a crashed process. */
const STALE_LOCK_MS = 5000;

/**
 * Runs `section` holding the key's lock (a directory: mkdir is atomic). Hooks hold it for a few
 * file operations; a lock that cannot be had within a second is ignored, since the worst outcome
 * of racing without it is a second pending request for the same command, never a lost hold.
 */
function withKeyLock<T>(paths: Paths, key: string, section: () => T): T {
  const lock = indexPath(paths, key) + '.lock';
  const deadline = Date.now() + LOCK_WAIT_MS;
  let held = false;
  while (!held) {
    try {
      mkdirSync(lock, { mode: 0o700 });
      held = true;
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') break;
      if (isOlderThan(lock, STALE_LOCK_MS)) removeLock(lock);
      else if (Date.now() >= deadline) break;
      else sleepMs(2);
    }
  }
  try {
    return section();
  } finally {
    if (held) removeLock(lock);
  }
}

function removeLock(lock: string): void {
  try {
    rmdirSync(lock);
  } catch {
    // already removed (by us after a stale-lock check, or by the holder)
  }
}

function isOlderThan(path: string, ms: number, now = Date.now()): boolean {
  try {
    return now - statSync(path).mtimeMs > ms;
  } catch {
    return false;
  }
}

let sleeper: Int32Array | undefined;
function sleepMs(ms: number): void {
  sleeper ??= new Int32Array(new SharedArrayBuffer(4));
  Atomics.wait(sleeper, 0, 0, ms);
}

/**
 * Consumes the grant for this exact command text and cwd: single use, unexpired. Atomic: of any
 * number of processes racing for one grant, at most one gets it.
 */
export function consumeGrant(paths: Paths, command: string, cwd: string, now: Date = new Date()): { request: PendingRequest } | null {
  const key = requestKey(command, cwd);
  const path = grantPath(paths, key);
  // The common case is no grant: check first, since a failed rename costs an exception.
  // (The rename below still decides who gets the grant.)
  if (!existsSync(path)) return null;
  const claim = siblingName(path, 'claimed');
  try {
    renameSync(path, claim);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
  let grant: Grant | undefined;
  try {
    grant = readJson<Grant>(claim);
  } finally {
    tryUnlink(claim);
  }
  if (!grant || grant.key !== key) return null;
  if (Date.parse(grant.expiresAt) <= now.getTime()) {
    auditQuietly(paths, { event: 'expiry', decision: 'expired', requestId: grant.id, cwd, command: grant.request.command, reason: 'approval expired before the command ran again' });
    return null;
  }
  return { request: grant.request };
}

/** The grant waiting for a key, without consuming it (for `pending` and tests). */
export function peekGrant(paths: Paths, key: string): Grant | undefined {
  return readJson<Grant>(grantPath(paths, key));
}

/** A request that a human may act on now; throws RequestError with a readable message otherwise. */
export function openRequest(paths: Paths, id: string, now: Date = new Date()): PendingRequest {
  const request = readRequest(paths, id);
  if (!request) throw new RequestError(`No request with id "${id.trim()}".`, 'not-found');
  if (request.status === 'pending' && isExpired(request, now)) {
    markExpired(paths, request, now);
    throw new RequestError(`Request ${request.id} has expired; ask the agent to run the command again.`, 'expired');
  }
  if (request.status !== 'pending') throw new RequestError(`Request ${request.id} is already ${request.status}.`, 'not-pending');
  return request;
}

/**
 * Approves an open request: writes the one-time grant for its command+cwd and marks it approved.
 * The caller has checked the human and the typed text, and writes the audit entry.
 */
export function approveRequest(paths: Paths, id: string, approver: Approver, now: Date = new Date(), times: ConfirmTimes = {}): PendingRequest {
  const request = openRequest(paths, id, now);
  const expiresAt = new Date(now.getTime() + (times.grantTtlMs ?? DEFAULT_GRANT_TTL_MS)).toISOString();
  const approved: PendingRequest = { ...request, status: 'approved', decidedAt: now.toISOString(), decidedBy: approver, grantExpiresAt: expiresAt };
  const grant: Grant = { key: request.key, id: request.id, createdAt: now.toISOString(), expiresAt, request: approved };
  writeFileAtomic(grantPath(paths, request.key), serialise(grant));
  writeRequest(paths, approved);
  return approved;
}

/** Denies a request (pending, or approved but not yet used: its grant is revoked). */
export function denyRequest(paths: Paths, id: string, by: Approver | undefined, now: Date = new Date()): PendingRequest {
  const request = readRequest(paths, id);
  if (!request) throw new RequestError(`No request with id "${id.trim()}".`, 'not-found');
  if (request.status === 'denied' || request.status === 'expired') throw new RequestError(`Request ${request.id} is already ${request.status}.`, 'not-pending');
  if (request.status === 'approved') {
    const grant = peekGrant(paths, request.key);
    if (grant?.id === request.id) tryUnlink(grantPath(paths, request.key));
  }
  const denied: PendingRequest = { ...request, status: 'denied', decidedAt: now.toISOString(), ...(by ? { decidedBy: by } : {}) };
  writeRequest(paths, denied);
  return denied;
}

/**
 * Every request on disk, newest first (a folder scan: for the human's commands, never the hook).
 * Open requests that have expired are marked expired on the way.
 */
export function listRequests(paths: Paths, now: Date = new Date()): PendingRequest[] {
  let names: string[];
  try {
    names = readdirSync(paths.pending).filter((name) => name.endsWith('.json'));
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return [];
    throw error;
  }
  const requests: PendingRequest[] = [];
  for (const name of names) {
    let request = readJson<PendingRequest>(join(paths.pending, name));
    if (!request || typeof request.id !== 'string') continue;
    if (request.status === 'pending' && isExpired(request, now)) request = markExpired(paths, request, now);
    requests.push(request);
  }
  return requests.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
}

/** Open requests, oldest first (the order a human works through them). */
export function pendingRequests(paths: Paths, now: Date = new Date()): PendingRequest[] {
  return listRequests(paths, now)
    .filter((r) => isOpen(r, now))
    .reverse();
}

const KEEP_DECIDED_MS = 7 * 24 * 60 * 60 * 1000;
const STALE_TEMP_MS = 60 * 60 * 1000;

/**
 * Housekeeping for the human's commands: removes decided requests older than a week, their
 * index entries, expired grants and temp/claim files left by crashed processes.
 */
export function pruneState(paths: Paths, now: Date = new Date()): void {
  const old = (path: string, age: number) => isOlderThan(path, age, now.getTime());
  const removable = new Set<string>();
  for (const request of listRequests(paths, now)) {
    if (request.status !== 'pending' && Date.parse(request.decidedAt ?? request.createdAt) < now.getTime() - KEEP_DECIDED_MS) {
      tryUnlink(requestPath(paths, request.id));
      removable.add(request.key);
    }
  }
  for (const key of removable) {
    const id = readText(indexPath(paths, key))?.trim();
    if (id && !readRequest(paths, id)) tryUnlink(indexPath(paths, key));
  }
  for (const dir of [paths.pending, join(paths.pending, 'keys'), paths.grants]) {
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const path = join(dir, name);
      if (/\.(tmp|claimed)$/.test(name) && old(path, STALE_TEMP_MS)) tryUnlink(path);
      if (name.endsWith('.lock') && old(path, STALE_LOCK_MS)) removeLock(path);
      if (dir === paths.grants && name.endsWith('.json')) {
        const grant = readJson<Grant>(path);
        if (grant && Date.parse(grant.expiresAt) < now.getTime() - STALE_TEMP_MS) tryUnlink(path);
      }
    }
  }
}
