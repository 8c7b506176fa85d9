// Word scanning: quotes, escapes, globs, tilde, brace expansion, assignment words and fd-prefixed
// redirections. `$…` and backquote expansions are delegated to expansions.ts.

import type { Assignment, Word } from './ast.js';
import { braceAt } from './brace.js';
import { finishWord, WordBuilder } from './builder.js';
import {
  AT, BACKSLASH, BACKTICK, BANG, C_LOGIN, C_META, C_WORD_SPECIAL, CLASS, COLON, DOLLAR, DQUOTE, EQ, GT, LBRACE,
  LBRACKET, LPAREN, LT, NL, PIPE, PLUS, QUESTION, RBRACE, RBRACKET, RPAREN, SLASH, SQUOTE, STAR, TILDE,
  CARET, isDigit, isIdent, isIdentStart, isMeta,
} from './chars.js';
import { scanBacktick, scanDollar, scanProcess } from './expansions.js';
import type { Lexer } from './lexer.js';
import { makeToken, T_ARRAY, T_ASSIGN, T_WORD, type Token } from './tokens.js';

/** An ordinary command word: ends at blanks and operators. */
export const M_NORMAL = 0;
/** The word inside `${name<op>…}` (unquoted context): ends at the first unquoted `}` (bash does not nest bare braces there), blanks included. */
export const M_OPERAND = 1;
/** A subscript inside `${name[…]}`: ends at the matching `]`. */
export const M_SUBSCRIPT = 2;
/** The right side of `=~` in `[[ … ]]`: parentheses group, `|` and blanks inside parentheses belong to it. */
export const M_REGEX = 3;

const DECLARATION_BUILTINS = new Set(['declare', 'typeset', 'local', 'export', 'readonly']);

export function isDeclarationBuiltin(word: Word): boolean {
  return word.literal && word.raw === word.value && DECLARATION_BUILTINS.has(word.value);
}

/** Read the word token starting at `start` (the lexer already skipped blanks). */
export function readWordToken(lx: Lexer, start: number): Token {
  const src = lx.src;
  if (!lx.condMode && isIdentStart(src.charCodeAt(start))) {
    // Assignment prefix: NAME[=|+=] or NAME[subscript][=|+=], all unquoted.
    let p = start + 1;
    while (isIdent(src.charCodeAt(p))) p++;
    const nameEnd = p;
    let index: string | undefined;
    if (src.charCodeAt(p) === LBRACKET) {
      const close = subscriptEnd(src, p, lx.end);
      if (close > 0) {
        index = src.slice(p + 1, close);
        p = close + 1;
      } else p = -1;
    }
    if (p > 0) {
      const c = src.charCodeAt(p);
      let valueStart = -1;
      let append = false;
      if (c === EQ) valueStart = p + 1;
      else if (c === PLUS && src.charCodeAt(p + 1) === EQ) {
        append = true;
        valueStart = p + 2;
      }
      if (valueStart > 0) {
        const name = src.slice(start, nameEnd);
        if (src.charCodeAt(valueStart) === LPAREN) return readArrayAssignment(lx, start, valueStart, name, append, index);
        return readAssignmentWord(lx, start, valueStart, name, append, index);
      }
    }
  }

  const b = new WordBuilder();
  lx.pos = start;
  scanUnquoted(lx, b, M_NORMAL, start, false);
  const end = lx.pos;
  if (end === start) {
    // Only reachable for a stray character no scanner accepts; report it like bash.
    throw lx.error(`syntax error near unexpected token \`${src[start]}'`, start);
  }

  // `2>file`, `{fd}>file`: a plain number or {name} glued to a redirection operator.
  if (!lx.condMode && end < lx.end && !b.quoted) {
    const c = src.charCodeAt(end);
    if (c === LT || c === GT) {
      const fd = fdPrefix(src, start, end);
      if (fd !== undefined) {
        const t = lx.redirOp(end, typeof fd === 'number' ? fd : null, typeof fd === 'string' ? fd : undefined);
        t.start = start;
        return t;
      }
    }
  }

  const t = makeToken(T_WORD, start, end, '');
  t.word = finishWord(lx, b, start, end);
  t.quoted = b.quoted;
  t.plain = b.literal && !b.quoted;
  return t;
}

