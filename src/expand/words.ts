// Resolves a parsed word to the text the command will receive, as far as the line itself tells:
// variables assigned earlier, ~ and $HOME, `$(which rm)`. What cannot be known keeps its source
// text and marks the value unknown. Every substitution met on the way is handed to `onScript`,
// because it runs whatever the word is used for.
import type { Script, Word, WordPart } from '../parse/index.js';
import { checkValueLength } from './limits.js';
import type { Scope, Value } from './scope.js';

export interface WordContext {
  scope: Scope;
  home: string;
  /** Expands a substitution's script; returns what it prints when the line determines it. */
  onScript(script: Script): string | undefined;
}

/** What the substitutions of one word print, when known (`$(printf …)`, `<(echo …)`). */
type Outputs = Map<WordPart, string | undefined>;

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

function visitNested(parts: WordPart[], ctx: WordContext, outputs: Outputs = new Map()): Outputs {
  for (const part of parts) {
    if (part.kind === 'command' || part.kind === 'process') outputs.set(part, ctx.onScript(part.body));
    else if (part.kind === 'arith') for (const script of part.commands) ctx.onScript(script);
    else if (part.kind === 'param' && part.operand) visitNested(part.operand.parts, ctx, outputs);
  }
  return outputs;
}

/** Default IFS: blanks and newlines split unquoted expansions. */
const DEFAULT_IFS = ' \t\n';

/**
 * The value of `$name` / `${name…}` when the line tells it. Arrays (`a=(…)`, positional
 * parameters) answer with their elements for `[@]`/`[*]`/`$@`/`$*`, and one element for `[i]`.
 */
function paramValue(part: Extract<WordPart, { kind: 'param' }>, ctx: WordContext): Value | undefined {
  const { name, operator } = part;
  let value: Value | undefined = ctx.scope.get(name);
  if (!value && name === 'HOME') value = { text: ctx.home, known: true };
  if (!value && name === 'PWD') value = { text: ctx.scope.cwd, known: true };
  if (value && part.prefix) return undefined; // ${#x} is a length, ${!x} an indirection
  if (value && part.subscript && !value.elements) value = { text: value.text, known: value.known, elements: [value] }; // a scalar is a one-element array
  if (value?.elements && part.subscript) {
    const index = part.subscript.literal ? part.subscript.value : undefined;
    if (index === '@' || index === '*') value = { text: value.elements.map((e) => e.text).join(' '), known: value.known, elements: value.elements };
    else if (index !== undefined && /^\d+$/.test(index)) value = value.elements[Number(index)] ?? { text: '', known: value.known };
    else return undefined;
  } else if (value?.elements && name !== '@' && name !== '*') {
    value = value.elements[0] ?? { text: '', known: value.known }; // `$a` is `${a[0]}`
  }
  if (!operator) return value;
  // ${x:-word} / ${x-word}: the default applies when x is unset (we know it is set only if assigned).
  if ((operator === ':-' || operator === '-') && part.operand) {
    if (value && value.known && (value.text !== '' || operator === '-')) return value;
    return undefined;
  }
  if ((operator === ':?' || operator === '?' || operator === ':=' || operator === '=') && value?.known) return value;
  return undefined;
}

/** Builds the fields of one word: quoted text joins, unquoted expansions split on IFS. */
class FieldBuilder {
  readonly fields: Value[] = [];
  private current: string | null = null;
  private known = true;

  constructor(private readonly ifs: string | undefined) {}

  add(text: string, known: boolean): void {
    this.current = (this.current ?? '') + text;
    checkValueLength(this.current.length);
    this.known &&= known;
  }

  /** A quoted part, even empty, makes a field exist (`""` is one empty argument). */
  touch(): void {
    this.current ??= '';
  }

  end(): void {
    if (this.current !== null) this.fields.push({ text: this.current, known: this.known });
    this.current = null;
    this.known = true;
  }

