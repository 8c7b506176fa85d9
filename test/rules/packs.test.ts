// Every built-in rule is data with proof: valid, uniquely named, and every example it carries
// (≥ 2 commands it must report, ≥ 1 it must not) holds through the whole pipeline.
import { describe, expect, it } from 'vitest';
import { builtinPacks } from '../../src/rules/builtin.js';
import { runExamples } from '../../src/rules/examples.js';
import { RuleSet } from '../../src/rules/registry.js';
import { validatePack } from '../../src/rules/validate.js';
import { globSource } from '../../src/rules/glob.js';
import { packGlobSources } from '../../src/rules/pack-source.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

describe('built-in rule packs', () => {
  it.each(builtinPacks.map((p) => [p.pack, p] as const))('%s is valid', (_name, pack) => {
    expect(validatePack(pack)).toEqual([]);
  });

  it('rule ids are unique across packs', () => {
    const seen = new Map<string, string>();
    for (const pack of builtinPacks) {
      for (const rule of pack.rules) {
        expect(seen.get(rule.id), `${rule.id} in ${pack.pack}`).toBeUndefined();
        seen.set(rule.id, pack.pack);
      }
    }
    expect(seen.size).toBeGreaterThan(300);
  });

  it('every example of every rule holds', () => {
    const report = runExamples(new RuleSet(builtinPacks));
    expect(report.failures).toEqual([]);
    expect(report.withoutExamples).toEqual([]);
    expect(report.examples).toBeGreaterThan(1500);
  });
});

describe('the built packs (dist/packs)', () => {
  const dist = join(__dirname, '../../dist/packs');

  it('carry every glob of their rules with the source the runtime compiler gives', () => {
    let globs = 0;
    for (const pack of builtinPacks) {
      const built = JSON.parse(readFileSync(join(dist, `${pack.pack}.json`), 'utf8')) as { rules: unknown[]; globs: Record<string, string | null> };
      expect(built.globs, pack.pack).toEqual(packGlobSources(pack));
      for (const [pattern, source] of Object.entries(built.globs)) {
        expect(source, pattern).toBe(globSource(pattern));
        globs++;
      }
      expect(built.rules).toHaveLength(pack.rules.length);
    }
    expect(globs).toBeGreaterThan(100);
  });
});

describe('flagValues', () => {
  const pack = (flagValues: unknown) => ({
    pack: 'team',
    description: 'a team pack',
    rules: [{ id: 'team.x', decision: 'confirm', action: 'x', reason: 'x', match: { command: 'tool', subcommand: ['down'], flagValues }, examples: { match: ['tool down --to 0', 'tool down --to=0'], noMatch: ['tool down --to 5', 'tool down'] } }],
  });

  it('matches a flag given with a value that fits the pattern, as --flag value or --flag=value', () => {
    const rules = new RuleSet([pack({ '--to': '0' }) as never]);
    expect(runExamples(rules).failures).toEqual([]);
  });

  it('is validated: an object of patterns', () => {
    expect(validatePack(pack({ '--to': '0' }) as never)).toEqual([]);
    expect(validatePack(pack({ '--to': 0 }) as never)).toEqual([expect.objectContaining({ path: 'rules[0].match.flagValues.--to' })]);
    expect(validatePack(pack(['--to']) as never)).toEqual([expect.objectContaining({ path: 'rules[0].match.flagValues', message: expect.stringContaining('an object') })]);
  });
});
