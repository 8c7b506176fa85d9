// Recursive-descent parser for lists, and-or lists, pipelines, simple commands and redirections.
// Compound commands live in compound.ts, `[[ … ]]` in cond.ts.

import { ParseError } from './ast.js';
import type {
  AndOr, Command, FunctionDef, Heredoc, Pipeline, Redirect, Script, SimpleCommand, Statement, Word, Assignment,
} from './ast.js';
import { finishWord, WordBuilder } from './builder.js';
import { LPAREN } from './chars.js';
import {
  parseArithCommand, parseBraceGroup, parseCase, parseCoproc, parseFor, parseFunctionKeyword, parseIf, parseSelect,
  parseSubshell, parseWhile,
} from './compound.js';
import { parseDoubleBracket } from './cond.js';
import { Lexer, unexpected, type NestedParser } from './lexer.js';
import { T_ARRAY, T_ASSIGN, T_EOF, T_NEWLINE, T_OP, T_REDIR, T_WORD, type Token } from './tokens.js';
import { isDeclarationBuiltin, scanHeredocText } from './words.js';

/** Reserved words that end a list when they appear in command position. */
const LIST_CLOSERS = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}']);
/** Reserved words that can never start a command. */
const NOT_A_COMMAND = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}', '!', 'in']);

export class Parser {
  constructor(readonly lx: Lexer) {}

  /** A whole input: statements up to end of input. */
  script(): Script {
    const lx = this.lx;
    const statements = this.statements();
    const t = lx.peek();
    if (t.type !== T_EOF) throw unexpected(lx, t);
    return { type: 'Script', span: lx.span(0, lx.end), statements };
  }

  /** Statements until something that cannot start one (closer, `)`, `;;`, end of input). May be empty. */
  statements(): Statement[] {
    const lx = this.lx;
    const out: Statement[] = [];
    for (;;) {
      this.skipNewlines();
      const t = lx.peek();
      if (this.endsList(t)) break;
      const body = this.andOr();
      const s = lx.peek();
      const stmt: Statement = { type: 'Statement', span: body.span, body, background: false };
      out.push(stmt);
      if (s.type === T_OP && (s.op === ';' || s.op === '&')) {
        lx.next();
        stmt.background = s.op === '&';
        stmt.span = lx.span(body.span.start - lx.base, s.end);
      } else if (s.type !== T_NEWLINE) break;
    }
    return out;
  }

  /** A list that must hold at least one command (bodies of compound commands). */
  compoundList(): Script {
    const lx = this.lx;
    const statements = this.statements();
    if (statements.length === 0) throw unexpected(lx, lx.peek());
    return scriptOf(statements);
  }

  skipNewlines(): void {
    const lx = this.lx;
    while (lx.peek().type === T_NEWLINE) lx.next();
  }

  private endsList(t: Token): boolean {
    switch (t.type) {
      case T_EOF:
        return true;
      case T_OP:
        return t.op === ')' || t.op === ';;' || t.op === ';&' || t.op === ';;&';
      case T_WORD:
        return t.plain && LIST_CLOSERS.has((t.word as Word).value);
      default:
        return false;
    }
  }

  andOr(): AndOr {
    const lx = this.lx;
    const first = this.pipeline();
    const node: AndOr = { type: 'AndOr', span: first.span, first, rest: [] };
    for (;;) {
      const t = lx.peek();
      if (t.type !== T_OP || (t.op !== '&&' && t.op !== '||')) break;
      lx.next();
      this.skipNewlines();
      const pipeline = this.pipeline();
      node.rest.push({ op: t.op, pipeline });
      node.span = { start: node.span.start, end: pipeline.span.end };
    }
    return node;
  }

  pipeline(): Pipeline {
    const lx = this.lx;
    const first = lx.peek();
    let negated = false;
    let timed = false;
    let prefixed = false;
    for (;;) {
      const t = lx.peek();
      if (t.type !== T_WORD || !t.plain) break;
      const v = (t.word as Word).value;
      if (v === '!') {
        lx.next();
        negated = !negated;
        prefixed = true;
      } else if (v === 'time') {
        lx.next();
        timed = true;
        prefixed = true;
        if (isPlain(lx.peek(), '-p')) lx.next();
        if (isPlain(lx.peek(), '--')) lx.next();
      } else break;
    }
    if (prefixed) {
      // `time` / `!` alone before a list terminator is a valid (empty) pipeline.
      const t = lx.peek();
      if (t.type === T_EOF || t.type === T_NEWLINE || (t.type === T_OP && t.op === ';')) {
        return {
          type: 'Pipeline', span: lx.span(first.start, first.start), negated, timed, commands: [], stderrPiped: [],
        };
      }
    }
    const commands: Command[] = [this.command()];
    const stderrPiped: boolean[] = [];
    for (;;) {
      const t = lx.peek();
      if (t.type !== T_OP || (t.op !== '|' && t.op !== '|&')) break;
      lx.next();
      this.skipNewlines();
      stderrPiped.push(t.op === '|&');
      commands.push(this.command());
    }
    const last = commands[commands.length - 1];
    return {
      type: 'Pipeline',
      span: { start: first.start + lx.base, end: last.span.end },
      negated,
      timed,
      commands,
      stderrPiped,
    };
  }

