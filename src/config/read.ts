// Reads one config file with its `extends` presets. JSON is parsed directly; YAML and JavaScript
// go through cosmiconfig's loaders, loaded only then. Results are cached by content hash (with
// the hashes of every preset) so the hook pays for cosmiconfig once per change.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { sha256Hex } from '../util/sha256.js';
import { loadCosmiconfig } from '../util/vendor.js';
import type { FoundConfig } from './discover.js';
import { validateConfig, type InterlockConfig } from './schema.js';

export interface ConfigProblem {
  file: string;
  message: string;
}

export interface LoadedConfigFile {
  path: string;
  level: FoundConfig['level'];
  /** sha256 of the file's content: what `interlock trust` pins. */
  hash: string;
  /** The file merged over its presets. */
  config: InterlockConfig;
  problems: ConfigProblem[];
}

interface CacheEntry {
  version: 1;
  deps: { path: string; hash: string }[];
  config: InterlockConfig;
  problems: ConfigProblem[];
}

const MAX_EXTENDS_DEPTH = 8;
export const sha256 = sha256Hex;

function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

/** Loads a file's raw config value by its format. */
async function rawConfig(path: string, text: string, packageProperty: boolean): Promise<unknown> {
  const ext = extname(path);
  if (packageProperty) return (JSON.parse(text) as Record<string, unknown>).interlock;
  if (ext === '.json') return JSON.parse(text);
  if (ext === '' ) {
    try {
      return JSON.parse(text);
    } catch {
      // .interlockrc may also be YAML
    }
  }
  const { cosmiconfig } = loadCosmiconfig();
  const explorer = cosmiconfig('interlock', { searchStrategy: 'none', cache: false });
  const result = await explorer.load(path);
  return result?.config;
}

function resolvePreset(spec: string, from: string): string {
  if (spec.startsWith('.') || isAbsolute(spec)) return resolve(dirname(from), spec);
  return createRequire(join(dirname(from), 'noop.js')).resolve(spec);
}

function merge(base: InterlockConfig, over: InterlockConfig): InterlockConfig {
  return {
    rules: [...(base.rules ?? []), ...(over.rules ?? [])],
    disable: [...(base.disable ?? []), ...(over.disable ?? [])],
    confirm: { ...base.confirm, ...over.confirm },
    audit: { ...base.audit, ...over.audit },
  };
}

async function loadTree(path: string, text: string, packageProperty: boolean, depth: number, seen: Set<string>, deps: CacheEntry['deps']): Promise<{ config: InterlockConfig; problems: ConfigProblem[] }> {
  const problems: ConfigProblem[] = [];
  let raw: unknown;
  try {
    raw = await rawConfig(path, text, packageProperty);
  } catch (error) {
    return { config: {}, problems: [{ file: path, message: `cannot be read: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` }] };
  }
  if (raw && typeof raw === 'object' && 'default' in raw && Object.keys(raw).length === 1) raw = (raw as { default: unknown }).default;
  const issues = validateConfig(raw);
  if (issues.length) return { config: {}, problems: issues.map((i) => ({ file: path, message: `${i.path}: ${i.message}` })) };
  const config = raw as InterlockConfig;
  let merged: InterlockConfig = {};
  const presets = config.extends === undefined ? [] : Array.isArray(config.extends) ? config.extends : [config.extends];
  for (const spec of presets) {
    if (depth >= MAX_EXTENDS_DEPTH) {
      problems.push({ file: path, message: `extends: presets nested deeper than ${MAX_EXTENDS_DEPTH}` });
      break;
    }
    let presetPath: string;
    try {
      presetPath = resolvePreset(spec, path);
    } catch {
      problems.push({ file: path, message: `extends: cannot find preset "${spec}" (a relative path or an installed npm package)` });
      continue;
    }
    if (seen.has(presetPath)) {
      problems.push({ file: path, message: `extends: "${spec}" extends itself (cycle)` });
      continue;
    }
    let presetText: string;
    try {
      presetText = readText(presetPath);
    } catch (error) {
      problems.push({ file: path, message: `extends: cannot read "${spec}": ${(error as Error).message}` });
      continue;
    }
    deps.push({ path: presetPath, hash: sha256(presetText) });
    const preset = await loadTree(presetPath, presetText, presetPath.endsWith('package.json'), depth + 1, new Set([...seen, presetPath]), deps);
    problems.push(...preset.problems);
    merged = merge(merged, preset.config);
  }
  const rules = (config.rules ?? []).map((rule) => ({ ...rule, action: rule.action ?? rule.id, source: path }));
  return { config: merge(merged, { ...config, rules }), problems };
}

function cachePath(cacheDir: string, path: string, hash: string): string {
  return join(cacheDir, `config-${sha256(path + '\0' + hash).slice(0, 32)}.json`);
}

function readCache(file: string): CacheEntry | undefined {
  try {
    const entry = JSON.parse(readText(file)) as CacheEntry;
    if (entry.version !== 1) return undefined;
    for (const dep of entry.deps) if (sha256(readText(dep.path)) !== dep.hash) return undefined;
    return entry;
  } catch {
    return undefined;
  }
}

function writeCache(file: string, entry: CacheEntry): void {
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(entry), { mode: 0o600 });
    renameSync(temp, file);
  } catch {
    // A cache that cannot be written only costs time.
  }
}

export async function readConfigFile(found: FoundConfig, cacheDir: string, options: { trusted(hash: string): boolean }): Promise<LoadedConfigFile> {
  let text: string;
  try {
    text = readText(found.path);
  } catch (error) {
    return { path: found.path, level: found.level, hash: '', config: {}, problems: [{ file: found.path, message: `cannot be read: ${(error as Error).message}` }] };
  }
  const hash = sha256(text);
  const isCode = /\.(c|m)?js$/.test(found.path);
  if (isCode && found.level === 'project' && !options.trusted(hash)) {
    return {
      path: found.path,
      level: found.level,
      hash,
      config: {},
      problems: [{ file: found.path, message: 'is JavaScript in the project and is not run until you trust it (`interlock trust`), since it would execute inside the guard' }],
    };
  }
  const file = cachePath(cacheDir, found.path, hash);
  const cached = readCache(file);
  if (cached) {
    return { path: found.path, level: found.level, hash, config: cached.config, problems: cached.problems };
  }
  const deps: CacheEntry['deps'] = [];
  const { config, problems } = await loadTree(found.path, text, !!found.packageProperty, 0, new Set([found.path]), deps);
  writeCache(file, { version: 1, deps, config, problems });
  return { path: found.path, level: found.level, hash, config, problems };
}
