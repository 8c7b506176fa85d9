// Finds the real shell for `interlock shell`, which may itself be installed as `bash` first on an
// agent's PATH (through the shim `interlock init shim` prints). Running "bash" by name from there
// would find the shim again and loop forever, so the shell is looked up by hand and every
// candidate that leads back to Interlock is skipped:
//   1. $INTERLOCK_REAL_SHELL, when set (an absolute path; an error if it is a shim);
//   2. the first `<name>` on PATH that is not a shim;
//   3. /bin/<name>, /usr/bin/<name>, /usr/local/bin/<name>.
// <name> is the name the shim was installed under (bash, sh, zsh, …), else bash.
// A candidate is a shim when it resolves to the shim that started us ($INTERLOCK_SHIM), to this
// CLI's own file, or when it is a small script carrying the shim marker.
import { closeSync, openSync, readSync, realpathSync } from 'node:fs';
import { basename, isAbsolute } from 'node:path';
import { firstExecutable, isExecutable, pathDirs } from '../util/path-lookup.js';

/** Written into every shim; a file that contains it is never taken for the real shell. */
export const SHIM_MARKER = 'interlock-shell-shim';

const SHELL_NAMES = new Set(['bash', 'sh', 'zsh', 'dash', 'ksh', 'mksh', 'ash', 'yash']);
const FALLBACK_DIRS = ['/bin', '/usr/bin', '/usr/local/bin'];

export class ShellNotFound extends Error {}

function realpath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/** The first bytes of a file (a shim is a few lines; the marker sits near the top). */
function head(path: string, bytes = 1024): string {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buffer = Buffer.alloc(bytes);
    const read = readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, read).toString('latin1');
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export interface ShellLookup {
  env: NodeJS.ProcessEnv;
  /** This CLI's own file (process.argv[1]): a `bash` symlinked to it is a shim too. */
  self?: string;
}

/** Which shell the caller meant: the shim's own name when it is a shell's, else bash. */
export function wantedShell(env: NodeJS.ProcessEnv): string {
  const shim = env.INTERLOCK_SHIM ? basename(env.INTERLOCK_SHIM) : '';
  return SHELL_NAMES.has(shim) ? shim : 'bash';
}

export function isShim(path: string, lookup: ShellLookup): boolean {
  const real = realpath(path);
  if (!real) return false;
  const own = [lookup.env.INTERLOCK_SHIM, lookup.self].filter((p): p is string => !!p).map(realpath);
  if (own.includes(real)) return true;
  const text = head(real);
  return text.startsWith('#!') && text.includes(SHIM_MARKER);
}

/** The absolute path of the real shell to run. Throws ShellNotFound with a reason. */
export function findRealShell(lookup: ShellLookup): string {
  const { env } = lookup;
  const configured = env.INTERLOCK_REAL_SHELL;
  if (configured) {
    if (!isAbsolute(configured)) throw new ShellNotFound(`INTERLOCK_REAL_SHELL must be an absolute path (it is "${configured}")`);
    if (!isExecutable(configured)) throw new ShellNotFound(`INTERLOCK_REAL_SHELL (${configured}) is not an executable file`);
    if (isShim(configured, lookup)) throw new ShellNotFound(`INTERLOCK_REAL_SHELL (${configured}) points back at Interlock's shim, which would run itself forever`);
    return configured;
  }
  const name = wantedShell(env);
  const dirs = [...pathDirs(env).filter((d) => isAbsolute(d)), ...FALLBACK_DIRS];
  const found = firstExecutable(name, dirs, (candidate) => !isShim(candidate, lookup));
  if (found) return found;
  throw new ShellNotFound(`no ${name} found on PATH or in ${FALLBACK_DIRS.join(', ')} other than Interlock's own shim; set INTERLOCK_REAL_SHELL to the real shell`);
}
