// Concurrency with real processes: 50 hooks racing for one grant, writing requests, appending
// audit lines.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { resolvePaths } from '../../src/state/paths.js';
import { approveRequest, holdRequest, listRequests } from '../../src/confirm/requests.js';
import { rotatedFiles } from '../../src/audit/log.js';

const PROCESSES = 50;
let work: string;
let harness: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'interlock-race-'));
  harness = join(work, 'race.cjs');
  await build({ entryPoints: [join(import.meta.dirname, 'harness', 'race.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', write: true, outfile: harness, logLevel: 'error' });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [harness, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const many = (args: (i: number) => string[]) => Promise.all(Array.from({ length: PROCESSES }, (_, i) => run(args(i))));

describe(`${PROCESSES} concurrent processes`, () => {
  test('racing for one grant: exactly one wins', async () => {
    const home = mkdtempSync(join(work, 'grant-'));
    const paths = resolvePaths({ INTERLOCK_HOME: home });
    const command = 'fly volumes destroy vol_3d2c42fb8a1b --yes';
    const request = holdRequest(paths, { command, cwd: '/w', client: 'claude', findings: [] });
    approveRequest(paths, request.id, { user: 'alice', how: 'typed target' });
    const startAt = String(Date.now() + 1500);
    const results = await many(() => ['consume', home, command, '/w', startAt]);
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    expect(results.filter((r) => r.stdout === 'won')).toHaveLength(1);
    expect(results.filter((r) => r.stdout === 'lost')).toHaveLength(PROCESSES - 1);
  }, 60_000);

  test('holding the same command: one request; different commands: one each, all valid JSON', async () => {
    const home = mkdtempSync(join(work, 'hold-'));
    const startAt = String(Date.now() + 1500);
    const same = await many(() => ['hold', home, 'rm -rf data', '/w', startAt]);
    expect(new Set(same.map((r) => r.stdout)).size).toBe(1);

    const startAt2 = String(Date.now() + 1500);
    const different = await many((i) => ['hold', home, `rm -rf data${i}`, '/w', startAt2]);
    for (const r of different) expect(r.code, r.stderr).toBe(0);
    expect(new Set(different.map((r) => r.stdout)).size).toBe(PROCESSES);
    const requests = listRequests(resolvePaths({ INTERLOCK_HOME: home }));
    expect(requests.filter((r) => r.status === 'pending')).toHaveLength(PROCESSES + 1);
  }, 60_000);

  test('appending audit lines (with rotation): no torn or lost line, no token', async () => {
    const home = mkdtempSync(join(work, 'audit-'));
    const paths = resolvePaths({ INTERLOCK_HOME: home });
    const startAt = String(Date.now() + 1500);
    const perProcess = 20;
    const results = await many(() => ['append', home, String(perProcess), startAt]);
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    let count = 0;
    for (const file of [paths.audit, ...rotatedFiles(paths.audit)]) {
      const text = readFileSync(file, 'utf8');
      expect(text).not.toMatch(/tok_\d+_\d+_abcdefghijklmnop/);
      for (const line of text.split('\n').filter(Boolean)) {
        const entry = JSON.parse(line);
        expect(entry.event).toBe('decision');
        count++;
      }
    }
    expect(count).toBe(PROCESSES * perProcess);
  }, 60_000);
});
