// This pack's examples through the whole pipeline (parse → expand → analyse → policy).
import { describe, expect, test } from 'vitest';
import pack from '../../../config/packs/database.yaml';
import { evaluate } from '../../../src/pipeline.js';

describe('database pack examples end to end', () => {
  for (const rule of pack.rules) {
    for (const example of rule.examples.match) {
      test(`${rule.id} matches: ${example}`, () => {
        const result = evaluate({ command: example, cwd: '/tmp' });
        expect(result.findings.map((f) => f.rule)).toContain(rule.id);
      });
    }
    for (const example of rule.examples.noMatch) {
      test(`${rule.id} does not match: ${example}`, () => {
        const result = evaluate({ command: example, cwd: '/tmp' });
        expect(result.findings.map((f) => f.rule)).not.toContain(rule.id);
      });
    }
  }
});
