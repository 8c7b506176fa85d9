// Commands that run another command on a different machine or container. The inner command is
// analysed as if typed there, with `remote` naming where.
import { scanOptions, optionWord } from '../options.js';
import { joinWords, lit, type Unwrapped, type Unwrapper } from './types.js';

const SSH_VALUES = ['-B', '-b', '-c', '-D', '-E', '-e', '-F', '-I', '-i', '-J', '-L', '-l', '-m', '-O', '-o', '-P', '-p', '-Q', '-R', '-S', '-W', '-w'];

const ssh: Unwrapper = (argv) => {
  const scan = scanOptions(argv, 1, SSH_VALUES);
  const host = argv[scan.index];
  const rest = argv.slice(scan.index + 1);
  if (!host) return { kind: 'inert' };
  // Dokku's ssh user runs dokku commands (`ssh dokku@host apps:destroy app --force`).
  if (/^dokku@/.test(host.text) && rest.length) {
    const words = rest[0].text === '--' ? rest.slice(1) : rest;
    return { kind: 'exec', argv: [lit('dokku'), ...words], via: `ssh ${host.text}`, remote: host.text };
  }
  // With no command ssh opens a login shell that reads stdin (`ssh host <<EOF … EOF`).
  if (rest.length === 0) return { kind: 'stdin-shell', via: `ssh ${host.text}`, remote: host.text };
  return { kind: 'shell', text: joinWords(rest), via: `ssh ${host.text}`, remote: host.text };
};

/**
 * `dokku run app cmd…` runs the words in a one-off container of the app; `dokku enter app
 * [process-type] [cmd…]` in a running one (the first word may be the process type, so both
 * readings are checked).
 */
const dokku: Unwrapper = (argv) => {
  const sub = argv[1]?.text;
  const app = argv[2]?.text ?? 'app';
  const rest = argv.slice(3);
  if (sub === 'run' || sub === 'run:detached') {
    return rest.length ? { kind: 'shell', text: joinWords(rest), via: `dokku ${sub}`, remote: `dokku ${app}` } : { kind: 'inert' };
  }
  if (sub === 'enter' && rest.length) {
    const readings = rest.length > 1 ? [rest, rest.slice(1)] : [rest];
    return { kind: 'many', commands: readings.map((words) => ({ argv: words, via: 'dokku enter' })), keepSelf: false, remote: `dokku ${app}` };
  }
  return null;
};

const DOCKER_GLOBAL = ['-H', '--host', '-c', '--context', '--config', '-l', '--log-level', '--tlscacert', '--tlscert', '--tlskey'];
const DOCKER_EXEC = ['-e', '--env', '--env-file', '-u', '--user', '-w', '--workdir', '--detach-keys'];
const DOCKER_RUN = [
  ...DOCKER_EXEC, '-v', '--volume', '--mount', '-p', '--publish', '--name', '--network', '--net', '--entrypoint', '-l', '--label',
  '--label-file', '--platform', '-m', '--memory', '--cpus', '-h', '--hostname', '--add-host', '--restart', '--pull', '--cap-add',
  '--cap-drop', '--device', '--tmpfs', '--log-driver', '--log-opt', '--health-cmd', '--gpus', '--shm-size', '--ulimit', '--ipc',
  '--pid', '--dns', '--expose', '--link', '--network-alias', '--security-opt', '--stop-signal', '--stop-timeout', '--volumes-from',
  '--cidfile', '--cgroupns', '--runtime', '--userns', '--uts', '-a', '--attach', '--memory-swap', '--cpu-shares', '-c',
];
const COMPOSE_GLOBAL = ['-f', '--file', '-p', '--project-name', '--profile', '--env-file', '--project-directory', '--ansi', '--progress', '--parallel'];
const COMPOSE_RUN = [...DOCKER_RUN, '--service-ports'];

function compose(argv: Parameters<Unwrapper>[0], from: number, tool: string): Unwrapped | null {
  const global = scanOptions(argv, from, COMPOSE_GLOBAL);
  const sub = argv[global.index]?.text;
  if (sub !== 'exec' && sub !== 'run') return null;
  const scan = scanOptions(argv, global.index + 1, sub === 'run' ? COMPOSE_RUN : DOCKER_EXEC);
  const service = argv[scan.index];
  const rest = argv.slice(scan.index + 1);
  if (!service || rest.length === 0) return { kind: 'inert' };
  return { kind: 'exec', argv: rest, via: `${tool} ${sub} ${service.text}`, remote: `container ${service.text}` };
}

