// End to end through the real pipeline: the git pack's examples, and every git corpus case plus
// the git-related evasion cases behave as labeled.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/pipeline.js';
import { builtinPacks } from '../../../src/rules/builtin.js';
import { validatePack } from '../../../src/rules/validate.js';
import * as push from '../../../src/analyse/git/push.js';
import * as worktree from '../../../src/analyse/git/worktree.js';
import * as history from '../../../src/analyse/git/history.js';
import { corpusCases as readCorpus } from '../../helpers/corpus.js';

const CWD = '/work/project';
const ids = (command: string) => evaluate({ command, cwd: CWD }).findings.map((f) => f.rule);

const pack = builtinPacks.find((p) => p.pack === 'git');

describe('git pack', () => {
  it('is valid', () => expect(validatePack(pack)).toEqual([]));

  it('has an entry for every rule id the analyser emits', () => {
    const emitted = [push, worktree, history].flatMap((m) => Object.entries(m)).filter(([name, value]) => name.startsWith('RULE_') && typeof value === 'string').map(([, value]) => value as string);
    expect(emitted.length).toBeGreaterThan(3);
    for (const id of emitted) expect(pack?.rules.map((r) => r.id), id).toContain(id);
  });
});

describe('git pack examples', () => {
  for (const rule of pack?.rules ?? []) {
    for (const command of rule.examples.match) it(`${rule.id} matches: ${command}`, () => expect(ids(command)).toContain(rule.id));
    for (const command of rule.examples.noMatch) it(`${rule.id} does not match: ${command}`, () => expect(ids(command)).not.toContain(rule.id));
  }
});

interface Case { id: string; command: string; expect: 'confirm' | 'allow'; category: string }
const corpus = readCorpus<Case>();
const gitCases = corpus.filter((c) => c.category === 'git' || (c.category === 'evasion' && /\bgit\b/.test(c.command)));

describe('git corpus cases', () => {
  for (const c of gitCases) {
    it(`${c.expect}: ${c.command}`, () => {
      const decision = evaluate({ command: c.command, cwd: CWD }).decision;
      expect(decision === 'allow' ? 'allow' : 'confirm').toBe(c.expect);
    });
  }
});
