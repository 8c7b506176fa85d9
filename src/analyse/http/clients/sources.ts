// Where a client's payload text comes from: inline text, `@file` (read through the context,
// relative to the command's cwd) or `@-`/`-` (the command's stdin: heredoc, here-string, pipe, `< file`).
import type { AnalysisContext, ExecCommand } from '../../../types.js';

export type TextSource = { text: string; dynamic: boolean } | { unknown: string };

/** Stdin text when it is known. */
export function readStdin(cmd: ExecCommand, ctx: AnalysisContext): TextSource {
  const stdin = cmd.stdin;
  if (!stdin) return { unknown: 'stdin' };
  if (stdin.kind === 'file') {
    const text = ctx.readFile(stdin.path, cmd.cwd);
    return text === undefined ? { unknown: `stdin from ${stdin.path}` } : { text, dynamic: false };
  }
  if (stdin.kind === 'unknown') return { unknown: `stdin from ${stdin.from}` };
  return { text: stdin.text, dynamic: false };
}

/** Contents of a file named on the command line (`-` is stdin). */
export function readNamedFile(path: string, cmd: ExecCommand, ctx: AnalysisContext, dynamic: boolean): TextSource {
  if (path === '-') return readStdin(cmd, ctx);
  if (dynamic || path === '') return { unknown: `@${path}` };
  const text = ctx.readFile(path, cmd.cwd);
  return text === undefined ? { unknown: `@${path} (not readable)` } : { text, dynamic: false };
}

/** True when the word holds an unresolved shell expansion. */
export function isDynamicText(text: string): boolean {
  return /\$[({A-Za-z_0-9@*#?!-]|`/.test(text);
}