  /** One command in command position: compound, function definition or simple command. */
  command(): Command {
    const lx = this.lx;
    const t = lx.peek();
    switch (t.type) {
      case T_WORD:
        if (t.plain) {
          const v = (t.word as Word).value;
          const compound = this.compoundByWord(v);
          if (compound !== null) return compound;
          if (NOT_A_COMMAND.has(v)) throw unexpected(lx, t);
        }
        return this.simpleCommand(null);
      case T_ASSIGN:
      case T_ARRAY:
      case T_REDIR:
        return this.simpleCommand(null);
      case T_OP:
        if (t.op === '(') return this.withRedirects(this.parenthesised());
        throw unexpected(lx, t);
      default:
        throw unexpected(lx, t);
    }
  }

  /** Compound command introduced by reserved word `v`, or null when `v` is not one. */
  private compoundByWord(v: string): Command | null {
    switch (v) {
      case 'if':
        return this.withRedirects(parseIf(this));
      case 'for':
        return this.withRedirects(parseFor(this));
      case 'select':
        return this.withRedirects(parseSelect(this));
      case 'while':
        return this.withRedirects(parseWhile(this, 'While'));
      case 'until':
        return this.withRedirects(parseWhile(this, 'Until'));
      case 'case':
        return this.withRedirects(parseCase(this));
      case '{':
        return this.withRedirects(parseBraceGroup(this));
      case '[[':
        return this.withRedirects(parseDoubleBracket(this));
      case 'function':
        return parseFunctionKeyword(this);
      case 'coproc':
        return parseCoproc(this);
      default:
        return null;
    }
  }

  /** `((` arithmetic command or `(` subshell. */
  private parenthesised(): Command {
    const lx = this.lx;
    const t = lx.peek();
    if (lx.src.charCodeAt(t.end) === LPAREN) {
      const arith = parseArithCommand(this);
      if (arith !== null) return arith;
    }
    return parseSubshell(this);
  }

  /** True when `t` starts a compound command (valid as a function body or coproc body). */
  startsCompound(t: Token): boolean {
    if (t.type === T_OP) return t.op === '(';
    if (t.type !== T_WORD || !t.plain) return false;
    switch ((t.word as Word).value) {
      case 'if':
      case 'for':
      case 'select':
      case 'while':
      case 'until':
      case 'case':
      case '{':
      case '[[':
        return true;
      default:
        return false;
    }
  }

  /** A compound command (function body, coproc body) with its redirections. */
  compoundCommand(): Command {
    const lx = this.lx;
    const t = lx.peek();
    if (!this.startsCompound(t)) throw unexpected(lx, t);
    return this.command();
  }

  private withRedirects<C extends Command>(node: C): C {
    const lx = this.lx;
    for (;;) {
      const t = lx.peek();
      if (t.type !== T_REDIR) break;
      lx.next();
      const r = this.redirect(t);
      node.redirects.push(r);
      node.span = { start: node.span.start, end: r.span.end };
    }
    const t = lx.peek();
    if (t.type === T_WORD || t.type === T_ASSIGN || t.type === T_ARRAY) throw unexpected(lx, t);
    return node;
  }

  /**
   * Assignments, words and redirections. When `first` is given it was already consumed (coproc).
   * A first word followed by `(` makes a function definition.
   */
  simpleCommand(first: Token | null): Command {
    const lx = this.lx;
    const start = first !== null ? first.start : lx.peek().start;
    let end = start;
    const assignments: Assignment[] = [];
    const words: Word[] = [];
    const redirects: Redirect[] = [];
    if (first !== null) {
      words.push(first.word as Word);
      end = first.end;
    }
    for (;;) {
      const t = lx.peek();
      if (t.type === T_WORD) {
        lx.next();
        words.push(t.word as Word);
        end = t.end;
        if (words.length === 1 && assignments.length === 0 && redirects.length === 0 && first === null) {
          const n = lx.peek();
          if (n.type === T_OP && n.op === '(') return this.functionDef(t);
        }
      } else if (t.type === T_ASSIGN) {
        lx.next();
        if (words.length === 0) assignments.push(t.assign as Assignment);
        else words.push(t.word as Word);
        end = t.end;
      } else if (t.type === T_ARRAY) {
        if (words.length === 0) assignments.push(t.assign as Assignment);
        else if (isDeclarationBuiltin(words[0])) words.push(t.word as Word);
        else throw lx.error("syntax error near unexpected token `('", lx.src.indexOf('(', t.start));
        lx.next();
        end = t.end;
      } else if (t.type === T_REDIR) {
        lx.next();
        const r = this.redirect(t);
        redirects.push(r);
        end = r.span.end - lx.base;
      } else break;
    }
    if (words.length === 0 && assignments.length === 0 && redirects.length === 0) throw unexpected(lx, lx.peek());
    lx.budget.command(start + lx.base);
    const cmd: SimpleCommand = { type: 'SimpleCommand', span: lx.span(start, end), assignments, words, redirects };
    return cmd;
  }

