// `env [-i] [-u NAME] [-C DIR] [NAME=VALUE …] cmd …`
import { optionWord, scanOptions } from '../options.js';
import type { Value } from '../scope.js';
import type { Unwrapped, Unwrapper } from './types.js';

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

export const env: Unwrapper = (argv): Unwrapped => {
  const split = optionWord(argv, 1, argv.length, ['-S', '--split-string']);
  if (split) return { kind: 'shell', text: split, via: 'env -S' };
  let scan = scanOptions(argv, 1, ['-u', '--unset', '-C', '--chdir']);
  const chdir = optionWord(argv, 1, scan.index, ['-C', '--chdir']);
  const assignments: [string, Value][] = [];
  let i = scan.index;
  for (;;) {
    while (i < argv.length && argv[i].text === '-') i++;
    if (i < argv.length && ASSIGNMENT.test(argv[i].text)) {
      const text = argv[i].text;
      const eq = text.indexOf('=');
      assignments.push([text.slice(0, eq), { text: text.slice(eq + 1), known: argv[i].known }]);
      i++;
      continue;
    }
    // Options may follow assignments in GNU env only before them; stop at the command.
    if (i < argv.length && argv[i].text.startsWith('-') && argv[i].text !== '--') {
      scan = scanOptions(argv, i, ['-u', '--unset', '-C', '--chdir']);
      if (scan.index === i) break;
      i = scan.index;
      continue;
    }
    if (argv[i]?.text === '--') i++;
    break;
  }
  const rest = argv.slice(i);
  if (rest.length === 0) return { kind: 'inert' };
  return { kind: 'exec', argv: rest, via: 'env', env: assignments, chdir };
};
