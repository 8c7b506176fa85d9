// Compound commands: groups, subshells, if, loops, case, function definitions, coproc, `(( ))`.
// Each parser starts at its introducing token (not yet consumed) and counts one nesting level.

import type {
  ArithCommand, ArithForLoop, BraceGroup, CaseClause, Command, Coproc, ForLoop, FunctionDef, IfClause, Script,
  SelectLoop, Subshell, WhileLoop, Word,
} from './ast.js';
import { findArithEnd, scanArithContent, splitArithFor } from './arith.js';
import { LPAREN, RPAREN } from './chars.js';
import type { Parser } from './commands.js';
import { unexpected } from './lexer.js';
import { T_ASSIGN, T_NEWLINE, T_OP, T_WORD, type Token } from './tokens.js';

function isWord(t: Token, value: string): boolean {
  return t.type === T_WORD && t.plain && (t.word as Word).value === value;
}

/** Consume the reserved word `value` or fail with bash's message. */
function expectWord(p: Parser, value: string): Token {
  const t = p.lx.next();
  if (!isWord(t, value)) throw unexpected(p.lx, t);
  return t;
}

function expectOp(p: Parser, op: string): Token {
  const t = p.lx.next();
  if (t.type !== T_OP || t.op !== op) {
    if (op === ')' && t.type !== T_OP && t.start >= p.lx.end) throw p.lx.eofError(')', t.start);
    throw unexpected(p.lx, t);
  }
  return t;
}

function enter(p: Parser, t: Token): void {
  p.lx.budget.enter(t.start + p.lx.base);
}

function spanFrom(p: Parser, start: Token, end: Token): { start: number; end: number } {
  return p.lx.span(start.start, end.end);
}

export function parseBraceGroup(p: Parser): BraceGroup {
  const open = p.lx.next();
  enter(p, open);
  const body = p.compoundList();
  const close = expectWord(p, '}');
  p.lx.budget.leave();
  return { type: 'BraceGroup', span: spanFrom(p, open, close), body, redirects: [] };
}

export function parseSubshell(p: Parser): Subshell {
  const open = p.lx.next();
  enter(p, open);
  const body = p.compoundList();
  const close = expectOp(p, ')');
  p.lx.budget.leave();
  return { type: 'Subshell', span: spanFrom(p, open, close), body, redirects: [] };
}

/** `(( expr ))`, or null when the parentheses do not close as `))` (then it is a nested subshell). */
export function parseArithCommand(p: Parser): ArithCommand | null {
  const lx = p.lx;
  const open = lx.peek();
  const close = findArithEnd(lx.src, open.end + 1, lx.end);
  if (close < 0) return null;
  lx.next();
  enter(p, open);
  const commands = scanArithContent(lx, open.end + 1, close);
  lx.seek(close + 2);
  lx.budget.leave();
  return {
    type: 'ArithCommand',
    span: lx.span(open.start, close + 2),
    expression: lx.src.slice(open.end + 1, close),
    commands,
    redirects: [],
  };
}

export function parseIf(p: Parser): IfClause {
  const open = p.lx.next();
  enter(p, open);
  const branches: IfClause['branches'] = [];
  let elseBody: Script | null = null;
  let condition = p.compoundList();
  expectWord(p, 'then');
  let body = p.compoundList();
  branches.push({ condition, body });
  let close: Token;
  for (;;) {
    const t = p.lx.next();
    if (isWord(t, 'elif')) {
      condition = p.compoundList();
      expectWord(p, 'then');
      body = p.compoundList();
      branches.push({ condition, body });
    } else if (isWord(t, 'else')) {
      elseBody = p.compoundList();
      close = expectWord(p, 'fi');
      break;
    } else if (isWord(t, 'fi')) {
      close = t;
      break;
    } else throw unexpected(p.lx, t);
  }
  p.lx.budget.leave();
  return { type: 'If', span: spanFrom(p, open, close), branches, elseBody, redirects: [] };
}

export function parseWhile(p: Parser, type: 'While' | 'Until'): WhileLoop {
  const open = p.lx.next();
  enter(p, open);
  const condition = p.compoundList();
  const [body, close] = loopBody(p, false);
  p.lx.budget.leave();
  return { type, span: spanFrom(p, open, close), condition, body, redirects: [] };
}

/** `do … done`, or for `for`/`select` also `{ … }`. */
function loopBody(p: Parser, braceAllowed: boolean): [Script, Token] {
  const t = p.lx.next();
  if (isWord(t, 'do')) {
    const body = p.compoundList();
    return [body, expectWord(p, 'done')];
  }
  if (braceAllowed && isWord(t, '{')) {
    const body = p.compoundList();
    return [body, expectWord(p, '}')];
  }
  throw unexpected(p.lx, t);
}

export function parseFor(p: Parser): ForLoop | ArithForLoop {
  const lx = p.lx;
  const open = lx.next();
  const t = lx.peek();
  if (t.type === T_OP && t.op === '(' && lx.src.charCodeAt(t.end) === LPAREN) return parseArithFor(p, open);
  enter(p, open);
  const [variable, items] = loopHead(p);
  const [body, close] = loopBody(p, true);
  lx.budget.leave();
  return { type: 'For', span: spanFrom(p, open, close), variable, items, body, redirects: [] };
}

export function parseSelect(p: Parser): SelectLoop {
  const open = p.lx.next();
  enter(p, open);
  const [variable, items] = loopHead(p);
  const [body, close] = loopBody(p, true);
  p.lx.budget.leave();
  return { type: 'Select', span: spanFrom(p, open, close), variable, items, body, redirects: [] };
}

