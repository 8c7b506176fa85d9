// The evasion mutation suite: every `confirm` case of the labeled corpus, rewritten by every kind
// of test/mutants/mutate.ts, decided by the real pipeline in-process. Shared by
// test/mutants/mutants.test.ts (thresholds) and scripts/mutants.mjs (`npm run mutants`, the report).
import { evaluate } from '../../src/pipeline.js';
import type { Decision } from '../../src/types.js';
import { ALL_KINDS, mutate, type MutantClass } from './mutate.js';

export interface CorpusCase {
  id: string;
  command: string;
  expect: 'confirm' | 'allow';
  category: string;
}

export interface MutantResult {
  id: string;
  kind: string;
  class: MutantClass;
  command: string;
  decision: Decision;
  rules: string[];
  /** Held by a rule the original command was held by. */
  sameRule: boolean;
  /** Held only by generic findings (code the guard cannot read, a dynamic command, a limit, a parse error). */
  generic: boolean;
}

export interface KindStats {
  kind: string;
  class: MutantClass;
  tier: 'issue' | 'extra';
  example: string;
  total: number;
  held: number;
  /** Held, but only by generic findings (unknown code, dynamic command, limits, parse errors). */
  heldGeneric: number;
  /** Destructive mutants that passed, or data mutants that were held. */
  failures: MutantResult[];
}

export interface SuiteReport {
  cases: number;
  /** Allow cases of the corpus, wrapped by the destructive kinds: wrapping must not make them held. */
  safeCases: number;
  safeWrapped: { total: number; held: number; byKind: Record<string, { total: number; held: number }>; failures: MutantResult[] };
  /** Original confirm cases that the guard passes (their mutants say little). */
  originalsPassed: string[];
  kinds: KindStats[];
  destructive: { total: number; held: number; heldGeneric: number };
  data: { total: number; held: number };
  /** Mutants whose text the guard could not parse: a generator bug, never counted as a hold. */
  parseErrors: MutantResult[];
  ms: number;
}

export const CWD = '/home/agent/project';
export const HOME = '/home/agent';

export function readCorpus(text: string): CorpusCase[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CorpusCase);
}

const held = (d: Decision) => d !== 'allow';
/** Findings that say "cannot check" rather than what would be destroyed. */
const GENERIC = /^(exec|internal)\./;

export function runMutationSuite(corpus: CorpusCase[]): SuiteReport {
  const started = performance.now();
  const cases = corpus.filter((c) => c.expect === 'confirm');
  const stats = new Map<string, KindStats>(ALL_KINDS.map((k) => [k.name, { kind: k.name, class: k.class, tier: k.tier ?? 'issue', example: k.example, total: 0, held: 0, heldGeneric: 0, failures: [] }]));
  const originalsPassed: string[] = [];
  const parseErrors: MutantResult[] = [];
  for (const c of cases) {
    const original = evaluate({ command: c.command, cwd: CWD }, { home: HOME });
    if (!held(original.decision)) originalsPassed.push(c.id);
    const originalRules = new Set(original.findings.map((f) => f.rule));
    for (const m of mutate(c.command)) {
      const e = evaluate({ command: m.command, cwd: CWD }, { home: HOME });
      const rules = e.findings.map((f) => f.rule);
      const result: MutantResult = { id: c.id, kind: m.kind, class: m.class, command: m.command, decision: e.decision, rules, sameRule: rules.some((r) => originalRules.has(r)), generic: rules.length > 0 && rules.every((r) => GENERIC.test(r)) };
      const s = stats.get(m.kind)!;
      s.total++;
      if (rules.includes('exec.parse-error') && !originalRules.has('exec.parse-error')) {
        parseErrors.push(result);
        s.failures.push(result);
        continue;
      }
      if (held(e.decision)) {
        s.held++;
        if (result.generic) s.heldGeneric++;
      }
      if (held(e.decision) !== (m.class === 'destructive')) s.failures.push(result);
    }
  }
  // The same wrappings of safe commands must still pass: a guard that holds every `bash -c` is no guard.
  const safe = corpus.filter((c) => c.expect === 'allow');
  const safeWrapped: SuiteReport['safeWrapped'] = { total: 0, held: 0, byKind: {}, failures: [] };
  const destructiveKinds = ALL_KINDS.filter((k) => k.class === 'destructive');
  for (const c of safe) {
    if (held(evaluate({ command: c.command, cwd: CWD }, { home: HOME }).decision)) continue; // the corpus tests own that
    for (const m of mutate(c.command, destructiveKinds)) {
      const e = evaluate({ command: m.command, cwd: CWD }, { home: HOME });
      const row = (safeWrapped.byKind[m.kind] ??= { total: 0, held: 0 });
      row.total++;
      safeWrapped.total++;
      if (held(e.decision)) {
        row.held++;
        safeWrapped.held++;
        const rules = e.findings.map((f) => f.rule);
        safeWrapped.failures.push({ id: c.id, kind: m.kind, class: 'data', command: m.command, decision: e.decision, rules, sameRule: false, generic: rules.every((r) => GENERIC.test(r)) });
      }
    }
  }
  const kinds = [...stats.values()].filter((s) => s.total > 0);
  const sum = (cls: MutantClass, pick: (s: KindStats) => number) => kinds.filter((s) => s.class === cls).reduce((n, s) => n + pick(s), 0);
  return {
    cases: cases.length,
    safeCases: safe.length,
    safeWrapped,
    originalsPassed,
    kinds,
    destructive: { total: sum('destructive', (s) => s.total), held: sum('destructive', (s) => s.held), heldGeneric: sum('destructive', (s) => s.heldGeneric) },
    data: { total: sum('data', (s) => s.total), held: sum('data', (s) => s.held) },
    parseErrors,
    ms: performance.now() - started,
  };
}

