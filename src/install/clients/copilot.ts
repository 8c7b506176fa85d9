// GitHub Copilot CLI: a hooks file of Interlock's own, {"version": 1, "hooks": {"preToolUse":
// [{type: "command", bash: command, timeoutSec}]}}. User level ~/.copilot/hooks/interlock.json (or
// $COPILOT_HOME/hooks), project level .github/hooks/interlock.json. No matcher: every tool call
// reaches Interlock, which has no opinion on tools other than the shell — the cost of a process
// per call buys protection should the shell tool ever be renamed. Copilot lets a tool run when a
// hook times out, so the timeout is set well above Interlock's own deadline.
import { join } from 'node:path';
import type { InstallContext } from '../context.js';
import { findFlat, removeFlat, upsertFlat } from '../hook-entries.js';
import { jsonClient } from '../json-client.js';
import { HOOK_TIMEOUT_SECONDS } from '../timeouts.js';

/** Seconds (Copilot's unit). */
export const COPILOT_TIMEOUT_S = HOOK_TIMEOUT_SECONDS;

export function copilotHome(ctx: InstallContext): string {
  return ctx.env.COPILOT_HOME || join(ctx.home, '.copilot');
}

export const copilot = jsonClient({
  name: 'copilot',
  title: 'GitHub Copilot CLI',
  binaries: ['copilot'],
  configDirs: (ctx) => [copilotHome(ctx)],
  file: (scope, ctx) => (scope === 'user' ? join(copilotHome(ctx), 'hooks', 'interlock.json') : join(ctx.project, '.github', 'hooks', 'interlock.json')),
  add(doc, command, path) {
    const base = doc.version === undefined ? { version: 1, ...doc } : doc;
    return upsertFlat(base, path, 'preToolUse', { type: 'command', bash: command, timeoutSec: COPILOT_TIMEOUT_S }, 'bash');
  },
  remove: (doc, path) => void removeFlat(doc, path, 'preToolUse', 'bash'),
  find: (doc) => findFlat(doc, 'preToolUse', 'bash'),
  boilerplate: ['version'],
  notes: (scope) => (scope === 'project' ? ['Copilot CLI loads repository hooks from the folder it runs in; the cloud agent uses the default branch.'] : []),
});