/** `2` → 2, `{fd}` → 'fd', anything else → undefined. */
function fdPrefix(src: string, start: number, end: number): number | string | undefined {
  let allDigits = true;
  for (let i = start; i < end; i++) {
    if (!isDigit(src.charCodeAt(i))) {
      allDigits = false;
      break;
    }
  }
  if (allDigits) return Number(src.slice(start, end));
  if (src.charCodeAt(start) === LBRACE && src.charCodeAt(end - 1) === RBRACE && end - start > 2) {
    if (!isIdentStart(src.charCodeAt(start + 1))) return undefined;
    for (let i = start + 2; i < end - 1; i++) if (!isIdent(src.charCodeAt(i))) return undefined;
    return src.slice(start + 1, end - 1);
  }
  return undefined;
}

/** Index of the `]` closing the subscript that opens at `p`, or -1 when the word ends first. */
function subscriptEnd(src: string, p: number, n: number): number {
  let depth = 0;
  for (let q = p; q < n; q++) {
    const c = src.charCodeAt(q);
    if (c === LBRACKET) depth++;
    else if (c === RBRACKET) {
      if (--depth === 0) return q;
    } else if (c === BACKSLASH) q++;
    else if (c === SQUOTE) {
      const close = src.indexOf("'", q + 1);
      if (close < 0) return -1;
      q = close;
    } else if (c === DQUOTE) {
      q++;
      while (q < n && src.charCodeAt(q) !== DQUOTE) q += src.charCodeAt(q) === BACKSLASH ? 2 : 1;
      if (q >= n) return -1;
    } else if (c < 128 && (CLASS[c] & C_META) !== 0) return -1;
  }
  return -1;
}

function readAssignmentWord(
  lx: Lexer,
  start: number,
  valueStart: number,
  name: string,
  append: boolean,
  index: string | undefined,
): Token {
  const v = new WordBuilder();
  lx.pos = valueStart;
  scanUnquoted(lx, v, M_NORMAL, valueStart, true);
  const end = lx.pos;

  const full = new WordBuilder();
  full.text(lx.src.slice(start, valueStart), 'none');
  full.append(v);
  const word = finishWord(lx, full, start, end);

  const assign: Assignment = {
    span: lx.span(start, end),
    name,
    append,
    value: end > valueStart || v.parts.length > 0 ? assignmentValue(lx, v, valueStart, end) : null,
  };
  if (index !== undefined) assign.index = index;

  const t = makeToken(T_ASSIGN, start, end, '');
  t.word = word;
  t.quoted = full.quoted;
  t.assign = assign;
  return t;
}

/** Assignment values undergo neither pathname nor brace expansion: those parts become text. */
function assignmentValue(lx: Lexer, v: WordBuilder, start: number, end: number): Word {
  let plain = true;
  for (const part of v.parts) {
    if (part.kind === 'glob' || part.kind === 'brace') plain = false;
  }
  if (plain) return finishWord(lx, v, start, end, false);
  const b = new WordBuilder();
  for (const part of v.parts) {
    if (part.kind === 'glob' || part.kind === 'brace') b.text(part.source, 'none');
    else if (part.kind === 'text') b.text(part.value, part.quoted);
    else b.expansion(part, part.source);
  }
  b.quoted = v.quoted;
  return finishWord(lx, b, start, end, false);
}

