// The database pack: valid, one entry per rule id the analysers emit, and every example behaving
// as stated at the analyser level (test/rules/examples.test.ts runs them end to end).
import { describe, expect, test } from 'vitest';
import pack from '../../../config/packs/database.yaml';
import { validatePack } from '../../../src/rules/validate.js';
import { REASON, RULE } from '../../../src/analyse/database/rules.js';
import { analyseSql } from '../../../src/analyse/database/sql.js';
import { analyse, simulate } from './helpers.js';

describe('database pack', () => {
  test('is valid', () => {
    expect(validatePack(pack)).toEqual([]);
  });

  test('has an entry for every rule id the analysers emit, and no other', () => {
    expect(pack.rules.map((r) => r.id).sort()).toEqual(Object.values(RULE).sort());
  });

  for (const rule of pack.rules) {
    describe(rule.id, () => {
      for (const example of rule.examples.match) {
        test(`matches: ${example}`, () => {
          expect(analyse(simulate(example)).map((f) => f.rule)).toContain(rule.id);
        });
      }
      for (const example of rule.examples.noMatch) {
        test(`does not match: ${example}`, () => {
          expect(analyse(simulate(example)).map((f) => f.rule)).not.toContain(rule.id);
        });
      }
    });
  }

  test('findings carry the reason their pack entry states', () => {
    for (const rule of pack.rules) expect(REASON[rule.id as keyof typeof REASON], rule.id).toBe(rule.reason);
    const finding = analyseSql('DROP TABLE users', simulate('psql'))[0];
    expect(finding.reason).toBe(pack.rules.find((r) => r.id === finding.rule)?.reason);
  });
});
