// Package runners: npx/pnpm/yarn/bun/uvx run a package's binary, `npm run x` a package.json script.
import { scanOptions, optionWord } from '../options.js';
import type { Value } from '../scope.js';
import type { Unwrapped, Unwrapper } from './types.js';
import { own } from '../../util/own.js';

/** npm package names whose binary is named differently. */
const PACKAGE_BINS: Record<string, string> = {
  'netlify-cli': 'netlify',
  '@railway/cli': 'railway',
  'aws-cdk': 'cdk',
  'firebase-tools': 'firebase',
  '@prisma/cli': 'prisma',
  '@cloudflare/wrangler': 'wrangler',
  '@planetscale/cli': 'pscale',
  '@heroku/cli': 'heroku',
  '@supabase/cli': 'supabase',
  '@neondatabase/cli': 'neonctl',
  '@turso/cli': 'turso',
  'cdktf-cli': 'cdktf',
  '@angular/cli': 'ng',
};

/** `prisma@5.1.0` → prisma, `@railway/cli@latest` → railway. */
export function binOfPackage(spec: string): string {
  const at = spec.indexOf('@', 1);
  const name = at > 0 ? spec.slice(0, at) : spec;
  return own(PACKAGE_BINS, name) ?? (name.startsWith('@') ? name.slice(name.indexOf('/') + 1) : name);
}

function runPackage(argv: Value[], from: number, via: string): Unwrapped {
  const scan = scanOptions(argv, from, ['-p', '--package', '-c', '--call', '--cache', '--userconfig', '-w', '--workspace', '--registry', '--from', '--with', '--python']);
  const call = optionWord(argv, from, scan.index, ['-c', '--call']);
  if (call) return { kind: 'shell', text: call, via: `${via} -c` };
  const first = argv[scan.index];
  if (!first) return { kind: 'inert' };
  const explicitPackage = scan.found.has('-p') || scan.found.has('--package') || scan.found.has('--from');
  const bin = explicitPackage ? first.text : binOfPackage(first.text);
  return { kind: 'exec', argv: [{ text: bin, known: first.known }, ...argv.slice(scan.index + 1)], via };
}

function script(argv: Value[], index: number, via: string): Unwrapped {
  const name = argv[index];
  if (!name) return { kind: 'inert' };
  const rest = argv.slice(index + 1);
  const args = rest[0]?.text === '--' ? rest.slice(1) : rest;
  return { kind: 'package-script', script: name.text, args, via: `${via} ${name.text}` };
}

const npx: Unwrapper = (argv) => runPackage(argv, 1, 'npx');

const npm: Unwrapper = (argv) => {
  const scan = scanOptions(argv, 1, ['-w', '--workspace', '--prefix', '-C']);
  const sub = argv[scan.index]?.text;
  if (sub === 'exec' || sub === 'x') return runPackage(argv, scan.index + 1, `npm ${sub}`);
  if (sub === 'run' || sub === 'run-script' || sub === 'rum' || sub === 'urn') return script(argv, scanOptions(argv, scan.index + 1, ['-w', '--workspace']).index, 'npm run');
  if (sub === 'start' || sub === 'stop' || sub === 'restart' || sub === 'test' || sub === 't' || sub === 'tst') {
    const name = sub === 't' || sub === 'tst' ? 'test' : sub;
    return script([...argv.slice(0, scan.index), { text: name, known: true }, ...argv.slice(scan.index + 1)], scan.index, 'npm');
  }
  return null;
};

