#!/usr/bin/env node
// Interlock's entry point. It runs the bundled CLI (interlock-core.cjs, one CommonJS file) with
// V8's code cache, because the hook is a new process per command and compiling the bundle is most
// of its start-up: Node >= 22.1 has module.enableCompileCache(); on Node 20 the cache is kept by
// hand with vm.Script's cachedData. The cache lives in Interlock's state folder (the same place
// src/state/paths.ts computes). Any problem with the cache: run without it.
//
// A cache holds the functions compiled by the run that wrote it, so a cache written by a run that
// allowed a command lacks the code that holds one. Each cache file therefore starts with a 4-byte
// mask of the kinds of run it has seen (the hook names its kind in a global); a run of a new kind
// rewrites the cache at exit, adding what it compiled. Each file is rewritten at most once per kind.
// Then a CRC-32 of the cache data: V8 does not check the data itself, and a damaged cache aborts
// the process (a hook that crashes lets the command through in most clients). The file name
// carries a CRC-32 of the bundle file, because V8 checks only the source's length.
'use strict';
const { join, basename, dirname } = require('path');
const Module = require('module');

const core = join(__dirname, 'interlock-core.cjs');
const RUN_KIND = Symbol.for('interlock.runKind');
const KIND_BITS = { allow: 1, block: 2 };

function cacheDir() {
  const env = process.env;
  if (env.INTERLOCK_HOME) return join(env.INTERLOCK_HOME, 'cache');
  const home = env.HOME || env.USERPROFILE || require('os').homedir();
  return join(env.XDG_STATE_HOME || join(home, '.local', 'state'), 'interlock', 'cache');
}

/**
 * V8 rejects a cache made under other flags; runs under different flags (NODE_OPTIONS differs
 * between clients) would otherwise replace each other's cache on every run.
 */
function flagsKey() {
  const flags = process.execArgv.join(' ') + '\0' + (process.env.NODE_OPTIONS || '');
  let hash = 5381;
  for (let i = 0; i < flags.length; i++) hash = ((hash * 33) ^ flags.charCodeAt(i)) >>> 0;
  return hash.toString(36);
}

/**
 * zlib's CRC-32 without loading the zlib module (~2 ms: streams); none on Node < 20.15, which then
 * runs without a cache.
 */
function crc32() {
  const binding = process.binding('zlib');
  if (typeof binding.crc32 !== 'function') throw new Error('no crc32');
  return (data) => binding.crc32(data, 0) >>> 0;
}

/** Scripts compiled this run, with what their cache file has seen. */
const compiled = [];

function writeCaches() {
  const kind = KIND_BITS[globalThis[RUN_KIND]] || 0;
  const fs = require('fs');
  for (const entry of compiled) {
    if (!entry.fresh && (entry.seen & kind) === kind) continue;
    try {
      fs.mkdirSync(dirname(entry.file), { recursive: true, mode: 0o700 });
      const data = entry.script.createCachedData();
      const header = Buffer.alloc(8);
      header.writeUInt32LE(entry.seen | kind, 0);
      header.writeUInt32LE(entry.crc32(data), 4);
      const temp = `${entry.file}.${process.pid}.tmp`;
      fs.writeFileSync(temp, Buffer.concat([header, data]), { mode: 0o600 });
      fs.renameSync(temp, entry.file);
      // Caches of other builds of this file are dead weight. (Those of other Node versions and
      // flags for this build stay: a client may run the hook with another Node.)
      if (entry.fresh) {
        for (const old of fs.readdirSync(dirname(entry.file))) {
          if (old.startsWith(`v8-${entry.name}-`) && old.endsWith('.cache') && !old.startsWith(`v8-${entry.name}-${entry.build}-`)) fs.unlinkSync(join(dirname(entry.file), old));
        }
      }
    } catch {
      // no cache this time
    }
  }
}

/** Compiles a CommonJS file with the code cache; returns the function that runs it as a module. */
function compileWithCache(path) {
  const fs = require('fs');
  const vm = require('vm');
  const check = crc32();
  const source = fs.readFileSync(path);
  const name = basename(path, '.cjs');
  const build = `${source.length}-${check(source).toString(36)}`;
  const file = join(cacheDir(), `v8-${name}-${build}-${process.version}-${flagsKey()}.cache`);
  let cachedData;
  let seen = 0;
  try {
    const data = fs.readFileSync(file);
    if (data.length > 8 && data.readUInt32LE(4) === check(data.subarray(8))) {
      seen = data.readUInt32LE(0);
      cachedData = data.subarray(8);
    }
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source.toString('utf8')), { filename: path, cachedData });
  if (compiled.length === 0) process.once('exit', writeCaches);
  compiled.push({ script, file, name, build, seen, crc32: check, fresh: !cachedData || script.cachedDataRejected === true });
  const wrapper = script.runInThisContext();
  return () => {
    const module = { exports: {}, filename: path, id: path, loaded: false };
    // The bundle files sit next to this loader, so its own require resolves what theirs would
    // (Module.createRequire costs ~0.1 ms a file).
    wrapper.call(module.exports, module.exports, dirname(path) === __dirname ? require : Module.createRequire(path), module, path, dirname(path));
    return module.exports;
  };
}

/** For the bundle's lazily loaded files (analyser domains, vendor libraries): cached too. */
globalThis[Symbol.for('interlock.requireCached')] = (path) => {
  let run;
  try {
    run = compileWithCache(path);
  } catch {
    return require(path);
  }
  return run();
};

if (typeof Module.enableCompileCache === 'function') {
  try {
    Module.enableCompileCache(cacheDir());
  } catch {
    // run uncached
  }
  require(core);
} else {
  let run;
  try {
    run = compileWithCache(core);
  } catch {
    run = () => require(core);
  }
  // Errors inside the CLI are its own: no fallback that would run it twice.
  run();
}