function docker(argv: Parameters<Unwrapper>[0]): Unwrapped | null {
  const tool = argv[0].text.split('/').pop() ?? 'docker';
  if (tool.endsWith('-compose')) return compose(argv, 1, tool);
  const global = scanOptions(argv, 1, DOCKER_GLOBAL);
  let i = global.index;
  let sub = argv[i]?.text;
  if (sub === 'compose') return compose(argv, i + 1, `${tool} compose`);
  if (sub === 'container') sub = argv[++i]?.text;
  if (sub !== 'exec' && sub !== 'run') return null;
  const scan = scanOptions(argv, i + 1, sub === 'run' ? DOCKER_RUN : DOCKER_EXEC);
  const target = argv[scan.index];
  const rest = argv.slice(scan.index + 1);
  if (!target || rest.length === 0) return { kind: 'inert' };
  return { kind: 'exec', argv: rest, via: `${tool} ${sub} ${target.text}`, remote: `container ${target.text}` };
}

const KUBECTL_GLOBAL = ['-n', '--namespace', '--context', '--kubeconfig', '-s', '--server', '--cluster', '--user', '--token', '--as', '--request-timeout'];
const KUBECTL_EXEC = [...KUBECTL_GLOBAL, '-c', '--container', '--pod-running-timeout', '-f', '--filename'];

const kubectl: Unwrapper = (argv) => {
  const global = scanOptions(argv, 1, KUBECTL_GLOBAL);
  const sub = argv[global.index]?.text;
  if (sub === 'run' || sub === 'debug') {
    // `kubectl run tmp --rm -it --image=redis -- redis-cli FLUSHALL`: the words after `--` run in
    // the new pod (as its command with --command, else as arguments its image's entrypoint runs).
    const dashDash = argv.findIndex((a, i) => i > global.index && a.text === '--');
    if (dashDash < 0) return null;
    const rest = argv.slice(dashDash + 1);
    const name = argv.slice(global.index + 1, dashDash).find((a) => !a.text.startsWith('-'))?.text ?? 'pod';
    return rest.length ? { kind: 'exec', argv: rest, via: `${argv[0].text} ${sub} ${name}`, remote: `pod ${name}` } : { kind: 'inert' };
  }
  if (sub !== 'exec') return null;
  const dashDash = argv.findIndex((a, i) => i > global.index && a.text === '--');
  const scan = scanOptions(argv, global.index + 1, KUBECTL_EXEC);
  const pod = argv[scan.index];
  const rest = dashDash >= 0 ? argv.slice(dashDash + 1) : argv.slice(scan.index + 1);
  if (!pod || rest.length === 0) return { kind: 'inert' };
  return { kind: 'exec', argv: rest, via: `${argv[0].text} exec ${pod.text}`, remote: `pod ${pod.text}` };
};

/**
 * `heroku run [-a app] cmd…` runs the words in a one-off dyno's shell; `heroku redis:cli` is a
 * redis-cli on the app's Redis, reading commands from stdin (`echo FLUSHALL | heroku redis:cli`).
 */
const heroku: Unwrapper = (argv) => {
  const scan = scanOptions(argv, 1, []);
  if (argv[scan.index]?.text === 'redis:cli') {
    const opts = scanOptions(argv, scan.index + 1, ['-a', '--app', '-r', '--remote', '-c', '--confirm']);
    const app = opts.found.get('-a') ?? opts.found.get('--app');
    return { kind: 'exec', argv: [{ text: 'redis-cli', known: true }], via: 'heroku redis:cli', remote: `heroku ${typeof app === 'string' ? app : 'redis'}` };
  }
  if (argv[scan.index]?.text !== 'run' && argv[scan.index]?.text !== 'run:detached') return null;
  const opts = scanOptions(argv, scan.index + 1, ['-a', '--app', '-r', '--remote', '-s', '--size', '-e', '--env', '--type']);
  const rest = argv.slice(opts.index);
  const app = opts.found.get('-a') ?? opts.found.get('--app');
  if (rest.length === 0) return { kind: 'inert' };
  return { kind: 'shell', text: joinWords(rest), via: 'heroku run', remote: `heroku ${typeof app === 'string' ? app : 'dyno'}` };
};

