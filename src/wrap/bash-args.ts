// Reads a bash command line (`bash [long options] [options] [-c string | file | -s] [args…]`) the
// way bash does, to find what it would run. `interlock shell` checks that, then hands the same
// arguments to the real shell, so any disagreement with bash here would be a way around the check:
// whatever bash itself rejects is rejected here too (nothing runs), and nothing is guessed.
//
// Verified against bash 5.2: long options only before the first short option; in a cluster every
// `o`/`O` takes the next argument in turn (`-euo pipefail`, `-oc pipefail 'cmd'`); `+c` is `-c`;
// the first argument that is not an option is the command string (with -c) or the script file;
// everything after it is $0, $1 …; `-n` and `-D` read without running.

export type BashInvocation =
  /** `-c STRING [$0 [args…]]` */
  | { mode: 'command'; script: string; rest: string[]; options: string[] }
  /** `FILE [args…]`: bash reads and runs the file. */
  | { mode: 'file'; file: string; rest: string[]; options: string[] }
  /** No -c and no file (or -s): commands come from stdin; interactive when stdin is a terminal or -i. */
  | { mode: 'stdin'; rest: string[]; interactive: boolean; options: string[] }
  /** Nothing runs: --version, --help, -n (noexec), -D / --dump-strings. */
  | { mode: 'inert'; why: string }
  /** bash would refuse these arguments (and run nothing). */
  | { mode: 'invalid'; message: string };

const LONG_FLAGS = new Set(['--debug', '--debugger', '--login', '--noediting', '--noprofile', '--norc', '--posix', '--pretty-print', '--protected', '--restricted', '--verbose', '--wordexp']);
const LONG_WITH_VALUE = new Set(['--rcfile', '--init-file']);
const LONG_INERT = new Set(['--help', '--version']);
const LONG_NOEXEC = new Set(['--dump-strings', '--dump-po-strings']);
/** `set` options plus the invocation-only ones (bash --help: -ilrsD, -c, -O; -abefhkmnptuvxBCEHPT, -o). */
const SHORT = new Set('abefhkmnptuvxBCEHPTilrsDc'.split(''));

export function parseBashArgs(args: readonly string[]): BashInvocation {
  const options: string[] = [];
  let i = 0;
  // GNU long options come first; bash stops looking for them at the first other argument.
  for (; i < args.length && args[i].startsWith('--') && args[i] !== '--'; i++) {
    const arg = args[i];
    if (LONG_INERT.has(arg)) return { mode: 'inert', why: arg };
    if (LONG_NOEXEC.has(arg)) return { mode: 'inert', why: `${arg} (reads without running)` };
    if (LONG_WITH_VALUE.has(arg)) {
      if (i + 1 >= args.length) return { mode: 'invalid', message: `${arg.slice(2)}: option requires an argument` };
      options.push(arg, args[++i]);
      continue;
    }
    if (!LONG_FLAGS.has(arg)) return { mode: 'invalid', message: `${arg}: invalid option` };
    options.push(arg);
  }

  let command = false;
  let stdinFlag = false;
  let interactive = false;
  let noexec = false;
  for (; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--' || arg === '-') {
      i++;
      break;
    }
    if (!(arg.startsWith('-') || arg.startsWith('+')) || arg.length < 2) break;
    options.push(arg);
    for (const letter of arg.slice(1)) {
      if (letter === 'o' || letter === 'O') {
        // Takes the next argument; without one bash lists the options and goes on.
        if (i + 1 < args.length) options.push(args[++i]);
        continue;
      }
      if (!SHORT.has(letter)) return { mode: 'invalid', message: `-${letter}: invalid option` };
      if (letter === 'c') command = true;
      else if (letter === 's') stdinFlag = true;
      else if (letter === 'i') interactive = true;
      else if ((letter === 'n' || letter === 'D') && arg[0] === '-') noexec = true;
      else if (letter === 'n' && arg[0] === '+') noexec = false;
    }
  }
  const positionals = args.slice(i);
  if (noexec) return { mode: 'inert', why: '-n (reads without running)' };
  if (command) {
    if (positionals.length === 0) return { mode: 'invalid', message: '-c: option requires an argument' };
    return { mode: 'command', script: positionals[0], rest: positionals.slice(1), options };
  }
  if (positionals.length > 0 && !stdinFlag) return { mode: 'file', file: positionals[0], rest: positionals.slice(1), options };
  return { mode: 'stdin', rest: positionals, interactive, options };
}
