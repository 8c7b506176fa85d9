// Every built-in rule is data with proof: valid, uniquely named, and every example it carries
// (≥ 2 commands it must report, ≥ 1 it must not) holds through the whole pipeline.
import { describe, expect, it } from 'vitest';
import { builtinPacks } from '../../src/rules/builtin.js';
import { runExamples } from '../../src/rules/examples.js';
import { RuleSet } from '../../src/rules/registry.js';
import { validatePack } from '../../src/rules/validate.js';

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
