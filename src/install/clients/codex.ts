// Codex CLI: hooks.json with events under the top-level "hooks" key (the root may hold only
// "hooks" and "description": Codex refuses a file with any other root key, `$schema` included),
// hooks.PreToolUse = [{matcher, hooks: [{type: "command", command, timeout (seconds),
// statusMessage}]}]. User level $CODEX_HOME/hooks.json (~/.codex), project level .codex/hooks.json.
// Hooks are on by default in current Codex; `[features] hooks = false` (or the older
// `codex_hooks = false`) in config.toml switches them off. Codex asks the user to review and
// trust a new hook before running it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InstallContext, Scope } from '../context.js';
import { findNested, removeNested, upsertNested } from '../hook-entries.js';
import { jsonClient } from '../json-client.js';
import { HOOK_TIMEOUT_SECONDS } from '../timeouts.js';
import { InstallError } from '../json-file.js';
import type { Finding } from '../spec.js';

/** Seconds (Codex's unit). */
export const CODEX_TIMEOUT_S = HOOK_TIMEOUT_SECONDS;
/** Codex's matcher is a regex on the tool name; shell tools are reported as Bash, older builds used these. */
export const CODEX_MATCHER = 'Bash|shell|exec_command|unified_exec|container\\.exec|terminal';

export function codexHome(ctx: InstallContext): string {
  return ctx.env.CODEX_HOME || join(ctx.home, '.codex');
}

const folder = (scope: Scope, ctx: InstallContext) => (scope === 'user' ? codexHome(ctx) : join(ctx.project, '.codex'));

/** `[features] hooks = false` / `codex_hooks = false` in config.toml, if set. */
export function codexHooksSwitchedOff(configToml: string): string | undefined {
  let section = '';
  for (const raw of configToml.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    const header = /^\[\s*([^\]]+?)\s*\]$/.exec(line);
    if (header) {
      section = header[1];
      continue;
    }
    const flat = /^features\.(hooks|codex_hooks)\s*=\s*false\b/.exec(line);
    if (flat && section === '') return `features.${flat[1]} = false`;
    const key = /^(hooks|codex_hooks)\s*=\s*false\b/.exec(line);
    if (key && section === 'features') return `[features] ${key[1]} = false`;
  }
  return undefined;
}

export const codex = jsonClient({
  name: 'codex',
  title: 'Codex CLI',
  binaries: ['codex'],
  configDirs: (ctx) => [codexHome(ctx)],
  file: (scope, ctx) => join(folder(scope, ctx), 'hooks.json'),
  add(doc, command, path) {
    const extra = Object.keys(doc).filter((key) => key !== 'hooks' && key !== 'description');
    if (extra.length) throw new InstallError(`${path} has root keys Codex does not accept (${extra.join(', ')}); Codex would ignore the whole file. Fix it first.`);
    return upsertNested(doc, path, 'PreToolUse', { matcher: CODEX_MATCHER }, { type: 'command', command, timeout: CODEX_TIMEOUT_S, statusMessage: 'Interlock: checking the command' });
  },
  remove: (doc, path) => void removeNested(doc, path, 'PreToolUse'),
  find: (doc) => findNested(doc, 'PreToolUse'),
  notes: () => ['Codex asks you to review and trust a new hook before it runs: open Codex and accept it (/hooks lists hooks).'],
  checks(scope, ctx): Finding[] {
    const findings: Finding[] = [];
    for (const config of [join(codexHome(ctx), 'config.toml'), join(folder(scope, ctx), 'config.toml')]) {
      if (!existsSync(config)) continue;
      const off = codexHooksSwitchedOff(readFileSync(config, 'utf8'));
      if (off) findings.push({ ok: false, message: `Codex hooks are switched off in ${config} (${off})` });
    }
    return findings;
  },
});
