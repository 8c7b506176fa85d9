// OpenCode: Interlock's plugin file (hooks/opencode/interlock.js) copied into a plugins folder —
// project level .opencode/plugins/, user level ~/.config/opencode/plugins/ — with the absolute
// paths of Node and the Interlock CLI written into it. OpenCode loads every file there at start.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InstallContext, Scope } from '../context.js';
import { xdgConfig } from '../context.js';
import { InstallError } from '../json-file.js';
import { shippedFile, type Launcher } from '../launcher.js';
import type { ClientSpec } from '../spec.js';

const HEADER = '// Interlock for OpenCode';
const COMMAND_LINE = /^const INTERLOCK = \[.*\];$/m;

const target = (scope: Scope, ctx: InstallContext) =>
  scope === 'user' ? join(xdgConfig(ctx.env), 'opencode', 'plugins', 'interlock.js') : join(ctx.project, '.opencode', 'plugins', 'interlock.js');

const ours = (path: string) => existsSync(path) && readFileSync(path, 'utf8').startsWith(HEADER);

export function opencodePlugin(launcher: Launcher): string {
  const source = readFileSync(shippedFile(launcher, 'hooks', 'opencode', 'interlock.js'), 'utf8');
  if (!COMMAND_LINE.test(source)) throw new InstallError('the shipped OpenCode plugin has no `const INTERLOCK = [...]` line to fill in');
  return source.replace(COMMAND_LINE, `const INTERLOCK = ${JSON.stringify([launcher.node, launcher.cli])};`);
}

export const opencode: ClientSpec = {
  name: 'opencode',
  title: 'OpenCode',
  binaries: ['opencode'],
  configDirs: (ctx) => [join(xdgConfig(ctx.env), 'opencode')],
  target,
  plan(scope, ctx) {
    const path = target(scope, ctx);
    const before = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    if (before !== undefined && !before.startsWith(HEADER)) throw new InstallError(`${path} exists and is not Interlock's plugin; refusing to replace it`);
    return { changes: [{ path, before, after: opencodePlugin(ctx.launcher), mode: 0o644 }], probe: { kind: 'plugin', path }, notes: ['Restart OpenCode to load the plugin.'] };
  },
  unplan(scope, ctx) {
    const path = target(scope, ctx);
    return ours(path) ? [{ path, before: readFileSync(path, 'utf8'), after: undefined }] : [];
  },
  installed(scope, ctx) {
    const path = target(scope, ctx);
    return ours(path) ? [{ kind: 'plugin', path }] : [];
  },
};
