// Heavy libraries, loaded on first use only. In the bundle this module is replaced by
// vendor.bundle.ts, which loads dist/vendor/*.cjs; here (tests, tsc) it loads node_modules.
import { createRequire } from 'node:module';

// import.meta.url under ESM (vitest); __filename when a test bundles this file to CommonJS.
const req = createRequire(import.meta.url ?? __filename);
const loaded = new Map<string, unknown>();
// Memoised: require() would resolve (stat) the path again on every call.
const load = (name: string): never => {
  if (!loaded.has(name)) loaded.set(name, req(name));
  return loaded.get(name) as never;
};

export type Minimatch = typeof import('minimatch');
export type Graphql = Pick<typeof import('graphql'), 'parse'>;
export type Cosmiconfig = typeof import('cosmiconfig');
export type Execa = typeof import('execa');

export const loadMinimatch = (): Minimatch => load('minimatch');

// Node built-ins that cost start-up time (child_process pulls in net and streams), loaded on use.
export const childProcess = (): typeof import('node:child_process') => load('node:child_process');
export const nodeCrypto = (): typeof import('node:crypto') => load('node:crypto');
export const nodeReadline = (): typeof import('node:readline') => load('node:readline');
export const nodeOs = (): typeof import('node:os') => load('node:os');
export const loadGraphql = (): Graphql => load('graphql');
export const loadCosmiconfig = (): Cosmiconfig => load('cosmiconfig');
export const loadExeca = (): Promise<Execa> => import('execa');

/** A file built next to the bundle (dist/<name>); only the bundle has them. */
export function loadChunk<T>(name: string): T {
  throw new Error(`${name} exists only in the bundle`);
}
