// Claude Code: settings.json, hooks.PreToolUse = [{matcher: "Bash", hooks: [{type: "command",
// command, timeout (seconds)}]}]. User level ~/.claude/settings.json (or $CLAUDE_CONFIG_DIR),
// project level .claude/settings.json. From Claude Code 2.1.295 a command hook can say
// `onFailure: "block"` (a hook that cannot start, times out or exits oddly blocks the call
// instead of letting it run); it is written only when the installed `claude` is that recent,
// since older versions would not know the key.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { InstallContext, Scope } from '../context.js';
import { findNested, removeNested, upsertNested } from '../hook-entries.js';
import { jsonClient } from '../json-client.js';
import { HOOK_TIMEOUT_SECONDS } from '../timeouts.js';
import { which } from '../../util/path-lookup.js';

/** Seconds (Claude Code's unit). */
export const CLAUDE_TIMEOUT_S = HOOK_TIMEOUT_SECONDS;

export function claudeHome(ctx: InstallContext): string {
  return ctx.env.CLAUDE_CONFIG_DIR || join(ctx.home, '.claude');
}

function atLeast(version: string, minimum: number[]): boolean {
  const parts = /(\d+)\.(\d+)\.(\d+)/.exec(version)?.slice(1).map(Number);
  if (!parts) return false;
  for (let i = 0; i < 3; i++) if (parts[i] !== minimum[i]) return parts[i] > minimum[i];
  return true;
}

function supportsOnFailure(ctx: InstallContext): boolean {
  const binary = which('claude', ctx.env);
  if (!binary) return false;
  const result = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 5000, env: ctx.env });
  return result.status === 0 && atLeast(result.stdout ?? '', [2, 1, 295]);
}

export const claude = jsonClient({
  name: 'claude',
  title: 'Claude Code',
  binaries: ['claude'],
  configDirs: (ctx) => [claudeHome(ctx)],
  file: (scope: Scope, ctx) => (scope === 'user' ? join(claudeHome(ctx), 'settings.json') : join(ctx.project, '.claude', 'settings.json')),
  add(doc, command, path, _scope, ctx) {
    const handler: Record<string, unknown> = { type: 'command', command, timeout: CLAUDE_TIMEOUT_S };
    if (supportsOnFailure(ctx)) handler.onFailure = 'block';
    return upsertNested(doc, path, 'PreToolUse', { matcher: 'Bash' }, handler);
  },
  remove: (doc, path) => void removeNested(doc, path, 'PreToolUse'),
  find: (doc) => findNested(doc, 'PreToolUse'),
  notes: (scope) =>
    scope === 'project'
      ? ['The hook names this machine\'s Node and Interlock paths; teammates run `interlock install claude --project` on their own machines (or use .claude/settings.local.json).']
      : [],
});
