// `$…` expansions (parameters, `$( )`, `$(( ))`, `$[ ]`, `$'…'`, `$"…"`), backquotes and process
// substitution. Nested shell code is parsed for real through `lx.nested`, so commands hidden inside
// substitutions are visible to later stages.

import { ParseError, type Script, type Word, type WordPart } from './ast.js';
import { decodeAnsiC } from './ansi.js';
import { findArithEnd, findCloseParen, scanArithContent } from './arith.js';
import { finishWord, WordBuilder } from './builder.js';
import {
  AT, BACKSLASH, BACKTICK, BANG, C_SPECIAL_PARAM, CARET, CLASS, COLON, COMMA, DOLLAR, DQUOTE, EQ, HASH, LBRACE,
  LBRACKET, LPAREN, MINUS, NL, PERCENT, PLUS, QUESTION, RBRACE, RBRACKET, SLASH, SQUOTE, isDigit, isIdent, isIdentStart,
} from './chars.js';
import type { Lexer } from './lexer.js';
import { M_OPERAND, M_SUBSCRIPT, scanDouble, scanDquoteOperand, scanUnquoted } from './words.js';

/**
 * One arithmetic expansion from the `$` at `start`: its expression is [from, close) and it ends at
 * `end`. `$(( … ))` and the legacy `$[ … ]` differ only in their brackets.
 */
function arithExpansion(lx: Lexer, b: WordBuilder, start: number, from: number, close: number, end: number, quoted: boolean): void {
  lx.budget.enter(start + lx.base);
  const commands = scanArithContent(lx, from, close);
  lx.budget.leave();
  lx.pos = end;
  const source = lx.src.slice(start, end);
  b.expansion({ kind: 'arith', source, commands, quoted }, source);
}

/** Scan the expansion starting at the `$` at `lx.pos` (a lone `$` is literal text). */
export function scanDollar(lx: Lexer, b: WordBuilder, quoted: boolean): void {
  const src = lx.src;
  const start = lx.pos;
  const p1 = lx.skipContinuations(start + 1);
  const c = src.charCodeAt(p1);

  if (c === LPAREN) {
    let notArith = false;
    if (src.charCodeAt(p1 + 1) === LPAREN) {
      const close = findArithEnd(src, p1 + 2, lx.end);
      if (close >= 0) {
        arithExpansion(lx, b, start, p1 + 2, close, close + 2, quoted);
        return;
      }
      notArith = true;
    }
    lx.budget.enter(start + lx.base);
    lx.pos = p1 + 1;
    const body = notArith && lx.lenient ? lenientSubstitution(lx, p1) : lx.nested.substitution(lx);
    lx.budget.leave();
    const source = src.slice(start, lx.pos);
    b.expansion({ kind: 'command', source, body, backtick: false, quoted }, source);
    return;
  }
  if (c === LBRACE) {
    scanParamBraces(lx, b, start, p1 + 1, quoted);
    return;
  }
  if (c === LBRACKET) {
    // Legacy `$[ expr ]` arithmetic.
    const close = legacyArithEnd(src, p1 + 1, lx.end);
    if (close < 0) throw lx.eofError(']', start);
    arithExpansion(lx, b, start, p1 + 1, close, close + 1, quoted);
    return;
  }
  if (!quoted && c === SQUOTE) {
    const decoded = decodeAnsiC(src, p1 + 1);
    if (decoded === null) throw lx.eofError("'", start);
    b.text(decoded.value, 'ansi');
    b.quoted = true;
    lx.pos = decoded.end;
    return;
  }
  if (!quoted && c === DQUOTE) {
    // $"…" (locale translation) reads like a double-quoted string.
    lx.pos = p1;
    scanDouble(lx, b);
    return;
  }
  let end = -1;
  if (isIdentStart(c)) {
    end = p1 + 1;
    while (isIdent(src.charCodeAt(end))) end++;
  } else if (isDigit(c) || (c < 128 && (CLASS[c] & C_SPECIAL_PARAM) !== 0)) {
    end = p1 + 1;
  }
  if (end < 0) {
    b.text('$', quoted ? 'double' : 'none');
    lx.pos = start + 1;
    return;
  }
  const source = src.slice(start, end);
  b.expansion({ kind: 'param', source, name: src.slice(p1, end), quoted }, source);
  lx.pos = end;
}

