// A careful fallback for CLIs no pack knows: a resource word that holds data (volume, database,
// bucket, cluster, project …) next to a destroying verb in the command path, as in
// `civo volume remove pg-data`, `exo dbaas delete prod-pg`, `acme-cli delete-bucket logs`.
// Programs that any pack describes are left to their pack (whose rules are precise), and local
// tooling (package managers, toolchains, local VM/cluster tools, editors) is never judged here.
import type { Analyser, AnalysisContext } from '../../types.js';
import type { RuleSet } from '../../rules/registry.js';
import { parseArgs } from '../../rules/argv.js';
import { isGlob } from '../../rules/pattern.js';
import { splitIdentifier } from '../verbs.js';

const RULE = 'unknown-cli.destructive-subcommand';
/** How many leading positionals form the command path. */
const PATH_WORDS = 3;
/** A subcommand word: no spaces, slashes, quotes or code (SQL text or a script is not a command path). */
const COMMAND_WORD = /^[A-Za-z][A-Za-z0-9:_.-]*$/;

const VERBS = new Set(['delete', 'destroy', 'purge', 'drop', 'wipe', 'nuke', 'terminate', 'remove', 'rm', 'del', 'erase', 'truncate']);
const RESOURCES = new Set([
  'database', 'databases', 'db', 'dbs', 'dbaas', 'volume', 'volumes', 'vol', 'bucket', 'buckets', 'backup', 'backups', 'snapshot',
  'snapshots', 'cluster', 'clusters', 'kubernetes', 'k8s', 'project', 'projects', 'service', 'services',
  'instance', 'instances', 'server', 'servers', 'disk', 'disks', 'table', 'tables', 'index', 'indices', 'indexes', 'namespace',
  'namespaces', 'environment', 'environments', 'stack', 'stacks', 'queue', 'queues', 'topic', 'topics', 'stream', 'streams',
  'keyspace', 'keyspaces', 'collection', 'collections', 'repo', 'repos', 'repository', 'repositories', 'site', 'sites', 'droplet',
  'droplets', 'machine', 'machines', 'vm', 'vms', 'store', 'stores', 'vault', 'vaults', 'storage', 'workspace', 'workspaces',
]);
/** Words that make the path about local or configuration objects, whatever else it says. */
const LOCAL_OBJECTS = new Set([
  'config', 'configuration', 'configurations', 'context', 'contexts', 'profile', 'profiles', 'alias', 'aliases', 'cache', 'caches',
  'local', 'credential', 'credentials', 'key', 'keys', 'token', 'tokens', 'plugin', 'plugins', 'extension', 'extensions',
  'package', 'packages', 'dependency', 'dependencies', 'template', 'templates', 'remote', 'remotes', 'tag', 'tags', 'label', 'labels',
]);
/** Local tooling whose "delete cluster", "remove env" or "rm app" never touches shared data. */
const LOCAL_TOOLS = new Set([
  'npm', 'pnpm', 'yarn', 'bun', 'npx', 'bunx', 'pip', 'pip3', 'pipx', 'uv', 'poetry', 'pipenv', 'conda', 'mamba', 'micromamba',
  'brew', 'apt', 'apt-get', 'dpkg', 'yum', 'dnf', 'zypper', 'pacman', 'apk', 'snap', 'flatpak', 'nix', 'nix-env', 'port', 'choco',
  'scoop', 'winget', 'cargo', 'rustup', 'go', 'gem', 'bundle', 'composer', 'pyenv', 'rbenv', 'nodenv', 'nvm', 'asdf', 'mise',
  'sdk', 'volta', 'fnm', 'kind', 'k3d', 'minikube', 'ctlptl', 'microk8s', 'multipass', 'vagrant', 'lima', 'limactl', 'colima',
  'orb', 'orbctl', 'tart', 'tmux', 'screen', 'code', 'cursor', 'git', 'hub', 'svn', 'hg', 'make', 'cmake', 'bazel', 'gradle',
  'mvn', 'ant', 'xcrun', 'adb', 'avdmanager', 'sdkmanager', 'flutter', 'pod', 'direnv', 'echo', 'printf', 'cat', 'grep', 'rg',
  'sed', 'awk', 'find', 'ls', 'cp', 'mv', 'rm', 'ln', 'mkdir', 'touch', 'chmod', 'chown', 'tar', 'zip', 'unzip', 'less', 'head',
  'tail', 'sort', 'jq', 'yq', 'man', 'help', 'which', 'type', 'test', 'true', 'false', 'interlock',
  // process managers: removing a process entry stops it, it deletes no data
  'pm2', 'supervisorctl', 'forever', 'systemctl', 'service', 'launchctl', 'initctl', 'rc-service', 'sv', 'nssm',
]);

/**
 * `volume delete`, `delete volume`, `delete-bucket`, `storage:destroy`, `autonomous-database delete`
 * in the command path: a verb and a resource inside one word, or ending and starting adjacent words.
 */
export function destructivePath(words: readonly string[]): boolean {
  const split = words.map((w) => splitIdentifier(w)).filter((parts) => parts.length > 0);
  if (split.some((parts) => parts.some((p) => LOCAL_OBJECTS.has(p)))) return false;
  for (let i = 0; i < split.length; i++) {
    const parts = split[i];
    if (parts.some((p) => VERBS.has(p)) && parts.some((p) => RESOURCES.has(p))) return true;
    const next = split[i + 1];
    if (!next) continue;
    const last = parts[parts.length - 1];
    const first = next[0];
    if ((RESOURCES.has(last) && VERBS.has(first)) || (VERBS.has(last) && RESOURCES.has(first))) return true;
  }
  return false;
}

export const unknownCli: Analyser = {
  name: 'platform.unknown-cli',
  commands: ['*'],
  analyse(cmd, ctx: AnalysisContext) {
    const name = cmd.name;
    if (!name || LOCAL_TOOLS.has(name) || cmd.argv.length < 2 || ctx.rules.describes(name)) return [];
    const parsed = parseArgs(cmd.argv.slice(1));
    if (parsed.flags.some((f) => f.name === '--dry-run' || f.name === '--help' || f.name === '-h')) return [];
    const path: string[] = [];
    for (const p of parsed.positionals) {
      if (path.length === PATH_WORDS || !COMMAND_WORD.test(p.value)) break;
      path.push(p.value);
    }
    if (!destructivePath(path)) return [];
    const rule = ctx.rules.byId.get(RULE);
    if (!rule || ctx.rules.isDisabled(rule)) return [];
    const target = parsed.positionals[path.length]?.value ?? path[path.length - 1];
    return [{ rule: rule.id, action: `${name} ${path.join(' ')}`, target, reason: rule.reason }];
  },
};
