// The effective rule set: built-in packs plus config rules, indexed by program name so that each
// executed command is checked only against the rules for its program. Rules compile on first use.
import type { AnalysisContext, ExecCommand, Finding } from '../types.js';
import { compileCommandMatch, extractTarget, viewCommand, type CommandView, type CompiledCommandMatch } from './command-match.js';
import { flagValue } from './argv.js';
import { isGlob } from './pattern.js';
import type { MatchSpec, RulePack, RuleSpec, ToolSpec } from './schema.js';

export interface LoadedRule extends RuleSpec {
  pack: string;
  source: string;
}

interface CompiledRule {
  rule: LoadedRule;
  match: CompiledCommandMatch[];
  unless: CompiledCommandMatch[];
}

const asList = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

export class RuleSet {
  readonly byId = new Map<string, LoadedRule>();
  readonly tools = new Map<string, ToolSpec>();
  /** Rules with an `http` match, evaluated by the HTTP analyser on each request it extracts. */
  readonly httpRules: LoadedRule[] = [];
  /** Rules with a `graphql` match, evaluated on each GraphQL operation. */
  readonly graphqlRules: LoadedRule[] = [];
  private readonly byCommand = new Map<string, LoadedRule[]>();
  private readonly anyCommand: LoadedRule[] = [];
  private readonly compiled = new Map<LoadedRule, CompiledRule>();
  /** Rule ids and pack names switched off by the user. */
  private readonly disabled: Set<string>;

  constructor(packs: RulePack[], options: { disabled?: Iterable<string> } = {}) {
    this.disabled = new Set(options.disabled ?? []);
    for (const pack of packs) this.addPack(pack, 'builtin');
  }

  addPack(pack: RulePack, source: string): void {
    for (const [name, tool] of Object.entries(pack.tools ?? {})) {
      const known = this.tools.get(name);
      this.tools.set(name, known ? { ...known, valueFlags: [...(known.valueFlags ?? []), ...(tool.valueFlags ?? [])] } : tool);
    }
    for (const rule of pack.rules) this.addRule({ ...rule, pack: rule.pack ?? pack.pack, source: rule.source ?? source });
  }

  addRule(rule: LoadedRule): void {
    this.byId.set(rule.id, rule);
    const specs = asList(rule.match);
    if (specs.some((s) => s.http)) this.httpRules.push(rule);
    if (specs.some((s) => s.graphql)) this.graphqlRules.push(rule);
    const commandSpecs = specs.filter((s) => !s.http && !s.graphql);
    if (commandSpecs.length === 0) return;
    const names = new Set<string>();
    let wildcard = false;
    for (const spec of commandSpecs) {
      const commands = asList(spec.command);
      if (commands.length === 0 || commands.some(isGlob)) wildcard = true;
      else for (const name of commands) names.add(name);
    }
    if (wildcard) this.anyCommand.push(rule);
    else for (const name of names) this.byCommand.set(name, [...(this.byCommand.get(name) ?? []), rule]);
  }

  isDisabled(rule: LoadedRule | undefined): boolean {
    return !!rule && (this.disabled.has(rule.id) || this.disabled.has(rule.pack));
  }

  tool(name: string): ToolSpec | undefined {
    return this.tools.get(name);
  }

  private compile(rule: LoadedRule): CompiledRule {
    let compiled = this.compiled.get(rule);
    if (!compiled) {
      const commandOnly = (s: MatchSpec) => !s.http && !s.graphql;
      compiled = {
        rule,
        match: asList(rule.match).filter(commandOnly).map(compileCommandMatch),
        unless: asList(rule.unless).filter(commandOnly).map(compileCommandMatch),
      };
      this.compiled.set(rule, compiled);
    }
    return compiled;
  }

  /** Whether the command part of a rule holds for this command (used for HTTP rules that also name a program). */
  commandPartHolds(rule: LoadedRule, spec: MatchSpec, cmd: ExecCommand): boolean {
    if (spec.command === undefined && !spec.flags && !spec.subcommand && !spec.args && !spec.env) return true;
    return compileCommandMatch(spec).match(viewCommand(cmd, this.tools.get(cmd.name))) >= 0;
  }

  /** Declarative command rules that hold for this command, as findings (delegates analysed in place). */
  matchCommand(cmd: ExecCommand, ctx: AnalysisContext): Finding[] {
    const candidates = [...(this.byCommand.get(cmd.name) ?? []), ...this.anyCommand];
    if (candidates.length === 0) return [];
    const view = viewCommand(cmd, this.tools.get(cmd.name));
    const findings: Finding[] = [];
    for (const rule of candidates) {
      if (this.isDisabled(rule)) continue;
      const compiled = this.compile(rule);
      let end = -1;
      for (const m of compiled.match) {
        end = m.match(view);
        if (end >= 0) break;
      }
      if (end < 0 || compiled.unless.some((m) => m.match(view) >= 0)) continue;
      if (rule.delegate) findings.push(...this.delegate(rule, view, end, ctx));
      else findings.push({ rule: rule.id, action: rule.action, target: extractTarget(view, end, rule.target), reason: rule.reason });
    }
    return findings;
  }

  private delegate(rule: LoadedRule, view: CommandView, end: number, ctx: AnalysisContext): Finding[] {
    const sql = rule.delegate?.sql;
    if (!sql) return [];
    const texts: string[] = [];
    if (sql.flags) {
      const value = flagValue(view.parsed, view.args, sql.flags);
      if (value !== undefined) texts.push(value);
    }
    if (sql.positional !== undefined) {
      const p = view.parsed.positionals[end + sql.positional];
      if (p) texts.push(p.value);
    }
    if (sql.stdin && view.cmd.stdin && 'text' in view.cmd.stdin) texts.push(view.cmd.stdin.text);
    const findings: Finding[] = [];
    for (const text of texts) {
      for (const finding of ctx.analyseSql(text, view.cmd)) {
        const decision = finding.decision ?? this.byId.get(finding.rule)?.decision;
        findings.push({ ...finding, rule: rule.id, decision, hints: [...(finding.hints ?? []), `SQL via ${rule.action}`] });
      }
    }
    return findings;
  }
}
