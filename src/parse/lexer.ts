// The token stream. Bash's lexer depends on where the parser stands (reserved words only in
// command position, `[[ … ]]` operators, regex words), so the parser pulls one token at a time and
// sets a few mode flags before asking; word scanning itself lives in words.ts.

import { ParseError, type Script, type Span, type Word } from './ast.js';
import { AMP, BACKSLASH, GT, HASH, LPAREN, LT, MINUS, NL, PIPE, RPAREN, SEMI, SPACE, TAB } from './chars.js';
import type { Budget } from './limits.js';
import { readHeredocBodies, type PendingHeredoc, abandonHeredocs } from './heredoc.js';
import { readWordToken } from './words.js';
import { makeToken, T_EOF, T_NEWLINE, T_OP, T_REDIR, type Token } from './tokens.js';

/** Parsing entry points the scanners need for nested shell code (breaks the import cycle). */
export interface NestedParser {
  /** Parse `$( … )` / `<( … )` on the same lexer; `lx.pos` is just after `(`, ends just after `)`. */
  substitution(lx: Lexer): Script;
  /** Parse a separate piece of text (backtick body) as a script; spans are shifted by `base`. */
  source(text: string, base: number, outer: Lexer): Script;
  /** Scan an unquoted heredoc body as a double-quote-like word. */
  heredocWord(text: string, base: number, outer: Lexer): Word;
}

export class Lexer {
  pos = 0;
  readonly end: number;
  private peeked: Token | null = null;
  /** Heredocs whose bodies start after the next newline token. */
  pending: PendingHeredoc[] = [];
  /** Inside `$( … )` on this lexer: lets a heredoc delimiter line end with `)` as bash 5.2 does. */
  comsubDepth = 0;
  /** Inside `[[ … ]]`: no fd prefixes, no assignments. */
  condMode = false;
  /** Extended glob patterns `@( … )` etc. are recognised (bash enables them for `[[ x == pat ]]`). */
  extglob = false;
  /** Bracket-glob lookahead memo: a `[` before this index has no closing `]` in its word. */
  bracketFailEnd = -1;
  /**
   * bash-compatible checking (tests only): nested code that `bash -n` does not look at (backquote
   * bodies, heredoc bodies) may be malformed, and `[[ … ]]` errors bash swallows are ignored.
   */
  lenient = false;
  /** Brace-expansion lookahead memo, see brace.ts. */
  braceScanEnd = -1;
  braceMatches: Map<number, number> | null = null;

  constructor(
    readonly src: string,
    /** Offset of `src` inside the text given to `parse`, for spans. */
    readonly base: number,
    readonly budget: Budget,
    readonly nested: NestedParser,
  ) {
    this.end = src.length;
  }

  span(start: number, end: number): Span {
    return { start: start + this.base, end: end + this.base };
  }

  error(message: string, pos: number): ParseError {
    return new ParseError(message, pos + this.base, 'syntax');
  }

  eofError(what: string, pos: number): ParseError {
    return this.error(`unexpected EOF while looking for matching \`${what}'`, pos);
  }

  peek(): Token {
    if (this.peeked === null) this.peeked = this.lex();
    return this.peeked;
  }

  next(): Token {
    const t = this.peek();
    this.peeked = null;
    return t;
  }

  /** Index after any `\`-newline pairs starting at `p` (bash removes them before tokenising). */
  skipContinuations(p: number): number {
    const src = this.src;
    while (src.charCodeAt(p) === BACKSLASH && src.charCodeAt(p + 1) === NL) p += 2;
    return p;
  }

  /** Skip blanks, line continuations and a comment; stop at a newline or a token. A backslash
   * that ends the input is a continuation too (bash drops it). */
  skipBlanks(): void {
    const src = this.src;
    const n = this.end;
    let p = this.pos;
    while (p < n) {
      const c = src.charCodeAt(p);
      if (c === SPACE || c === TAB) p++;
      else if (c === BACKSLASH && (src.charCodeAt(p + 1) === NL || p + 1 === n)) p += 2;
      else if (c === HASH) {
        const nl = src.indexOf('\n', p);
        p = nl < 0 ? n : nl;
      } else break;
    }
    this.pos = p;
  }

