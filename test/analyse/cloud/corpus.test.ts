// Every cloud-cli case of the shared corpus, and the evasion cases whose inner command is a cloud CLI.
import { describe, expect, test } from 'vitest';
import { corpusCases, decide } from './harness.js';

const CLOUD = /^(aws|gcloud|gsutil|bq|az)$/;

describe('corpus: cloud-cli', () => {
  for (const c of corpusCases((c) => c.category === 'cloud-cli')) {
    test(`${c.expect}: ${c.command}`, () => expect(decide(c.command)).toBe(c.expect));
  }
});

describe('corpus: evasion around cloud CLIs', () => {
  const cases = corpusCases((c) => c.category === 'evasion' && c.command.split(/[\s|;&()]+/).some((w) => CLOUD.test(w)));
  test('there are some', () => expect(cases.length).toBeGreaterThan(0));
  for (const c of cases) {
    test(`${c.expect}: ${c.command}`, () => expect(decide(c.command)).toBe(c.expect));
  }
});
