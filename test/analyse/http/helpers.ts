// Hand-built commands for the HTTP analyser tests.
import type { AnalysisContext, ExecCommand, Finding } from '../../../src/types.js';
import { RuleSet } from '../../../src/rules/registry.js';
import { analysisContext, execCommand } from '../../helpers/command.js';
import httpPack from '../../../config/packs/http.yaml';
import graphqlPack from '../../../config/packs/graphql.yaml';
import { httpAnalyser } from '../../../src/analyse/http/index.js';
import { extractRequests } from '../../../src/analyse/http/clients/index.js';
import type { HttpRequest } from '../../../src/analyse/http/model.js';

/** An executed command whose words count as dynamic only where they hold `$`/backticks (URLs keep their `?` and `*`). */
export function cmd(argv: string[], options: Partial<ExecCommand> = {}): ExecCommand {
  return execCommand(argv, { dynamic: argv.map((a) => /\$[({A-Za-z_]|`/.test(a)), ...options });
}

/** Only this domain's packs, so other packs being edited cannot break these tests. */
export function httpContext(overrides: Partial<AnalysisContext> = {}): AnalysisContext {
  return analysisContext(new RuleSet([httpPack, graphqlPack]), overrides);
}

let shared: AnalysisContext | undefined;
export const ctx = (): AnalysisContext => (shared ??= httpContext());

export function requests(argv: string[], options: Partial<ExecCommand> = {}, context: AnalysisContext = ctx()): HttpRequest[] {
  return extractRequests(cmd(argv, options), context);
}

export function request(argv: string[], options: Partial<ExecCommand> = {}, context: AnalysisContext = ctx()): HttpRequest {
  const all = requests(argv, options, context);
  if (all.length !== 1) throw new Error(`expected one request, got ${all.length}`);
  return all[0];
}

export function findings(argv: string[], options: Partial<ExecCommand> = {}, context: AnalysisContext = ctx()): Finding[] {
  return httpAnalyser.analyse(cmd(argv, options), context);
}

export const rules = (found: Finding[]): string[] => found.map((f) => f.rule);

/** The decision the findings lead to (rule default unless the finding overrides it). */
export function decisionOf(found: Finding[], context: AnalysisContext = ctx()): 'allow' | 'confirm' | 'deny' {
  let decision: 'allow' | 'confirm' | 'deny' = 'allow';
  for (const f of found) {
    const d = f.decision ?? context.rules.byId.get(f.rule)?.decision ?? 'confirm';
    if (d === 'deny' || (d === 'confirm' && decision === 'allow')) decision = d;
  }
  return decision;
}

export const judge = (argv: string[], options: Partial<ExecCommand> = {}) => decisionOf(findings(argv, options));
