// Where Interlock reads and writes. INTERLOCK_HOME, when set, holds everything (tests and
// benchmarks always set it); otherwise config lives in the XDG config folder and state (pending
// requests, grants, audit log, caches) in the XDG state folder.
import { join } from 'node:path';
import { nodeOs } from '../util/vendor.js';

export interface Paths {
  /** User-level config folder (interlock.config.*, .interlockrc*, trust pins). */
  config: string;
  /** State folder root. */
  state: string;
  pending: string;
  grants: string;
  audit: string;
  cache: string;
  /** Trusted project config files (content-hash pins). */
  trust: string;
}

/** The user's home: $HOME (node:os, which costs start-up time, only when it is not set). */
export function homeDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.HOME || env.USERPROFILE || nodeOs().homedir() || '/';
}

export function resolvePaths(env: NodeJS.ProcessEnv = process.env): Paths {
  const root = env.INTERLOCK_HOME;
  const config = root || join(env.XDG_CONFIG_HOME || join(homeDir(env), '.config'), 'interlock');
  const state = root || join(env.XDG_STATE_HOME || join(homeDir(env), '.local', 'state'), 'interlock');
  return {
    config,
    state,
    pending: join(state, 'pending'),
    grants: join(state, 'grants'),
    audit: join(state, 'audit.log'),
    cache: join(state, 'cache'),
    trust: join(config, 'trust.json'),
  };
}
