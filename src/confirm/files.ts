// Small file primitives for Interlock's state: private folders (0700) and files (0600), written
// atomically (temp file + rename, or + link when the name must not already exist), so a reader
// never sees half a file and two writers never both win the same name.
import { closeSync, existsSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export const DIR_MODE = 0o700;
export const FILE_MODE = 0o600;

export function errorCode(error: unknown): string | undefined {
  return error && typeof error === 'object' && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

export function ensureDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: DIR_MODE });
}

let counter = 0;

/**
 * Unique sibling name for a temp file or a claim: `<path>.<pid>.<n><random>.<suffix>`. Unique, not
 * secret (the folder is the user's own, 0700), so the hook need not load node:crypto for it;
 * the temp file is created with O_EXCL anyway.
 */
export function siblingName(path: string, suffix: string): string {
  return `${path}.${process.pid}.${(counter++).toString(36)}${Math.floor(Math.random() * 0xffffffff).toString(36)}.${suffix}`;
}

function writeTemp(path: string, text: string): string {
  const temp = siblingName(path, 'tmp');
  let fd: number;
  try {
    fd = openSync(temp, 'wx', FILE_MODE);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
    ensureDir(dirname(path));
    fd = openSync(temp, 'wx', FILE_MODE);
  }
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  return temp;
}

/** Writes (or replaces) a file atomically. */
export function writeFileAtomic(path: string, text: string): void {
  const temp = writeTemp(path, text);
  try {
    renameSync(temp, path);
  } catch (error) {
    tryUnlink(temp);
    throw error;
  }
}

/**
 * Creates a file atomically only if the name is free: returns false when it already exists.
 * (link() fails with EEXIST instead of replacing, unlike rename().)
 */
export function createFileExclusive(path: string, text: string): boolean {
  const temp = writeTemp(path, text);
  try {
    linkSync(temp, path);
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  } finally {
    tryUnlink(temp);
  }
}

export function tryUnlink(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

/** Parsed JSON of a file; undefined when missing or not valid JSON. */
export function readJson<T>(path: string): T | undefined {
  if (!existsSync(path)) return undefined; // no exception for the common miss
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return undefined;
    throw error;
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

export function readText(path: string): string | undefined {
  if (!existsSync(path)) return undefined; // no exception for the common miss
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return undefined;
    throw error;
  }
}