  private lex(): Token {
    this.skipBlanks();
    const src = this.src;
    const start = this.pos;
    if (start >= this.end) {
      if (this.pending.length > 0) abandonHeredocs(this);
      return this.token(T_EOF, start, start, '');
    }
    const c = src.charCodeAt(start);
    switch (c) {
      case NL: {
        this.pos = start + 1;
        const t = this.token(T_NEWLINE, start, start + 1, '');
        if (this.pending.length > 0) readHeredocBodies(this);
        return t;
      }
      case SEMI: {
        const p1 = this.skipContinuations(start + 1);
        if (src.charCodeAt(p1) === SEMI) {
          const p2 = this.skipContinuations(p1 + 1);
          if (src.charCodeAt(p2) === AMP) return this.op(start, p2 + 1, ';;&');
          return this.op(start, p1 + 1, ';;');
        }
        if (src.charCodeAt(p1) === AMP) return this.op(start, p1 + 1, ';&');
        return this.op(start, start + 1, ';');
      }
      case AMP: {
        const p1 = this.skipContinuations(start + 1);
        const c1 = src.charCodeAt(p1);
        if (c1 === AMP) return this.op(start, p1 + 1, '&&');
        if (c1 === GT) {
          const p2 = this.skipContinuations(p1 + 1);
          if (src.charCodeAt(p2) === GT) return this.redir(start, p2 + 1, '&>>', null, undefined);
          return this.redir(start, p1 + 1, '&>', null, undefined);
        }
        return this.op(start, start + 1, '&');
      }
      case PIPE: {
        const p1 = this.skipContinuations(start + 1);
        const c1 = src.charCodeAt(p1);
        if (c1 === PIPE) return this.op(start, p1 + 1, '||');
        if (c1 === AMP) return this.op(start, p1 + 1, '|&');
        return this.op(start, start + 1, '|');
      }
      case LPAREN:
        return this.op(start, start + 1, '(');
      case RPAREN:
        return this.op(start, start + 1, ')');
      case LT:
      case GT:
        // `<(` and `>(` start a process-substitution word.
        if (src.charCodeAt(start + 1) === LPAREN) return readWordToken(this, start);
        return this.redirOp(start, null, undefined);
      default:
        return readWordToken(this, start);
    }
  }

  /** Read a redirection operator at `p` (a `<` or `>`); `fd`/`fdVar` come from a prefix word. */
  redirOp(p: number, fd: number | null, fdVar: string | undefined): Token {
    const src = this.src;
    const start = p;
    const c = src.charCodeAt(p);
    const p1 = this.skipContinuations(p + 1);
    const c1 = src.charCodeAt(p1);
    if (c === LT) {
      if (c1 === LT) {
        const p2 = this.skipContinuations(p1 + 1);
        const c2 = src.charCodeAt(p2);
        if (c2 === LT) return this.redir(start, p2 + 1, '<<<', fd, fdVar);
        if (c2 === MINUS) return this.redir(start, p2 + 1, '<<-', fd, fdVar);
        return this.redir(start, p1 + 1, '<<', fd, fdVar);
      }
      if (c1 === AMP) return this.redir(start, p1 + 1, '<&', fd, fdVar);
      if (c1 === GT) return this.redir(start, p1 + 1, '<>', fd, fdVar);
      return this.redir(start, p + 1, '<', fd, fdVar);
    }
    if (c1 === GT) return this.redir(start, p1 + 1, '>>', fd, fdVar);
    if (c1 === AMP) return this.redir(start, p1 + 1, '>&', fd, fdVar);
    if (c1 === PIPE) return this.redir(start, p1 + 1, '>|', fd, fdVar);
    return this.redir(start, p + 1, '>', fd, fdVar);
  }

  token(type: number, start: number, end: number, op: string): Token {
    return makeToken(type, start, end, op);
  }

  private op(start: number, end: number, op: string): Token {
    this.pos = end;
    return this.token(T_OP, start, end, op);
  }

  private redir(start: number, end: number, op: string, fd: number | null, fdVar: string | undefined): Token {
    this.pos = end;
    const t = this.token(T_REDIR, start, end, op);
    t.fd = fd;
    t.fdVar = fdVar;
    return t;
  }

  /** Index of the first character at or after `p` that is not a blank or line continuation. */
  skipBlanksFrom(p: number): number {
    const src = this.src;
    for (;;) {
      const c = src.charCodeAt(p);
      if (c === SPACE || c === TAB) p++;
      else if (c === BACKSLASH && src.charCodeAt(p + 1) === NL) p += 2;
      else return p;
    }
  }

  /** Move the cursor; only allowed when nothing has been read ahead. */
  seek(p: number): void {
    this.peeked = null;
    this.pos = p;
  }
}

/** Human-readable token text for "near unexpected token" messages. */
export function describeToken(lx: Lexer, t: Token): string {
  if (t.type === T_EOF) return 'end of file';
  if (t.type === T_NEWLINE) return 'newline';
  if (t.type === T_OP || t.type === T_REDIR) return t.op;
  return lx.src.slice(t.start, t.end);
}

export function unexpected(lx: Lexer, t: Token): ParseError {
  if (t.type === T_EOF) return lx.error('syntax error: unexpected end of file', t.start);
  return lx.error(`syntax error near unexpected token \`${describeToken(lx, t)}'`, t.start);
}
