// Names a piece of shell may assign in the shell that runs it: what a loop body leaves for its
// next pass, what a function leaves for its caller. Read from the syntax, without running it.
import { listSimpleCommandsOf, type Command } from '../parse/index.js';

const DECLARERS = new Set(['export', 'declare', 'typeset', 'readonly']);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
/** Commands that can assign any name (`eval "x=…"`, a sourced file, `printf -v x`). */
const ANY_NAME = new Set(['eval', 'source', '.', 'printf']);

/** Stands for "any variable": a body that evals, sources or `printf -v`s may set anything. */
export const ANY_VARIABLE = '*';

/**
 * The names `command` may assign. `calls` gives what a function already defined assigns, so a
 * function that calls another carries its assignments too.
 */
export function assignedNames(
  command: Command,
  calls: (name: string) => readonly string[] | undefined = () => undefined,
  value: (name: string) => string | undefined = () => undefined,
): string[] {
  const names = new Set<string>();
  for (const { cmd, ctx } of listSimpleCommandsOf(command)) {
    // Substitutions run in subshells; nested function bodies run only when called.
    if (ctx !== 'top') continue;
    for (const assignment of cmd.assignments) names.add(assignment.name);
    const [word, ...rest] = cmd.words;
    if (!word) continue;
    // A command named by a variable (`$e "x=…"`): what the variable holds now, when known; else
    // it may be eval, read or a function.
    let first: { value: string } = word;
    if (!word.literal) {
      const variable = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(word.value)?.[1];
      const known = variable ? value(variable) : undefined;
      if (known === undefined) {
        names.add(ANY_VARIABLE);
        continue;
      }
      first = { value: known };
    }
    if (ANY_NAME.has(first.value) && (first.value !== 'printf' || rest.some((w) => w.value === '-v'))) names.add(ANY_VARIABLE);
    for (const name of calls(first.value) ?? []) names.add(name);
    if (DECLARERS.has(first.value) || ['read', 'mapfile', 'readarray', 'let'].includes(first.value)) {
      for (const word of rest) {
        const name = NAME.exec(word.value)?.[0];
        if (name && !word.value.startsWith('-')) names.add(name);
      }
    }
  }
  return [...names];
}
