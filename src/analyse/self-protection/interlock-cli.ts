// Recognises commands that run Interlock itself — by name, through a package runner (npx,
// npm exec, pnpm dlx, yarn dlx, bunx) or as `node <path to the bin>` — and sorts what they ask:
// reading (check, explain, log, pending, rules, help) is fine; approving, denying, trusting,
// installing, uninstalling or configuring from an agent is not.
import { own } from '../../util/own.js';

const PROGRAM = /^interlock(?:-guard)?(?:\.[cm]?js)?$/;
const PACKAGE = 'interlock-guard';

function basename(word: string): string {
  const slash = word.lastIndexOf('/');
  return slash >= 0 ? word.slice(slash + 1) : word;
}

/** `interlock`, `interlock-guard`, `interlock-guard@1.2.0`, `./node_modules/.bin/interlock`, `dist/interlock.cjs`. */
export function isInterlockWord(word: string): boolean {
  if (!word) return false;
  const name = basename(word.replace(/^(interlock(?:-guard)?)@[^/]*$/, '$1'));
  return PROGRAM.test(name) || word.includes('/interlock-guard/');
}

// npx/npm exec options that take a value (npm's documented exec flags).
const RUNNER_VALUE_FLAGS = new Set(['-p', '--package', '-c', '--call', '-w', '--workspace', '--registry', '--cache', '--userconfig', '--prefix', '--node-options', '--shell', '--loglevel']);

export type Runner = { args: string[] } | { text: string };

/** After the runner's own options: the command it runs, if that is Interlock. */
function afterRunnerOptions(args: readonly string[]): Runner | undefined {
  let packages: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') continue;
    if (arg.startsWith('-')) {
      const eq = arg.indexOf('=');
      const name = eq > 0 ? arg.slice(0, eq) : arg;
      const value = eq > 0 ? arg.slice(eq + 1) : RUNNER_VALUE_FLAGS.has(name) ? args[++i] : undefined;
      if ((name === '-p' || name === '--package') && value) packages = [...packages, value];
      if ((name === '-c' || name === '--call') && value !== undefined) return { text: value };
      continue;
    }
    if (isInterlockWord(arg) || (arg === 'interlock' && packages.some(isInterlockWord))) return { args: args.slice(i + 1) };
    return undefined;
  }
  return undefined;
}

// node/deno/tsx options that take a value.
const NODE_VALUE_FLAGS = new Set(['-r', '--require', '--import', '--loader', '--experimental-loader', '-C', '--conditions', '--input-type', '--title', '--env-file', '--inspect-port', '--stack-size', '--max-old-space-size', '--config', '-c']);
const NODE_EVAL_FLAGS = new Set(['-e', '--eval', '-p', '--print']);

function scriptArgs(args: readonly string[]): Runner | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') continue;
    if (arg.startsWith('-')) {
      const name = arg.includes('=') ? arg.slice(0, arg.indexOf('=')) : arg;
      if (NODE_EVAL_FLAGS.has(name)) return { text: arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : (args[i + 1] ?? '') };
      if (!arg.includes('=') && NODE_VALUE_FLAGS.has(name)) i++;
      continue;
    }
    if (i === 0 && arg === 'run') continue; // deno run, bun run
    return isInterlockWord(arg) ? { args: args.slice(i + 1) } : undefined;
  }
  return undefined;
}

/**
 * Interlock's own arguments when this argv runs Interlock; `{text}` when it runs a command string
 * (`npx -c '…'`, `node -e '…'`) to be scanned instead.
 */
export function interlockInvocation(argv: readonly string[], dynamic: readonly boolean[] = []): Runner | undefined {
  if (argv.length === 0) return undefined;
  const first = argv[0];
  const name = basename(first);
  // `$(which interlock) approve …`: the program is unknown text that names Interlock
  if (isInterlockWord(first) || (dynamic[0] && /interlock/i.test(first))) return { args: argv.slice(1) };
  const rest = argv.slice(1);
  const sub = rest.find((a) => !a.startsWith('-'));
  const afterSub = sub === undefined ? [] : rest.slice(rest.indexOf(sub) + 1);
  switch (name) {
    case 'npx':
    case 'pnpx':
    case 'bunx':
      return afterRunnerOptions(rest);
    case 'npm':
      return sub === 'exec' || sub === 'x' ? afterRunnerOptions(afterSub) : undefined;
    case 'pnpm':
    case 'yarn':
      if (sub === 'dlx' || sub === 'exec') return afterRunnerOptions(afterSub);
      return sub !== undefined && isInterlockWord(sub) ? { args: afterSub } : undefined; // `pnpm interlock …` runs the local bin
    case 'bun':
      if (sub === 'x') return afterRunnerOptions(afterSub);
      return scriptArgs(rest);
    case 'node':
    case 'nodejs':
    case 'deno':
    case 'tsx':
    case 'ts-node':
      return scriptArgs(rest);
    default:
      return undefined;
  }
}

