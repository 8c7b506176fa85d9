// Reading the audit trail back for `interlock log` (never on the hook path). Newest first across
// the current log and its rotated files, stopping as soon as the filters are satisfied.
import { readFileSync } from 'node:fs';
import type { Paths } from '../state/paths.js';
import { errorCode } from '../confirm/files.js';
import { rotatedFiles, type AuditEntry } from './log.js';

export interface AuditQuery {
  /** Only entries at or after this time. */
  since?: Date;
  /** Only entries whose decision, event or outcome is this (allow, confirm, deny, approved, denied, expired, refused, granted, …). */
  decision?: string;
  /** At most this many (the newest). 0 or undefined: all. */
  limit?: number;
}

export interface AuditResult {
  /** Oldest first. */
  entries: AuditEntry[];
  /** Lines that were not valid JSON (a torn write would show up here). */
  corrupt: number;
}

const UNITS: Record<string, number> = { s: 1e3, m: 60e3, h: 3600e3, d: 86400e3, w: 604800e3 };

/** `30s`, `10m`, `2h`, `3d`, `1w` before now, or an ISO date/time. Undefined when unreadable. */
export function parseSince(text: string, now: Date = new Date()): Date | undefined {
  const duration = /^(\d+(?:\.\d+)?)\s*([smhdw])$/i.exec(text.trim());
  if (duration) return new Date(now.getTime() - Number(duration[1]) * UNITS[duration[2].toLowerCase()]);
  const time = Date.parse(text.trim());
  return Number.isNaN(time) ? undefined : new Date(time);
}

function matches(entry: AuditEntry, query: AuditQuery): boolean {
  if (query.decision) {
    const d = query.decision.toLowerCase();
    const labels = [entry.decision, entry.event, entry.outcome].map((v) => (typeof v === 'string' ? v.toLowerCase() : undefined));
    if (!labels.includes(d)) return false;
  }
  return true;
}

function readLines(path: string): string[] {
  try {
    return readFileSync(path, 'utf8').split('\n');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return [];
    throw error;
  }
}

export function readAudit(paths: Paths, query: AuditQuery = {}): AuditResult {
  const files = [paths.audit, ...rotatedFiles(paths.audit).reverse()];
  const newestFirst: AuditEntry[] = [];
  let corrupt = 0;
  const limit = query.limit && query.limit > 0 ? query.limit : Infinity;
  const since = query.since?.getTime();
  outer: for (const file of files) {
    const lines = readLines(file);
    for (let i = lines.length - 1; i >= 0; i--) {
      const line = lines[i].trim();
      if (!line) continue;
      let entry: AuditEntry;
      try {
        entry = JSON.parse(line) as AuditEntry;
      } catch {
        corrupt++;
        continue;
      }
      if (since !== undefined && entry.time && Date.parse(entry.time) < since) break outer;
      if (!matches(entry, query)) continue;
      newestFirst.push(entry);
      if (newestFirst.length >= limit) break outer;
    }
  }
  return { entries: newestFirst.reverse(), corrupt };
}
