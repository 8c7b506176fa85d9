// git's own options before the subcommand (`git -C dir -c k=v --no-pager push …`): which
// subcommand runs, in which repository, with which one-off configuration.
import { posix } from 'node:path';
import type { ExecCommand } from '../../types.js';

export interface GitInvocation {
  cmd: ExecCommand;
  /** The subcommand (`push`, `reset`, …). */
  sub: string;
  /** Arguments after the subcommand. */
  args: string[];
  /** Whether each of `args` is not fully known. */
  dynamic: boolean[];
  /** The working tree the command acts on: `-C`, `--work-tree`, `GIT_WORK_TREE`, else the cwd. */
  dir: string;
  /** `-C`/`--git-dir`/`--work-tree` (or GIT_DIR/GIT_WORK_TREE) named the repository explicitly. */
  repoGiven: boolean;
  /** `-c key=value` settings, keys lower-cased (`clean.requireforce` → 'false'). */
  config: Map<string, string>;
}

/** Global options that take the next word as their value. */
const VALUE_OPTIONS = new Set(['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--super-prefix', '--attr-source', '--shallow-file', '--config-env', '--exec-path']);
/** Global options after which git prints something and exits. */
const EXITING_OPTIONS = new Set(['--version', '-v', '--help', '-h', '--html-path', '--man-path', '--info-path']);
const NO_VALUE_OPTIONS = new Set([
  '-p', '--paginate', '-P', '--no-pager', '--no-replace-objects', '--no-lazy-fetch', '--no-optional-locks', '--no-advice', '--bare',
  '--literal-pathspecs', '--glob-pathspecs', '--noglob-pathspecs', '--icase-pathspecs',
]);

function joinDir(base: string, next: string): string {
  if (next === '') return base;
  if (next.startsWith('/') || next.startsWith('~') || next.startsWith('$')) return next;
  if (!base) return next;
  return posix.normalize(posix.join(base, next));
}

/** Reads git's global options; undefined when no subcommand runs (`git --version`, `git -h`, a bad option). */
export function parseInvocation(cmd: ExecCommand): GitInvocation | undefined {
  const argv = cmd.argv;
  const config = new Map<string, string>();
  let dir = cmd.cwd;
  let repoGiven = false;
  let workTree: string | undefined = cmd.env.GIT_WORK_TREE;
  if (cmd.env.GIT_DIR || workTree) repoGiven = true;
  let i = 1;
  for (; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('-')) break;
    if (EXITING_OPTIONS.has(arg)) return undefined;
    if (NO_VALUE_OPTIONS.has(arg) || arg.startsWith('--list-cmds=')) continue;
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    let value: string | undefined;
    if (name !== arg) value = arg.slice(eq + 1);
    else if (VALUE_OPTIONS.has(arg)) {
      // `--exec-path` alone prints the path and exits.
      if (arg === '--exec-path') return undefined;
      value = argv[++i];
      if (value === undefined) return undefined;
    } else return undefined;
    switch (name) {
      case '-C':
        dir = joinDir(dir, value);
        repoGiven = true;
        break;
      case '-c': {
        const at = value.indexOf('=');
        config.set((at < 0 ? value : value.slice(0, at)).toLowerCase(), at < 0 ? 'true' : value.slice(at + 1));
        break;
      }
      case '--git-dir':
        repoGiven = true;
        break;
      case '--work-tree':
        workTree = value;
        repoGiven = true;
        break;
      default:
        break;
    }
  }
  const sub = argv[i];
  if (sub === undefined) return undefined;
  if (workTree) dir = joinDir(dir, workTree);
  return { cmd, sub, args: argv.slice(i + 1), dynamic: cmd.dynamic.slice(i + 1), dir: dir || '.', repoGiven, config };
}

/** Hints naming where the command acts when the line chose the repository explicitly. */
export function repoHints(inv: GitInvocation): string[] {
  return inv.repoGiven ? [`repository ${inv.dir}`] : [];
}
