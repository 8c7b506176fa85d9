// Finds config files without loading anything: with no config present the hook pays one stat per
// candidate name per folder and nothing else. (Stats rather than a directory listing: a listing
// costs as much as the folder is big, and an agent's working folder can be /tmp or a download
// folder with thousands of entries.)
import { lstatSync, readFileSync } from 'node:fs';
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

/** lstat: a dangling symlink is still a config the user meant, and loading it reports the error. */
function exists(path: string): boolean {
  try {
    return lstatSync(path, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false; // ENOTDIR, EACCES: nothing usable there
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
function configIn(dir: string, level: FoundConfig['level']): FoundConfig | undefined {
  for (const name of CONFIG_NAMES) {
    const path = join(dir, name);
    if (exists(path)) return { path, level };
  }
  const pkg = join(dir, 'package.json');
  if (level === 'project' && exists(pkg) && hasInterlockProperty(pkg)) return { path: pkg, level, packageProperty: true };
  return undefined;
}

export function findUserConfig(configDir: string): FoundConfig | undefined {
  return configIn(configDir, 'user');
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
    visited.push({ dir, config: configIn(dir, 'project') });
    if (exists(join(dir, '.git'))) {
      for (const v of visited) if (v.config) found.unshift(v.config);
      return found;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  // Not inside a repository: only the working folder counts.
  const here = visited[0]?.dir === cwd ? visited[0].config : undefined;
  return here ? [here] : [];
}
