// Runs the examples every rule carries: a `match` command must report the rule, a `noMatch`
// command must not. Used by `interlock rules test` and by the test suite.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate } from '../pipeline.js';
import { builtinExamples } from './builtin.js';
import type { LoadedRule, RuleSet } from './registry.js';

export interface ExampleFailure {
  rule: string;
  source: string;
  expected: 'match' | 'noMatch';
  command: string;
  /** Rule ids the command did report. */
  reported: string[];
}

export interface ExampleReport {
  rules: number;
  examples: number;
  failures: ExampleFailure[];
  /** Config rules without examples (built-in rules always have them). */
  withoutExamples: string[];
}

let exampleCwd: string | undefined;

export function runExamples(rules: RuleSet, include: (rule: LoadedRule) => boolean = () => true): ExampleReport {
  // Examples run in an empty folder so that no file on this machine changes their meaning.
  exampleCwd ??= mkdtempSync(join(tmpdir(), 'interlock-examples-'));
  const report: ExampleReport = { rules: 0, examples: 0, failures: [], withoutExamples: [] };
  for (const rule of rules.byId.values()) {
    if (!include(rule) || rules.isDisabled(rule)) continue;
    report.rules++;
    const { match = [], noMatch = [] } = rule.examples ?? builtinExamples(rule.id) ?? {};
    if (match.length + noMatch.length === 0) report.withoutExamples.push(rule.id);
    for (const [expected, commands] of [['match', match], ['noMatch', noMatch]] as const) {
      for (const command of commands) {
        report.examples++;
        const reported = evaluate({ command, cwd: exampleCwd }, { rules }).findings.map((f) => f.rule);
        if (reported.includes(rule.id) !== (expected === 'match')) {
          report.failures.push({ rule: rule.id, source: rule.source, expected, command, reported: [...new Set(reported)] });
        }
      }
    }
  }
  return report;
}
