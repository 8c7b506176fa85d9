// Every iac case of the shared corpus, and the evasion cases whose inner command is an IaC tool.
import { describe, expect, test } from 'vitest';
import { corpusCases, decide } from '../cloud/harness.js';

describe('corpus: iac', () => {
  for (const c of corpusCases((c) => c.category === 'iac')) {
    test(`${c.expect}: ${c.command}`, () => expect(decide(c.command)).toBe(c.expect));
  }
});

describe('corpus: evasion around IaC tools', () => {
  const cases = corpusCases((c) => c.category === 'evasion' && /\b(terraform|tofu|terragrunt|pulumi|cdk|sst|serverless|sls)\b/.test(c.command));
  test('there are some', () => expect(cases.length).toBeGreaterThan(0));
  for (const c of cases) {
    test(`${c.expect}: ${c.command}`, () => expect(decide(c.command)).toBe(c.expect));
  }
});
