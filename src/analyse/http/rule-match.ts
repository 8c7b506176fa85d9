// Declarative `match.http` / `match.graphql` rules (built-in packs and the user's config), compiled
// once per rule into matchers over the request model. Hosts are compared lower-case, methods
// upper-case; a rule's `command`/`flags`/… part is checked with the rule set's own matcher.
import type { ExecCommand } from '../../types.js';
import type { LoadedRule, RuleSet } from '../../rules/registry.js';
import { compileAny, type Matcher } from '../../rules/pattern.js';
import type { GraphqlMatchSpec, HttpMatchSpec, MatchSpec } from '../../rules/schema.js';
import type { HttpRequest } from './model.js';
import type { Operation, RootField } from './graphql/parse.js';

interface CompiledHttp {
  method: Matcher | null;
  host: Matcher | null;
  path: Matcher | null;
}

interface CompiledGraphql {
  operation: Matcher | null;
  field: Matcher | null;
  name: Matcher | null;
}

interface CompiledSpec {
  spec: MatchSpec;
  http?: CompiledHttp;
  graphql?: CompiledGraphql;
}

interface CompiledRule {
  match: CompiledSpec[];
  unless: CompiledSpec[];
}

const asList = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

function compileHttp(spec: HttpMatchSpec): CompiledHttp {
  return { method: compileAny(spec.method), host: compileAny(spec.host), path: compileAny(spec.path) };
}

function compileGraphql(spec: GraphqlMatchSpec): CompiledGraphql {
  return { operation: compileAny(spec.operation), field: compileAny(spec.field), name: compileAny(spec.name) };
}

function compileSpec(spec: MatchSpec): CompiledSpec {
  return { spec, http: spec.http ? compileHttp(spec.http) : undefined, graphql: spec.graphql ? compileGraphql(spec.graphql) : undefined };
}

const cache = new WeakMap<LoadedRule, CompiledRule>();

function compiled(rule: LoadedRule): CompiledRule {
  let hit = cache.get(rule);
  if (!hit) {
    hit = { match: asList(rule.match).map(compileSpec), unless: asList(rule.unless).map(compileSpec) };
    cache.set(rule, hit);
  }
  return hit;
}

function httpHolds(m: CompiledHttp | undefined, request: HttpRequest): boolean {
  if (!m) return true;
  if (m.method && !m.method(request.method) && !m.method(request.method.toLowerCase())) return false;
  if (m.host && !m.host(request.matchHost) && !(request.host !== request.matchHost && m.host(request.host))) return false;
  if (m.path && !m.path(request.path)) return false;
  return true;
}

function graphqlHolds(m: CompiledGraphql | undefined, operation: Operation, field: RootField): boolean {
  if (!m) return true;
  if (m.operation && !m.operation(operation.type)) return false;
  if (m.field && !m.field(field.name)) return false;
  if (m.name && !m.name(operation.name ?? '')) return false;
  return true;
}

interface HostIndex {
  /** Rules whose every http spec names literal hosts, by host. */
  byHost: Map<string, LoadedRule[]>;
  /** Rules that may match any host (glob or no host). */
  anyHost: LoadedRule[];
  order: Map<LoadedRule, number>;
  /** Candidate lists already merged, by host pair. */
  merged: Map<string, LoadedRule[]>;
}

const hostIndexes = new WeakMap<RuleSet, HostIndex>();

/** Indexes http rules by literal host so a request is checked only against rules that can hold. */
function hostIndex(rules: RuleSet): HostIndex {
  let index = hostIndexes.get(rules);
  if (index) return index;
  index = { byHost: new Map(), anyHost: [], order: new Map(), merged: new Map() };
  rules.httpRules.forEach((rule, i) => {
    index!.order.set(rule, i);
    const specs = asList(rule.match).filter((s) => s.http && !s.graphql);
    const hosts = specs.map((s) => asList(s.http!.host));
    const literal = specs.length > 0 && hosts.every((list) => list.length > 0 && list.every((h) => !/[*?[\]{}!]/.test(h)));
    if (!literal) {
      index!.anyHost.push(rule);
      return;
    }
    for (const host of new Set(hosts.flat().map((h) => h.toLowerCase()))) index!.byHost.set(host, [...(index!.byHost.get(host) ?? []), rule]);
  });
  hostIndexes.set(rules, index);
  return index;
}

function candidates(rules: RuleSet, request: HttpRequest): LoadedRule[] {
  const index = hostIndex(rules);
  const matchHost = request.matchHost.toLowerCase();
  const host = request.host.toLowerCase();
  const key = `${matchHost}\0${host}`;
  let found = index.merged.get(key);
  if (!found) {
    const specific = [...(index.byHost.get(matchHost) ?? []), ...(host !== matchHost ? index.byHost.get(host) ?? [] : [])];
    // Keep pack order: earlier rules win where the analyser takes the first hit.
    found = specific.length ? [...new Set([...index.anyHost, ...specific])].sort((a, b) => index.order.get(a)! - index.order.get(b)!) : index.anyHost;
    if (index.merged.size < 256) index.merged.set(key, found);
  }
  return found;
}

/** Rules whose `match.http` holds for the request (specs that also carry `graphql` are GraphQL rules). */
export function matchingHttpRules(rules: RuleSet, request: HttpRequest, cmd: ExecCommand): LoadedRule[] {
  const hits: LoadedRule[] = [];
  for (const rule of candidates(rules, request)) {
    if (rules.isDisabled(rule)) continue;
    const c = compiled(rule);
    const holds = (s: CompiledSpec) => httpHolds(s.http, request) && rules.commandPartHolds(rule, s.spec, cmd);
    if (!c.match.some((s) => s.http && !s.graphql && holds(s))) continue;
    if (c.unless.some((s) => !s.graphql && holds(s))) continue;
    hits.push(rule);
  }
  return hits;
}

/** Rules whose `match.graphql` (with any `http`/command part) holds for one root field of an operation. */
export function matchingGraphqlRules(rules: RuleSet, request: HttpRequest, cmd: ExecCommand, operation: Operation, field: RootField): LoadedRule[] {
  const hits: LoadedRule[] = [];
  for (const rule of rules.graphqlRules) {
    if (rules.isDisabled(rule)) continue;
    const c = compiled(rule);
    const holds = (s: CompiledSpec) =>
      graphqlHolds(s.graphql, operation, field) && httpHolds(s.http, request) && rules.commandPartHolds(rule, s.spec, cmd);
    if (!c.match.some((s) => s.graphql && holds(s))) continue;
    if (c.unless.some(holds)) continue;
    hits.push(rule);
  }
  return hits;
}
