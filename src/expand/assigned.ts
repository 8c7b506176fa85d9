// Names a piece of shell may assign in the shell that runs it: what a loop body leaves for its
// next pass, what a function leaves for its caller. Read from the syntax, without running it.
import { listSimpleCommandsOf, type Command } from '../parse/index.js';

const DECLARERS = new Set(['export', 'declare', 'typeset', 'readonly']);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

export function assignedNames(command: Command): string[] {
  const names = new Set<string>();
  for (const { cmd, ctx } of listSimpleCommandsOf(command)) {
    // Substitutions run in subshells; nested function bodies run only when called.
    if (ctx !== 'top') continue;
    for (const assignment of cmd.assignments) names.add(assignment.name);
    const [first, ...rest] = cmd.words;
    if (!first?.literal) continue;
    if (DECLARERS.has(first.value) || first.value === 'read' || first.value === 'mapfile' || first.value === 'readarray') {
      for (const word of rest) {
        const name = NAME.exec(word.value)?.[0];
        if (name && !word.value.startsWith('-')) names.add(name);
      }
    }
  }
  return [...names];
}