/** `NAME [in WORDS] ;|newline` up to (not including) `do` / `{`. */
function loopHead(p: Parser): [string, Word[] | null] {
  const lx = p.lx;
  const name = lx.next();
  if (name.type !== T_WORD && name.type !== T_ASSIGN) throw unexpected(lx, name);
  const variable = (name.word as Word).value;
  let t = lx.peek();
  if (t.type === T_OP && t.op === ';') {
    lx.next();
    p.skipNewlines();
    return [variable, null];
  }
  p.skipNewlines();
  t = lx.peek();
  if (!isWord(t, 'in')) return [variable, null];
  lx.next();
  const items: Word[] = [];
  for (;;) {
    t = lx.peek();
    if (t.type !== T_WORD && t.type !== T_ASSIGN) break;
    lx.next();
    items.push(t.word as Word);
  }
  t = lx.next();
  if (!(t.type === T_NEWLINE || (t.type === T_OP && t.op === ';'))) throw unexpected(lx, t);
  p.skipNewlines();
  return [variable, items];
}

function parseArithFor(p: Parser, open: Token): ArithForLoop {
  const lx = p.lx;
  const paren = lx.next();
  enter(p, open);
  const close = findArithEnd(lx.src, paren.end + 1, lx.end);
  if (close < 0) throw unexpected(lx, paren);
  const text = lx.src.slice(paren.end + 1, close);
  const parts = splitArithFor(text);
  if (parts.length !== 3) {
    throw lx.error(
      parts.length < 3 ? 'syntax error: arithmetic expression required' : "syntax error: `;' unexpected",
      paren.start,
    );
  }
  const commands = scanArithContent(lx, paren.end + 1, close);
  lx.seek(close + 2);
  const t = lx.peek();
  if (t.type === T_OP && t.op === ';') lx.next();
  p.skipNewlines();
  const [body, end] = loopBody(p, true);
  lx.budget.leave();
  return {
    type: 'ArithFor',
    span: spanFrom(p, open, end),
    expressions: [parts[0], parts[1], parts[2]],
    commands,
    body,
    redirects: [],
  };
}

export function parseCase(p: Parser): CaseClause {
  const lx = p.lx;
  const open = lx.next();
  enter(p, open);
  const subjectTok = lx.next();
  if (subjectTok.type !== T_WORD && subjectTok.type !== T_ASSIGN) throw unexpected(lx, subjectTok);
  p.skipNewlines();
  expectWord(p, 'in');
  const items: CaseClause['items'] = [];
  let close: Token;
  for (;;) {
    p.skipNewlines();
    let t = lx.next();
    if (isWord(t, 'esac')) {
      close = t;
      break;
    }
    if (t.type === T_OP && t.op === '(') t = lx.next();
    const patterns: Word[] = [];
    for (;;) {
      if (t.type !== T_WORD && t.type !== T_ASSIGN) throw unexpected(lx, t);
      patterns.push(t.word as Word);
      t = lx.next();
      if (t.type === T_OP && t.op === '|') {
        t = lx.next();
        continue;
      }
      break;
    }
    if (t.type !== T_OP || t.op !== ')') throw unexpected(lx, t);
    const statements = p.statements();
    const body: Script =
      statements.length > 0
        ? { type: 'Script', span: { start: statements[0].span.start, end: statements[statements.length - 1].span.end }, statements }
        : { type: 'Script', span: lx.span(t.end, t.end), statements };
    const end = lx.peek();
    if (end.type === T_OP && (end.op === ';;' || end.op === ';&' || end.op === ';;&')) {
      lx.next();
      items.push({ patterns, body, terminator: end.op });
    } else if (isWord(end, 'esac')) {
      items.push({ patterns, body, terminator: null });
    } else throw unexpected(lx, end);
  }
  lx.budget.leave();
  return { type: 'Case', span: spanFrom(p, open, close), subject: subjectTok.word as Word, items, redirects: [] };
}

/** `function NAME [()] body`. */
export function parseFunctionKeyword(p: Parser): FunctionDef {
  const lx = p.lx;
  const open = lx.next();
  enter(p, open);
  const name = lx.next();
  if (name.type !== T_WORD && name.type !== T_ASSIGN) throw unexpected(lx, name);
  const t = lx.peek();
  // `function f ( a )` has a subshell body; `()` after the name is only taken when `)` follows.
  if (t.type === T_OP && t.op === '(' && lx.src.charCodeAt(lx.skipBlanksFrom(t.end)) === RPAREN) {
    lx.next();
    expectOp(p, ')');
  }
  p.skipNewlines();
  const body = p.compoundCommand();
  lx.budget.leave();
  return {
    type: 'FunctionDef',
    span: { start: open.start + lx.base, end: body.span.end },
    name: (name.word as Word).value,
    body,
    redirects: [],
  };
}

/** `coproc [NAME] compound` or `coproc simple-command`. */
export function parseCoproc(p: Parser): Coproc {
  const lx = p.lx;
  const open = lx.next();
  enter(p, open);
  let name: string | null = null;
  let body: Command;
  const t = lx.peek();
  if (p.startsCompound(t)) body = p.command();
  else if (t.type === T_WORD) {
    lx.next();
    if (p.startsCompound(lx.peek())) {
      name = (t.word as Word).value;
      body = p.command();
    } else body = p.simpleCommand(t);
  } else body = p.command();
  lx.budget.leave();
  return { type: 'Coproc', span: { start: open.start + lx.base, end: body.span.end }, name, body, redirects: [] };
}
