#!/usr/bin/env node
// Interlock's entry point. It runs the bundled CLI (interlock-core.cjs, one CommonJS file) with
// V8's code cache, because the hook is a new process per command and compiling the bundle is most
// of its start-up: Node >= 22.1 has module.enableCompileCache(); on Node 20 the cache is kept by
// hand with vm.Script's cachedData. The cache lives in Interlock's state folder (the same place
// src/state/paths.ts computes). Any problem with the cache: run without it.
'use strict';
const { join } = require('path');
const Module = require('module');

const core = join(__dirname, 'interlock-core.cjs');

function cacheDir() {
  const env = process.env;
  if (env.INTERLOCK_HOME) return join(env.INTERLOCK_HOME, 'cache');
  const home = env.HOME || env.USERPROFILE || require('os').homedir();
  return join(env.XDG_STATE_HOME || join(home, '.local', 'state'), 'interlock', 'cache');
}

/** Compiles a CommonJS file with the code cache; returns the function that runs it as a module. */
function compileWithCache(path) {
  const fs = require('fs');
  const vm = require('vm');
  const stat = fs.statSync(path);
  const name = require('path').basename(path, '.cjs');
  const file = join(cacheDir(), `v8-${name}-${process.version}-${stat.size}-${Math.trunc(stat.mtimeMs)}.cache`);
  let cachedData;
  try {
    cachedData = fs.readFileSync(file);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(fs.readFileSync(path, 'utf8')), { filename: path, cachedData });
  if (!cachedData || script.cachedDataRejected) {
    // Written once, at exit, so the cache holds the functions this run compiled.
    process.once('exit', () => {
      try {
        fs.mkdirSync(cacheDir(), { recursive: true, mode: 0o700 });
        const temp = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(temp, script.createCachedData(), { mode: 0o600 });
        fs.renameSync(temp, file);
        // Caches of earlier builds of this file are dead weight.
        for (const old of fs.readdirSync(cacheDir())) {
          if (old.startsWith(`v8-${name}-`) && old.endsWith('.cache') && join(cacheDir(), old) !== file) fs.unlinkSync(join(cacheDir(), old));
        }
      } catch {
        // no cache this time
      }
    });
  }
  const wrapper = script.runInThisContext();
  return () => {
    const module = { exports: {}, filename: path, id: path, loaded: false };
    wrapper.call(module.exports, module.exports, Module.createRequire(path), module, path, require('path').dirname(path));
    return module.exports;
  };
}

/** For the bundle's lazily loaded vendor files (src/util/vendor.bundle.ts): cached too. */
globalThis[Symbol.for('interlock.requireCached')] = (path) => {
  try {
    return compileWithCache(path)();
  } catch {
    return require(path);
  }
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
