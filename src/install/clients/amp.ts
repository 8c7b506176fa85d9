// Amp: a rule at the head of `amp.permissions` in Amp's settings file — {"tool": "Bash", "action":
// "delegate", "to": <program>} — so every Bash call is decided by Interlock's delegate program
// before any other rule or Amp's built-ins. User level ~/.config/amp/settings.json (or
// $AMP_SETTINGS_FILE), project level .amp/settings.json. The delegate program is a small script in
// Interlock's own config folder (Amp runs a program, not a command line).
import { join } from 'node:path';
import { resolvePaths } from '../../state/paths.js';
import type { FileChange } from '../changes.js';
import type { InstallContext, Scope } from '../context.js';
import { xdgConfig } from '../context.js';
import { cloneJson, formatJson, InstallError, readJsonFile, sameJson } from '../json-file.js';
import { ampDelegateScript, managedFileChange } from '../scripts.js';
import type { ClientSpec } from '../spec.js';

const KEY = 'amp.permissions';

const settingsFile = (scope: Scope, ctx: InstallContext) =>
  scope === 'user' ? ctx.env.AMP_SETTINGS_FILE || join(xdgConfig(ctx.env), 'amp', 'settings.json') : join(ctx.project, '.amp', 'settings.json');

export function ampDelegatePath(ctx: InstallContext): string {
  return join(resolvePaths(ctx.env).config, 'bin', 'interlock-amp-delegate');
}

type Rule = Record<string, unknown>;
const isOurs = (rule: unknown): boolean =>
  !!rule && typeof rule === 'object' && (rule as Rule).action === 'delegate' && typeof (rule as Rule).to === 'string' && /interlock/.test((rule as Rule).to as string);

function rules(doc: Record<string, unknown>, path: string): unknown[] {
  const list = doc[KEY];
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new InstallError(`${path}: "${KEY}" is not an array; refusing to edit it`);
  return list;
}

function settingsChange(path: string, edit: (list: unknown[]) => unknown[] | undefined): FileChange {
  const file = readJsonFile(path);
  const doc = cloneJson(file.data);
  const next = edit(rules(doc, path).slice());
  if (next === undefined) delete doc[KEY];
  else doc[KEY] = next;
  if (file.text !== undefined && sameJson(doc, file.data)) return { path, before: file.text, after: file.text };
  return { path, before: file.text, after: Object.keys(doc).length || file.text === undefined ? formatJson(doc, file.style) : undefined, mode: file.mode };
}

export const amp: ClientSpec = {
  name: 'amp',
  title: 'Amp',
  binaries: ['amp'],
  configDirs: (ctx) => [join(xdgConfig(ctx.env), 'amp')],
  target: settingsFile,
  plan(scope, ctx) {
    const delegate = ampDelegatePath(ctx);
    const rule = { tool: 'Bash', action: 'delegate', to: delegate };
    return {
      changes: [
        managedFileChange(delegate, ampDelegateScript(ctx.launcher), "Interlock's Amp delegate"),
        settingsChange(settingsFile(scope, ctx), (list) => [rule, ...list.filter((r) => !isOurs(r))]),
      ],
      probe: { kind: 'exec', path: delegate },
      notes: [
        'Amp now asks you before every Bash command Interlock does not block (Interlock never tells Amp "allow": that would skip the prompt Amp would otherwise show), and rejects the ones it holds.',
      ],
    };
  },
  unplan(scope, ctx) {
    const path = settingsFile(scope, ctx);
    const file = readJsonFile(path);
    if (!rules(file.data, path).some(isOurs)) return [];
    return [
      settingsChange(path, (list) => {
        const kept = list.filter((r) => !isOurs(r));
        return kept.length ? kept : undefined;
      }),
    ];
  },
  installed(scope, ctx) {
    try {
      const path = settingsFile(scope, ctx);
      return rules(readJsonFile(path).data, path)
        .filter(isOurs)
        .map((rule) => ({ kind: 'exec' as const, path: (rule as Rule).to as string }));
    } catch {
      return [];
    }
  },
  checks(scope, ctx) {
    try {
      const path = settingsFile(scope, ctx);
      const list = rules(readJsonFile(path).data, path);
      const index = list.findIndex(isOurs);
      return index > 0 ? [{ ok: false, message: `Interlock's delegate rule is #${index + 1} in ${KEY}; earlier rules can allow Bash commands before Interlock sees them (reinstall to move it first)` }] : [];
    } catch (error) {
      return [{ ok: false, message: (error as Error).message }];
    }
  },
};
