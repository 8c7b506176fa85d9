// Turning path verdicts into findings: one finding per rule, listing every path that needs a
// human, with the strictest level and the kinds of things hit as hints.
import type { ExecCommand, Finding } from '../../types.js';
import type { Verdict } from './classify.js';

export const RULE_CATASTROPHIC = 'filesystem.rm.catastrophic';
export const RULE_RECURSIVE = 'filesystem.rm.recursive';
export const RULE_DATA_FILES = 'filesystem.rm.data-files';
export const RULE_FIND_DELETE = 'filesystem.find.delete';
export const RULE_SHRED = 'filesystem.shred';

export interface PathVerdict {
  path: string;
  verdict: Verdict;
}

export interface FindingTemplate {
  rule: string;
  action: string;
  reason: string;
  /** Extra hints ('recursive', 'via find -exec'). */
  hints?: string[];
}

/** A finding for the paths that are not allowed, or nothing. `deny` verdicts set the finding's decision. */
export function findingFor(template: FindingTemplate, verdicts: readonly PathVerdict[]): Finding | undefined {
  const hits = verdicts.filter((v) => v.verdict.level !== 'allow');
  if (hits.length === 0) return undefined;
  const hints = new Set<string>(template.hints ?? []);
  for (const hit of hits) {
    hints.add(hit.verdict.kind);
    if (hit.verdict.resolved) hints.add(`${hit.path} is ${hit.verdict.resolved}`);
  }
  const finding: Finding = {
    rule: template.rule,
    action: template.action,
    target: unique(hits.map((h) => h.path)).join(' '),
    reason: template.reason,
    hints: [...hints],
  };
  if (hits.some((h) => h.verdict.level === 'deny')) finding.decision = 'deny';
  return finding;
}

export function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/** Where the command came from, as a hint (`via find -exec`, `via xargs`). */
export function viaHint(cmd: ExecCommand, needle: string): string | undefined {
  const hit = cmd.via.find((v) => v.includes(needle));
  return hit ? `via ${hit}` : undefined;
}

export function hasVia(cmd: ExecCommand, needle: string): boolean {
  return cmd.via.some((v) => v.includes(needle));
}
