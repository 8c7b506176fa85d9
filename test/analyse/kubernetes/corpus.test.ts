// Every kubernetes case of the shared corpus, and the evasion cases whose inner command is
// kubectl delete (kubectl exec cases are decided by what runs in the pod: other domains).
import { describe, expect, test } from 'vitest';
import { corpusCases, decide } from '../cloud/harness.js';

describe('corpus: kubernetes', () => {
  for (const c of corpusCases((c) => c.category === 'kubernetes')) {
    test(`${c.expect}: ${c.command}`, () => expect(decide(c.command)).toBe(c.expect));
  }
});

describe('corpus: evasion around kubectl and helm', () => {
  const cases = corpusCases((c) => c.category === 'evasion' && /\b(kubectl|helm)\b/.test(c.command) && !/kubectl exec/.test(c.command));
  test('there are some', () => expect(cases.length).toBeGreaterThan(0));
  for (const c of cases) {
    test(`${c.expect}: ${c.command}`, () => expect(decide(c.command)).toBe(c.expect));
  }
  test('kubectl exec itself is not a kubernetes finding (the command inside the pod decides)', () => {
    for (const c of corpusCases((c) => /kubectl exec/.test(c.command))) expect(decide(c.command)).toBe('allow');
  });
});