/** `name=(a "b" $(c))`: elements are ordinary words; newlines and comments may separate them. */
function readArrayAssignment(
  lx: Lexer,
  start: number,
  valueStart: number,
  name: string,
  append: boolean,
  index: string | undefined,
): Token {
  const src = lx.src;
  const elements: Word[] = [];
  lx.pos = valueStart + 1;
  for (;;) {
    lx.skipBlanks();
    let p = lx.pos;
    if (p >= lx.end) throw lx.eofError(')', valueStart);
    const c = src.charCodeAt(p);
    if (c === NL) {
      lx.pos = p + 1;
      continue;
    }
    if (c === RPAREN) {
      lx.pos = p + 1;
      break;
    }
    if (isMeta(c) && !((c === LT || c === GT) && src.charCodeAt(p + 1) === LPAREN)) {
      throw lx.error(`syntax error near unexpected token \`${src[p]}'`, p);
    }
    const b = new WordBuilder();
    scanUnquoted(lx, b, M_NORMAL, p, false);
    elements.push(finishWord(lx, b, p, lx.pos));
    p = lx.pos;
  }
  const end = lx.pos;

  // As an argument of `declare`/`local`…, the whole thing is one word.
  const full = new WordBuilder();
  full.text(src.slice(start, valueStart + 1), 'none');
  elements.forEach((el, i) => {
    if (i > 0) full.text(' ', 'none');
    for (const part of el.parts) {
      if (part.kind === 'text') full.text(part.value, part.quoted);
      else full.expansion(part, part.source);
    }
  });
  full.text(')', 'none');
  full.literal = elements.every((el) => el.literal);

  const assign: Assignment = { span: lx.span(start, end), name, append, value: null, array: elements };
  if (index !== undefined) assign.index = index;
  const t = makeToken(T_ARRAY, start, end, '');
  t.word = finishWord(lx, full, start, end);
  t.assign = assign;
  return t;
}

/**
 * Scan unquoted word text from `lx.pos` into `b` until the mode's terminator.
 * `tildeAt` is where a tilde prefix may start; `assignment` also allows one after each `:`.
 */