/**
 * bash-compatible mode only: `$((` that is not arithmetic is matched textually by bash and parsed
 * only when expanded, so a malformed body is not a `bash -n` error.
 */
function lenientSubstitution(lx: Lexer, open: number): Script {
  const saved = { pending: lx.pending, comsubDepth: lx.comsubDepth, cond: lx.condMode, ext: lx.extglob, depth: lx.budget.depth };
  try {
    return lx.nested.substitution(lx);
  } catch (e) {
    if (!(e instanceof ParseError) || e.kind !== 'syntax') throw e;
    const close = findCloseParen(lx.src, open + 1, lx.end);
    if (close < 0) throw e;
    lx.pending = saved.pending;
    lx.comsubDepth = saved.comsubDepth;
    lx.condMode = saved.cond;
    lx.extglob = saved.ext;
    lx.budget.depth = saved.depth;
    lx.seek(close + 1);
    return { type: 'Script', span: lx.span(open + 1, close), statements: [] };
  }
}

/** `${…}`: `p` is just after the `{`. */
function scanParamBraces(lx: Lexer, b: WordBuilder, start: number, p: number, quoted: boolean): void {
  const src = lx.src;
  const n = lx.end;
  lx.budget.enter(start + lx.base);

  let prefix: '#' | '!' | undefined;
  const c0 = src.charCodeAt(p);
  if ((c0 === HASH || c0 === BANG) && p + 1 < n) {
    const c1 = src.charCodeAt(p + 1);
    if (c1 !== RBRACE && (isIdent(c1) || (CLASS[c1] & C_SPECIAL_PARAM) !== 0)) {
      prefix = c0 === HASH ? '#' : '!';
      p++;
    }
  }

  const nameStart = p;
  const c = src.charCodeAt(p);
  if (isIdentStart(c)) {
    p++;
    while (isIdent(src.charCodeAt(p))) p++;
  } else if (isDigit(c)) {
    p++;
    while (isDigit(src.charCodeAt(p))) p++;
  } else if (c < 128 && (CLASS[c] & C_SPECIAL_PARAM) !== 0) {
    p++;
  }
  const name = src.slice(nameStart, p);

  let subscript: Word | undefined;
  if (src.charCodeAt(p) === LBRACKET && name.length > 0) {
    const sb = new WordBuilder();
    lx.pos = p + 1;
    scanUnquoted(lx, sb, M_SUBSCRIPT, -1, false);
    if (src.charCodeAt(lx.pos) !== RBRACKET) throw lx.eofError('}', start);
    subscript = finishWord(lx, sb, p + 1, lx.pos);
    p = lx.pos + 1;
  }

  let operator: string | undefined;
  let operand: Word | undefined;
  if (p >= n) throw lx.eofError('}', start);
  if (src.charCodeAt(p) !== RBRACE) {
    operator = paramOperator(src, p);
    p += operator.length;
    const ob = new WordBuilder();
    lx.pos = p;
    if (quoted) scanDquoteOperand(lx, ob);
    else scanUnquoted(lx, ob, M_OPERAND, p, false);
    if (src.charCodeAt(lx.pos) !== RBRACE) throw lx.eofError('}', start);
    operand = finishWord(lx, ob, p, lx.pos);
    p = lx.pos;
  }
  p++; // the closing `}`
  lx.pos = p;
  lx.budget.leave();

  const source = src.slice(start, p);
  const part: WordPart = { kind: 'param', source, name, quoted };
  if (operator !== undefined && operator !== '') part.operator = operator;
  if (operand !== undefined) part.operand = operand;
  if (prefix !== undefined) part.prefix = prefix;
  if (subscript !== undefined) part.subscript = subscript;
  b.expansion(part, source);
}

