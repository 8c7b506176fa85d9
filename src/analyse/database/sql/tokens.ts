// Small readers over a statement's tokens: balanced parentheses, top-level keywords, object names.
import type { Token } from './scanner.js';

/** Placeholder for text only known at run time (a concatenated variable in dynamic SQL). */
export const DYNAMIC = '__dyn__';

export const isWord = (t: Token | undefined, up: string): boolean => !!t && t.kind === 'word' && t.up === up;
export const isPunct = (t: Token | undefined, text: string): boolean => !!t && t.kind === 'punct' && t.text === text;

/** Index just past the parenthesis group opening at `open` (or the end when unbalanced). */
export function skipGroup(tokens: Token[], open: number, end = tokens.length): number {
  let depth = 0;
  for (let k = open; k < end; k++) {
    const t = tokens[k];
    if (t.kind !== 'punct') continue;
    if (t.text === '(') depth++;
    else if (t.text === ')' && --depth === 0) return k + 1;
  }
  return end;
}

/**
 * Indices in [from, end) of the tokens outside parentheses (the parentheses themselves are not
 * yielded): where a clause's own operators and keywords stand. After an unmatched `)` nothing more
 * is top level, as no complete expression follows.
 */
export function* topLevelIndices(tokens: Token[], from: number, end: number): Generator<number> {
  let depth = 0;
  for (let k = from; k < end; k++) {
    const t = tokens[k];
    if (t.kind === 'punct') {
      if (t.text === '(') depth++;
      else if (t.text === ')') depth--;
      continue;
    }
    if (depth === 0) yield k;
  }
}

/** First index in [from, end) of a word in `words` outside parentheses, or -1. */
export function findTopLevel(tokens: Token[], from: number, words: ReadonlySet<string>, end = tokens.length): number {
  let depth = 0;
  for (let k = from; k < end; k++) {
    const t = tokens[k];
    if (t.kind === 'punct') {
      if (t.text === '(') depth++;
      else if (t.text === ')') depth = Math.max(0, depth - 1);
      continue;
    }
    if (depth === 0 && t.kind === 'word' && words.has(t.up)) return k;
  }
  return -1;
}

/** Words that end an object name list rather than name an object. */
const NOT_A_NAME = new Set([
  'CASCADE', 'RESTRICT', 'ON', 'SYNC', 'PURGE', 'WITH', 'FORCE', 'PERMANENTLY', 'NO', 'DELETE', 'WHERE', 'SET',
  'USING', 'FROM', 'RETURNING', 'LIMIT', 'ORDER', 'AS', 'RESTART', 'CONTINUE', 'IDENTITY', 'SETTINGS', 'IF',
  'OUTPUT', 'OPTION', 'JOIN', 'INNER', 'LEFT', 'RIGHT', 'FULL', 'CROSS', 'PARTITION', 'IN', 'BY', 'TO', 'FOR',
  'AND', 'OR', 'NOT', 'SELECT', 'VALUES', 'DROP', 'ADD', 'ALTER', 'MODIFY', 'RENAME', 'CLUSTER',
]);

export interface NameRead {
  name: string;
  next: number;
}

/** Reads a possibly qualified, possibly quoted object name (`public.users`, `"My Table"`, `[dbo].[t]`, `:tbl`). */
export function readName(tokens: Token[], k: number): NameRead | null {
  const parts: string[] = [];
  let i = k;
  for (;;) {
    const t = tokens[i];
    if (!t) break;
    const namePart =
      t.kind === 'ident' || t.kind === 'param' || (t.kind === 'string' && parts.length === 0 && t.text.length < 200) ||
      (t.kind === 'word' && (parts.length > 0 || !NOT_A_NAME.has(t.up))) || (t.kind === 'op' && t.text === '*' && parts.length > 0) ||
      (t.kind === 'op' && (t.text === '%' || t.text === '?') && parts.length === 0);
    if (!namePart) break;
    // `%I` placeholders in format() templates read as one part.
    if (t.kind === 'op' && t.text === '%' && tokens[i + 1]?.kind === 'word') {
      parts.push('%' + tokens[i + 1].text);
      i += 2;
    } else {
      parts.push(t.text);
      i++;
    }
    if (!isPunct(tokens[i], '.')) break;
    i++;
  }
  if (parts.length === 0) return null;
  return { name: parts.join('.'), next: i };
}

/** Reads `name [, name …]` (a trailing `*` after a name — Postgres inheritance — is skipped). */
export function readNameList(tokens: Token[], k: number): { names: string[]; next: number } {
  const names: string[] = [];
  let i = k;
  for (;;) {
    const read = readName(tokens, i);
    if (!read) break;
    names.push(read.name);
    i = read.next;
    if (tokens[i]?.kind === 'op' && tokens[i].text === '*') i++;
    if (!isPunct(tokens[i], ',')) break;
    i++;
  }
  return { names, next: i };
}

/** Skips `IF EXISTS` / `IF NOT EXISTS`. */
export function skipIfExists(tokens: Token[], k: number): number {
  if (!isWord(tokens[k], 'IF')) return k;
  let i = k + 1;
  if (isWord(tokens[i], 'NOT')) i++;
  return isWord(tokens[i], 'EXISTS') ? i + 1 : k;
}

/** True when a name is only known at run time (dynamic SQL placeholders, `%I`, `?`). */
export function isComputedName(name: string): boolean {
  return name.includes(DYNAMIC) || name.includes('%') || name === '?' || name.startsWith('$') || name.includes('{');
}

/** Source-like text of tokens (for hints): `id > 0`, `1 = 1`. */
export function tokensText(tokens: Token[], from: number, to: number, max = 60): string {
  let out = '';
  for (let k = from; k < to && out.length <= max; k++) {
    const t = tokens[k];
    const text = t.kind === 'string' ? `'${t.text}'` : t.kind === 'ident' ? `"${t.text}"` : t.text;
    const glue = out === '' || t.text === ')' || t.text === ',' || t.text === '.' || out.endsWith('(') || out.endsWith('.') ? '' : ' ';
    out += glue + text;
  }
  return out.length > max ? out.slice(0, max - 1) + '…' : out;
}
