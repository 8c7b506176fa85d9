// Lets a code analyser reuse the `match` of a declarative rule in the packs, so a command surface
// (program, subcommand path, flags) is written once, in YAML, and not again in code.
import type { AnalysisContext, ExecCommand } from '../../types.js';
import type { LoadedRule } from '../../rules/registry.js';

/** The enabled rule with this id whose command match holds for `cmd`, if any. */
export function matchingRule(id: string, cmd: ExecCommand, ctx: AnalysisContext): LoadedRule | undefined {
  const rule = ctx.rules.byId.get(id);
  if (!rule || ctx.rules.isDisabled(rule) || !rule.match) return undefined;
  const specs = Array.isArray(rule.match) ? rule.match : [rule.match];
  return specs.some((spec) => !spec.http && !spec.graphql && ctx.rules.commandPartHolds(rule, spec, cmd)) ? rule : undefined;
}