export function scanUnquoted(lx: Lexer, b: WordBuilder, mode: number, tildeAt: number, assignment: boolean): void {
  const src = lx.src;
  const n = lx.end;
  const extglob = lx.extglob && mode === M_NORMAL;
  let p = lx.pos;
  let lit = p;
  let depth = 0;
  let tildePos = tildeAt;

  scan: while (p < n) {
    const c = src.charCodeAt(p);
    if (c >= 128 || (CLASS[c] & C_WORD_SPECIAL) === 0) {
      if (extglob && (c === AT || c === PLUS || c === BANG)) {
        const e = scanExtglob(b, src, lit, p, n);
        if (e > 0) {
          p = lit = e;
          continue;
        }
      }
      p++;
      continue;
    }

    if ((CLASS[c] & C_META) !== 0) {
      if (mode === M_NORMAL) {
        if ((c === LT || c === GT) && src.charCodeAt(p + 1) === LPAREN) {
          if (p > lit) b.text(src.slice(lit, p), 'none');
          lx.pos = p;
          scanProcess(lx, b);
          p = lit = lx.pos;
          continue;
        }
        break;
      }
      if (mode === M_REGEX) {
        if (c === LPAREN) depth++;
        else if (c === RPAREN) {
          if (depth === 0) break;
          depth--;
        } else if (depth === 0 && c !== PIPE) break;
      }
      p++;
      continue;
    }

    switch (c) {
      case BACKSLASH: {
        if (p > lit) b.text(src.slice(lit, p), 'none');
        if (p + 1 >= n) {
          // A backslash ending the input is a line continuation with nothing after it: dropped.
          p = lit = n;
          break;
        }
        const c1 = src.charCodeAt(p + 1);
        if (c1 === NL) {
          p = lit = p + 2;
          break;
        }
        const width = c1 >= 0xd800 && c1 <= 0xdbff && p + 2 < n ? 2 : 1;
        b.text(src.substr(p + 1, width), 'escape');
        b.quoted = true;
        p = lit = p + 1 + width;
        break;
      }
      case SQUOTE: {
        if (p > lit) b.text(src.slice(lit, p), 'none');
        const close = src.indexOf("'", p + 1);
        if (close < 0) throw lx.eofError("'", p);
        b.text(src.slice(p + 1, close), 'single');
        b.quoted = true;
        p = lit = close + 1;
        break;
      }
      case DQUOTE:
      case DOLLAR:
      case BACKTICK:
        if (p > lit) b.text(src.slice(lit, p), 'none');
        lx.pos = p;
        if (c === DQUOTE) scanDouble(lx, b);
        else if (c === DOLLAR) scanDollar(lx, b, false);
        else scanBacktick(lx, b, false);
        p = lit = lx.pos;
        break;
      case STAR:
      case QUESTION: {
        if (mode !== M_NORMAL) {
          p++;
          break;
        }
        if (extglob) {
          const e = scanExtglob(b, src, lit, p, n);
          if (e > 0) {
            p = lit = e;
            break;
          }
        }
        if (p > lit) b.text(src.slice(lit, p), 'none');
        let e = p + 1;
        while (e < n && (src.charCodeAt(e) === STAR || src.charCodeAt(e) === QUESTION)) e++;
        if (extglob && e > p + 1 && src.charCodeAt(e) === LPAREN) e--; // leave `*(` for the next round
        globPart(b, src.slice(p, e));
        p = lit = e;
        break;
      }
      case LBRACKET: {
        if (mode === M_SUBSCRIPT) {
          depth++;
          p++;
          break;
        }
        if (mode !== M_NORMAL) {
          p++;
          break;
        }
        const e = bracketEnd(lx, p);
        if (e < 0) {
          p++;
          break;
        }
        if (p > lit) b.text(src.slice(lit, p), 'none');
        globPart(b, src.slice(p, e));
        p = lit = e;
        break;
      }
      case RBRACKET:
        if (mode === M_SUBSCRIPT) {
          if (depth === 0) break scan;
          depth--;
        }
        p++;
        break;
      case LBRACE: {
        if (mode !== M_NORMAL) {
          p++;
          break;
        }
        const m = braceAt(lx, p);
        if (m === null) {
          p++;
          break;
        }
        if (p > lit) b.text(src.slice(lit, p), 'none');
        const source = src.slice(p, m.end);
        b.expansion({ kind: 'brace', source, items: m.items }, source);
        p = lit = m.end;
        break;
      }
      case RBRACE:
        if (mode === M_OPERAND) break scan;
        p++;
        break;
      case TILDE: {
        if (p !== tildePos || mode === M_SUBSCRIPT || mode === M_REGEX) {
          p++;
          break;
        }
        const e = tildeEnd(src, p, n, mode, assignment);
        if (e < 0) {
          p++;
          break;
        }
        if (p > lit) b.text(src.slice(lit, p), 'none');
        const source = src.slice(p, e);
        b.expansion({ kind: 'tilde', source, user: source.slice(1) }, source);
        p = lit = e;
        break;
      }
      case COLON:
        if (assignment) tildePos = p + 1;
        p++;
        break;
      default:
        p++;
    }
  }
  if (p > lit) b.text(src.slice(lit, p), 'none');
  lx.pos = p;
}

function globPart(b: WordBuilder, source: string): void {
  const parts = b.parts;
  const last = parts.length > 0 ? parts[parts.length - 1] : undefined;
  if (last !== undefined && last.kind === 'glob') {
    last.source += source;
    b.value += source;
    return;
  }
  b.expansion({ kind: 'glob', source }, source);
}

/** End (exclusive) of a tilde prefix at `p`, or -1 when the `~` is literal. */
function tildeEnd(src: string, p: number, n: number, mode: number, assignment: boolean): number {
  let q = p + 1;
  while (q < n) {
    const c = src.charCodeAt(q);
    if (c >= 128 || (CLASS[c] & C_LOGIN) === 0) break;
    q++;
  }
  if (q >= n) return q;
  const c = src.charCodeAt(q);
  if (c === SLASH) return q;
  if (mode === M_NORMAL && isMeta(c)) return q;
  if (mode === M_OPERAND && c === RBRACE) return q;
  if (assignment && c === COLON) return q;
  return -1;
}

