// The text `interlock init` prints: shell functions that send guarded tools through
// `interlock run` (bash, zsh, fish), and the shim that makes `interlock shell` a `bash`.
// Every path in them is absolute (see self.ts), so they work without `interlock` on PATH.
import type { SelfCommand } from './self.js';
import { SHIM_MARKER } from './real-shell.js';
import { singleQuote } from './command-text.js';

export type InitShell = 'bash' | 'zsh' | 'fish';

/** fish single quotes: only `\` and `'` are special inside them. */
function fishQuote(word: string): string {
  return `'${word.replace(/[\\']/g, '\\$&')}'`;
}

function posixFunctions(shell: 'bash' | 'zsh', self: SelfCommand, tools: readonly string[]): string {
  const remove = shell === 'zsh' ? 'unfunction' : 'unset -f';
  const lines = [
    `# Interlock shell functions for ${shell} (printed by \`interlock init ${shell}\`). Load them with:`,
    `#   eval "$(interlock init ${shell})"`,
    '# Each guarded tool below runs through `interlock run`, which checks the command and holds a',
    '# destructive one until you type its target (or, with no terminal, until `interlock approve <id>`).',
    `# \`command <tool> …\` skips the guard for one call; \`${remove} <tool>\` removes it from this shell.`,
    // `command` with an absolute path: no alias or function can stand in for node; and `interlock
    // run` executes the tool itself (no shell), so it reaches the real binary, never these functions.
    `__interlock_run() { command ${singleQuote(self.node)} ${singleQuote(self.script)} run -- "$@"; }`,
  ];
  // `function name { … }`: unlike `name() { … }` it still parses when an alias of that name exists.
  for (const tool of tools) lines.push(`function ${tool} { __interlock_run ${tool} "$@"; }`);
  return lines.join('\n') + '\n';
}

function fishFunctions(self: SelfCommand, tools: readonly string[]): string {
  const lines = [
    '# Interlock shell functions for fish (printed by `interlock init fish`). Load them with:',
    '#   interlock init fish | source',
    '# Each guarded tool below runs through `interlock run`; `command <tool> …` skips the guard once,',
    '# `functions --erase <tool>` removes it.',
    'function __interlock_run',
    `    command ${fishQuote(self.node)} ${fishQuote(self.script)} run -- $argv`,
    'end',
  ];
  for (const tool of tools) {
    lines.push(`function ${tool} --wraps ${tool} --description ${fishQuote(`${tool}, checked by Interlock`)}`, `    __interlock_run ${tool} $argv`, 'end');
  }
  return lines.join('\n') + '\n';
}

export function initSnippet(shell: InitShell, self: SelfCommand, tools: readonly string[]): string {
  return shell === 'fish' ? fishFunctions(self, tools) : posixFunctions(shell, self, tools);
}

/**
 * A /bin/sh script that runs `interlock shell` with its arguments. It records its own path in
 * INTERLOCK_SHIM (so that `interlock shell` never picks it as the real shell) and carries
 * SHIM_MARKER (so that no copy of it is picked either).
 */
export function shellShim(self: SelfCommand): string {
  return [
    '#!/bin/sh',
    `# ${SHIM_MARKER} (printed by \`interlock init shim\`).`,
    '# Runs `interlock shell` with this script\'s arguments: a bash-compatible entry point that checks',
    '# a script before the real shell runs it. Install it as `bash` in a folder first on an agent\'s',
    '# PATH, use it as the agent\'s SHELL, or set Claude Code\'s CLAUDE_CODE_SHELL_PREFIX to its path.',
    'INTERLOCK_SHIM=$0',
    'export INTERLOCK_SHIM',
    `exec ${singleQuote(self.node)} ${singleQuote(self.script)} shell "$@"`,
    '',
  ].join('\n');
}
