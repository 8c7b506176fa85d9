// End to end through the pipeline (parse → expand → analyse → policy): the labeled HTTP forms of
// the development corpus, and every example of the http and graphql packs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/pipeline.js';
import { builtinPacks } from '../../../src/rules/builtin.js';
import { validatePack } from '../../../src/rules/validate.js';

interface Case {
  id: string;
  command: string;
  expect: 'allow' | 'confirm';
  category: string;
  why: string;
}

const corpus: Case[] = readFileSync(new URL('../../../../shared/corpus/commands.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as Case);

/** The HTTP forms: the http-api category, and curl/httpie/wget/gh api lines elsewhere. */
const httpCases = corpus.filter((c) => c.category === 'http-api' || /(^|[\s;|&(])(curl|wget|http|xh|gh api|glab api)\s/.test(c.command));

describe('corpus: HTTP forms', () => {
  it('has the forms this domain owns', () => {
    expect(httpCases.length).toBeGreaterThanOrEqual(75);
  });
  it.each(httpCases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const result = evaluate({ command: c.command, cwd: '/tmp' });
    const caught = result.decision !== 'allow';
    expect(caught ? 'confirm' : 'allow', `${c.why}\n${c.command}\n${JSON.stringify(result.findings, null, 1)}`).toBe(c.expect);
  });
});

describe('pack examples: http and graphql', () => {
  const packs = builtinPacks.filter((p) => p.pack === 'http' || p.pack === 'graphql');
  it('are valid packs', () => {
    expect(packs.map((p) => p.pack).sort()).toEqual(['graphql', 'http']);
    for (const pack of packs) expect(validatePack(pack)).toEqual([]);
  });
  for (const pack of packs) {
    for (const rule of pack.rules) {
      it(`${rule.id}`, () => {
        for (const example of rule.examples.match) {
          const ids = evaluate({ command: example, cwd: '/tmp' }).findings.map((f) => f.rule);
          expect(ids, `must match: ${example}`).toContain(rule.id);
        }
        for (const example of rule.examples.noMatch) {
          const ids = evaluate({ command: example, cwd: '/tmp' }).findings.map((f) => f.rule);
          expect(ids, `must not match: ${example}`).not.toContain(rule.id);
        }
      });
    }
  }
});
