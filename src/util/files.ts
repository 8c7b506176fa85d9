import { closeSync, openSync, readFileSync, statSync } from 'node:fs';

/** Files the guard reads to see what will run (scripts by path, @file bodies) must be small. */
export const MAX_READ_BYTES = 256 * 1024;

/** A regular file's text, or undefined when missing, unreadable or larger than MAX_READ_BYTES. */
export function readSmallFile(path: string): string | undefined {
  try {
    // No exception for a missing file: building one costs more than the lookup.
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat || !stat.isFile() || stat.size > MAX_READ_BYTES) return undefined;
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export interface FileProblem {
  /** 'too-large' is a limit (MAX_READ_BYTES); the others mean the content cannot be known. */
  kind: 'too-large' | 'not-regular' | 'unreadable';
  /** Says why, completing "…, but " (e.g. "it is larger than the 256 KiB the guard reads"). */
  message: string;
}

/**
 * Why readSmallFile gave nothing for a path that exists: too large, not a regular file (a FIFO,
 * a device), or unreadable. Undefined when the path does not exist (a shell given a missing
 * script fails to start it), is a folder, or reads fine.
 */
export function fileProblem(path: string): FileProblem | undefined {
  try {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat || stat.isDirectory()) return undefined;
    if (!stat.isFile()) return { kind: 'not-regular', message: 'it is not a regular file (a pipe, device or terminal), so its content cannot be known before it runs' };
    if (stat.size > MAX_READ_BYTES) return { kind: 'too-large', message: `it is larger than the ${MAX_READ_BYTES / 1024} KiB the guard reads, so what it runs cannot be checked` };
    closeSync(openSync(path, 'r'));
    return undefined;
  } catch (error) {
    return { kind: 'unreadable', message: `the guard cannot read it (${error instanceof Error ? error.message : String(error)})` };
  }
}
