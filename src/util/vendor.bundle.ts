// Bundle-time replacement for vendor.ts: each library is its own file next to the CLI bundle.
import { join } from 'node:path';
import type { Minimatch, Graphql, Cosmiconfig, Execa } from './vendor.js';

declare const __dirname: string;
declare const require: (id: string) => unknown;

const loaded = new Map<string, unknown>();
// Memoised: require() would resolve (stat) the path again on every call.
const load = <T>(name: string): T => {
  if (!loaded.has(name)) loaded.set(name, require(join(__dirname, 'vendor', `${name}.cjs`)));
  return loaded.get(name) as T;
};

export const loadMinimatch = (): Minimatch => load<Minimatch>('minimatch');
export const loadGraphql = (): Graphql => load<Graphql>('graphql');
export const loadCosmiconfig = (): Cosmiconfig => load<Cosmiconfig>('cosmiconfig');
export const loadExeca = async (): Promise<Execa> => load<Execa>('execa');
