// `[[ … ]]`: collect its words (operators included), then check them against bash's conditional
// grammar. bash aborts the whole input on these errors (though `bash -n` still exits 0), so they
// are syntax errors here too.

import type { TestCommand, Word } from './ast.js';
import type { Parser } from './commands.js';
import type { Lexer } from './lexer.js';
import { T_ARRAY, T_ASSIGN, T_EOF, T_NEWLINE, T_OP, T_REDIR, T_WORD, type Token } from './tokens.js';
import { readRegexWord } from './words.js';

const K_WORD = 0;
const K_AND = 1;
const K_OR = 2;
const K_LPAREN = 3;
const K_RPAREN = 4;
const K_END = 5;
const K_NEWLINE = 6;

interface CondToken {
  kind: number;
  /** Source text (operators are recognised on the text as written, so `"-f"` is not `-f`). */
  raw: string;
  start: number;
}

const UNARY = new Set('abcdefghknoprstuvwxzGLNORS'.split('').map((c) => `-${c}`));
const BINARY = new Set(['=', '==', '!=', '=~', '<', '>', '-nt', '-ot', '-ef', '-eq', '-ne', '-lt', '-le', '-gt', '-ge']);
const PATTERN_OPS = new Set(['=', '==', '!=']);

export function parseDoubleBracket(p: Parser): TestCommand {
  const lx = p.lx;
  const open = lx.next();
  lx.budget.enter(open.start + lx.base);
  const words: Word[] = [];
  const toks: CondToken[] = [];
  const savedCond = lx.condMode;
  lx.condMode = true;
  let close: Token;
  let nextIsRegex = false;
  let nextIsPattern = false;
  for (;;) {
    let t: Token;
    if (nextIsRegex) {
      t = readRegexWord(lx) ?? lx.next();
    } else {
      lx.extglob = nextIsPattern;
      t = lx.next();
      lx.extglob = false;
    }
    nextIsRegex = nextIsPattern = false;
    if (t.type === T_NEWLINE) {
      // Kept: bash allows newlines only where a term starts.
      toks.push({ kind: K_NEWLINE, raw: 'newline', start: t.start });
      continue;
    }
    if (t.type === T_EOF) throw lx.error("unexpected EOF while looking for `]]'", t.start);
    const raw = lx.src.slice(t.start, t.end);
    if (t.type === T_WORD || t.type === T_ASSIGN) {
      if (t.plain && raw === ']]') {
        close = t;
        break;
      }
      toks.push({ kind: K_WORD, raw, start: t.start });
      words.push(t.word as Word);
      nextIsRegex = raw === '=~';
      nextIsPattern = PATTERN_OPS.has(raw);
    } else if (t.type === T_OP && (t.op === '&&' || t.op === '||' || t.op === '(' || t.op === ')')) {
      const kind = t.op === '&&' ? K_AND : t.op === '||' ? K_OR : t.op === '(' ? K_LPAREN : K_RPAREN;
      toks.push({ kind, raw: t.op, start: t.start });
      words.push(operatorWord(lx, t));
    } else if (t.type === T_REDIR && t.fd === null && t.fdVar === undefined && (t.op === '<' || t.op === '>')) {
      toks.push({ kind: K_WORD, raw: t.op, start: t.start });
      words.push(operatorWord(lx, t));
    } else if (t.type === T_ARRAY) {
      throw lx.error("syntax error near unexpected token `('", lx.src.indexOf('(', t.start));
    } else {
      throw lx.error(`syntax error in conditional expression: unexpected token \`${raw}'`, t.start);
    }
  }
  lx.condMode = savedCond;
  toks.push({ kind: K_END, raw: ']]', start: close.start });
  new CondChecker(lx, toks, lx.lenient).check();
  lx.budget.leave();
  return { type: 'TestCommand', span: lx.span(open.start, close.end), words, redirects: [] };
}

function operatorWord(lx: Lexer, t: Token): Word {
  lx.budget.word(t.start + lx.base);
  const text = t.type === T_OP || t.type === T_REDIR ? t.op : lx.src.slice(t.start, t.end);
  return {
    span: lx.span(t.start, t.end),
    raw: lx.src.slice(t.start, t.end),
    value: text,
    parts: [{ kind: 'text', value: text, quoted: 'none' }],
    literal: true,
  };
}

/** Thrown (and caught in `check`) to stop where bash silently abandons the input. */
const SILENT = { silent: true };

/** bash's cond_expr / cond_or / cond_and / cond_term over the collected tokens. */
class CondChecker {
  private i = 0;

  constructor(
    private readonly lx: Lexer,
    private readonly toks: CondToken[],
    /** bash-compatible mode: accept what bash rejects without a message (a missing term before `]]`). */
    private readonly lenient: boolean,
  ) {}

  check(): void {
    try {
      this.expr();
    } catch (e) {
      if (e === SILENT) return;
      throw e;
    }
    this.skipNewlines();
    const t = this.toks[this.i];
    if (t.kind !== K_END) this.fail(`syntax error in conditional expression: unexpected token \`${t.raw}'`, t);
  }

  private fail(message: string, t: CondToken): never {
    throw this.lx.error(message, t.start);
  }

  /** Newlines may follow a complete term (before `&&`, `||`, `)` or `]]`). */
  private skipNewlines(): void {
    while (this.toks[this.i].kind === K_NEWLINE) this.i++;
  }

  private expr(): void {
    this.and();
    this.skipNewlines();
    while (this.toks[this.i].kind === K_OR) {
      this.i++;
      this.and();
      this.skipNewlines();
    }
  }

  private and(): void {
    this.term();
    this.skipNewlines();
    while (this.toks[this.i].kind === K_AND) {
      this.i++;
      this.term();
      this.skipNewlines();
    }
  }

  private term(): void {
    const toks = this.toks;
    let t = toks[this.i];
    // Newlines may precede a term; `!` chains iteratively; only parentheses recurse (and count as nesting).
    while (t.kind === K_NEWLINE || (t.kind === K_WORD && t.raw === '!')) {
      t = toks[++this.i];
    }
    if (t.kind === K_LPAREN) {
      this.i++;
      this.lx.budget.enter(t.start + this.lx.base);
      this.expr();
      this.lx.budget.leave();
      const c = toks[this.i];
      if (c.kind !== K_RPAREN) this.fail(`unexpected token \`${c.raw}', expected \`)'`, c);
      this.i++;
      return;
    }
    if (t.kind !== K_WORD) {
      if (t.kind === K_END) {
        if (this.lenient) throw SILENT;
        this.fail("unexpected token `]]' in conditional command", t);
      }
      this.fail(`unexpected token \`${t.raw}' in conditional command`, t);
    }
    this.i++;
    const next = toks[this.i];
    if (UNARY.has(t.raw)) {
      if (next.kind !== K_WORD) this.fail(`unexpected argument \`${next.raw}' to conditional unary operator`, next);
      this.i++;
      return;
    }
    if (next.kind === K_WORD && BINARY.has(next.raw)) {
      this.i++;
      const arg = toks[this.i];
      if (arg.kind !== K_WORD) this.fail(`unexpected argument \`${arg.raw}' to conditional binary operator`, arg);
      this.i++;
      return;
    }
    if (next.kind === K_AND || next.kind === K_OR || next.kind === K_RPAREN || next.kind === K_END) return;
    this.fail('conditional binary operator expected', next);
  }
}

