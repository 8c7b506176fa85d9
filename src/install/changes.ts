// A planned change to one file, and how it is applied: the previous file is kept as
// `<file>.interlock-backup`, the new content is written to a temporary file in the same folder
// and renamed over the old one (atomic on POSIX), and the file's permission bits are kept.
import { chmodSync, copyFileSync, existsSync, mkdirSync, realpathSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface FileChange {
  path: string;
  /** Current content (undefined: the file does not exist). */
  before: string | undefined;
  /** New content (undefined: delete the file). */
  after: string | undefined;
  /** Permission bits for a new or rewritten file. */
  mode?: number;
}

export const BACKUP_SUFFIX = '.interlock-backup';

export function changed(change: FileChange): boolean {
  return change.before !== change.after;
}

export function backupPath(path: string): string {
  return path + BACKUP_SUFFIX;
}

export function writeAtomically(path: string, content: string, mode?: number): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.interlock-tmp-${process.pid}-${Date.now()}`;
  try {
    writeFileSync(temp, content, { mode: mode ?? 0o644 });
    if (mode !== undefined) chmodSync(temp, mode); // writeFileSync's mode is filtered by the umask
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Applies changes in order (a script before the config that names it). Returns the backups made. */
export function applyChanges(changes: FileChange[]): string[] {
  const backups: string[] = [];
  for (const change of changes) {
    if (!changed(change)) continue;
    // A config kept in a dotfiles repository is often a symlink: write the file it points to,
    // rather than replacing the link with a copy.
    const path = existsSync(change.path) ? realpathSync(change.path) : change.path;
    if (change.before !== undefined && existsSync(path)) {
      copyFileSync(path, backupPath(path));
      backups.push(backupPath(path));
    }
    if (change.after === undefined) unlinkSync(path);
    else writeAtomically(path, change.after, change.mode);
  }
  return backups;
}
