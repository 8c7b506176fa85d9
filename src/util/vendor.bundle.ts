// Bundle-time replacement for vendor.ts: each library is its own file next to the CLI bundle.
import { join } from 'node:path';
import type { Minimatch, Graphql, Cosmiconfig, Execa } from './vendor.js';

declare const __dirname: string;
declare const require: (id: string) => unknown;

const loaded = new Map<string, unknown>();
/** The entry loader (scripts/loader.cjs) offers a require that uses V8's code cache. */
const requireCached = (globalThis as Record<symbol, ((path: string) => unknown) | undefined>)[Symbol.for('interlock.requireCached')] ?? require;
// Memoised: require() would resolve (stat) the path again on every call.
const load = <T>(name: string): T => {
  if (!loaded.has(name)) loaded.set(name, requireCached(join(__dirname, 'vendor', `${name}.cjs`)));
  return loaded.get(name) as T;
};

export const loadMinimatch = (): Minimatch => load<Minimatch>('minimatch');

export const childProcess = (): typeof import('node:child_process') => require('node:child_process') as typeof import('node:child_process');
export const nodeCrypto = (): typeof import('node:crypto') => require('node:crypto') as typeof import('node:crypto');
export const nodeReadline = (): typeof import('node:readline') => require('node:readline') as typeof import('node:readline');
export const nodeOs = (): typeof import('node:os') => require('node:os') as typeof import('node:os');
export const loadGraphql = (): Graphql => load<Graphql>('graphql');
export const loadCosmiconfig = (): Cosmiconfig => load<Cosmiconfig>('cosmiconfig');
export const loadExeca = async (): Promise<Execa> => load<Execa>('execa');

/** A file built next to the bundle (dist/<name>), with the code cache when the loader offers it. */
export function loadChunk<T>(name: string): T {
  return requireCached(join(__dirname, name)) as T;
}
