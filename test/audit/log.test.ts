import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendAudit, auditLine, rotatedFiles } from '../../src/audit/log.js';
import { parseSince, readAudit } from '../../src/audit/read.js';
import { resolvePaths, type Paths } from '../../src/state/paths.js';

let home: string;
let paths: Paths;

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'interlock-audit-'));
  paths = resolvePaths({ INTERLOCK_HOME: home });
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const lines = (path: string) => readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

describe('appendAudit', () => {
  test('writes one JSON line per entry, with a time, into a private file', () => {
    appendAudit(paths, { event: 'decision', decision: 'allow', client: 'claude', command: 'ls', rules: [] });
    appendAudit(paths, { event: 'decision', decision: 'confirm', client: 'claude', command: 'git push --force', rules: ['git.push.force'], requestId: 'k7m2xq' });
    const entries = lines(paths.audit);
    expect(entries).toHaveLength(2);
    expect(entries[1]).toMatchObject({ event: 'decision', decision: 'confirm', requestId: 'k7m2xq', rules: ['git.push.force'] });
    expect(Date.parse(entries[0].time)).not.toBeNaN();
    expect(statSync(paths.audit).mode & 0o777).toBe(0o600);
    expect(statSync(home).mode & 0o777).toBe(0o700);
  });

  test('redacts secrets in every field, including nested extras', () => {
    const token = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';
    appendAudit(paths, {
      event: 'decision',
      decision: 'confirm',
      command: `curl -H "Authorization: Bearer ${token}" -X DELETE https://api.github.com/repos/o/r`,
      reason: `token ${token} found`,
      client: `interlock shell (bot ${token})`,
      findings: [{ rule: 'http.delete', target: `https://x?token=${token}` }],
    });
    const text = readFileSync(paths.audit, 'utf8');
    expect(text).not.toContain(token);
    expect(text).toContain('[redacted]');
  });

  test('keeps an explicit time and clips very long commands', () => {
    appendAudit(paths, { time: '2025-01-02T03:04:05.000Z', event: 'decision', command: 'x'.repeat(50_000) });
    const [entry] = lines(paths.audit);
    expect(entry.time).toBe('2025-01-02T03:04:05.000Z');
    expect(entry.command.length).toBeLessThan(9000);
  });

  test('rotates by size to unique names and keeps only the newest files', () => {
    for (let i = 0; i < 40; i++) appendAudit(paths, { event: 'decision', decision: 'allow', command: `echo ${i} ${'y'.repeat(200)}` }, { maxBytes: 1000, keep: 3 });
    const rotated = rotatedFiles(paths.audit);
    expect(rotated.length).toBeLessThanOrEqual(3);
    expect(rotated.length).toBeGreaterThan(0);
    expect(statSync(paths.audit).size).toBeLessThan(1300);
    for (const file of [paths.audit, ...rotated]) for (const entry of lines(file)) expect(entry.event).toBe('decision');
    // the newest entries survive, in order
    const { entries } = readAudit(paths, { limit: 3 });
    expect(entries.map((e) => e.command?.split(' ')[1])).toEqual(['37', '38', '39']);
  });

  test('throws when the log cannot be written (the caller decides)', () => {
    rmSync(home, { recursive: true, force: true });
    writeFileSync(home, 'not a folder');
    expect(() => appendAudit(paths, { event: 'decision', decision: 'allow' })).toThrow();
    rmSync(home, { force: true });
    mkdirSync(home);
  });

  test('never reads the log: a huge existing log costs the same', () => {
    writeFileSync(paths.audit, 'x'.repeat(5 * 1024 * 1024) + '\n');
    const start = performance.now();
    for (let i = 0; i < 100; i++) appendAudit(paths, { event: 'decision', decision: 'allow', command: 'ls' }, { maxBytes: 50 * 1024 * 1024 });
    expect(performance.now() - start).toBeLessThan(1000);
  });

  test('auditLine is a single line', () => {
    expect(auditLine({ event: 'decision', command: 'echo "a\nb"' }).trim().split('\n')).toHaveLength(1);
  });
});

describe('readAudit', () => {
  const at = (iso: string, extra: Record<string, unknown> = {}) => appendAudit(paths, { time: iso, event: 'decision', decision: 'allow', command: 'ls', ...extra });

  test('filters by decision or event, since, and limit (newest kept), oldest first', () => {
    at('2025-01-01T00:00:00.000Z');
    at('2025-01-02T00:00:00.000Z', { decision: 'confirm', requestId: 'aaa222' });
    at('2025-01-03T00:00:00.000Z', { event: 'approval', decision: 'approved', requestId: 'aaa222' });
    at('2025-01-04T00:00:00.000Z', { decision: 'deny', event: 'self-protection' });
    expect(readAudit(paths).entries).toHaveLength(4);
    expect(readAudit(paths, { decision: 'confirm' }).entries.map((e) => e.requestId)).toEqual(['aaa222']);
    expect(readAudit(paths, { decision: 'approval' }).entries).toHaveLength(1);
    expect(readAudit(paths, { decision: 'self-protection' }).entries).toHaveLength(1);
    expect(readAudit(paths, { since: new Date('2025-01-02T12:00:00Z') }).entries.map((e) => e.time)).toEqual(['2025-01-03T00:00:00.000Z', '2025-01-04T00:00:00.000Z']);
    expect(readAudit(paths, { limit: 2 }).entries.map((e) => e.time)).toEqual(['2025-01-03T00:00:00.000Z', '2025-01-04T00:00:00.000Z']);
  });

  test('counts unreadable lines instead of failing', () => {
    at('2025-01-01T00:00:00.000Z');
    writeFileSync(paths.audit, readFileSync(paths.audit, 'utf8') + '{"torn": \n');
    const result = readAudit(paths);
    expect(result.entries).toHaveLength(1);
    expect(result.corrupt).toBe(1);
  });

  test('an empty state folder reads as no entries', () => {
    expect(readAudit(paths)).toEqual({ entries: [], corrupt: 0 });
    expect(readdirSync(home)).toEqual([]);
  });
});

describe('parseSince', () => {
  const now = new Date('2025-06-01T12:00:00Z');
  test.each([
    ['30s', '2025-06-01T11:59:30.000Z'],
    ['10m', '2025-06-01T11:50:00.000Z'],
    ['2h', '2025-06-01T10:00:00.000Z'],
    ['1d', '2025-05-31T12:00:00.000Z'],
    ['1w', '2025-05-25T12:00:00.000Z'],
    ['2025-05-01', '2025-05-01T00:00:00.000Z'],
    ['2025-05-01T08:00:00Z', '2025-05-01T08:00:00.000Z'],
  ])('%s', (text, iso) => expect(parseSince(text, now)?.toISOString()).toBe(iso));
  test('rejects nonsense', () => expect(parseSince('soon', now)).toBeUndefined());
});
