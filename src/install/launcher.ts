// The command a client runs to reach Interlock, and how to recognise Interlock's own entries in a
// client's config. The command names Node and the bundled CLI by absolute path: clients start hooks
// with their own PATH (an IDE launched from a dock has a minimal one), and `#!/usr/bin/env node`
// would then fail — and most clients run the tool when a hook fails to start.
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface Launcher {
  /** Absolute path of the Node binary running this CLI. */
  node: string;
  /** Absolute path of dist/interlock.cjs. */
  cli: string;
  /** The package root (holds hooks/ and dist/). */
  root: string;
}

export class LauncherError extends Error {}

/** The running CLI: `interlock install` must run from the built bundle, whose path is written into the hook. */
export function resolveLauncher(argv1: string | undefined = process.argv[1], node: string = process.execPath): Launcher {
  if (!argv1) throw new LauncherError('cannot tell where the Interlock CLI is (no script path)');
  let cli: string;
  try {
    cli = realpathSync(argv1);
  } catch {
    throw new LauncherError(`cannot resolve the Interlock CLI path ${argv1}`);
  }
  if (!cli.endsWith('.cjs')) throw new LauncherError(`run this from the built CLI (dist/interlock.cjs), not ${cli}`);
  return { node: realpathSync(node), cli, root: dirname(dirname(cli)) };
}

/** A word in double quotes, safe in sh, bash, zsh and fish. */
export function shellWord(word: string): string {
  if (/^[\w@%+=:,./-]+$/.test(word)) return `"${word}"`;
  return `"${word.replace(/(["\\$`])/g, '\\$1')}"`;
}

/**
 * The hook command for a client. `|| exit 2` turns a launcher that cannot start (Node moved by a
 * version manager, the package deleted: the shell exits 126/127 with the reason on stderr) into
 * a block, since most clients run the tool on any exit code but 2. It is plain enough for every
 * shell a client may use (sh, bash, zsh, fish).
 */
export function hookCommand(launcher: Pick<Launcher, 'node' | 'cli'>, client: string): string {
  return `${shellWord(launcher.node)} ${shellWord(launcher.cli)} hook ${client} || exit 2`;
}

/** A command written by Interlock's installer (`… interlock.cjs" hook <client>` or `interlock hook <client>`). */
export function isInterlockCommand(value: unknown): boolean {
  return typeof value === 'string' && /(?:^|[\s/"'])interlock(?:\.cjs)?["']?\s+hook\s+[a-z]+\b/.test(value);
}

/** The client named in an Interlock hook command. */
export function hookClientOf(command: string): string | undefined {
  return /interlock(?:\.cjs)?["']?\s+hook\s+([a-z]+)\b/.exec(command)?.[1];
}

/** Absolute paths a hook command depends on (program and script arguments), for `doctor`. */
export function commandPaths(command: string): string[] {
  const words: string[] = [];
  // Words as this installer writes them: "double-quoted" (\-escapes) or bare; `||` ends the launcher.
  for (const match of command.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g)) {
    if (match[3] === '||' || match[3] === ';' || match[3] === '&&') break;
    words.push(match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : (match[2] ?? match[3]));
  }
  return words.filter((w) => w.startsWith('/'));
}

/** The shipped OpenCode plugin and Claude Code plugin folder, next to dist/. */
export function shippedFile(launcher: Launcher, ...parts: string[]): string {
  const path = join(launcher.root, ...parts);
  if (!existsSync(path)) throw new LauncherError(`${parts.join('/')} is missing from the Interlock package at ${launcher.root}`);
  return path;
}