const pct = (n: number, d: number) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)} %`);

/** The printed report: one row per kind, totals, then every failure. */
export function formatReport(report: SuiteReport, { failures = 40 }: { failures?: number } = {}): string {
  const lines: string[] = [];
  lines.push(`Evasion mutants of ${report.cases} confirm cases (../shared/corpus/commands.jsonl), decided in-process in ${(report.ms / 1000).toFixed(1)} s`);
  lines.push('');
  const width = Math.max(...report.kinds.map((k) => k.kind.length)) + 2;
  const header = (title: string) => {
    lines.push(`${title.padEnd(width)}${'mutants'.padStart(8)}${'held'.padStart(8)}${'passed'.padStart(8)}${'held %'.padStart(9)}   generic-only`);
  };
  const groups = [
    { title: 'must be held (issue 6 forms)', pick: (k: KindStats) => k.class === 'destructive' && k.tier === 'issue' },
    { title: 'must be held (further forms)', pick: (k: KindStats) => k.class === 'destructive' && k.tier === 'extra' },
    { title: 'data only: must pass', pick: (k: KindStats) => k.class === 'data' },
  ];
  for (const { title, pick } of groups) {
    header(title);
    for (const k of report.kinds.filter(pick)) {
      const cls = k.class;
      lines.push(`${k.kind.padEnd(width)}${String(k.total).padStart(8)}${String(k.held).padStart(8)}${String(k.total - k.held).padStart(8)}${pct(k.held, k.total).padStart(9)}   ${cls === 'destructive' ? k.heldGeneric : ''}`);
    }
    lines.push('');
  }
  const sw = report.safeWrapped;
  const heldKinds = Object.entries(sw.byKind).filter(([, r]) => r.held > 0);
  lines.push(`safe corpus commands (${report.safeCases}) wrapped by every kind above: ${sw.held}/${sw.total} held (${pct(sw.held, sw.total)}; threshold ≤ 1 %)${heldKinds.length ? ` — ${heldKinds.map(([k, r]) => `${k} ${r.held}`).join(', ')}` : ''}`);
  lines.push('');
  const { destructive: d, data } = report;
  lines.push(`destructive mutants held: ${d.held}/${d.total} (${pct(d.held, d.total)}; threshold ≥ 99 %), ${d.heldGeneric} of them only by a generic finding`);
  lines.push(`data-only mutants held:   ${data.held}/${data.total} (${pct(data.held, data.total)}; threshold ≤ 1 %)`);
  if (report.originalsPassed.length) lines.push(`original confirm cases the guard passes: ${report.originalsPassed.join(', ')}`);
  if (report.parseErrors.length) lines.push(`mutants that do not parse (generator bugs): ${report.parseErrors.length}`);
  const all = [...report.kinds.flatMap((k) => k.failures), ...sw.failures.map((f) => ({ ...f, kind: `safe, ${f.kind}` }))];
  if (all.length) {
    lines.push('', `failures (${all.length}${all.length > failures ? `, first ${failures}` : ''}):`);
    for (const f of all.slice(0, failures)) lines.push(`  [${f.kind}] ${f.id} → ${f.decision} ${f.rules.join(',') || '(no finding)'}\n    ${JSON.stringify(f.command)}`);
  }
  return lines.join('\n');
}
