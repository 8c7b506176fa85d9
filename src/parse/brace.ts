// Brace expansion detection (`{a,b}`, `{1..3}`). A `{` is an expansion only when a matching `}`
// follows in the same word with a top-level comma or a sequence inside; `{}`, `{x}` and a lone
// `{` stay literal. A brace containing a substitution is left unrecognised so the substitution is
// still parsed (and not hidden inside an opaque brace part).

import {
  BACKSLASH, BACKTICK, C_META, CLASS, COMMA, DOLLAR, DQUOTE, LBRACE, LPAREN, RBRACE, SQUOTE,
} from './chars.js';
import type { Lexer } from './lexer.js';

const SEQUENCE = /^(?:[+-]?\d+\.\.[+-]?\d+|[A-Za-z]\.\.[A-Za-z])(?:\.\.[+-]?\d+)?$/;
const MAX_SEQUENCE_ITEMS = 1000;

export interface BraceMatch {
  end: number;
  items: string[];
}

/**
 * Brace expansion starting at `p`, or null. One scan records every match up to where the word
 * ends, so later `{` in the same stretch are answered from the memo (linear in word length).
 */
export function braceAt(lx: Lexer, p: number): BraceMatch | null {
  if (p >= lx.braceScanEnd) {
    const matches = new Map<number, number>();
    lx.braceScanEnd = scanBraces(lx.src, p, lx.end, matches);
    lx.braceMatches = matches;
  }
  const close = lx.braceMatches?.get(p);
  if (close === undefined) return null;
  return { end: close + 1, items: braceItems(lx.src, p, close) };
}

/** Scan from `p` to the end of the word, recording `open → close` for every brace expansion. */
function scanBraces(src: string, p: number, n: number, matches: Map<number, number>): number {
  const opens: number[] = [];
  const commas: boolean[] = [];
  let q = p;
  while (q < n) {
    const c = src.charCodeAt(q);
    if (c < 128 && (CLASS[c] & C_META) !== 0) break;
    if (c === LBRACE) {
      opens.push(q);
      commas.push(false);
    } else if (c === COMMA) {
      if (commas.length > 0) commas[commas.length - 1] = true;
    } else if (c === RBRACE) {
      if (opens.length > 0) {
        const open = opens.pop() as number;
        const comma = commas.pop() as boolean;
        if (comma || isSequence(src, open + 1, q)) matches.set(open, q);
      }
    } else if (c === BACKSLASH) {
      q++;
    } else if (c === SQUOTE) {
      const close = src.indexOf("'", q + 1);
      if (close < 0) return n;
      q = close;
    } else if (c === DQUOTE) {
      q++;
      while (q < n) {
        const d = src.charCodeAt(q);
        if (d === DQUOTE) break;
        if (d === BACKSLASH) q++;
        else if (d === BACKTICK || (d === DOLLAR && isExpansionStart(src.charCodeAt(q + 1)))) return q;
        q++;
      }
    } else if (c === BACKTICK || (c === DOLLAR && isExpansionStart(src.charCodeAt(q + 1)))) {
      // Substitutions and ${…} are parsed by the word scanner: no brace may span them.
      return q;
    }
    q++;
  }
  return q;
}

function isExpansionStart(c: number): boolean {
  return c === LPAREN || c === LBRACE;
}

function isSequence(src: string, start: number, end: number): boolean {
  return end - start >= 4 && end - start <= 64 && SEQUENCE.test(src.slice(start, end));
}

/** Source texts of the alternatives (sequences are expanded when short). */
function braceItems(src: string, open: number, close: number): string[] {
  const body = src.slice(open + 1, close);
  if (isSequence(src, open + 1, close)) return expandSequence(body);
  const items: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === BACKSLASH) i++;
    else if (c === SQUOTE) {
      const e = body.indexOf("'", i + 1);
      i = e < 0 ? body.length : e;
    } else if (c === DQUOTE) {
      i++;
      while (i < body.length && body.charCodeAt(i) !== DQUOTE) i += body.charCodeAt(i) === BACKSLASH ? 2 : 1;
    } else if (c === LBRACE) depth++;
    else if (c === RBRACE) depth--;
    else if (c === COMMA && depth === 0) {
      items.push(body.slice(start, i));
      start = i + 1;
    }
  }
  items.push(body.slice(start));
  return items;
}

function expandSequence(body: string): string[] {
  const [a, b, stepText] = body.split('..');
  const step = Math.abs(stepText === undefined ? 1 : Number(stepText)) || 1;
  const numeric = /\d/.test(a);
  const from = numeric ? Number(a) : a.charCodeAt(0);
  const to = numeric ? Number(b) : b.charCodeAt(0);
  const count = Math.floor(Math.abs(to - from) / step) + 1;
  if (!Number.isFinite(count) || count > MAX_SEQUENCE_ITEMS) return [body];
  const dir = to >= from ? 1 : -1;
  const out: string[] = [];
  for (let i = 0, v = from; i < count; i++, v += dir * step) out.push(numeric ? String(v) : String.fromCharCode(v));
  return out;
}
