// How to start this very CLI again from a shell snippet or shim: the Node binary running us and
// the bundle's real path, both absolute, so the snippet works without `interlock` on PATH and
// without depending on which `node` a PATH lookup would find.
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';

export interface SelfCommand {
  node: string;
  script: string;
}

export function selfCommand(): SelfCommand {
  const given = process.argv[1] ? resolve(process.argv[1]) : '';
  let script = given;
  try {
    script = realpathSync(given);
  } catch {
    // keep the path as given
  }
  return { node: process.execPath, script };
}
