// Gemini CLI: settings.json, hooks.BeforeTool = [{matcher: "run_shell_command", hooks: [{type:
// "command", name, command, timeout (milliseconds)}]}]. User level ~/.gemini/settings.json, project
// level .gemini/settings.json (project hooks do not run in untrusted folders).
import { join } from 'node:path';
import type { InstallContext, Scope } from '../context.js';
import { findNested, removeNested, upsertNested } from '../hook-entries.js';
import { jsonClient } from '../json-client.js';
import { HOOK_TIMEOUT_SECONDS } from '../timeouts.js';
import { readJsonFile } from '../json-file.js';
import type { Finding } from '../spec.js';

/** Milliseconds (Gemini's unit). */
export const GEMINI_TIMEOUT_MS = HOOK_TIMEOUT_SECONDS * 1000;

const file = (scope: Scope, ctx: InstallContext) => (scope === 'user' ? join(ctx.home, '.gemini', 'settings.json') : join(ctx.project, '.gemini', 'settings.json'));

/** Hooks switched off by one of the keys Gemini has used over time. */
function disabled(doc: Record<string, unknown>): string | undefined {
  const get = (path: string[]) => path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), doc);
  if (get(['hooksConfig', 'enabled']) === false) return 'hooksConfig.enabled is false';
  if (get(['hooks', 'enabled']) === false) return 'hooks.enabled is false';
  if (get(['tools', 'enableHooks']) === false) return 'tools.enableHooks is false';
  return undefined;
}

export const gemini = jsonClient({
  name: 'gemini',
  title: 'Gemini CLI',
  binaries: ['gemini'],
  configDirs: (ctx) => [join(ctx.home, '.gemini')],
  file,
  add: (doc, command, path) =>
    upsertNested(doc, path, 'BeforeTool', { matcher: 'run_shell_command' }, { type: 'command', name: 'interlock', command, timeout: GEMINI_TIMEOUT_MS, description: 'Interlock: hold destructive shell commands for out-of-band approval' }),
  remove: (doc, path) => void removeNested(doc, path, 'BeforeTool'),
  find: (doc) => findNested(doc, 'BeforeTool'),
  notes: (scope) => (scope === 'project' ? ['Gemini CLI runs project hooks only in trusted folders.'] : []),
  checks(scope, ctx): Finding[] {
    try {
      const why = disabled(readJsonFile(file(scope, ctx)).data);
      return why ? [{ ok: false, message: `Gemini hooks are switched off (${why})` }] : [];
    } catch {
      return [];
    }
  },
});