  /** Unquoted expansion result: field splitting (POSIX 2.6.5), and a glob in it makes it unknown. */
  split(text: string, known: boolean): void {
    if (this.ifs === undefined) return this.add(text, false); // IFS set to something we cannot see
    const value = known && !/[*?[]/.test(text);
    let run = 0; // start of the current run of non-IFS characters
    for (let i = 0; i <= text.length; i++) {
      const ch = text[i];
      if (i < text.length && !this.ifs.includes(ch)) continue;
      if (i > run) this.add(text.slice(run, i), value);
      run = i + 1;
      if (i === text.length) break;
      // IFS white space ends a field; any other IFS character also delimits an empty one.
      if (ch !== ' ' && ch !== '\t' && ch !== '\n') this.touch();
      this.end();
    }
  }
}

interface ResolvedPart {
  text: string;
  known: boolean;
  /** Unquoted `$x`/`$(…)` whose value is known: subject to field splitting. */
  split: boolean;
  /** `$@`/`${a[@]}` (and unquoted `$*`): one field per element. */
  elements?: Value[];
  quoted: boolean;
}

function resolvePart(part: WordPart, ctx: WordContext, outputs: Outputs): ResolvedPart {
  switch (part.kind) {
    case 'text':
      return { text: part.value, known: true, split: false, quoted: part.quoted !== 'none' };
    case 'param': {
      const value = paramValue(part, ctx);
      if (!value) return { text: part.source, known: false, split: false, quoted: part.quoted };
      // A variable holding a substitution's output reads better, and redacts better, as `$NAME`.
      const text = !value.known && /^(\$\(|`)/.test(value.text) ? part.source : value.text;
      const many = value.elements && (part.name === '@' || part.subscript?.value === '@' || (!part.quoted && (part.name === '*' || part.subscript?.value === '*')));
      return { text, known: value.known, split: !part.quoted && value.known, quoted: part.quoted, ...(many ? { elements: value.elements } : {}) };
    }
    case 'command': {
      const program = programLookup(part.body);
      if (program === '\0pwd') return { text: ctx.scope.cwd, known: true, split: false, quoted: part.quoted };
      if (program !== undefined) return { text: program, known: true, split: !part.quoted, quoted: part.quoted };
      // `$(echo git)`, `"$(printf '%s' …)"`: the output, without its trailing newlines.
      const output = outputs.get(part);
      if (output !== undefined && !output.includes('\0')) return { text: output.replace(/\n+$/, ''), known: true, split: !part.quoted, quoted: part.quoted };
      return { text: part.source, known: false, split: false, quoted: part.quoted };
    }
    case 'tilde':
      if (part.user === '') return { text: ctx.home, known: true, split: false, quoted: false };
      return { text: part.source, known: false, split: false, quoted: false };
    default:
      return { text: part.source, known: false, split: false, quoted: false };
  }
}

/** The word as one value (assignments, redirection targets, here-strings: no field splitting). */
export function resolveWord(word: Word, ctx: WordContext): Value {
  if (word.literal) return { text: word.value, known: true };
  const outputs = visitNested(word.parts, ctx);
  const content = processContent(word, outputs);
  if (content) return content;
  let text = '';
  let known = true;
  for (const part of word.parts) {
    const r = resolvePart(part, ctx, outputs);
    text += r.text;
    checkValueLength(text.length);
    known &&= r.known;
  }
  return { text, known };
}

/** `<(printf '%s' …)` alone: a path whose content the line determines (for `bash <(…)`, `< <(…)`). */
function processContent(word: Word, outputs: Outputs): Value | undefined {
  const part = word.parts.length === 1 ? word.parts[0] : undefined;
  if (part?.kind !== 'process' || part.direction !== '<') return undefined;
  const content = outputs.get(part);
  return content === undefined ? undefined : { text: part.source, known: false, content };
}

/**
 * The arguments a word becomes (command words, `for` items): unquoted expansions are split on
 * IFS and vanish when empty, `"$@"` and `"${a[@]}"` give one argument per element. So
 * `c='git push --force'; $c` runs git, and `$EMPTY rm -rf /` runs rm.
 */
export function resolveFields(word: Word, ctx: WordContext): Value[] {
  if (word.literal) return [{ text: word.value, known: true }];
  const outputs = visitNested(word.parts, ctx);
  const content = processContent(word, outputs);
  if (content) return [content];
  const alternatives = braceAlternatives(word.parts);
  return alternatives ? alternatives.flatMap((parts) => buildFields(parts, ctx, outputs)) : buildFields(word.parts, ctx, outputs);
}

/** Brace alternatives plain enough to take as text (no quotes, expansions, nested braces or globs). */
const PLAIN_BRACE_ITEM = /^[^'"$`\\{}*?[\]]*$/;
/** Most words one brace expansion may become before the guard stops expanding it. */
const MAX_BRACE_WORDS = 64;

/** `{git,push}` → the part lists of `git` and `push`; null when there is nothing (plain) to expand. */
function braceAlternatives(parts: WordPart[]): WordPart[][] | null {
  if (!parts.some((p) => p.kind === 'brace')) return null;
  let combos: WordPart[][] = [[]];
  for (const part of parts) {
    if (part.kind !== 'brace') {
      combos = combos.map((c) => [...c, part]);
      continue;
    }
    if (!part.items.every((item) => PLAIN_BRACE_ITEM.test(item))) return null;
    combos = combos.flatMap((c) => part.items.map((item): WordPart[] => [...c, { kind: 'text', value: item, quoted: 'none' }]));
    if (combos.length > MAX_BRACE_WORDS) return null;
  }
  return combos;
}

function buildFields(wordParts: WordPart[], ctx: WordContext, outputs: Outputs): Value[] {
  // An empty unquoted piece (from `{a,}`) adds nothing, not an empty argument.
  const parts = wordParts.filter((p) => !(p.kind === 'text' && p.quoted === 'none' && p.value === '')).map((part) => resolvePart(part, ctx, outputs));
  if (parts.length === 0) return [];
  if (!parts.some((p) => p.split || p.elements)) {
    let text = '';
    let known = true;
    for (const p of parts) {
      text += p.text;
      checkValueLength(text.length);
      known &&= p.known;
    }
    return [{ text, known }];
  }
  const ifsValue = ctx.scope.get('IFS');
  const fields = new FieldBuilder(ifsValue === undefined ? DEFAULT_IFS : ifsValue.known ? ifsValue.text : undefined);
  for (const p of parts) {
    if (p.elements) {
      p.elements.forEach((element, i) => {
        if (i > 0) fields.end();
        if (p.quoted) {
          fields.touch();
          fields.add(element.text, element.known);
        } else if (element.known) fields.split(element.text, true);
        else fields.add(element.text, false);
      });
    } else if (p.split) fields.split(p.text, p.known);
    else {
      if (p.quoted) fields.touch();
      fields.add(p.text, p.known);
    }
  }
  fields.end();
  return fields.fields;
}
