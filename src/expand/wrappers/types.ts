// What a wrapper turns into. The expander follows these until a plain command remains.
import type { Value } from '../scope.js';

export type Unwrapped =
  /** Runs another argv (sudo rm …, timeout 5 git …, docker exec db psql …). */
  | { kind: 'exec'; argv: Value[]; via: string; env?: [string, Value][]; remote?: string; chdir?: Value }
  /** Runs several argvs (find -exec, xargs with known input); `keepSelf` also analyses the wrapper itself. */
  | { kind: 'many'; commands: { argv: Value[]; via: string }[]; keepSelf: boolean; remote?: string }
  /**
   * Runs a shell string (bash -c '…', ssh host '…', watch '…', eval …); `args` are `$0 $1 …` (`sh -c '…' sh a b`).
   * `inScope`: the calling shell runs it itself (eval), so what it sets stays set afterwards.
   */
  | { kind: 'shell'; text: Value; via: string; remote?: string; env?: [string, Value][]; args?: Value[]; inScope?: boolean }
  /** A shell that reads its script from standard input (bash, sh -s, at now). */
  | { kind: 'stdin-shell'; via: string; remote?: string }
  /** A shell running a script file (bash ./x.sh; source x.sh, which runs it in the calling shell: `inScope`). */
  | { kind: 'script'; path: Value; via: string; inScope?: boolean }
  /** Inline interpreter code (python -c, node -e, perl -e …) or code read from stdin. */
  | { kind: 'code'; language: InterpreterLanguage; code: Value | 'stdin'; via: string }
  /** A package.json script (npm run x, pnpm x, yarn x). */
  | { kind: 'package-script'; script: string; args: Value[]; via: string }
  /** Not executing anything (command -v x, bash -n x.sh, parallel --dry-run). */
  | { kind: 'inert' };

export type InterpreterLanguage = 'python' | 'node' | 'ruby' | 'perl' | 'php';

export interface UnwrapIO {
  /** Text on standard input, when known. */
  stdinText(): string | undefined;
  /** Whether package.json in the working directory defines this script. */
  hasPackageScript(name: string): boolean;
}

/** argv[0] is the wrapper itself. Returns null when this is not a wrapping use. */
export type Unwrapper = (argv: Value[], io: UnwrapIO) => Unwrapped | null;

export const lit = (text: string): Value => ({ text, known: true });

/** Joins words the way `ssh host a b` or `watch a b` hand them to a shell. */
export function joinWords(words: readonly Value[]): Value {
  return { text: words.map((w) => w.text).join(' '), known: words.every((w) => w.known) };
}
