// Wrappers that run the rest of their arguments as a command after their own options:
// sudo, env-less privilege tools, timing/priority tools, secret injectors, tool-version runners.
import { has, scanOptions, optionWord } from '../options.js';
import type { Value } from '../scope.js';
import { joinWords, lit, type Unwrapped, type Unwrapper } from './types.js';

interface PrefixSpec {
  /** Options that take a value. */
  valueOptions?: string[];
  /** Leading subcommand that makes this a wrapper (`uv run`, `op run`); other subcommands are not. */
  subcommand?: string[];
  /** Positionals between the options and the command (timeout's duration, flock's lock file). */
  skip?: number;
  /** Options whose value is a shell string that runs instead (su -c, flock -c, doppler run --command). */
  shellOptions?: string[];
  /** Options after which the command line runs through a shell (sudo -s, sudo -i). */
  shellFlags?: string[];
  /** Options that make the wrapper run nothing (command -v, sudo -l). */
  inertOptions?: string[];
  /** The command follows a literal `--` (mise exec node@20 -- node). */
  requireDashDash?: boolean;
  /** `NAME=value` words before the command set its environment (`sudo FOO=1 cmd`), as with env. */
  assignments?: boolean;
}

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

function prefix(spec: PrefixSpec): Unwrapper {
  const valueOptions = [...(spec.valueOptions ?? []), ...(spec.shellOptions ?? [])];
  return (argv): Unwrapped | null => {
    const name = argv[0].text.split('/').pop() ?? '';
    let scan = scanOptions(argv, 1, valueOptions);
    if (spec.subcommand) {
      const sub = argv[scan.index];
      if (!sub || !spec.subcommand.includes(sub.text)) return null;
      scan = scanOptions(argv, scan.index + 1, valueOptions);
    }
    const via = spec.subcommand ? `${name} ${argv.find((a) => spec.subcommand!.includes(a.text))!.text}` : name;
    if (spec.shellOptions) {
      const text = optionWord(argv, 1, argv.length, spec.shellOptions);
      if (text) return { kind: 'shell', text, via };
    }
    if (spec.inertOptions && has(scan, ...spec.inertOptions)) return { kind: 'inert' };
    let start = scan.index;
    if (spec.requireDashDash && !scan.dashDash) {
      const dashDash = argv.findIndex((a, i) => i >= start && a.text === '--');
      if (dashDash < 0) return { kind: 'inert' };
      start = dashDash + 1;
    }
    start += spec.skip ?? 0;
    if (spec.skip && argv[start]?.text === '--') start++;
    // Options may continue after skipped positionals (`timeout 5 -s KILL cmd` is not valid, but `chroot DIR cmd` is).
    const env: [string, Value][] = [];
    while (spec.assignments && start < argv.length && ASSIGNMENT.test(argv[start].text)) {
      const text = argv[start++].text;
      const eq = text.indexOf('=');
      env.push([text.slice(0, eq), { text: text.slice(eq + 1), known: argv[start - 1].known }]);
    }
    const rest = argv.slice(start);
    if (rest.length === 0) return { kind: 'inert' };
    if (spec.shellFlags && has(scan, ...spec.shellFlags)) return { kind: 'shell', text: joinWords(rest), via, ...(env.length ? { env } : {}) };
    return { kind: 'exec', argv: rest, via, ...(env.length ? { env } : {}) };
  };
}

const SUDO_VALUES = ['-u', '--user', '-g', '--group', '-h', '--host', '-p', '--prompt', '-C', '--close-from', '-D', '--chdir', '-r', '--role', '-t', '--type', '-T', '--command-timeout', '-U', '--other-user', '-R', '--chroot'];

