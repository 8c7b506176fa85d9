// Finds config files without loading anything: one directory listing per folder, so that with no
// config present the hook pays a few syscalls and nothing else.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** File names cosmiconfig would look for, in its order of precedence. */
export const CONFIG_NAMES = [
  '.interlockrc',
  '.interlockrc.json',
  '.interlockrc.yaml',
  '.interlockrc.yml',
  '.interlockrc.js',
  '.interlockrc.cjs',
  '.interlockrc.mjs',
  'interlock.config.js',
  'interlock.config.cjs',
  'interlock.config.mjs',
  'interlock.config.json',
  'interlock.config.yaml',
  'interlock.config.yml',
];

export interface FoundConfig {
  path: string;
  level: 'user' | 'project';
  /** For package.json: the `interlock` property holds the config. */
  packageProperty?: boolean;
}

function list(dir: string): Set<string> | undefined {
  // Checked first: a missing folder would otherwise cost an exception, which is slow to build.
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return undefined;
  try {
    return new Set(readdirSync(dir));
  } catch {
    return undefined;
  }
}

function hasInterlockProperty(path: string): boolean {
  try {
    const text = readFileSync(path, 'utf8');
    if (!text.includes('"interlock"')) return false;
    const pkg = JSON.parse(text) as Record<string, unknown>;
    return pkg.interlock !== undefined;
  } catch {
    return false;
  }
}

/** The first config file in a folder (cosmiconfig takes one per folder). */
function configIn(dir: string, names: Set<string>, level: FoundConfig['level']): FoundConfig | undefined {
  for (const name of CONFIG_NAMES) if (names.has(name)) return { path: join(dir, name), level };
  if (level === 'project' && names.has('package.json') && hasInterlockProperty(join(dir, 'package.json'))) {
    return { path: join(dir, 'package.json'), level, packageProperty: true };
  }
  return undefined;
}

export function findUserConfig(configDir: string): FoundConfig | undefined {
  const names = list(configDir);
  return names && configIn(configDir, names, 'user');
}

/**
 * Project configs from the repository root down to cwd (outermost first, so inner folders add to
 * outer ones). Without a repository, only cwd itself. The user's config folder and home are not
 * project folders.
 */
export function findProjectConfigs(cwd: string, stopAt: readonly string[]): FoundConfig[] {
  const found: FoundConfig[] = [];
  let dir = cwd;
  const visited: { dir: string; config?: FoundConfig }[] = [];
  for (let depth = 0; depth < 64; depth++) {
    if (stopAt.includes(dir)) break;
    const names = list(dir);
    if (names) {
      visited.push({ dir, config: configIn(dir, names, 'project') });
      if (names.has('.git')) {
        for (const v of visited) if (v.config) found.unshift(v.config);
        return found;
      }
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  // Not inside a repository: only the working folder counts.
  const here = visited[0]?.dir === cwd ? visited[0].config : undefined;
  return here ? [here] : [];
}