/**
 * End (exclusive) of a bracket expression `[…]` at `p`, or -1 when there is no closing `]` in this
 * word (then `[` is literal). A failed search memoises how far it looked, keeping `[[[[…` linear.
 */
function bracketEnd(lx: Lexer, p: number): number {
  if (p < lx.bracketFailEnd) return -1;
  const src = lx.src;
  const n = lx.end;
  let q = p + 1;
  const c0 = src.charCodeAt(q);
  if (c0 === BANG || c0 === CARET) q++;
  if (src.charCodeAt(q) === RBRACKET) q++;
  while (q < n) {
    const c = src.charCodeAt(q);
    if (c === RBRACKET) return q + 1;
    if (c === BACKSLASH || c === SQUOTE || c === DQUOTE || c === DOLLAR || c === BACKTICK) break;
    if (c < 128 && (CLASS[c] & C_META) !== 0) break;
    q++;
  }
  lx.bracketFailEnd = q;
  return -1;
}

/**
 * An extglob (`@(…)`, `*(…)`, …) whose operator is at `p` becomes one glob part, after the literal
 * text pending since `lit`. Returns where scanning resumes, or -1 when no `(…)` follows (then the
 * operator is an ordinary character). Shared by the `@+!` fast path and the `*?` glob case so both
 * treat a pattern alike.
 */
function scanExtglob(b: WordBuilder, src: string, lit: number, p: number, n: number): number {
  if (src.charCodeAt(p + 1) !== LPAREN) return -1;
  const e = extglobEnd(src, p + 1, n);
  if (e < 0) return -1;
  if (p > lit) b.text(src.slice(lit, p), 'none');
  const source = src.slice(p, e);
  b.expansion({ kind: 'glob', source }, source);
  return e;
}

/** `@(…)` etc.: `open` is the `(`; returns the end after the matching `)`, or -1 (also when it hides a substitution). */
function extglobEnd(src: string, open: number, n: number): number {
  let depth = 0;
  for (let q = open; q < n; q++) {
    const c = src.charCodeAt(q);
    if (c === LPAREN) depth++;
    else if (c === RPAREN) {
      if (--depth === 0) return q + 1;
    } else if (c === BACKSLASH) q++;
    else if (c === DOLLAR || c === BACKTICK || c === SQUOTE || c === DQUOTE) return -1;
  }
  return -1;
}

/** `"…"`: backslash escapes only `$ \` " \\` and newline; `$` and backquotes expand. */
export function scanDouble(lx: Lexer, b: WordBuilder): void {
  const src = lx.src;
  const n = lx.end;
  const open = lx.pos;
  const partsBefore = b.parts.length;
  let p = open + 1;
  let lit = p;
  b.quoted = true;
  for (;;) {
    if (p >= n) throw lx.eofError('"', open);
    const c = src.charCodeAt(p);
    if (c === DQUOTE) break;
    if (c === BACKSLASH) {
      const c1 = src.charCodeAt(p + 1);
      if (c1 === NL) {
        if (p > lit) b.text(src.slice(lit, p), 'double');
        p = lit = p + 2;
        continue;
      }
      if (c1 === DOLLAR || c1 === BACKTICK || c1 === DQUOTE || c1 === BACKSLASH) {
        if (p > lit) b.text(src.slice(lit, p), 'double');
        b.text(src[p + 1], 'double');
        p = lit = p + 2;
        continue;
      }
      p++;
      continue;
    }
    if (c === DOLLAR) {
      if (p > lit) b.text(src.slice(lit, p), 'double');
      lx.pos = p;
      scanDollar(lx, b, true);
      p = lit = lx.pos;
      continue;
    }
    if (c === BACKTICK) {
      if (p > lit) b.text(src.slice(lit, p), 'double');
      lx.pos = p;
      scanBacktick(lx, b, true);
      p = lit = lx.pos;
      continue;
    }
    p++;
  }
  if (p > lit || b.parts.length === partsBefore) b.text(src.slice(lit, p), 'double');
  lx.pos = p + 1;
}

