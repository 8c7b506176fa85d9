// The audit trail: one JSON line per event, appended with O_APPEND in a single write so that
// concurrent hooks never interleave or tear lines. The hook path never reads the log: rotation
// looks at the size (stat) and renames the file to a unique, sortable name.
import { closeSync, fstatSync, openSync, readdirSync, readSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Paths } from '../state/paths.js';
import { redact } from './redact.js';
import { ensureDir, errorCode, FILE_MODE } from '../confirm/files.js';

export type AuditEvent =
  /** The hook decided a command (allow, confirm, deny). */
  | 'decision'
  /** A held command's grant was consumed: the command ran once. */
  | 'grant-used'
  /** A human approved a request (typed the target). */
  | 'approval'
  /** An approval attempt failed (wrong text, cancelled, refused terminal). */
  | 'approval-refused'
  /** A human denied a request. */
  | 'denial'
  /** A request or grant expired unused. */
  | 'expiry'
  /** A command was denied for tampering with Interlock (self.* rules). */
  | 'self-protection'
  /** Interlock failed and blocked (fail closed). */
  | 'error'
  /** A human trusted a project config (`interlock trust`). */
  | 'trust';

export interface Approver {
  /** OS user name of the approving human. */
  user: string;
  /** Terminal device the approval was typed on (`/dev/pts/3`). */
  tty?: string;
  /** How: 'typed target' | 'typed phrase'. */
  how: string;
}

export interface AuditEntry {
  /** ISO time; filled in when absent. */
  time?: string;
  event: AuditEvent;
  /** allow | confirm | deny for decisions; approved | denied | expired | refused for the others. */
  decision?: string;
  client?: string;
  session?: string;
  cwd?: string;
  /** Redacted on write. */
  command?: string;
  rules?: string[];
  requestId?: string;
  /** Why (redacted on write). */
  reason?: string;
  approver?: Approver;
  durationMs?: number;
  /** Anything else worth keeping (redacted on write). */
  details?: Record<string, unknown>;
  /** Further fields the caller records (outcome, findings …), redacted on write. */
  [field: string]: unknown;
}

export interface AuditOptions {
  /** Rotate when the log reaches this size (bytes). Default 10 MiB. */
  maxBytes?: number;
  /** Rotated files kept. Default 5. */
  keep?: number;
}

export const DEFAULT_AUDIT_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_AUDIT_KEEP = 5;
/** Longest command text kept in one line; longer text is cut (the line stays one small write). */
export const MAX_LOGGED_TEXT = 8 * 1024;

/**
 * Redacted text, cut to `max` characters with a note of how much was left out. Only the kept part
 * (plus a margin, so a secret that straddles the cut is still recognised) is redacted: redacting
 * megabytes of command text would cost the hook its time budget.
 */
export function redactClipped(text: string, max: number): string {
  if (text.length <= max) return redact(text);
  const kept = redact(text.slice(0, max + 1024)).slice(0, max);
  return `${kept}… [${text.length - max} more characters]`;
}

/**
 * Top-level fields Interlock itself fills in (times, decisions, ids): nothing to redact. Not
 * `client`: the shell wrapper adds the agent's own name from its environment.
 */
const OWN_FIELDS = new Set(['time', 'event', 'decision', 'outcome', 'requestId', 'durationMs']);

function redactDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactClipped(value, MAX_LOGGED_TEXT);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = depth === 0 && OWN_FIELDS.has(key) && typeof item !== 'object' ? item : redactDeep(item, depth + 1);
  return out;
}

/** The JSON line written for an entry (redacted, with a time). */
export function auditLine(entry: AuditEntry, now: Date = new Date()): string {
  const { time, ...rest } = entry;
  const record = redactDeep({ time: time ?? now.toISOString(), ...rest });
  return JSON.stringify(record) + '\n';
}

/** Name of a rotated log: `audit.log.<UTC stamp>.<pid>`, sortable by age. */
export function rotatedName(logPath: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('.', '');
  return `${logPath}.${stamp}.${process.pid}`;
}

/** Rotated files of a log, oldest first. */
export function rotatedFiles(logPath: string): string[] {
  const prefix = basename(logPath) + '.';
  try {
    return readdirSync(dirname(logPath))
      .filter((name) => name.startsWith(prefix) && /^\d{8}T\d{9}Z\.\d+$/.test(name.slice(prefix.length)))
      .sort()
      .map((name) => join(dirname(logPath), name));
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return [];
    throw error;
  }
}

function rotateIfNeeded(logPath: string, options: AuditOptions): void {
  const maxBytes = options.maxBytes ?? DEFAULT_AUDIT_MAX_BYTES;
  let size: number;
  try {
    size = statSync(logPath).size;
  } catch {
    return;
  }
  if (size < maxBytes) return;
  try {
    // A unique name: two hooks rotating at once each move a different file, and none is lost.
    renameSync(logPath, rotatedName(logPath, new Date()));
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return; // another process rotated it first
    throw error;
  }
  const keep = options.keep ?? DEFAULT_AUDIT_KEEP;
  const rotated = rotatedFiles(logPath);
  for (const old of rotated.slice(0, Math.max(0, rotated.length - keep))) {
    try {
      unlinkSync(old);
    } catch {
      // pruned by someone else
    }
  }
}

/**
 * Appends one entry to the audit log: one JSON line, O_APPEND, a single write. Secrets are
 * redacted. Throws when the line cannot be written (the caller decides what that means).
 */
export function appendAudit(paths: Paths, entry: AuditEntry, options: AuditOptions = {}): void {
  let line = Buffer.from(auditLine(entry));
  rotateIfNeeded(paths.audit, options);
  let fd: number;
  try {
    fd = openSync(paths.audit, 'a+', FILE_MODE);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
    ensureDir(dirname(paths.audit));
    fd = openSync(paths.audit, 'a+', FILE_MODE);
  }
  try {
    // A log cut mid-line (a crash, a full disk): start on a new line, so this entry stays readable.
    const size = fstatSync(fd).size;
    if (size > 0) {
      const last = Buffer.alloc(1);
      if (readSync(fd, last, 0, 1, size - 1) === 1 && last[0] !== 0x0a) line = Buffer.concat([Buffer.from('\n'), line]);
    }
    const written = writeSync(fd, line);
    if (written !== line.length) throw new Error(`audit log: short write (${written} of ${line.length} bytes)`);
  } finally {
    closeSync(fd);
  }
}
