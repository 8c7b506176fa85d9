// Shells and interpreters: the text they run is code, not data.
import { scanOptions, optionWord, has } from '../options.js';
import type { Value } from '../scope.js';
import { own } from '../../util/own.js';
import { interpreterScripts } from './frameworks.js';
import { joinWords, lit, type InterpreterLanguage, type Unwrapped, type Unwrapper } from './types.js';

const SHELL_VALUE_OPTIONS = ['-o', '+o', '-O', '+O', '--rcfile', '--init-file'];

/** sh, bash, zsh, dash, ksh …: `-c STRING`, a script path, or a script on stdin. */
const shell: Unwrapper = (argv): Unwrapped => {
  const name = argv[0].text.split('/').pop() ?? 'sh';
  const scan = scanOptions(argv, 1, SHELL_VALUE_OPTIONS);
  // -n reads and checks syntax without running anything.
  if (has(scan, '-n', '--noexec')) return { kind: 'inert' };
  if (has(scan, '-c')) {
    const text = argv[scan.index];
    const args = argv.slice(scan.index + 1);
    return text ? { kind: 'shell', text, via: `${name} -c`, ...(args.length ? { args } : {}) } : { kind: 'inert' };
  }
  const script = argv[scan.index];
  // `sh -` reads its script from stdin, like `sh -s`.
  if (script && script.text !== '-' && !has(scan, '-s')) return { kind: 'script', path: script, via: `${name} ${script.text}` };
  return { kind: 'stdin-shell', via: name };
};

const SHELLS = ['sh', 'bash', 'zsh', 'dash', 'ksh', 'mksh', 'ash', 'yash', 'rbash', 'fish', 'pwsh', 'oksh', 'loksh'];

/**
 * Tools whose output is shell set-up to evaluate in the current shell: environment exports,
 * version-manager shims, prompt and completion scripts (`eval "$(ssh-agent -s)"`,
 * `eval "$(pyenv init -)"`, `source <(kubectl completion bash)`). The tool itself is still checked
 * where it runs (in the substitution); what it prints is not a destructive command.
 */
const SETUP_TOOLS = new Set([
  'ssh-agent', 'gpg-agent', 'keychain', 'direnv', 'pyenv', 'rbenv', 'nodenv', 'jenv', 'goenv', 'plenv', 'phpenv', 'brew', 'minikube',
  'docker-machine', 'fnm', 'conda', 'mamba', 'micromamba', 'opam', 'starship', 'zoxide', 'mise', 'rtx', 'atuin', 'thefuck',
  'luarocks', 'oh-my-posh', 'mcfly', 'navi', 'rustup', 'nvm', 'volta', 'pdm', 'pipenv', 'poetry', 'devbox', 'nix', 'flox',
]);