export type InterlockVerdict =
  | { rule: 'self.interlock.approve' | 'self.interlock.config'; subcommand: string }
  | { inner: string[] }
  | { text: string }
  | undefined;

const READ_ONLY = new Set(['check', 'explain', 'log', 'pending', 'help', 'version', 'doctor', 'completion', 'completions', 'hook', 'status']);
const APPROVAL = new Set(['approve', 'deny', 'grant', 'allow', 'accept', 'reject', 'confirm', 'watch']);
const RULES_WRITE = new Set(['add', 'remove', 'rm', 'delete', 'disable', 'enable', 'edit', 'set', 'unset', 'reset', 'import']);
const SHELLS = new Set(['bash', 'zsh', 'fish', 'sh']);

/** What an Interlock invocation asks, judged from its arguments. Undefined: allowed (reading). */
export function judgeInterlockArgs(args: readonly string[]): InterlockVerdict {
  if (args.includes('--help') || args.includes('-h') || args.includes('--version') || args.includes('-V')) return undefined;
  const positionals = args.filter((a) => !a.startsWith('-'));
  const sub = positionals[0];
  if (sub === undefined) return undefined;
  const word = sub.toLowerCase();
  if (APPROVAL.has(word)) return { rule: 'self.interlock.approve', subcommand: word };
  if (READ_ONLY.has(word)) return undefined;
  if (word === 'rules') {
    const action = positionals[1]?.toLowerCase();
    return action && RULES_WRITE.has(action) ? { rule: 'self.interlock.config', subcommand: `rules ${action}` } : undefined;
  }
  if (word === 'init' && positionals.length === 2 && SHELLS.has(positionals[1])) return undefined; // prints shell functions
  if (word === 'run') {
    // `interlock run [opts] -- cmd …`: the wrapped command runs; judge it like any other
    const dash = args.indexOf('--');
    let inner: string[];
    if (dash >= 0) inner = args.slice(dash + 1);
    else {
      const after = args.slice(args.indexOf(sub) + 1);
      const first = after.findIndex((a) => !a.startsWith('-'));
      inner = first >= 0 ? after.slice(first) : [];
    }
    return inner.length ? { inner } : undefined;
  }
  if (word === 'shell') {
    const c = args.indexOf('-c');
    return c >= 0 && args[c + 1] !== undefined ? { text: args[c + 1] } : undefined;
  }
  // trust, untrust, install, uninstall, init (writing), config, disable, enable, pause, reset,
  // anything unknown: configuration changes are for the human
  return { rule: 'self.interlock.config', subcommand: word };
}

/**
 * Finds `interlock <forbidden subcommand>` inside text that some program will run or type
 * (tmux send-keys, script -c, node -e, npx -c …). Returns the verdict of the first one.
 */
export function scanTextForInterlock(text: string): InterlockVerdict {
  if (!/interlock/i.test(text)) return undefined;
  const words = text.split(/[\s'"`;&|(),[\]{}]+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    if (!isInterlockWord(words[i])) continue;
    const verdict = judgeInterlockArgs(words.slice(i + 1, i + 6));
    if (verdict && 'rule' in verdict) return verdict;
  }
  return undefined;
}

const PACKAGE_REMOVE: Record<string, ReadonlySet<string>> = {
  npm: new Set(['uninstall', 'un', 'unlink', 'remove', 'rm', 'r']),
  pnpm: new Set(['remove', 'rm', 'uninstall', 'un']),
  yarn: new Set(['remove']),
  bun: new Set(['remove', 'rm', 'uninstall']),
};

/** `npm uninstall -g interlock-guard`, `pnpm remove interlock-guard`, `yarn global remove interlock-guard`. */
export function uninstallsInterlock(name: string, argv: readonly string[]): boolean {
  const verbs = own(PACKAGE_REMOVE, name);
  if (!verbs) return false;
  const positionals = argv.slice(1).filter((a) => !a.startsWith('-'));
  let i = 0;
  if (name === 'yarn' && positionals[0] === 'global') i = 1;
  if (!verbs.has(positionals[i] ?? '')) return false;
  return positionals.slice(i + 1).some((p) => p.replace(/@[^/]*$/, '') === PACKAGE);
}
