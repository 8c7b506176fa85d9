// The built-in rule packs (config/packs/*.yaml). Here (tests, tools) all of them are in memory;
// the bundle swaps this module for builtin.bundle.ts, which reads dist/packs/ on demand.
import packs from 'virtual:packs';
import { eagerSource, type PackSource } from './pack-source.js';
import type { RulePack, RuleSpec } from './schema.js';

export const builtinPacks: RulePack[] = packs;

let source: PackSource | undefined;

export function builtinPackSource(): PackSource {
  source ??= eagerSource(packs);
  return source;
}

/** A built-in rule's examples (the packs here still carry them). */
export function builtinExamples(id: string): RuleSpec['examples'] | undefined {
  for (const pack of packs) for (const rule of pack.rules) if (rule.id === id) return rule.examples;
  return undefined;
}
