// Bundle-time replacement for builtin.ts: the packs are files next to the bundle (dist/packs/,
// written by scripts/build.mjs), read when a command first needs one. Their examples are in
// dist/rule-examples.json, for `interlock rules test|show` only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PackIndex, PackSource } from './pack-source.js';
import type { RulePack, RuleSpec } from './schema.js';
import { seedGlobSources } from './pattern.js';
import { own } from '../util/own.js';

declare const __dirname: string;

const read = <T>(...path: string[]): T => JSON.parse(readFileSync(join(__dirname, ...path), 'utf8')) as T;

let source: PackSource | undefined;

export function builtinPackSource(): PackSource {
  source ??= {
    index: read<PackIndex>('packs', 'index.json'),
    load(name) {
      const { globs, ...pack } = read<RulePack & { globs?: Record<string, string | null> }>('packs', `${name}.json`);
      if (globs) seedGlobSources(globs);
      return pack;
    },
  };
  return source;
}

/** Every built-in pack (reads them all). */
export const builtinPacks: RulePack[] = new Proxy([] as RulePack[], {
  get(target, property, receiver) {
    if (target.length === 0) for (const name of builtinPackSource().index.names) target.push(builtinPackSource().load(name));
    return Reflect.get(target, property, receiver);
  },
});

let examples: Record<string, RuleSpec['examples']> | undefined;

export function builtinExamples(id: string): RuleSpec['examples'] | undefined {
  examples ??= read<Record<string, RuleSpec['examples']>>('rule-examples.json');
  return own(examples, id);
}
