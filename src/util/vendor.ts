// Heavy libraries, loaded on first use only. In the bundle this module is replaced by
// vendor.bundle.ts, which loads dist/vendor/*.cjs; here (tests, tsc) it loads node_modules.
import { createRequire } from 'node:module';

const req = createRequire(import.meta.url);
const loaded = new Map<string, unknown>();
// Memoised: require() would resolve (stat) the path again on every call.
const load = (name: string): never => {
  if (!loaded.has(name)) loaded.set(name, req(name));
  return loaded.get(name) as never;
};

export type Minimatch = typeof import('minimatch');
export type Graphql = Pick<typeof import('graphql'), 'parse' | 'Kind' | 'visit' | 'print'>;
export type Cosmiconfig = typeof import('cosmiconfig');
export type Execa = typeof import('execa');

export const loadMinimatch = (): Minimatch => load('minimatch');
export const loadGraphql = (): Graphql => load('graphql');
export const loadCosmiconfig = (): Cosmiconfig => load('cosmiconfig');
export const loadExeca = (): Promise<Execa> => import('execa');
