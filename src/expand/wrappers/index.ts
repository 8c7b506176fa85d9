// Every wrapper Interlock sees through, by program name.
import { env } from './env.js';
import { fanoutWrappers } from './fanout.js';
import { frameworkRunners } from './frameworks.js';
import { git } from './git.js';
import { make } from './make.js';
import { packageRunners } from './package-runners.js';
import { prefixWrappers, renamedTools } from './prefix.js';
import { remoteWrappers } from './remote.js';
import { pythonWrapper, shellWrappers } from './shells.js';
import type { Unwrapper } from './types.js';

const table = new Map<string, Unwrapper[]>();
for (const source of [{ env, git, make, gmake: make }, prefixWrappers, shellWrappers, remoteWrappers, fanoutWrappers, packageRunners, frameworkRunners, renamedTools]) {
  for (const [name, unwrap] of Object.entries(source)) table.set(name, [...(table.get(name) ?? []), unwrap]);
}

export function unwrappersFor(name: string): Unwrapper[] | undefined {
  const found = table.get(name);
  if (found) return found;
  const python = pythonWrapper(name);
  return python ? [python] : undefined;
}

export type { Unwrapped, UnwrapIO, Unwrapper, InterpreterLanguage } from './types.js';