/** `fly ssh console -C 'cmd'`, `fly machine exec <id> 'cmd'`. */
const fly: Unwrapper = (argv) => {
  const words = argv.map((a) => a.text);
  if (words[1] === 'ssh' && words[2] === 'console') {
    const text = optionWord(argv, 3, argv.length, ['-C', '--command']);
    return text ? { kind: 'shell', text, via: 'fly ssh console', remote: 'fly machine' } : { kind: 'inert' };
  }
  if ((words[1] === 'machine' || words[1] === 'machines') && words[2] === 'exec') {
    const scan = scanOptions(argv, 3, ['-a', '--app', '--timeout', '-c', '--config']);
    const rest = argv.slice(scan.index + 1);
    return rest.length ? { kind: 'shell', text: joinWords(rest), via: 'fly machine exec', remote: 'fly machine' } : { kind: 'inert' };
  }
  return null;
};

/** `gcloud compute ssh vm --command='…'`, `vagrant ssh -c '…'`. */
const gcloud: Unwrapper = (argv) => {
  if (argv[1]?.text !== 'compute' || argv[2]?.text !== 'ssh') return null;
  const text = optionWord(argv, 3, argv.length, ['--command']);
  return text ? { kind: 'shell', text, via: 'gcloud compute ssh', remote: argv[3]?.text } : { kind: 'inert' };
};

const vagrant: Unwrapper = (argv) => {
  if (argv[1]?.text !== 'ssh') return null;
  const text = optionWord(argv, 2, argv.length, ['-c', '--command']);
  return text ? { kind: 'shell', text, via: 'vagrant ssh', remote: 'vagrant' } : { kind: 'inert' };
};

/** `multipass exec vm -- cmd`, `lxc exec ctr -- cmd`, `incus exec ctr -- cmd`. */
const execDashDash: Unwrapper = (argv) => {
  if (argv[1]?.text !== 'exec') return null;
  const dashDash = argv.findIndex((a) => a.text === '--');
  if (dashDash < 0 || dashDash + 1 >= argv.length) return { kind: 'inert' };
  const target = argv[2]?.text ?? '';
  return { kind: 'exec', argv: argv.slice(dashDash + 1), via: `${argv[0].text} exec ${target}`, remote: target };
};

/**
 * `caprover api -t /user/apps/appDefinitions/delete -m POST -d '{…}'` is an HTTP call to the
 * CapRover server: judged as the equivalent curl request.
 */
const caprover: Unwrapper = (argv) => {
  if (argv[1]?.text !== 'api') return null;
  const scan = scanOptions(argv, 2, ['-u', '--caproverUrl', '-c', '--caproverName', '-p', '--caproverPassword', '-t', '--path', '-m', '--method', '-d', '--data', '-n', '--configFile']);
  const value = (...names: string[]) => names.map((n) => scan.found.get(n)).find((v): v is string => typeof v === 'string');
  const path = value('-t', '--path');
  if (!path) return { kind: 'inert' };
  const server = value('-u', '--caproverUrl') ?? `https://${value('-c', '--caproverName') ?? 'caprover'}.caprover`;
  const data = value('-d', '--data');
  const curl = ['curl', '-X', (value('-m', '--method') ?? 'GET').toUpperCase(), `${server.replace(/\/+$/, '')}/api/v2${path.startsWith('/') ? '' : '/'}${path}`, ...(data ? ['-d', data] : [])];
  return { kind: 'exec', argv: curl.map(lit), via: 'caprover api' };
};

export const remoteWrappers: Record<string, Unwrapper> = {
  caprover,
  ssh,
  docker,
  podman: docker,
  nerdctl: docker,
  'docker-compose': docker,
  'podman-compose': docker,
  kubectl,
  oc: kubectl,
  heroku,
  dokku,
  fly,
  flyctl: fly,
  gcloud,
  vagrant,
  multipass: execDashDash,
  lxc: execDashDash,
  incus: execDashDash,
};