const PNPM_BUILTINS = new Set(['add', 'install', 'i', 'remove', 'rm', 'uninstall', 'un', 'update', 'up', 'upgrade', 'list', 'ls', 'll', 'la', 'outdated', 'audit', 'why', 'publish', 'pack', 'link', 'ln', 'unlink', 'store', 'init', 'create', 'import', 'rebuild', 'rb', 'prune', 'fetch', 'patch', 'patch-commit', 'licenses', 'env', 'setup', 'server', 'root', 'bin', 'config', 'c', 'deploy', 'doctor', 'dedupe', 'self-update', 'approve-builds', 'help', 'install-test', 'it', 'ci', 'cache']);
const YARN_BUILTINS = new Set(['add', 'remove', 'install', 'upgrade', 'up', 'info', 'init', 'publish', 'cache', 'config', 'global', 'link', 'unlink', 'outdated', 'why', 'workspaces', 'set', 'plugin', 'version', 'pack', 'npm', 'dedupe', 'constraints', 'explain', 'patch', 'rebuild', 'unplug', 'bin', 'create', 'import', 'audit', 'autoclean', 'check', 'licenses', 'list', 'login', 'logout', 'owner', 'policies', 'tag', 'team', 'help', 'upgrade-interactive']);
const BUN_BUILTINS = new Set(['install', 'i', 'add', 'a', 'remove', 'rm', 'update', 'link', 'unlink', 'pm', 'init', 'create', 'c', 'upgrade', 'build', 'test', 'repl', 'outdated', 'publish', 'audit', 'patch', 'info', 'help']);

/** pnpm/yarn/bun: `tool x` runs script x when package.json has it, else the binary x. */
function manager(tool: 'pnpm' | 'yarn' | 'bun', builtins: Set<string>): Unwrapper {
  return (argv, io) => {
    const scan = scanOptions(argv, 1, ['--filter', '-F', '-C', '--dir', '--cwd', '--reporter', '--loglevel', '--workspace-concurrency']);
    const sub = argv[scan.index]?.text;
    if (!sub) return null;
    if (sub === 'exec') {
      const from = argv[scan.index + 1]?.text === '--' ? scan.index + 2 : scan.index + 1;
      const rest = argv.slice(from);
      return rest.length ? { kind: 'exec', argv: rest, via: `${tool} exec` } : { kind: 'inert' };
    }
    if (sub === 'dlx' || sub === 'x') return runPackage(argv, scan.index + 1, `${tool} ${sub}`);
    if (sub === 'run' || sub === 'run-script') {
      const name = argv[scan.index + 1];
      if (tool !== 'pnpm' && name && !io.hasPackageScript(name.text)) {
        return { kind: 'exec', argv: argv.slice(scan.index + 1), via: `${tool} run` };
      }
      return script(argv, scan.index + 1, `${tool} run`);
    }
    if (tool === 'yarn' && sub === 'workspace') {
      const rest = argv.slice(scan.index + 2);
      return rest.length ? { kind: 'exec', argv: [argv[0], ...rest], via: `yarn workspace ${argv[scan.index + 1]?.text ?? ''}` } : { kind: 'inert' };
    }
    if (tool === 'yarn' && sub === 'node') return { kind: 'exec', argv: [{ text: 'node', known: true }, ...argv.slice(scan.index + 1)], via: 'yarn node' };
    if (sub === 'test' || sub === 'start' || sub === 'stop' || sub === 'restart') {
      if (io.hasPackageScript(sub)) return script(argv, scan.index, tool);
      return null;
    }
    if (builtins.has(sub) || sub.startsWith('-')) return null;
    if (io.hasPackageScript(sub)) return script(argv, scan.index, tool);
    return { kind: 'exec', argv: argv.slice(scan.index), via: tool };
  };
}

const bunx: Unwrapper = (argv) => runPackage(argv, 1, 'bunx');
const uvx: Unwrapper = (argv) => runPackage(argv, 1, 'uvx');
const pipx: Unwrapper = (argv) => (argv[1]?.text === 'run' ? runPackage(argv, 2, 'pipx run') : null);

export const packageRunners: Record<string, Unwrapper> = {
  npx,
  npm,
  pnpm: manager('pnpm', PNPM_BUILTINS),
  yarn: manager('yarn', YARN_BUILTINS),
  bun: manager('bun', BUN_BUILTINS),
  bunx,
  uvx,
  pipx,
};