  /** `name ( ) body`; the name token is consumed, `(` is next. */
  private functionDef(nameTok: Token): FunctionDef {
    const lx = this.lx;
    lx.next(); // (
    const close = lx.next();
    if (close.type !== T_OP || close.op !== ')') throw unexpected(lx, close);
    this.skipNewlines();
    lx.budget.enter(nameTok.start + lx.base);
    const body = this.compoundCommand();
    lx.budget.leave();
    return {
      type: 'FunctionDef',
      span: { start: nameTok.start + lx.base, end: body.span.end },
      name: (nameTok.word as Word).value,
      body,
      redirects: [],
    };
  }

  /** The redirection whose operator token `op` was just consumed. */
  redirect(op: Token): Redirect {
    const lx = this.lx;
    const target = lx.next();
    if (target.type !== T_WORD && target.type !== T_ASSIGN) throw unexpected(lx, target);
    const r: Redirect = {
      span: lx.span(op.start, target.end),
      fd: op.fd,
      op: op.op as Redirect['op'],
      target: target.word as Word,
    };
    if (op.fdVar !== undefined) r.fdVar = op.fdVar;
    if (op.op === '<<' || op.op === '<<-') {
      const doc: Heredoc = {
        delimiter: (target.word as Word).value,
        quoted: target.quoted,
        stripTabs: op.op === '<<-',
        body: '',
        text: '',
      };
      r.heredoc = doc;
      lx.pending.push(doc);
    }
    return r;
  }
}

function isPlain(t: Token, value: string): boolean {
  return t.type === T_WORD && t.plain && (t.word as Word).value === value;
}

export function scriptOf(statements: Statement[]): Script {
  const first = statements[0];
  const last = statements[statements.length - 1];
  return { type: 'Script', span: { start: first.span.start, end: last.span.end }, statements };
}

/** How nested code is parsed: substitutions on the same lexer, backquote bodies as their own source. */
export const NESTED: NestedParser = {
  substitution(lx: Lexer): Script {
    const open = lx.pos;
    const savedPending = lx.pending;
    const savedCond = lx.condMode;
    const savedExtglob = lx.extglob;
    lx.pending = [];
    lx.condMode = false;
    lx.extglob = false;
    lx.comsubDepth++;
    const statements = new Parser(lx).statements();
    const t = lx.next();
    if (t.type !== T_OP || t.op !== ')') {
      if (t.type === T_EOF) throw lx.eofError(')', open - 1);
      throw unexpected(lx, t);
    }
    lx.comsubDepth--;
    // A heredoc whose body did not start inside the substitution takes the lines after the next
    // newline outside it (bash warns, but the command still gets that body).
    lx.pending = lx.pending.length > 0 ? savedPending.concat(lx.pending) : savedPending;
    lx.condMode = savedCond;
    lx.extglob = savedExtglob;
    return { type: 'Script', span: lx.span(open, t.start), statements };
  },

  source(text: string, base: number, outer: Lexer): Script {
    const lx = new Lexer(text, base, outer.budget, NESTED);
    lx.lenient = outer.lenient;
    if (!lx.lenient) return new Parser(lx).script();
    const depth = outer.budget.depth;
    try {
      return new Parser(lx).script();
    } catch (e) {
      // bash parses a backquote body only when it runs.
      if (!(e instanceof ParseError) || e.kind !== 'syntax') throw e;
      outer.budget.depth = depth;
      return { type: 'Script', span: lx.span(0, text.length), statements: [] };
    }
  },

  heredocWord(text: string, base: number, outer: Lexer): Word {
    const lx = new Lexer(text, base, outer.budget, NESTED);
    lx.lenient = outer.lenient;
    outer.budget.enter(base);
    const b = new WordBuilder();
    scanHeredocText(lx, b);
    outer.budget.leave();
    return finishWord(lx, b, 0, text.length);
  },
};
