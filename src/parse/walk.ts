// Traversals over a parsed Script: every simple command with where it sits, every heredoc.

import type { Command, Heredoc, Redirect, Script, SimpleCommand, Word, WordPart } from './ast.js';

export type CommandContext = 'top' | 'sub' | 'fn';

export interface ListedCommand {
  cmd: SimpleCommand;
  ctx: CommandContext;
}

export interface ListOptions {
  /**
   * Also list simple commands without words (`A=1`, `> file`, `<<EOF`). Off by default: the
   * conformance corpus lists only commands that run a program.
   */
  includeBare?: boolean;
}

/**
 * Simple commands in source order. `ctx` is 'fn' anywhere inside a function body (it runs only
 * when called), else 'sub' inside `$( )`, backquotes, `<( )`/`>( )` (also within arithmetic,
 * `${…}` operands and unquoted heredoc bodies), else 'top'.
 */
export function listSimpleCommands(script: Script, options: ListOptions = {}): ListedCommand[] {
  const out: ListedCommand[] = [];
  const visitor: Visitor = {
    command(cmd, ctx) {
      if (options.includeBare || cmd.words.length > 0) out.push({ cmd, ctx });
    },
    redirect() {},
  };
  walkScript(script, 'top', visitor);
  return out.sort((a, b) => a.cmd.span.start - b.cmd.span.start);
}

/** The simple commands of one command (a loop or function body), with contexts as above. */
export function listSimpleCommandsOf(command: Command): ListedCommand[] {
  const out: ListedCommand[] = [];
  walkCommand(command, 'top', { command: (cmd, ctx) => out.push({ cmd, ctx }), redirect() {} });
  return out;
}

/** Heredocs in source order of their `<<` operators (here-strings are not heredocs). */
export function listHeredocs(script: Script): Heredoc[] {
  const found: { start: number; doc: Heredoc }[] = [];
  walkScript(script, 'top', {
    command() {},
    redirect(r) {
      if (r.heredoc) found.push({ start: r.span.start, doc: r.heredoc });
    },
  });
  return found.sort((a, b) => a.start - b.start).map((f) => f.doc);
}

interface Visitor {
  command(cmd: SimpleCommand, ctx: CommandContext): void;
  redirect(r: Redirect, ctx: CommandContext): void;
}

/** Context of code nested in a substitution: a function body stays 'fn'. */
function subCtx(ctx: CommandContext): CommandContext {
  return ctx === 'fn' ? 'fn' : 'sub';
}

function walkScript(script: Script, ctx: CommandContext, v: Visitor): void {
  for (const stmt of script.statements) {
    const andOr = stmt.body;
    walkPipeline(andOr.first.commands, ctx, v);
    for (const r of andOr.rest) walkPipeline(r.pipeline.commands, ctx, v);
  }
}

function walkPipeline(commands: Command[], ctx: CommandContext, v: Visitor): void {
  for (const c of commands) walkCommand(c, ctx, v);
}

function walkCommand(c: Command, ctx: CommandContext, v: Visitor): void {
  switch (c.type) {
    case 'SimpleCommand':
      v.command(c, ctx);
      for (const a of c.assignments) {
        if (a.value) walkWord(a.value, ctx, v);
        if (a.array) for (const w of a.array) walkWord(w, ctx, v);
      }
      for (const w of c.words) walkWord(w, ctx, v);
      break;
    case 'Subshell':
    case 'BraceGroup':
      walkScript(c.body, ctx, v);
      break;
    case 'If':
      for (const b of c.branches) {
        walkScript(b.condition, ctx, v);
        walkScript(b.body, ctx, v);
      }
      if (c.elseBody) walkScript(c.elseBody, ctx, v);
      break;
    case 'For':
    case 'Select':
      if (c.items) for (const w of c.items) walkWord(w, ctx, v);
      walkScript(c.body, ctx, v);
      break;
    case 'ArithFor':
      for (const s of c.commands) walkScript(s, subCtx(ctx), v);
      walkScript(c.body, ctx, v);
      break;
    case 'While':
    case 'Until':
      walkScript(c.condition, ctx, v);
      walkScript(c.body, ctx, v);
      break;
    case 'Case':
      walkWord(c.subject, ctx, v);
      for (const item of c.items) {
        for (const w of item.patterns) walkWord(w, ctx, v);
        walkScript(item.body, ctx, v);
      }
      break;
    case 'FunctionDef':
      walkCommand(c.body, 'fn', v);
      break;
    case 'ArithCommand':
      for (const s of c.commands) walkScript(s, subCtx(ctx), v);
      break;
    case 'TestCommand':
      for (const w of c.words) walkWord(w, ctx, v);
      break;
    case 'Coproc':
      walkCommand(c.body, ctx, v);
      break;
  }
  for (const r of c.redirects) walkRedirect(r, ctx, v);
}

function walkRedirect(r: Redirect, ctx: CommandContext, v: Visitor): void {
  v.redirect(r, ctx);
  // A heredoc delimiter is never expanded; its body is (when unquoted).
  if (r.heredoc) {
    if (r.heredoc.word) walkWord(r.heredoc.word, ctx, v);
  } else walkWord(r.target, ctx, v);
}

function walkWord(w: Word, ctx: CommandContext, v: Visitor): void {
  if (w.literal) return;
  walkParts(w.parts, ctx, v);
}

function walkParts(parts: WordPart[], ctx: CommandContext, v: Visitor): void {
  for (const p of parts) {
    switch (p.kind) {
      case 'command':
      case 'process':
        walkScript(p.body, subCtx(ctx), v);
        break;
      case 'arith':
        for (const s of p.commands) walkScript(s, subCtx(ctx), v);
        break;
      case 'param':
        if (p.operand) walkParts(p.operand.parts, ctx, v);
        if (p.subscript) walkParts(p.subscript.parts, ctx, v);
        break;
      default:
        break;
    }
  }
}
