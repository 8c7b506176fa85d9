// Token kinds the lexer hands to the parser.

import type { Assignment, Word } from './ast.js';

export const T_EOF = 0;
export const T_NEWLINE = 1;
/** An ordinary word. */
export const T_WORD = 2;
/** A word shaped like `name=value` / `name+=value` / `name[i]=value`: an assignment in prefix position. */
export const T_ASSIGN = 3;
/** `name=( … )`: only valid as an assignment (or an argument of declare-like builtins). */
export const T_ARRAY = 4;
/** Control operator: `; ;; ;& ;;& & && | || |& ( )`. */
export const T_OP = 5;
/** Redirection operator, possibly with an fd prefix (`2>`, `{fd}>`). */
export const T_REDIR = 6;

export interface Token {
  type: number;
  start: number;
  end: number;
  /** Operator text for T_OP / T_REDIR, '' otherwise. */
  op: string;
  word: Word | null;
  /** Word without any quoting or expansion: the only kind that can be a reserved word. */
  plain: boolean;
  /** The word contained quoting (`'…'`, `"…"`, `\x`, `$'…'`): makes a heredoc delimiter quoted. */
  quoted: boolean;
  assign: Assignment | null;
  fd: number | null;
  fdVar: string | undefined;
}

export function makeToken(type: number, start: number, end: number, op: string): Token {
  return { type, start, end, op, word: null, plain: false, quoted: false, assign: null, fd: null, fdVar: undefined };
}
