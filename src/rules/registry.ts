// The effective rule set: built-in packs plus config rules, indexed by program name so that each
// executed command is checked only against the rules for its program. Packs are loaded when a
// command first needs them (the pack index says which), and rules compile on first use.
import type { AnalysisContext, Decision, ExecCommand, Finding } from '../types.js';
import { compileCommandMatch, extractTarget, viewCommand, type CommandView, type CompiledCommandMatch } from './command-match.js';
import { flagValue } from './argv.js';
import { eagerSource, ruleReach, type PackSource } from './pack-source.js';
import type { MatchSpec, RulePack, RuleSpec, ToolSpec } from './schema.js';
import { own } from '../util/own.js';

export interface LoadedRule extends RuleSpec {
  pack: string;
  source: string;
}

interface CompiledRule {
  rule: LoadedRule;
  match: CompiledCommandMatch[];
  unless: CompiledCommandMatch[];
}

export interface RuleSetOptions {
  /** Rule ids and pack names switched off. */
  disabled?: Iterable<string>;
  /** New decisions for built-in rules, by id (from config). */
  overrides?: ReadonlyMap<string, Decision>;
}

const asList = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** Rules by id, loading the pack that holds an id on first lookup. */
export class RuleLookup {
  constructor(private readonly set: RuleSet) {}

  get(id: string): LoadedRule | undefined {
    return this.set.rule(id);
  }

  has(id: string): boolean {
    return this.set.rule(id) !== undefined;
  }

  /** Every rule (loads every pack). */
  values(): IterableIterator<LoadedRule> {
    return this.set.allRules().values();
  }
}

export class RuleSet {
  readonly byId = new RuleLookup(this);
  private readonly rules = new Map<string, LoadedRule>();
  private readonly tools = new Map<string, ToolSpec>();
  private readonly http: LoadedRule[] = [];
  private readonly graphql: LoadedRule[] = [];
  private readonly byCommand = new Map<string, LoadedRule[]>();
  private readonly anyCommand: LoadedRule[] = [];
  private readonly compiled = new Map<LoadedRule, CompiledRule>();
  private readonly commandParts = new WeakMap<MatchSpec, CompiledCommandMatch>();
  private readonly order = new Map<LoadedRule, number>();
  private readonly loaded = new Set<string>();
  private readonly source: PackSource;
  private readonly disabled: Set<string>;
  private readonly overrides: ReadonlyMap<string, Decision>;
  private extra = 0;

  constructor(packs: PackSource | readonly RulePack[], options: RuleSetOptions = {}) {
    this.source = Array.isArray(packs) ? eagerSource(packs as RulePack[]) : (packs as PackSource);
    this.disabled = new Set(options.disabled ?? []);
    this.overrides = options.overrides ?? new Map();
  }

  // ── loading ──────────────────────────────────────────────────────────────

  private ensurePack(name: string): void {
    if (this.loaded.has(name)) return;
    this.loaded.add(name);
    const pack = this.source.load(name);
    const base = (this.source.index.names.indexOf(name) + 1) * 100_000;
    for (const [tool, spec] of Object.entries(pack.tools ?? {})) {
      const known = this.tools.get(tool);
      this.tools.set(tool, known ? { ...known, valueFlags: [...(known.valueFlags ?? []), ...(spec.valueFlags ?? [])], boolFlags: [...(known.boolFlags ?? []), ...(spec.boolFlags ?? [])] } : spec);
    }
    pack.rules.forEach((rule, i) => {
      const decision = this.overrides.get(rule.id) ?? rule.decision;
      this.insert({ ...rule, decision, pack: rule.pack ?? pack.pack, source: rule.source ?? 'builtin' }, base + i);
    });
  }

  private ensurePacks(names: readonly string[] | undefined): void {
    if (names) for (const name of names) this.ensurePack(name);
  }

  private insertOrdered(list: LoadedRule[], rule: LoadedRule): void {
    const position = this.order.get(rule)!;
    let i = list.length;
    while (i > 0 && this.order.get(list[i - 1])! > position) i--;
    list.splice(i, 0, rule);
  }

  private insert(rule: LoadedRule, position: number): void {
    this.order.set(rule, position);
    this.rules.set(rule.id, rule);
    const reach = ruleReach(rule.match);
    if (reach.http) this.insertOrdered(this.http, rule);
    if (reach.graphql) this.insertOrdered(this.graphql, rule);
    if (reach.anyCommand) this.insertOrdered(this.anyCommand, rule);
    for (const name of reach.names) {
      let list = this.byCommand.get(name);
      if (!list) this.byCommand.set(name, (list = []));
      this.insertOrdered(list, rule);
    }
  }

  /** A config rule (after every built-in rule in evaluation order). */
  addRule(rule: LoadedRule): void {
    this.insert(rule, Number.MAX_SAFE_INTEGER - 1_000_000 + this.extra++);
  }

  // ── lookups ──────────────────────────────────────────────────────────────

  rule(id: string): LoadedRule | undefined {
    const known = this.rules.get(id);
    if (known) return known;
    const pack = own(this.source.index.rules, id);
    if (!pack) return undefined;
    this.ensurePack(pack);
    return this.rules.get(id);
  }

  /** Every rule, built-in and config (loads every pack). */
  allRules(): Map<string, LoadedRule> {
    this.ensurePacks(this.source.index.names);
    return this.rules;
  }

  /** Rules with an `http` match, evaluated by the HTTP analyser on each request it extracts. */
  get httpRules(): LoadedRule[] {
    this.ensurePacks(this.source.index.http);
    return this.http;
  }

  /** Rules with a `graphql` match, evaluated on each GraphQL operation. */
  get graphqlRules(): LoadedRule[] {
    this.ensurePacks(this.source.index.graphql);
    return this.graphql;
  }

  tool(name: string): ToolSpec | undefined {
    this.ensurePacks(own(this.source.index.commands, name));
    return this.tools.get(name);
  }

  /** Whether any pack or config rule names this program (the unknown-CLI fallback leaves those alone). */
  describes(name: string): boolean {
    return Object.hasOwn(this.source.index.commands, name) || this.byCommand.has(name);
  }

  isDisabled(rule: LoadedRule | undefined): boolean {
    return !!rule && (this.disabled.has(rule.id) || this.disabled.has(rule.pack));
  }

  // ── matching ─────────────────────────────────────────────────────────────

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
  commandPartHolds(_rule: LoadedRule, spec: MatchSpec, cmd: ExecCommand): boolean {
    if (spec.command === undefined && !spec.flags && !spec.flagValues && !spec.subcommand && !spec.args && !spec.env) return true;
    let part = this.commandParts.get(spec);
    if (!part) this.commandParts.set(spec, (part = compileCommandMatch(spec)));
    return part.match(viewCommand(cmd, this.tool(cmd.name))) >= 0;
  }

  /** Declarative command rules that hold for this command, as findings (delegates analysed in place). */
  matchCommand(cmd: ExecCommand, ctx: AnalysisContext): Finding[] {
    this.ensurePacks(this.source.index.wildcard);
    this.ensurePacks(own(this.source.index.commands, cmd.name));
    const specific = this.byCommand.get(cmd.name);
    const candidates = !specific ? this.anyCommand : this.anyCommand.length === 0 ? specific : [...specific, ...this.anyCommand];
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
        const decision = finding.decision ?? this.rule(finding.rule)?.decision;
        findings.push({ ...finding, rule: rule.id, decision, hints: [...(finding.hints ?? []), `SQL via ${rule.action}`] });
      }
    }
    return findings;
  }
}