/** The operator after the name in `${name…}`; '' when the text is not one (bash reports that at run time). */
function paramOperator(src: string, p: number): string {
  const c = src.charCodeAt(p);
  const c1 = src.charCodeAt(p + 1);
  switch (c) {
    case COLON:
      return c1 === MINUS || c1 === EQ || c1 === QUESTION || c1 === PLUS ? src.slice(p, p + 2) : ':';
    case MINUS:
    case EQ:
    case QUESTION:
    case PLUS:
    case AT:
      return src[p];
    case HASH:
    case PERCENT:
    case CARET:
    case COMMA:
      return c1 === c ? src.slice(p, p + 2) : src[p];
    case SLASH:
      return c1 === SLASH || c1 === HASH || c1 === PERCENT ? src.slice(p, p + 2) : '/';
    default:
      return '';
  }
}

function legacyArithEnd(src: string, p: number, n: number): number {
  let depth = 0;
  for (; p < n; p++) {
    const c = src.charCodeAt(p);
    if (c === LBRACKET) depth++;
    else if (c === RBRACKET) {
      if (depth === 0) return p;
      depth--;
    } else if (c === BACKSLASH) p++;
  }
  return -1;
}

/** `` `…` ``: find the closing backquote, undo its backslash escapes, parse the text as a script. */
export function scanBacktick(lx: Lexer, b: WordBuilder, quoted: boolean): void {
  const src = lx.src;
  const n = lx.end;
  const start = lx.pos;
  let p = start + 1;
  let lit = p;
  let inner = '';
  for (;;) {
    if (p >= n) throw lx.eofError('`', start);
    const c = src.charCodeAt(p);
    if (c === BACKTICK) break;
    if (c === BACKSLASH) {
      const c1 = src.charCodeAt(p + 1);
      if (c1 === NL) {
        inner += src.slice(lit, p);
        p = lit = p + 2;
      } else if (c1 === DOLLAR || c1 === BACKTICK || c1 === BACKSLASH || (quoted && c1 === DQUOTE)) {
        inner += src.slice(lit, p);
        lit = p + 1;
        p += 2;
      } else p += 2;
      continue;
    }
    p++;
  }
  inner += src.slice(lit, p);
  lx.pos = p + 1;
  lx.budget.enter(start + lx.base);
  const body = lx.nested.source(inner, lx.base + start + 1, lx);
  lx.budget.leave();
  const source = src.slice(start, p + 1);
  b.expansion({ kind: 'command', source, body, backtick: true, quoted }, source);
}

/** `<(…)` / `>(…)` at `lx.pos`. */
export function scanProcess(lx: Lexer, b: WordBuilder): void {
  const src = lx.src;
  const start = lx.pos;
  const direction = src[start] === '<' ? '<' : '>';
  lx.budget.enter(start + lx.base);
  lx.pos = start + 2;
  const body = lx.nested.substitution(lx);
  lx.budget.leave();
  const source = src.slice(start, lx.pos);
  b.expansion({ kind: 'process', source, body, direction }, source);
}

/** Every script nested in these parts (directly or inside `${…}` operands and subscripts). */
export function collectScripts(parts: WordPart[], out: Script[] = []): Script[] {
  for (const part of parts) {
    switch (part.kind) {
      case 'command':
      case 'process':
        out.push(part.body);
        break;
      case 'arith':
        out.push(...part.commands);
        break;
      case 'param':
        if (part.operand) collectScripts(part.operand.parts, out);
        if (part.subscript) collectScripts(part.subscript.parts, out);
        break;
      default:
        break;
    }
  }
  return out;
}

