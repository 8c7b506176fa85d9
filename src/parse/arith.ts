// Arithmetic text: `$(( … ))`, `(( … ))`, `for (( ; ; ))`. The expression itself is kept as text
// (bash checks it only when it runs); substitutions inside are parsed because they run.

import { ParseError, type Script } from './ast.js';
import { WordBuilder } from './builder.js';
import { BACKSLASH, BACKTICK, DOLLAR, DQUOTE, LBRACE, LPAREN, RPAREN, SEMI, SQUOTE } from './chars.js';
import { collectScripts, scanBacktick, scanDollar } from './expansions.js';
import type { Lexer } from './lexer.js';
import { scanDouble } from './words.js';

/**
 * Given the index just after `((`, return the index of the first `)` of the matching `))`, or -1
 * when a lone `)` closes first (then bash reads `((` as two nested `(`) or the text ends.
 * Purely textual (quotes respected), so deciding between arithmetic and nested subshells is linear.
 */
export function findArithEnd(src: string, p: number, n: number): number {
  let depth = 0;
  for (; p < n; p++) {
    const c = src.charCodeAt(p);
    switch (c) {
      case LPAREN:
        depth++;
        break;
      case RPAREN:
        if (depth > 0) depth--;
        else return src.charCodeAt(p + 1) === RPAREN ? p : -1;
        break;
      case BACKSLASH:
        p++;
        break;
      case SQUOTE: {
        const close = src.indexOf("'", p + 1);
        if (close < 0) return -1;
        p = close;
        break;
      }
      case DQUOTE:
        p++;
        while (p < n && src.charCodeAt(p) !== DQUOTE) p += src.charCodeAt(p) === BACKSLASH ? 2 : 1;
        if (p >= n) return -1;
        break;
      case BACKTICK: {
        let q = p + 1;
        while (q < n && src.charCodeAt(q) !== BACKTICK) q += src.charCodeAt(q) === BACKSLASH ? 2 : 1;
        if (q >= n) return -1;
        p = q;
        break;
      }
      default:
        break;
    }
  }
  return -1;
}

/** Index of the `)` matching an already open `(` (text from `p`), quotes respected; -1 if none. */
export function findCloseParen(src: string, p: number, n: number): number {
  let depth = 0;
  for (; p < n; p++) {
    const c = src.charCodeAt(p);
    if (c === LPAREN) depth++;
    else if (c === RPAREN) {
      if (depth === 0) return p;
      depth--;
    } else if (c === BACKSLASH) p++;
    else if (c === SQUOTE || c === BACKTICK) {
      const close = src.indexOf(c === SQUOTE ? "'" : '`', p + 1);
      if (close < 0) return -1;
      p = close;
    } else if (c === DQUOTE) {
      p++;
      while (p < n && src.charCodeAt(p) !== DQUOTE) p += src.charCodeAt(p) === BACKSLASH ? 2 : 1;
      if (p >= n) return -1;
    }
  }
  return -1;
}

/** Parse the substitutions in arithmetic text `start..end` and return their scripts. */
export function scanArithContent(lx: Lexer, start: number, end: number): Script[] {
  const src = lx.src;
  let scratch: WordBuilder | null = null;
  let p = start;
  while (p < end) {
    const c = src.charCodeAt(p);
    if (c === DOLLAR && src.charCodeAt(p + 1) === LBRACE) {
      // bash does not check `${…}` inside arithmetic when parsing: a malformed one is plain text.
      scratch ??= new WordBuilder();
      const depth = lx.budget.depth;
      const pending = lx.pending;
      const comsubDepth = lx.comsubDepth;
      try {
        lx.pos = p;
        scanDollar(lx, scratch, true);
        p = lx.pos > end ? p + 2 : lx.pos;
      } catch (e) {
        if (!(e instanceof ParseError) || e.kind !== 'syntax') throw e;
        lx.budget.depth = depth;
        lx.pending = pending;
        lx.comsubDepth = comsubDepth;
        lx.seek(p);
        p += 2;
      }
    } else if (c === DOLLAR || c === BACKTICK || c === DQUOTE) {
      scratch ??= new WordBuilder();
      lx.pos = p;
      if (c === DOLLAR) scanDollar(lx, scratch, true);
      else if (c === BACKTICK) scanBacktick(lx, scratch, true);
      else scanDouble(lx, scratch);
      p = lx.pos;
      if (p > end) throw lx.error('syntax error in arithmetic expression', start);
    } else if (c === SQUOTE) {
      const close = src.indexOf("'", p + 1);
      p = close < 0 || close >= end ? end : close + 1;
    } else if (c === BACKSLASH) p += 2;
    else p++;
  }
  return scratch === null ? [] : collectScripts(scratch.parts);
}

/** Split `init; test; update` at top-level semicolons (outside parentheses and quotes). */
export function splitArithFor(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LPAREN) depth++;
    else if (c === RPAREN) depth--;
    else if (c === BACKSLASH) i++;
    else if (c === SQUOTE) {
      const close = text.indexOf("'", i + 1);
      i = close < 0 ? text.length : close;
    } else if (c === DQUOTE) {
      i++;
      while (i < text.length && text.charCodeAt(i) !== DQUOTE) i += text.charCodeAt(i) === BACKSLASH ? 2 : 1;
    } else if (c === SEMI && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}
