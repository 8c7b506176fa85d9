// Cline: an executable named PreToolUse in a hooks folder — project level .clinerules/hooks/, user
// level ~/Documents/Cline/Hooks/. Cline runs it with a fixed 30 s limit and must have hooks
// switched on (Settings → Features → Enable Hooks). One file per hook type: an existing
// PreToolUse that Interlock did not write is refused, not replaced.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InstallContext, Scope } from '../context.js';
import { clineScript, isManagedFile, managedFileChange } from '../scripts.js';
import type { ClientSpec } from '../spec.js';
import { isExecutable } from '../../util/path-lookup.js';

const target = (scope: Scope, ctx: InstallContext) =>
  scope === 'user' ? join(ctx.home, 'Documents', 'Cline', 'Hooks', 'PreToolUse') : join(ctx.project, '.clinerules', 'hooks', 'PreToolUse');

const ours = (path: string) => existsSync(path) && isManagedFile(readFileSync(path, 'utf8'));

export const cline: ClientSpec = {
  name: 'cline',
  title: 'Cline',
  binaries: ['cline'],
  configDirs: (ctx) => [join(ctx.home, 'Documents', 'Cline')],
  target,
  plan(scope, ctx) {
    const path = target(scope, ctx);
    return {
      changes: [managedFileChange(path, clineScript(ctx.launcher), 'a Cline PreToolUse hook')],
      probe: { kind: 'exec', path },
      notes: ['Cline runs hooks only when they are switched on: Settings → Features → Enable Hooks (CLI: cline config set hooks-enabled=true).'],
    };
  },
  unplan(scope, ctx) {
    const path = target(scope, ctx);
    return ours(path) ? [{ path, before: readFileSync(path, 'utf8'), after: undefined }] : [];
  },
  installed(scope, ctx) {
    const path = target(scope, ctx);
    return ours(path) ? [{ kind: 'exec', path }] : [];
  },
  checks(scope, ctx) {
    const path = target(scope, ctx);
    return ours(path) && !isExecutable(path) ? [{ ok: false, message: `${path} is not executable (chmod +x it)` }] : [];
  },
};