export const prefixWrappers: Record<string, Unwrapper> = {
  sudo: prefix({ valueOptions: SUDO_VALUES, assignments: true, shellFlags: ['-s', '-i', '--shell', '--login'], inertOptions: ['-l', '--list', '-v', '--validate', '-e', '--edit', '-K', '--remove-timestamp'] }),
  doas: prefix({ valueOptions: ['-u', '-C'], shellFlags: ['-s'] }),
  pkexec: prefix({ valueOptions: ['--user'] }),
  run0: prefix({ valueOptions: ['-u', '--user', '-g', '--group', '-D', '--chdir', '--setenv', '--unit', '--property', '--description', '--slice', '--nice'] }),
  nohup: prefix({}),
  nice: prefix({ valueOptions: ['-n', '--adjustment'] }),
  ionice: prefix({ valueOptions: ['-c', '--class', '-n', '--classdata', '-P', '--pgid', '-u', '--uid'], inertOptions: ['-p', '--pid'] }),
  chrt: prefix({ valueOptions: ['-T', '-P', '-D'], skip: 1, inertOptions: ['-p', '--pid'] }),
  taskset: prefix({ skip: 1, inertOptions: ['-p', '--pid'] }),
  timeout: prefix({ valueOptions: ['-s', '--signal', '-k', '--kill-after'], skip: 1 }),
  time: prefix({ valueOptions: ['-f', '--format', '-o', '--output'] }),
  stdbuf: prefix({ valueOptions: ['-i', '-o', '-e', '--input', '--output', '--error'] }),
  setsid: prefix({}),
  unbuffer: prefix({}),
  caffeinate: prefix({ valueOptions: ['-t', '-w'] }),
  catchsegv: prefix({}),
  flock: prefix({ valueOptions: ['-w', '--timeout', '--wait', '-E', '--conflict-exit-code'], skip: 1, shellOptions: ['-c', '--command'] }),
  chroot: prefix({ valueOptions: ['--userspec', '--groups'], skip: 1 }),
  su: prefix({ valueOptions: ['-s', '--shell', '-g', '--group', '-G', '--supp-group', '-w', '--whitelist-environment'], shellOptions: ['-c', '--command', '--session-command'], inertOptions: ['-', '-l', '--login'], skip: 99 }),
  runuser: prefix({ valueOptions: ['-u', '--user', '-g', '--group', '-G', '--supp-group', '-s', '--shell', '-w', '--whitelist-environment'], shellOptions: ['-c', '--command', '--session-command'] }),
  command: prefix({ inertOptions: ['-v', '-V'] }),
  builtin: prefix({}),
  exec: prefix({ valueOptions: ['-a'] }),
  busybox: prefix({}),
  strace: prefix({ valueOptions: ['-e', '-o', '-p', '-s', '-u', '-E', '-a', '-b', '-I', '-O', '-P', '-S', '-X', '-U'] }),
  ltrace: prefix({ valueOptions: ['-e', '-o', '-p', '-s', '-u', '-a', '-n', '-l', '-w'] }),
  'xvfb-run': prefix({ valueOptions: ['-n', '--server-num', '-s', '--server-args', '-f', '--auth-file', '-e', '--error-file', '-p', '--xauth-protocol', '-w', '--wait'] }),
  'dbus-run-session': prefix({ valueOptions: ['--config-file', '--dbus-daemon'] }),
  'systemd-run': prefix({ valueOptions: ['-p', '--property', '-u', '--unit', '-E', '--setenv', '--description', '--slice', '-M', '--machine', '-H', '--host', '--uid', '--gid', '--nice', '--working-directory', '--on-active', '--on-boot', '--on-calendar', '--timer-property'] }),
  'ssh-agent': prefix({ valueOptions: ['-a', '-E', '-t', '-P'] }),
  sg: prefix({ skip: 1, shellOptions: ['-c'] }),
  'nix-shell': prefix({ shellOptions: ['--run', '--command'], inertOptions: ['-p', '--packages'], skip: 99 }),
  script: prefix({ valueOptions: ['-E', '--echo', '-I', '--log-in', '-O', '--log-out', '-B', '--log-io', '-T', '--log-timing', '-m', '--logging-format'], shellOptions: ['-c', '--command'], skip: 99 }),
  direnv: prefix({ subcommand: ['exec'], skip: 1 }),
  dotenv: prefix({ valueOptions: ['-e', '-v', '-p', '-c'] }),
  dotenvx: prefix({ subcommand: ['run'], valueOptions: ['-f', '--env-file', '-e', '--env', '--convention', '-fk', '--env-keys-file'] }),
  op: prefix({ subcommand: ['run'], valueOptions: ['--env-file', '--account', '--environment'] }),
  doppler: prefix({ subcommand: ['run'], valueOptions: ['-p', '--project', '-c', '--config', '--token', '--scope', '--config-dir', '--mount', '--mount-format', '--fallback'], shellOptions: ['--command'] }),
  infisical: prefix({ subcommand: ['run'], valueOptions: ['--env', '--path', '--projectId', '--token', '--domain', '--tags'], shellOptions: ['--command'] }),
  'aws-vault': prefix({ subcommand: ['exec'], valueOptions: ['-d', '--duration', '-t', '--mfa-token', '--region', '--prompt', '--backend'], skip: 1 }),
  railway: prefix({ subcommand: ['run'], valueOptions: ['-s', '--service', '-e', '--environment', '-p', '--project'] }),
  uv: prefix({ subcommand: ['run'], valueOptions: ['--with', '--with-requirements', '-p', '--python', '--project', '--directory', '--env-file', '--package', '--group', '--extra', '--index', '--index-url', '--from'] }),
  poetry: prefix({ subcommand: ['run'], valueOptions: ['-C', '--directory', '-P', '--project'] }),
  pipenv: prefix({ subcommand: ['run'] }),
  pdm: prefix({ subcommand: ['run'], valueOptions: ['-p', '--project'] }),
  hatch: prefix({ subcommand: ['run'], valueOptions: ['-e', '--env'] }),
  rye: prefix({ subcommand: ['run'] }),
  bundle: prefix({ subcommand: ['exec'], valueOptions: ['--gemfile'] }),
  mise: prefix({ subcommand: ['exec', 'x'], requireDashDash: true }),
  rtx: prefix({ subcommand: ['exec', 'x'], requireDashDash: true }),
  asdf: prefix({ subcommand: ['exec'] }),
  fnm: prefix({ subcommand: ['exec'], valueOptions: ['--using'] }),
  volta: prefix({ subcommand: ['run'], valueOptions: ['--node', '--npm', '--pnpm', '--yarn', '--env'] }),
  devbox: prefix({ subcommand: ['run'] }),
  interlock: prefix({ subcommand: ['run'] }),
};

