// The entry loader (scripts/loader.cjs → dist/interlock.cjs) keeps V8 code caches for the bundle
// and its lazily loaded files in the state folder. On Node 20 it manages them itself: each file
// starts with a mask of the kinds of run it has seen, a run of a new kind rewrites it once, a
// broken cache is ignored and replaced, and caches of older builds are removed.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import Module from 'node:module';
import { dirname, join, resolve } from 'node:path';

const CLI = resolve(__dirname, '../../dist/interlock.cjs');

// Node >= 22.1 caches through module.enableCompileCache(); older Node through the loader's own files.
const managed = typeof (Module as unknown as { enableCompileCache?: unknown }).enableCompileCache !== 'function';

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'interlock-cache-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const payload = (command: string) => JSON.stringify({ session_id: 's', cwd: '/tmp', hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command } });

function hook(command: string) {
  const r = spawnSync(process.execPath, [CLI, 'hook', 'claude'], { input: payload(command), env: { ...process.env, INTERLOCK_HOME: home, HOME: home }, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

const cacheDir = () => join(home, 'cache');
const coreCache = () => readdirSync(cacheDir()).find((n) => n.startsWith('v8-interlock-core-'))!;
const seenMask = (name: string) => readFileSync(join(cacheDir(), name)).readUInt32LE(0);

describe.runIf(managed)('code cache (Node without module.enableCompileCache)', () => {
  test('written on first use, extended once by a run of another kind, then left alone', () => {
    expect(hook('git status')).toBe('');
    const name = coreCache();
    expect(seenMask(name)).toBe(1); // allow
    const firstSize = statSync(join(cacheDir(), name)).size;
    // The git domain's own file was cached too.
    expect(readdirSync(cacheDir()).some((n) => n.startsWith('v8-analyse-git-'))).toBe(true);

    expect(hook('git push --force origin main')).toMatch(/"permissionDecision":"deny"/);
    expect(seenMask(name)).toBe(3); // allow + block
    // It now holds the code the held command ran as well.
    expect(statSync(join(cacheDir(), name)).size).toBeGreaterThan(firstSize);

    const stamp = statSync(join(cacheDir(), name)).mtimeMs;
    hook('git push --force origin main');
    hook('ls');
    expect(statSync(join(cacheDir(), name)).mtimeMs).toBe(stamp);
  });

  test('a broken cache file is ignored and replaced; caches of other builds are removed', () => {
    hook('ls');
    const name = coreCache();
    writeFileSync(join(cacheDir(), name), Buffer.from('\x01\x00\x00\x00not a v8 cache'));
    const stale = join(cacheDir(), 'v8-interlock-core-1-1-v0.0.0-0.cache');
    writeFileSync(stale, 'old');
    // The cache of this build under other Node flags stays.
    const otherFlags = join(cacheDir(), name.replace(/-[0-9a-z]+\.cache$/, '-otherflags.cache'));
    writeFileSync(otherFlags, 'other');
    expect(hook('git push --force origin main')).toMatch(/"permissionDecision":"deny"/);
    expect(statSync(join(cacheDir(), name)).size).toBeGreaterThan(1000);
    expect(readdirSync(cacheDir())).not.toContain('v8-interlock-core-1-1-v0.0.0-0.cache');
    expect(readFileSync(otherFlags, 'utf8')).toBe('other');
    expect(hook('ls')).toBe('');
  });

  test('a cache damaged inside its data is not handed to V8 (which would abort the hook) but replaced', () => {
    // Where the damage lands decides whether V8 notices; most places abort the process.
    for (const at of [0.05, 0.2, 0.3, 0.7, 0.9]) {
      rmSync(cacheDir(), { recursive: true, force: true });
      hook('git push --force origin main');
      const file = join(cacheDir(), coreCache());
      const data = readFileSync(file);
      for (let i = 0; i < 8; i++) data[Math.floor(data.length * at) + i] ^= 0x5a;
      writeFileSync(file, data);
      expect(hook('git push --force origin main')).toMatch(/"permissionDecision":"deny"/);
      expect(readFileSync(file).equals(data)).toBe(false);
    }
    expect(hook('ls')).toBe('');
  });

  test('a bundle edited to the same size and time gets a cache of its own', () => {
    // V8 checks only the source's length: a cache keyed by size and time would run the old code.
    const dist = mkdtempSync(join(tmpdir(), 'interlock-dist-'));
    try {
      cpSync(dirname(CLI), dist, { recursive: true });
      const core = join(dist, 'interlock-core.cjs');
      const run = () => spawnSync(process.execPath, [join(dist, 'interlock.cjs')], { env: { ...process.env, INTERLOCK_HOME: home, HOME: home }, encoding: 'utf8' });
      writeFileSync(core, 'process.stdout.write("first build");\n');
      const stamp = new Date('2020-01-01T00:00:00Z');
      utimesSync(core, stamp, stamp);
      expect(run().stdout).toBe('first build');
      expect(run().stdout).toBe('first build'); // now from the cache
      writeFileSync(core, 'process.stdout.write("other build");\n');
      utimesSync(core, stamp, stamp);
      expect(run().stdout).toBe('other build');
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });

  test('runs under different Node flags keep caches of their own instead of replacing each other', () => {
    const run = (flags: string[]) => spawnSync(process.execPath, [...flags, CLI, 'hook', 'claude'], { input: payload('ls'), env: { ...process.env, INTERLOCK_HOME: home, HOME: home }, encoding: 'utf8' });
    run([]);
    run(['--stack-size=2000']);
    const cores = () => readdirSync(cacheDir()).filter((n) => n.startsWith('v8-interlock-core-'));
    expect(cores()).toHaveLength(2);
    const stamps = () => cores().map((n) => statSync(join(cacheDir(), n)).mtimeMs);
    const before = stamps();
    run([]);
    run(['--stack-size=2000']);
    expect(stamps()).toEqual(before);
  });

  test('an unwritable cache folder costs nothing but the cache', () => {
    writeFileSync(join(home, 'cache'), 'a file where the folder should be');
    expect(hook('ls')).toBe('');
    expect(hook('git push --force origin main')).toMatch(/"permissionDecision":"deny"/);
  });
});
