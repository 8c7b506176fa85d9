// Where a rule set gets its packs. The bundle reads one small index at start-up and each pack only
// when a command names one of its programs (src/rules/builtin.bundle.ts); tests and tools hold
// every pack in memory (eagerSource). The index is computed by `indexPacks`, at build time for the
// bundle, so both agree on which pack a command needs.
import { globSource } from './glob.js';
import { isGlob } from './pattern.js';
import type { MatchSpec, RulePack } from './schema.js';

export interface PackIndex {
  /** Every pack name, in load order. */
  names: string[];
  /** Program name → packs with command rules naming it literally, or with a `tools` entry for it. */
  commands: Record<string, string[]>;
  /** Packs with command rules whose program is a glob or missing: checked for every command. */
  wildcard: string[];
  /** Packs with `http` rules / `graphql` rules. */
  http: string[];
  graphql: string[];
  /** Rule id → its pack. */
  rules: Record<string, string>;
}

export interface PackSource {
  index: PackIndex;
  load(name: string): RulePack;
}

const asList = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** How a rule's match reaches commands: the literal program names, or any program. */
export function ruleReach(match: MatchSpec | MatchSpec[] | undefined): { names: string[]; anyCommand: boolean; http: boolean; graphql: boolean } {
  const specs = asList(match);
  const commandSpecs = specs.filter((s) => !s.http && !s.graphql);
  const names = new Set<string>();
  let anyCommand = false;
  for (const spec of commandSpecs) {
    const commands = asList(spec.command);
    if (commands.length === 0 || commands.some(isGlob)) anyCommand = true;
    else for (const name of commands) names.add(name);
  }
  return { names: [...names], anyCommand, http: specs.some((s) => !!s.http), graphql: specs.some((s) => !!s.graphql) };
}

export function indexPacks(packs: readonly RulePack[]): PackIndex {
  const index: PackIndex = { names: [], commands: {}, wildcard: [], http: [], graphql: [], rules: {} };
  const add = (list: string[], name: string) => {
    if (!list.includes(name)) list.push(name);
  };
  for (const pack of packs) {
    index.names.push(pack.pack);
    for (const tool of Object.keys(pack.tools ?? {})) add((index.commands[tool] ??= []), pack.pack);
    for (const rule of pack.rules) {
      index.rules[rule.id] = pack.pack;
      const reach = ruleReach(rule.match);
      for (const name of reach.names) add((index.commands[name] ??= []), pack.pack);
      if (reach.anyCommand) add(index.wildcard, pack.pack);
      if (reach.http) add(index.http, pack.pack);
      if (reach.graphql) add(index.graphql, pack.pack);
    }
  }
  return index;
}

/**
 * The regular-expression source of every glob in a pack's matches, computed at build time and
 * shipped with the pack, so that the hook does not compile globs on every start.
 */
export function packGlobSources(pack: RulePack): Record<string, string | null> {
  const sources: Record<string, string | null> = {};
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      if (isGlob(value) && !(value in sources)) sources[value] = globSource(value);
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  for (const rule of pack.rules) {
    visit(rule.match);
    visit(rule.unless);
  }
  return sources;
}

/** Every pack already in memory. */
export function eagerSource(packs: readonly RulePack[]): PackSource {
  const byName = new Map(packs.map((p) => [p.pack, p]));
  return {
    index: indexPacks(packs),
    load(name) {
      const pack = byName.get(name);
      if (!pack) throw new Error(`no rule pack "${name}"`);
      return pack;
    },
  };
}
