// What `interlock shell <args>` has to check before handing the same arguments to the real shell.
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { basename, delimiter, isAbsolute, join, resolve } from 'node:path';
import { isatty } from 'node:tty';
import { MAX_READ_BYTES } from '../util/files.js';
import { parseBashArgs } from './bash-args.js';
import { stableScriptKey } from './claude-envelope.js';
import { commandText } from './command-text.js';
import { WRAP_EXIT } from './exit-codes.js';

export interface ShellPlan {
  /** The text to check and to bind a grant to; absent when nothing will run (--version, -n, a human's interactive shell). */
  check?: string;
  /** Arguments for the real shell. */
  args: string[];
  /** A script read from our stdin, fed to the real shell's stdin byte for byte. */
  input?: Uint8Array;
}

export interface ShellProblem {
  error: string;
  status: number;
}

export interface ShellContext {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** The real shell (its name decides what the environment makes it run first). */
  shell: string;
  stdinIsTTY: boolean;
  /** Reads all of stdin (for `echo '…' | bash`); throws when it is larger than `max` bytes. */
  readStdin(max: number): Buffer;
}

/** The most script text read from stdin: the parser's own limit. */
export const MAX_STDIN_SCRIPT = 1024 * 1024;

/**
 * `interlock shell '<command line>'`: one argument that is no option and no file, but reads as a
 * command (it has a space or a shell operator). That is what a CLAUDE_CODE_SHELL_PREFIX program
 * receives. bash would look for a script file of that name and fail.
 */
export function isPrefixForm(args: readonly string[], cwd: string): boolean {
  if (args.length !== 1) return false;
  const text = args[0];
  if (text.startsWith('-') || text.startsWith('+') || !/[\s;&|<>()$`'"\\]/.test(text)) return false;
  try {
    statSync(resolve(cwd, text));
    return false; // a file by that name: bash runs it as a script
  } catch {
    return true;
  }
}

/** A script file as bash finds it: by path, in the current folder, else along PATH. */
export function findScriptFile(name: string, cwd: string, env: NodeJS.ProcessEnv): string | undefined {
  const isFile = (path: string) => {
    try {
      return statSync(path).isFile();
    } catch {
      return false;
    }
  };
  const here = resolve(cwd, name);
  if (name.includes('/') || isFile(here)) return isFile(here) ? here : undefined;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir && isAbsolute(dir) && isFile(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/**
 * What bash runs before the script because of the environment: functions exported into it
 * (BASH_FUNC_name%%) and the file named by BASH_ENV (non-interactive bash sources it). Both go
 * in front of the checked text, so a `git` function or a BASH_ENV file cannot run unseen.
 */
export function environmentPreamble(env: NodeJS.ProcessEnv, shell: string): string {
  if (basename(shell) !== 'bash') return '';
  const lines: string[] = [];
  for (const [name, value] of Object.entries(env)) {
    const fn = /^BASH_FUNC_(.+)%%$/.exec(name);
    if (fn && value) lines.push(`${fn[1]} ${value}`);
  }
  // bash expands BASH_ENV (parameters, command substitution) before sourcing it: keep those visible.
  if (env.BASH_ENV) lines.push(`. "${env.BASH_ENV.replace(/["\\]/g, '\\$&')}"`);
  return lines.length ? lines.join('\n') + '\n' : '';
}

export function planShell(args: readonly string[], ctx: ShellContext): ShellPlan | ShellProblem {
  if (isPrefixForm(args, ctx.cwd)) args = ['-c', args[0]];
  const shellName = basename(ctx.shell);
  const invocation = parseBashArgs(args);
  const preamble = () => environmentPreamble(ctx.env, ctx.shell);
  switch (invocation.mode) {
    case 'invalid':
      return { error: `interlock shell: ${invocation.message} (bash would refuse it too; nothing ran)`, status: WRAP_EXIT.usage };
    case 'inert':
      return { args: [...args] };
    case 'command': {
      const script = stableScriptKey(invocation.script);
      // $0 and $1… are part of what runs (`bash -c 'rm -rf "$1"' _ /data`): keep them in the key.
      const text = invocation.rest.length ? commandText([shellName, '-c', script, ...invocation.rest]) : script;
      return { check: preamble() + text, args: [...args] };
    }
    case 'file': {
      const file = findScriptFile(invocation.file, ctx.cwd, ctx.env);
      if (!file) return { error: `${shellName}: ${invocation.file}: No such file or directory\n(interlock shell: nothing ran)`, status: WRAP_EXIT.notFound };
      let size: number;
      try {
        size = statSync(file).size;
      } catch (error) {
        return { error: `interlock shell: cannot read ${file} to check it (${(error as Error).message}); nothing ran`, status: WRAP_EXIT.internal };
      }
      if (size > MAX_READ_BYTES) {
        return { error: `interlock shell: ${file} is larger than ${MAX_READ_BYTES / 1024} KiB, too large to check; nothing ran`, status: WRAP_EXIT.internal };
      }
      // `bash <file> args…`: the pipeline reads the file and checks what it runs.
      const shown = invocation.file.includes('/') ? invocation.file : file;
      return { check: preamble() + commandText([shellName, shown, ...invocation.rest]), args: [...args] };
    }
    case 'stdin': {
      // A human's interactive shell: nothing to check up front (each command is typed by them).
      if (ctx.stdinIsTTY) return { args: [...args] };
      let bytes: Buffer;
      try {
        bytes = ctx.readStdin(MAX_STDIN_SCRIPT);
      } catch (error) {
        return { error: `interlock shell: ${(error as Error).message}; nothing ran`, status: WRAP_EXIT.internal };
      }
      const positional = invocation.rest.length ? `set -- ${commandText(invocation.rest)}\n` : '';
      return { check: preamble() + positional + bytes.toString('utf8'), args: [...args], input: bytes };
    }
  }
}

/** Reads fd 0 to its end, refusing more than `max` bytes. */
export function readAllStdin(max: number): Buffer {
  const chunks: Buffer[] = [];
  let size = 0;
  const buffer = Buffer.alloc(64 * 1024);
  let fd = 0;
  let opened: number | undefined;
  try {
    fstatSync(0);
  } catch {
    return Buffer.alloc(0); // stdin closed: an empty script
  }
  for (;;) {
    let read: number;
    try {
      read = readSync(fd, buffer, 0, buffer.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EOF') break;
      if (code === 'EAGAIN' && opened === undefined) {
        // A non-blocking pipe: read it through a blocking descriptor of our own.
        opened = fd = openSync('/dev/stdin', 'r');
        continue;
      }
      throw error;
    }
    if (read === 0) break;
    size += read;
    if (size > max) throw new Error(`the script on stdin is larger than ${max / 1024} KiB, too large to check`);
    chunks.push(Buffer.from(buffer.subarray(0, read)));
  }
  if (opened !== undefined) closeSync(opened);
  return Buffer.concat(chunks, size);
}

/** Whether stdin is a terminal (a human typing into an interactive shell). */
export function stdinIsTerminal(): boolean {
  return isatty(0);
}