/** `$(tool …)`, `` `tool …` `` or `<(tool …)` around a shell set-up printer. */
export function printsShellSetup(text: string): boolean {
  const inner = /^\s*(?:\$\(|<\(|`)(.*?)(?:\)|`)\s*$/s.exec(text)?.[1];
  if (!inner || /[;&|`$<>]/.test(inner.replace(/^\S+/, ''))) return false;
  const words = inner.trim().split(/\s+/);
  const tool = words[0]?.split('/').pop() ?? '';
  return SETUP_TOOLS.has(tool) || words.slice(1).some((w) => w === 'completion' || w === 'completions');
}

/** `eval a b c` runs the words joined by spaces. */
const evalBuiltin: Unwrapper = (argv) => {
  if (argv.length < 2) return { kind: 'inert' };
  const text = joinWords(argv.slice(1));
  if (argv.length === 2 && printsShellSetup(argv[1].text)) return { kind: 'inert' };
  return { kind: 'shell', text, via: 'eval', inScope: true };
};

/** `source x.sh`, `. x.sh` */
const source: Unwrapper = (argv) => {
  if (!argv[1]) return { kind: 'inert' };
  if (!argv[1].known && printsShellSetup(argv[1].text)) return { kind: 'inert' };
  return { kind: 'script', path: argv[1], via: `${argv[0].text} ${argv[1].text}`, inScope: true };
};

/** `at now`, `batch`: read a script from stdin (or `-f file`) to run later. */
const at: Unwrapper = (argv) => {
  const file = optionWord(argv, 1, argv.length, ['-f']);
  if (file) return { kind: 'script', path: file, via: 'at -f' };
  if (argv.some((a) => ['-l', '-r', '-d', '-c'].includes(a.text))) return { kind: 'inert' };
  return { kind: 'stdin-shell', via: argv[0].text };
};

/** `watch -n 5 'cmd'` runs its words through `sh -c`; `-x` executes them directly. */
const watch: Unwrapper = (argv) => {
  const scan = scanOptions(argv, 1, ['-n', '--interval', '-q', '--equexit']);
  const rest = argv.slice(scan.index);
  if (rest.length === 0) return { kind: 'inert' };
  if (has(scan, '-x', '--exec')) return { kind: 'exec', argv: rest, via: 'watch' };
  return { kind: 'shell', text: joinWords(rest), via: 'watch' };
};

/** tmux new-session/new-window/split-window 'cmd', send-keys 'cmd' Enter; screen -dm cmd. */
const tmux: Unwrapper = (argv) => {
  const scan = scanOptions(argv, 1, ['-L', '-S', '-f', '-T', '-c']);
  const sub = argv[scan.index]?.text;
  if (!sub) return { kind: 'inert' };
  const after = scanOptions(argv, scan.index + 1, ['-t', '-s', '-n', '-c', '-e', '-F', '-x', '-y', '-l', '-p', '-N', '-X']);
  const rest = argv.slice(after.index);
  if (['new-session', 'new', 'new-window', 'neww', 'split-window', 'splitw', 'respawn-pane', 'run-shell', 'run'].includes(sub)) {
    return rest.length ? { kind: 'shell', text: joinWords(rest), via: `tmux ${sub}` } : { kind: 'inert' };
  }
  if (sub === 'send-keys' || sub === 'send') {
    const keys = rest.filter((k) => !/^(Enter|C-m|KPEnter|C-j|Escape|C-c|Space|Tab)$/.test(k.text));
    return keys.length ? { kind: 'shell', text: joinWords(keys), via: 'tmux send-keys' } : { kind: 'inert' };
  }
  return { kind: 'inert' };
};

const screen: Unwrapper = (argv) => {
  const scan = scanOptions(argv, 1, ['-S', '-c', '-e', '-h', '-p', '-s', '-t', '-T', '-X', '-L', '-Logfile']);
  const rest = argv.slice(scan.index);
  return rest.length ? { kind: 'exec', argv: rest, via: 'screen' } : { kind: 'inert' };
};

/** `interlock shell -c '…'` runs a script after checking it; analyse what it would run anyway. */
const interlockShell: Unwrapper = (argv) => {
  if (argv[1]?.text !== 'shell') return null;
  const text = optionWord(argv, 2, argv.length, ['-c']);
  return text ? { kind: 'shell', text, via: 'interlock shell -c' } : { kind: 'inert' };
};

interface InterpreterSpec {
  language: InterpreterLanguage;
  /** Options whose value is code to run. */
  code: string[];
  valueOptions: string[];
  /** Framework runners given to this interpreter by path (`python manage.py shell -c …`, `php artisan tinker`). */
  runners?: boolean;
}

function interpreter(spec: InterpreterSpec): Unwrapper {
  return (argv, io): Unwrapped | null => {
    if (spec.runners) {
      const at = scanOptions(argv, 1, [...spec.valueOptions, ...spec.code]).index;
      const runner = argv[at]?.known ? own(interpreterScripts, argv[at].text.split('/').pop() ?? '') : undefined;
      const ran = runner?.(argv.slice(at), io);
      if (ran) return ran;
    }
    const code = optionWord(argv, 1, argv.length, spec.code);
    const via = `${argv[0].text.split('/').pop()} ${spec.code[0]}`;
    if (code) return { kind: 'code', language: spec.language, code, via };
    const scan = scanOptions(argv, 1, [...spec.valueOptions, ...spec.code]);
    const script = argv[scan.index];
    if ((!script || script.text === '-') && io.stdinText() !== undefined) {
      return { kind: 'code', language: spec.language, code: 'stdin', via: argv[0].text.split('/').pop() ?? '' };
    }
    // A script by path (python manage.py flush) is an ordinary command for the analysers.
    return null;
  };
}

const python = interpreter({ language: 'python', code: ['-c'], valueOptions: ['-m', '-W', '-X', '-Q'], runners: true });
const node = interpreter({ language: 'node', code: ['-e', '--eval', '-p', '--print'], valueOptions: ['-r', '--require', '--import', '--loader', '--experimental-loader', '-C', '--conditions', '--env-file', '--input-type'] });
const ruby = interpreter({ language: 'ruby', code: ['-e'], valueOptions: ['-r', '-I', '-C', '-E', '-F'] });
const perl = interpreter({ language: 'perl', code: ['-e', '-E'], valueOptions: ['-I', '-M', '-m', '-x', '-0'] });
const php = interpreter({ language: 'php', code: ['-r'], valueOptions: ['-c', '-d', '-f', '-z'], runners: true });

const deno: Unwrapper = (argv) => (argv[1]?.text === 'eval' && argv[2] ? { kind: 'code', language: 'node', code: argv[2], via: 'deno eval' } : null);

/** `trap 'cmd' EXIT INT …`: the shell runs cmd when the signal (or its own exit) comes. */
const trap: Unwrapper = (argv) => {
  const action = argv[1];
  if (!action || argv.length < 3 || ['-', '', '-p', '-l', '--'].includes(action.text)) return { kind: 'inert' };
  return { kind: 'shell', text: action, via: `trap … ${argv[2].text}` };
};

export const shellWrappers: Record<string, Unwrapper> = {
  trap,
  ...Object.fromEntries(SHELLS.map((s) => [s, shell])),
  eval: evalBuiltin,
  source,
  '.': source,
  at,
  batch: at,
  watch,
  tmux,
  screen,
  interlock: interlockShell,
  deno,
  node,
  nodejs: node,
  bun: (argv, io) => (argv.some((a) => a.text === '-e' || a.text === '--eval') ? node(argv, io) : null),
  ruby,
  perl,
  php,
};

/** python, python3, python3.12, pypy3 … */
export function pythonWrapper(name: string): Unwrapper | undefined {
  return /^(python[0-9.]*|pypy[0-9.]*)$/.test(name) ? python : undefined;
}

export { lit };
export type { Value };
