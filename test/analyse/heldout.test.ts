// A second labeled set, written from ../shared/corpus/README.md alone by someone who had not read
// the rules (test/fixtures/heldout-commands.jsonl, 532 commands in the corpus's categories). It
// checks that the rules follow the policy rather than the development corpus's strings; each of
// its misses was fixed in the analysers, not by matching its text.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/pipeline.js';
import { corpusCases } from '../helpers/corpus.js';

interface Case { id: string; command: string; expect: 'allow' | 'confirm'; category: string; why: string }

const cases = corpusCases<Case>(fileURLToPath(new URL('../fixtures/heldout-commands.jsonl', import.meta.url)));

describe('held-out labeled commands', () => {
  it('covers both labels in every category but the everyday one', () => {
    const categories = new Set(cases.map((c) => c.category));
    expect(categories.size).toBeGreaterThanOrEqual(12);
    for (const category of categories) {
      if (category === 'everyday-safe') continue;
      expect(new Set(cases.filter((c) => c.category === category).map((c) => c.expect)), category).toEqual(new Set(['allow', 'confirm']));
    }
    expect(cases.filter((c) => c.expect === 'confirm').length).toBeGreaterThan(250);
    expect(cases.filter((c) => c.expect === 'allow').length).toBeGreaterThan(250);
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const { decision } = evaluate({ command: c.command, cwd: '/tmp' });
    expect(decision === 'allow' ? 'allow' : 'confirm', `${c.command}\n(${c.why})`).toBe(c.expect);
  });
});
