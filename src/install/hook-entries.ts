// Editing the hook lists inside a client's JSON config. Two layouts exist:
//   nested (Claude Code, Gemini CLI, Codex): hooks.<Event> = [{matcher, hooks: [{type, command, …}]}]
//   flat (Cursor, Windsurf, Copilot):        hooks.<Event> = [{command, …}]
// Interlock's entry is recognised by its command, updated in place when present (so installing
// twice changes nothing), and removed together with any container that removal leaves empty.
import { isInterlockCommand } from './launcher.js';
import { InstallError } from './json-file.js';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** doc.hooks (created when missing), refusing shapes Interlock does not understand. */
function hooksObject(doc: Json, path: string, create: boolean): Json | undefined {
  if (doc.hooks === undefined) {
    if (!create) return undefined;
    doc.hooks = {};
  }
  if (!isObject(doc.hooks)) throw new InstallError(`${path}: "hooks" is not an object; refusing to edit it`);
  return doc.hooks;
}

function eventList(hooks: Json, event: string, path: string, create: boolean): unknown[] | undefined {
  if (hooks[event] === undefined) {
    if (!create) return undefined;
    hooks[event] = [];
  }
  const list = hooks[event];
  if (!Array.isArray(list)) throw new InstallError(`${path}: "hooks.${event}" is not an array; refusing to edit it`);
  return list;
}

function dropEmpty(doc: Json, event: string): void {
  const hooks = doc.hooks as Json;
  if (Array.isArray(hooks[event]) && (hooks[event] as unknown[]).length === 0) delete hooks[event];
  if (Object.keys(hooks).length === 0) delete doc.hooks;
}

const ours = (handler: unknown, key: string): boolean => isObject(handler) && isInterlockCommand(handler[key]);

/** Puts Interlock's handler into a nested layout; returns the doc (edited in place). */
export function upsertNested(doc: Json, path: string, event: string, group: Json, handler: Json, key = 'command'): Json {
  const list = eventList(hooksObject(doc, path, true)!, event, path, true)!;
  let placed = false;
  for (let g = 0; g < list.length; g++) {
    const entry = list[g];
    if (!isObject(entry) || !Array.isArray(entry.hooks)) continue;
    for (let h = 0; h < entry.hooks.length; h++) {
      if (!ours(entry.hooks[h], key)) continue;
      if (!placed) {
        entry.hooks[h] = handler;
        // A group holding only Interlock's handler is Interlock's: keep its matcher current.
        if (entry.hooks.length === 1) for (const [k, v] of Object.entries(group)) entry[k] = v;
        placed = true;
      } else entry.hooks.splice(h--, 1);
    }
    if (entry.hooks.length === 0) list.splice(g--, 1);
  }
  if (!placed) list.push({ ...group, hooks: [handler] });
  return doc;
}

export function removeNested(doc: Json, path: string, event: string, key = 'command'): number {
  const hooks = hooksObject(doc, path, false);
  const list = hooks && eventList(hooks, event, path, false);
  if (!list) return 0;
  let removed = 0;
  for (let g = 0; g < list.length; g++) {
    const entry = list[g];
    if (!isObject(entry) || !Array.isArray(entry.hooks)) continue;
    const before = entry.hooks.length;
    entry.hooks = entry.hooks.filter((h) => !ours(h, key));
    removed += before - (entry.hooks as unknown[]).length;
    if ((entry.hooks as unknown[]).length === 0 && before > 0) list.splice(g--, 1);
  }
  if (removed) dropEmpty(doc, event);
  return removed;
}

export function findNested(doc: Json, event: string, key = 'command'): string[] {
  const list = isObject(doc.hooks) ? doc.hooks[event] : undefined;
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry) => (isObject(entry) && Array.isArray(entry.hooks) ? entry.hooks.filter((h) => ours(h, key)).map((h) => String((h as Json)[key])) : []));
}

export function upsertFlat(doc: Json, path: string, event: string, handler: Json, key = 'command'): Json {
  const list = eventList(hooksObject(doc, path, true)!, event, path, true)!;
  const first = list.findIndex((h) => ours(h, key));
  if (first === -1) list.push(handler);
  else {
    list[first] = handler;
    for (let i = list.length - 1; i > first; i--) if (ours(list[i], key)) list.splice(i, 1);
  }
  return doc;
}

export function removeFlat(doc: Json, path: string, event: string, key = 'command'): number {
  const hooks = hooksObject(doc, path, false);
  const list = hooks && eventList(hooks, event, path, false);
  if (!list) return 0;
  const kept = list.filter((h) => !ours(h, key));
  const removed = list.length - kept.length;
  if (removed) {
    (doc.hooks as Json)[event] = kept;
    dropEmpty(doc, event);
  }
  return removed;
}

export function findFlat(doc: Json, event: string, key = 'command'): string[] {
  const list = isObject(doc.hooks) ? doc.hooks[event] : undefined;
  if (!Array.isArray(list)) return [];
  return list.filter((h) => ours(h, key)).map((h) => String((h as Json)[key]));
}
