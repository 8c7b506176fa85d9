// Finding an executable on PATH by hand rather than through `command -v` in a shell: that would
// cost a process, and for the shell wrapper the shell found first may be Interlock's own shim.
// Used by the installer and doctor, the shell wrapper and the desktop notifier.
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** A file (after links) we may execute; a directory with the x bit is not one. */
export function isExecutable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** PATH's directories in order, without its empty entries. */
export function pathDirs(env: NodeJS.ProcessEnv): string[] {
  return (env.PATH ?? '').split(delimiter).filter(Boolean);
}

/** The first `<dir>/<name>` over `dirs` that is executable and that `accept` takes. */
export function firstExecutable(name: string, dirs: readonly string[], accept: (path: string) => boolean = () => true): string | undefined {
  for (const dir of dirs) {
    const candidate = join(dir, name);
    if (isExecutable(candidate) && accept(candidate)) return candidate;
  }
  return undefined;
}

/** `name` itself when it holds a `/`, else its first executable on PATH. */
export function which(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (name.includes('/')) return isExecutable(name) ? name : undefined;
  return firstExecutable(name, pathDirs(env));
}
