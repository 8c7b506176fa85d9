// The common shape of clients configured through one JSON file: read it (refusing invalid JSON),
// apply an edit to a copy, and turn the result into a FileChange — or into no change at all when
// Interlock's entry is already there as it would write it.
import { existsSync } from 'node:fs';
import type { FileChange } from './changes.js';
import type { InstallContext, Scope } from './context.js';
import { cloneJson, formatJson, readJsonFile, sameJson } from './json-file.js';
import { hookCommand } from './launcher.js';
import type { Probe } from './probe.js';
import type { ClientSpec, Finding, InstallPlan } from './spec.js';

type Json = Record<string, unknown>;

export interface JsonClientOptions {
  name: string;
  title: string;
  binaries: string[];
  configDirs(ctx: InstallContext): string[];
  file(scope: Scope, ctx: InstallContext): string;
  /** Adds or updates Interlock's hook in `doc` (a copy; edit in place or return a new object). */
  add(doc: Json, command: string, path: string, scope: Scope, ctx: InstallContext): Json;
  /** Removes Interlock's hooks from `doc` (a copy, edited in place). */
  remove(doc: Json, path: string): void;
  /** The hook commands of Interlock's entries in `doc`. */
  find(doc: Json): string[];
  /** Keys that alone do not make a file worth keeping after uninstall (e.g. "version"). */
  boilerplate?: string[];
  notes?(scope: Scope, ctx: InstallContext): string[];
  checks?(scope: Scope, ctx: InstallContext): Finding[];
}

export function jsonClient(options: JsonClientOptions): ClientSpec {
  const change = (path: string, edit: (doc: Json) => Json, deleteIfEmpty = false): FileChange => {
    const file = readJsonFile(path);
    const next = edit(cloneJson(file.data));
    if (file.text !== undefined && sameJson(next, file.data)) return { path, before: file.text, after: file.text };
    // Uninstall: a file left with nothing but boilerplate ({} or {"version": 1}) goes too.
    const empty = Object.keys(next).every((key) => (options.boilerplate ?? []).includes(key));
    return { path, before: file.text, after: deleteIfEmpty && empty ? undefined : formatJson(next, file.style), mode: file.mode };
  };
  return {
    name: options.name,
    title: options.title,
    binaries: options.binaries,
    configDirs: options.configDirs,
    target: options.file,
    plan(scope, ctx): InstallPlan {
      const path = options.file(scope, ctx);
      const command = hookCommand(ctx.launcher, options.name);
      return {
        changes: [change(path, (doc) => options.add(doc, command, path, scope, ctx))],
        probe: { kind: 'shell', command },
        notes: options.notes?.(scope, ctx) ?? [],
      };
    },
    unplan(scope, ctx) {
      const path = options.file(scope, ctx);
      if (!existsSync(path)) return [];
      const removal = (doc: Json) => {
        options.remove(doc, path);
        return doc;
      };
      return [change(path, removal, true)];
    },
    installed(scope, ctx): Probe[] {
      const path = options.file(scope, ctx);
      if (!existsSync(path)) return [];
      try {
        return options.find(readJsonFile(path).data).map((command) => ({ kind: 'shell', command }));
      } catch {
        return [];
      }
    },
    checks: options.checks,
  };
}
