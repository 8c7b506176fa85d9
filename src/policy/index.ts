// Policy: each finding's decision comes from its rule (or the finding itself, when an analyser
// escalates); switched-off rules and packs drop out; the strictest remaining decision wins.
import type { RuleSet } from '../rules/registry.js';
import { stricter, type Decision, type Finding } from '../types.js';

/** Findings no pack can carry examples for (an analyser crashed): always held. */
const INTERNAL = new Map<string, Decision>([['internal.error', 'confirm']]);

export function findingDecision(finding: Finding, rules: RuleSet): Decision {
  return finding.decision ?? INTERNAL.get(finding.rule) ?? rules.byId.get(finding.rule)?.decision ?? 'confirm';
}

export function applyPolicy(findings: Finding[], rules: RuleSet): { decision: Decision; findings: Finding[] } {
  let decision: Decision = 'allow';
  const kept: Finding[] = [];
  for (const finding of findings) {
    if (rules.isDisabled(rules.byId.get(finding.rule))) continue;
    const d = findingDecision(finding, rules);
    kept.push({ ...finding, decision: d });
    decision = stricter(decision, d);
  }
  return { decision, findings: kept };
}
