// Where an installation happens: the user's home (from HOME, so tests can point it elsewhere), the
// repository a `--project` install targets, and the Node + CLI pair the written hook will launch.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { resolveLauncher, type Launcher } from './launcher.js';

export type Scope = 'user' | 'project';

export interface InstallContext {
  env: NodeJS.ProcessEnv;
  home: string;
  /** Root of the current repository (nearest folder with `.git`), or the current folder. */
  project: string;
  launcher: Launcher;
}

export function homeFolder(env: NodeJS.ProcessEnv): string {
  return env.HOME || env.USERPROFILE || homedir();
}

/** XDG config home (~/.config unless XDG_CONFIG_HOME says otherwise). */
export function xdgConfig(env: NodeJS.ProcessEnv): string {
  return env.XDG_CONFIG_HOME || join(homeFolder(env), '.config');
}

export function projectRoot(cwd: string): string {
  let dir = resolve(cwd);
  for (;;) {
    if (existsSync(join(dir, '.git'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return resolve(cwd);
    dir = parent;
  }
}

export function makeContext(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): InstallContext {
  return { env, home: homeFolder(env), project: projectRoot(cwd), launcher: resolveLauncher() };
}
