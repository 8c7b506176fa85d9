// Which analysers look at a command: those naming its program, those for every command ('*'),
// and those for commands that write through an output redirection ('>').
import type { Analyser, ExecCommand } from '../types.js';

/** Redirection operators that write (`>&` too: `>& file` writes stdout and stderr there). */
export const WRITE_REDIRECTS: ReadonlySet<string> = new Set(['>', '>>', '>|', '&>', '&>>', '<>', '>&']);

export function writesThroughRedirect(cmd: ExecCommand): boolean {
  return cmd.redirects.some((r) => WRITE_REDIRECTS.has(r.op));
}

export interface DispatchTable {
  select(cmd: ExecCommand): Analyser[];
}

export function dispatchTable(analysers: readonly Analyser[]): DispatchTable {
  const byName = new Map<string, Analyser[]>();
  for (const analyser of analysers) {
    for (const key of analyser.commands) {
      let list = byName.get(key);
      if (!list) byName.set(key, (list = []));
      list.push(analyser);
    }
  }
  const every = byName.get('*') ?? [];
  const redirect = byName.get('>') ?? [];
  // The combined lists, built once per program name (and redirection), not once per command.
  const plain = new Map<string, Analyser[]>();
  const writing = new Map<string, Analyser[]>();
  return {
    select(cmd) {
      const writes = redirect.length > 0 && writesThroughRedirect(cmd);
      const cache = writes ? writing : plain;
      let list = cache.get(cmd.name);
      if (!list) {
        list = [...every, ...(byName.get(cmd.name) ?? []), ...(writes ? redirect : [])];
        cache.set(cmd.name, list);
      }
      return list;
    },
  };
}
