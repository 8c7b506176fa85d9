// Resolves a parsed word to the text the command will receive, as far as the line itself tells:
// variables assigned earlier, ~ and $HOME, `$(which rm)`. What cannot be known keeps its source
// text and marks the value unknown. Every substitution met on the way is handed to `onScript`,
// because it runs whatever the word is used for.
import type { Script, Word, WordPart } from '../parse/index.js';
import type { Scope, Value } from './scope.js';

export interface WordContext {
  scope: Scope;
  home: string;
  onScript(script: Script): void;
}

/** `which rm`, `command -v rm`, `type -P rm` print the program's path; treat as the program itself. */
function programLookup(script: Script): string | undefined {
  if (script.statements.length !== 1) return undefined;
  const { first, rest } = script.statements[0].body;
  if (rest.length || first.commands.length !== 1) return undefined;
  const cmd = first.commands[0];
  if (cmd.type !== 'SimpleCommand' || !cmd.words.every((w) => w.literal)) return undefined;
  const argv = cmd.words.map((w) => w.value);
  if (argv.length === 2 && argv[0] === 'which') return argv[1];
  if (argv.length === 3 && argv[0] === 'command' && argv[1] === '-v') return argv[2];
  if (argv.length === 3 && argv[0] === 'type' && argv[1] === '-P') return argv[2];
  if (argv.length === 1 && argv[0] === 'pwd') return '\0pwd';
  return undefined;
}

function visitNested(parts: WordPart[], ctx: WordContext): void {
  for (const part of parts) {
    if (part.kind === 'command' || part.kind === 'process') ctx.onScript(part.body);
    else if (part.kind === 'arith') for (const script of part.commands) ctx.onScript(script);
    else if (part.kind === 'param' && part.operand) visitNested(part.operand.parts, ctx);
  }
}

function paramValue(part: Extract<WordPart, { kind: 'param' }>, ctx: WordContext): Value | undefined {
  const { name, operator } = part;
  let value: Value | undefined = ctx.scope.get(name);
  if (!value && name === 'HOME') value = { text: ctx.home, known: true };
  if (!value && name === 'PWD') value = { text: ctx.scope.cwd, known: true };
  if (!operator) return value;
  // ${x:-word} / ${x-word}: the default applies when x is unset (we know it is set only if assigned).
  if ((operator === ':-' || operator === '-') && part.operand) {
    if (value && value.known && (value.text !== '' || operator === '-')) return value;
    return undefined;
  }
  if ((operator === ':?' || operator === '?' || operator === ':=' || operator === '=') && value?.known) return value;
  return undefined;
}

export function resolveWord(word: Word, ctx: WordContext): Value {
  if (word.literal) return { text: word.value, known: true };
  visitNested(word.parts, ctx);
  let text = '';
  let known = true;
  for (let i = 0; i < word.parts.length; i++) {
    const part = word.parts[i];
    switch (part.kind) {
      case 'text':
        text += part.value;
        break;
      case 'param': {
        const value = paramValue(part, ctx);
        if (value) {
          // A variable holding a substitution's output reads better, and redacts better, as `$NAME`.
          text += !value.known && /^(\$\(|`)/.test(value.text) ? part.source : value.text;
          known &&= value.known;
        } else {
          text += part.source;
          known = false;
        }
        break;
      }
      case 'command': {
        const program = programLookup(part.body);
        if (program === '\0pwd') text += ctx.scope.cwd;
        else if (program !== undefined) text += program;
        else {
          text += part.source;
          known = false;
        }
        break;
      }
      case 'tilde':
        if (part.user === '') text += ctx.home;
        else {
          text += part.source;
          known = false;
        }
        break;
      default:
        text += part.source;
        known = false;
    }
  }
  return { text, known };
}
