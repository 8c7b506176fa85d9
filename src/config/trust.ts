// Trust pins: a project config may loosen the guard only after the user trusted that exact file
// content from their own terminal. Editing the file breaks the pin.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Paths } from '../state/paths.js';

export interface TrustStore {
  version: 1;
  files: Record<string, { hash: string; trustedAt: string }>;
}

export function readTrust(paths: Paths): TrustStore {
  try {
    const store = JSON.parse(readFileSync(paths.trust, 'utf8')) as TrustStore;
    if (store && store.version === 1 && store.files && typeof store.files === 'object') return store;
  } catch {
    // missing or unreadable: nothing is trusted
  }
  return { version: 1, files: {} };
}

export function isTrusted(store: TrustStore, path: string, hash: string): boolean {
  return store.files[path]?.hash === hash;
}

export function writeTrust(paths: Paths, store: TrustStore): void {
  mkdirSync(dirname(paths.trust), { recursive: true, mode: 0o700 });
  const temp = `${paths.trust}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(store, null, 2) + '\n', { mode: 0o600 });
  renameSync(temp, paths.trust);
}
