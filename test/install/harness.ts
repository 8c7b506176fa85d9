// Install tests run the built CLI with HOME, XDG_CONFIG_HOME and INTERLOCK_HOME in a temporary
// folder, so every client config path lands there and the real home is never touched.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI } from '../adapters/harness.js';

export interface Sandbox {
  root: string;
  home: string;
  project: string;
  env: Record<string, string>;
}

export function sandbox(): Sandbox {
  const root = mkdtempSync(join(tmpdir(), 'interlock-install-'));
  const home = join(root, 'home');
  const project = join(root, 'repo');
  mkdirSync(home, { recursive: true });
  mkdirSync(join(project, '.git'), { recursive: true });
  mkdirSync(join(project, 'src'), { recursive: true });
  // A PATH without the developer's own agent CLIs (no `claude --version` probing of the host).
  const env = { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: home, XDG_CONFIG_HOME: join(home, '.config'), INTERLOCK_HOME: join(root, 'state'), LANG: 'C.UTF-8' };
  return { root, home, project, env };
}

export function cli(box: Sandbox, args: string[], cwd = join(box.project, 'src')): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { env: box.env, cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every string in a JSON value that is an Interlock hook command or delegate path. */
export function interlockCommands(value: unknown): string[] {
  if (typeof value === 'string') return /interlock(\.cjs)?"? hook [a-z]+|interlock-amp-delegate/.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(interlockCommands);
  if (value && typeof value === 'object') return Object.values(value).flatMap(interlockCommands);
  return [];
}
