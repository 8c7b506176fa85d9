// Every platform, ORM and other-CLI pack validates, and every rule's examples hold: each `match`
// example yields a finding with that rule id, each `noMatch` example does not.
import { describe, expect, it } from 'vitest';
import { validatePack } from '../../../src/rules/validate.js';
import { PLATFORM_PACKS, ruleIds } from './helpers.js';

describe('platform packs', () => {
  it.each(PLATFORM_PACKS.map((p) => [p.pack, p] as const))('%s validates', (_name, pack) => {
    expect(validatePack(pack)).toEqual([]);
  });

  it('rule ids are unique across the packs', () => {
    const ids = PLATFORM_PACKS.flatMap((p) => p.rules.map((r) => r.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  const cases = PLATFORM_PACKS.flatMap((pack) =>
    pack.rules.flatMap((rule) => [
      ...rule.examples.match.map((command) => ({ id: rule.id, command, expected: true })),
      ...rule.examples.noMatch.map((command) => ({ id: rule.id, command, expected: false })),
    ]),
  );

  it.each(cases)('$id: $command → $expected', ({ id, command, expected }) => {
    expect(ruleIds(command).includes(id)).toBe(expected);
  });
});
