import { readFileSync, statSync } from 'node:fs';

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