/**
 * Tools run under another name: versioned binaries (`helm3`, `kubectl1.29`) and jars of tools the
 * packs know (`java -jar bfg-1.14.0.jar …` is `bfg …`).
 */
const renamed = (to: string): Unwrapper => (argv) => (argv.length > 1 ? { kind: 'exec', argv: [lit(to), ...argv.slice(1)], via: argv[0].text } : null);
const JAR_TOOLS: Record<string, string> = { bfg: 'bfg', 'liquibase-core': 'liquibase', liquibase: 'liquibase', flyway: 'flyway' };

const java: Unwrapper = (argv) => {
  const jar = argv.findIndex((a) => a.text === '-jar');
  const file = jar >= 0 ? argv[jar + 1] : undefined;
  if (!file?.known) return null;
  const tool = /^([a-z-]+?)(-[\d.]+[\w.-]*)?\.jar$/.exec(file.text.split('/').pop() ?? '')?.[1];
  const to = tool && Object.hasOwn(JAR_TOOLS, tool) ? JAR_TOOLS[tool] : undefined;
  return to ? { kind: 'exec', argv: [lit(to), ...argv.slice(jar + 2)], via: `java -jar ${file.text}` } : null;
};

export const renamedTools: Record<string, Unwrapper> = { helm3: renamed('helm'), java };

/** `su`-style wrappers carry `-c` anywhere (`su - postgres -c "dropdb app"`), handled by `shellOptions`. */
export function isPrefixWrapper(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(prefixWrappers, name);
}

export type { Value };