/**
 * The operand of `${name<op>…}` inside double quotes: ends at the first unquoted `}`; nested
 * double quotes nest, single quotes are kept literally but still hide a `}` (as bash 5.2 scans them).
 */
export function scanDquoteOperand(lx: Lexer, b: WordBuilder): void {
  const src = lx.src;
  const n = lx.end;
  const open = lx.pos;
  let p = open;
  let lit = p;
  for (;;) {
    if (p >= n) throw lx.eofError('}', open);
    const c = src.charCodeAt(p);
    if (c === RBRACE) break;
    if (c === BACKSLASH) {
      const c1 = src.charCodeAt(p + 1);
      if (c1 === NL) {
        if (p > lit) b.text(src.slice(lit, p), 'double');
        p = lit = p + 2;
      } else if (c1 === DOLLAR || c1 === BACKTICK || c1 === DQUOTE || c1 === BACKSLASH || c1 === RBRACE) {
        if (p > lit) b.text(src.slice(lit, p), 'double');
        b.text(src[p + 1], 'double');
        p = lit = p + 2;
      } else p++;
    } else if (c === DOLLAR || c === BACKTICK || c === DQUOTE) {
      if (p > lit) b.text(src.slice(lit, p), 'double');
      lx.pos = p;
      if (c === DOLLAR) scanDollar(lx, b, true);
      else if (c === BACKTICK) scanBacktick(lx, b, true);
      else scanDouble(lx, b);
      p = lit = lx.pos;
    } else if (c === SQUOTE) {
      const close = src.indexOf("'", p + 1);
      if (close < 0) throw lx.eofError("'", p);
      p = close + 1;
    } else p++;
  }
  if (p > lit) b.text(src.slice(lit, p), 'double');
  lx.pos = p;
}

/** An unquoted heredoc body: like double quotes, but `"` is ordinary and there is no closing quote. */
export function scanHeredocText(lx: Lexer, b: WordBuilder): void {
  const src = lx.src;
  const n = lx.end;
  let p = lx.pos;
  let lit = p;
  while (p < n) {
    const c = src.charCodeAt(p);
    if (c === BACKSLASH) {
      const c1 = src.charCodeAt(p + 1);
      if (c1 === DOLLAR || c1 === BACKTICK || c1 === BACKSLASH) {
        if (p > lit) b.text(src.slice(lit, p), 'double');
        b.text(src[p + 1], 'double');
        p = lit = p + 2;
      } else p++;
    } else if (c === DOLLAR || c === BACKTICK) {
      if (p > lit) b.text(src.slice(lit, p), 'double');
      lx.pos = p;
      if (c === DOLLAR) scanDollar(lx, b, true);
      else scanBacktick(lx, b, true);
      p = lit = lx.pos;
    } else p++;
  }
  if (p > lit) b.text(src.slice(lit, p), 'double');
  lx.pos = p;
}

/** The regex after `=~`: returns null when the next thing is `]]` (bash then reports a missing argument). */
export function readRegexWord(lx: Lexer): Token | null {
  lx.skipBlanks();
  const src = lx.src;
  const start = lx.pos;
  const c = src.charCodeAt(start);
  if (start >= lx.end || c === NL) return null;
  if (c === RBRACKET && src.charCodeAt(start + 1) === RBRACKET) {
    const after = src.charCodeAt(start + 2);
    if (start + 2 >= lx.end || isMeta(after)) return null;
  }
  if (isMeta(c) && c !== LPAREN && c !== PIPE) return null;
  const b = new WordBuilder();
  scanUnquoted(lx, b, M_REGEX, -1, false);
  const t = makeToken(T_WORD, start, lx.pos, '');
  t.word = finishWord(lx, b, start, lx.pos);
  t.quoted = b.quoted;
  return t;
}
