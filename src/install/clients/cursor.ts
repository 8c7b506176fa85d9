// Cursor: hooks.json ("version": 1), hooks.beforeShellExecution = [{command, timeout (seconds),
// failClosed: true}]. failClosed makes Cursor block the command when the hook crashes, times out
// or prints invalid JSON, instead of running it. User level ~/.cursor/hooks.json, project level
// .cursor/hooks.json (project hooks run only in trusted workspaces).
import { join } from 'node:path';
import { findFlat, removeFlat, upsertFlat } from '../hook-entries.js';
import { jsonClient } from '../json-client.js';
import { HOOK_TIMEOUT_SECONDS } from '../timeouts.js';

/** Seconds (Cursor's unit). */
export const CURSOR_TIMEOUT_S = HOOK_TIMEOUT_SECONDS;

export const cursor = jsonClient({
  name: 'cursor',
  title: 'Cursor',
  binaries: ['cursor-agent', 'cursor'],
  configDirs: (ctx) => [join(ctx.home, '.cursor')],
  file: (scope, ctx) => (scope === 'user' ? join(ctx.home, '.cursor', 'hooks.json') : join(ctx.project, '.cursor', 'hooks.json')),
  add(doc, command, path) {
    const base = doc.version === undefined ? { version: 1, ...doc } : doc;
    return upsertFlat(base, path, 'beforeShellExecution', { command, timeout: CURSOR_TIMEOUT_S, failClosed: true });
  },
  remove: (doc, path) => void removeFlat(doc, path, 'beforeShellExecution'),
  find: (doc) => findFlat(doc, 'beforeShellExecution'),
  boilerplate: ['version'],
  notes: (scope) => (scope === 'project' ? ['Cursor runs project hooks only in a trusted workspace. Restart Cursor to load the hook.'] : ['Restart Cursor to load the hook.']),
});
