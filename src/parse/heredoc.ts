// Here-document bodies. A `<<` redirection registers a pending heredoc; its body is the lines
// after the next newline token on the same parsing level (so inside `$( … )` the body lines are
// inside the substitution), read up to the delimiter line or, as bash does, the end of input.

import { ParseError, type Heredoc } from './ast.js';
import { BACKSLASH, NL, RPAREN, TAB } from './chars.js';
import type { Lexer } from './lexer.js';

export type PendingHeredoc = Heredoc;

/** Called just after a newline token: read every pending body in order. */
export function readHeredocBodies(lx: Lexer): void {
  const list = lx.pending;
  lx.pending = [];
  for (const doc of list) readBody(lx, doc);
}

/** The input (or the substitution) ended before the newline: bodies are empty, as in bash. */
export function abandonHeredocs(lx: Lexer): void {
  const list = lx.pending;
  lx.pending = [];
  for (const doc of list) {
    doc.body = '';
    doc.text = '';
    if (!doc.quoted) doc.word = lx.nested.heredocWord('', lx.base + lx.pos, lx);
  }
}

function readBody(lx: Lexer, doc: Heredoc): void {
  const src = lx.src;
  const n = lx.end;
  const delim = doc.delimiter;
  const unquoted = !doc.quoted;
  const bodyStart = lx.pos;
  let text = '';
  let p = bodyStart;
  let bodyEnd = bodyStart;
  while (p < n) {
    const rawStart = p;
    let lineStart = p;
    if (doc.stripTabs) while (src.charCodeAt(lineStart) === TAB) lineStart++;
    const nl = src.indexOf('\n', lineStart);
    let lineEnd = nl < 0 ? n : nl;
    let next = nl < 0 ? n : nl + 1;
    let line: string;
    let joined = false;
    if (unquoted && endsWithContinuation(src, lineStart, lineEnd)) {
      // `\`-newline joins lines before the delimiter test (bash reads them as one line).
      line = '';
      let segStart = lineStart;
      while (lineEnd < n && endsWithContinuation(src, segStart, lineEnd)) {
        line += src.slice(segStart, lineEnd - 1);
        segStart = lineEnd + 1;
        const nl2 = src.indexOf('\n', segStart);
        lineEnd = nl2 < 0 ? n : nl2;
      }
      line += src.slice(segStart, lineEnd);
      next = lineEnd < n ? lineEnd + 1 : n;
      joined = true;
    } else line = src.slice(lineStart, lineEnd);

    if (line === delim) {
      bodyEnd = rawStart;
      p = next;
      break;
    }
    // bash 5.2 ends a heredoc inside `$( … )` at a line `DELIM)` and lets the `)` close the substitution.
    if (
      !joined &&
      lx.comsubDepth > 0 &&
      line.length > delim.length &&
      line.charCodeAt(delim.length) === RPAREN &&
      line.startsWith(delim)
    ) {
      bodyEnd = rawStart;
      p = lineStart + delim.length;
      break;
    }
    text += line;
    text += '\n';
    p = bodyEnd = next;
    lx.budget.heredoc(p - bodyStart, lx.base + bodyStart);
  }
  lx.pos = p;
  let body = src.slice(bodyStart, bodyEnd);
  if (body.length > 0 && body.charCodeAt(body.length - 1) !== NL) body += '\n';
  doc.body = body;
  doc.text = text;
  if (unquoted) doc.word = heredocWord(lx, text, lx.base + bodyStart);
}

function heredocWord(lx: Lexer, text: string, base: number): Heredoc['word'] {
  if (!lx.lenient) return lx.nested.heredocWord(text, base, lx);
  const depth = lx.budget.depth;
  try {
    return lx.nested.heredocWord(text, base, lx);
  } catch (e) {
    // bash looks inside a heredoc body only when it expands it.
    if (!(e instanceof ParseError) || e.kind !== 'syntax') throw e;
    lx.budget.depth = depth;
    return undefined;
  }
}

/** True when the line ends in an odd run of backslashes (the last one escapes the newline). */
function endsWithContinuation(src: string, start: number, end: number): boolean {
  let count = 0;
  for (let i = end - 1; i >= start && src.charCodeAt(i) === BACKSLASH; i--) count++;
  return (count & 1) === 1 && end < src.length && src.charCodeAt(end) === NL;
}
