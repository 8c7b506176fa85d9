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
  // `sh -` ends the options: with a word after it, that is the script; alone, stdin is.
  const script = argv[scan.index]?.text === '-' ? argv[scan.index + 1] : argv[scan.index];
  if (script && !has(scan, '-s')) return { kind: 'script', path: script, via: `${name} ${script.text}` };
  return { kind: 'stdin-shell', via: name };
};

const SHELLS = ['sh', 'bash', 'zsh', 'dash', 'ksh', 'mksh', 'ash', 'yash', 'rbash', 'fish', 'pwsh', 'oksh', 'loksh'];

/**
 * Tools whose output is shell set-up to evaluate in the current shell: environment exports,
 * version-manager shims, prompt and completion scripts (`eval "$(ssh-agent -s)"`,
 * `eval "$(pyenv init -)"`, `source <(kubectl completion bash)`). The tool itself is still checked
 * where it runs (in the substitution); what it prints is not a destructive command.
 */
/** Agents that print their environment whatever the options. */
const AGENTS = new Set(['ssh-agent', 'gpg-agent', 'keychain']);
/** Version managers and environment tools, with the subcommands that print shell set-up. */
const SETUP_SUBCOMMANDS: Record<string, string[]> = {
  pyenv: ['init', 'virtualenv-init'], rbenv: ['init'], nodenv: ['init'], jenv: ['init'], goenv: ['init'], plenv: ['init'], phpenv: ['init'],
  fnm: ['env'], mise: ['activate', 'env'], rtx: ['activate', 'env'], starship: ['init'], zoxide: ['init'], atuin: ['init'], direnv: ['hook', 'export'],
  opam: ['env', 'config'], brew: ['shellenv'], minikube: ['docker-env', 'podman-env'], 'docker-machine': ['env'], conda: ['shell.bash', 'shell.zsh', 'shell.posix'],
  mamba: ['shell'], micromamba: ['shell'], luarocks: ['path'], thefuck: ['--alias'], 'oh-my-posh': ['init'], rustup: ['completions'],
};
/** Programs whose output is whatever they are given: never "set-up", whatever words follow. */
const PRINTERS = new Set(['echo', 'printf', 'cat', 'curl', 'wget', 'git', 'sed', 'awk', 'head', 'tail', 'python', 'python3', 'node', 'perl', 'ruby', 'sh', 'bash', 'base64', 'xxd', 'jq', 'yq', 'tr']);

/**
 * `$(tool …)`, `` `tool … ` `` or `<(tool …)` around a shell set-up printer: an agent
 * (`ssh-agent -s`), a version manager's set-up subcommand (`pyenv init -`, `brew shellenv`), or a
 * completion script (`kubectl completion bash`). The tool is named plainly or by absolute path.
 */
export function printsShellSetup(text: string): boolean {
  const inner = /^\s*(?:\$\(|<\(|`)([^;&|`$<>()]*)(?:\)|`)\s*$/.exec(text)?.[1];
  if (!inner) return false;
  const words = inner.trim().split(/\s+/);
  const path = words[0] ?? '';
  if (path.includes('/') && !path.startsWith('/')) return false; // `./pyenv`: a file of the project
  const tool = path.split('/').pop() ?? '';
  if (AGENTS.has(tool)) return words.slice(1).every((w) => w.startsWith('-'));
  const subcommands = Object.hasOwn(SETUP_SUBCOMMANDS, tool) ? SETUP_SUBCOMMANDS[tool] : undefined;
  if (subcommands) return words.length <= 4 && subcommands.includes(words[1] ?? '');
  // `kubectl completion bash`, `gh completion -s zsh`, `npm completion`
  return !PRINTERS.has(tool) && words.length <= 4 && (words[1] === 'completion' || words[1] === 'completions');
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

/** `trap [--] 'cmd' EXIT INT …`: the shell runs cmd when the signal (or its own exit) comes. */
const trap: Unwrapper = (argv) => {
  const at = argv[1]?.text === '--' ? 2 : 1;
  const action = argv[at];
  if (!action || argv.length < at + 2 || ['-', '', '-p', '-l'].includes(action.text)) return { kind: 'inert' };
  return { kind: 'shell', text: action, via: `trap … ${argv[at + 1].text}` };
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
