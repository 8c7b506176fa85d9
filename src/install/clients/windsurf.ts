// Windsurf (Cascade hooks): hooks.json, hooks.pre_run_command = [{command, show_output: true}].
// User level ~/.codeium/windsurf/hooks.json, project level .windsurf/hooks.json. Windsurf documents
// no per-hook timeout setting, so none is written (Interlock answers within ~2 s).
import { join } from 'node:path';
import { findFlat, removeFlat, upsertFlat } from '../hook-entries.js';
import { jsonClient } from '../json-client.js';

export const windsurf = jsonClient({
  name: 'windsurf',
  title: 'Windsurf',
  binaries: ['windsurf'],
  configDirs: (ctx) => [join(ctx.home, '.codeium', 'windsurf')],
  file: (scope, ctx) => (scope === 'user' ? join(ctx.home, '.codeium', 'windsurf', 'hooks.json') : join(ctx.project, '.windsurf', 'hooks.json')),
  // show_output lets the user see the block reason (and the approve command) in the Cascade panel.
  add: (doc, command, path) => upsertFlat(doc, path, 'pre_run_command', { command, show_output: true }),
  remove: (doc, path) => void removeFlat(doc, path, 'pre_run_command'),
  find: (doc) => findFlat(doc, 'pre_run_command'),
});
