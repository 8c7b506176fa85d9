// GraphQL over HTTP: the executed operation's root mutation fields decide. Declarative
// `match.graphql` rules (Railway's API, user rules) judge a field first; fields no rule names get
// the generic verb judgement. Unparseable text that tries to mutate fails closed.
import type { ExecCommand, Finding } from '../../../types.js';
import type { RuleSet } from '../../../rules/registry.js';
import type { HttpRequest } from '../model.js';
import { maskPath } from '../secrets.js';
import { matchingGraphqlRules } from '../rule-match.js';
import { destructiveVerbIn } from '../../verbs.js';
import { detectGraphql, looksLikeDocument, triesToMutate, type GraphqlPayload } from './detect.js';
import { fieldTarget, judgeMutationField } from './judge.js';
import { parseOperations, type Operation, type RootField } from './parse.js';

export interface GraphqlResult {
  findings: Finding[];
  /** The request carried GraphQL: REST defaults (DELETE …) do not apply to it. */
  isGraphql: boolean;
}

const NOT_GRAPHQL: GraphqlResult = { findings: [], isGraphql: false };

const RAILWAY_HOST = /^backboard\.railway\.(app|com)$/;

function endpoint(request: HttpRequest): string {
  return `${request.host}${maskPath(request.path)}`;
}

function fieldFindings(rules: RuleSet, request: HttpRequest, cmd: ExecCommand, operation: Operation, field: RootField): Finding[] {
  const hits = matchingGraphqlRules(rules, request, cmd, operation, field);
  if (hits.length) {
    return hits.map((rule) => ({
      rule: rule.id,
      action: rule.action,
      target: rule.target?.text ?? fieldTarget(field),
      reason: rule.reason,
      hints: [`${operation.type} ${field.name}`, `endpoint ${endpoint(request)}`],
    }));
  }
  if (operation.type !== 'mutation') return [];
  const verdict = judgeMutationField(field, request.local);
  if (!verdict) return [];
  return [
    {
      rule: verdict.rule,
      action: verdict.action,
      target: verdict.target,
      reason:
        verdict.rule === 'graphql.match-all-write'
          ? `The ${field.name} mutation's filter matches every row, so it changes or deletes the whole table.`
          : `The ${field.name} mutation ${verdict.action.split(' ')[0]}s what it names on ${request.host}; GraphQL mutations run immediately and cannot be undone.`,
      hints: [...verdict.hints, `endpoint ${endpoint(request)}`],
    },
  ];
}

function payloadFindings(rules: RuleSet, request: HttpRequest, cmd: ExecCommand, payload: GraphqlPayload): Finding[] {
  if (payload.query === undefined) {
    // Persisted query: only the operation name is visible.
    const name = payload.operationName ?? '';
    if (!destructiveVerbIn(name) || request.local) return [];
    return [
      {
        rule: 'graphql.destructive-mutation',
        action: `run persisted operation ${name}`,
        reason: `A persisted GraphQL operation named ${name} is sent by hash; its name says it destroys data and the document cannot be checked.`,
        hints: ['persisted query', `endpoint ${endpoint(request)}`],
      },
    ];
  }
  // The cheap path: no `mutation` keyword, no mutation (queries and introspection read).
  if (!payload.query.includes('mutation')) return [];
  const parsed = parseOperations(payload.query, payload.variables, payload.operationName);
  if (!parsed.ok) {
    if (!triesToMutate(payload.query) || request.local) return [];
    return [malformed(request, `the GraphQL document does not parse (${parsed.error})`)];
  }
  const findings: Finding[] = [];
  for (const operation of parsed.operations) {
    if (operation.type !== 'mutation' && !rules.graphqlRules.length) continue;
    for (const field of operation.fields) findings.push(...fieldFindings(rules, request, cmd, operation, field));
  }
  return findings;
}

function malformed(request: HttpRequest, why: string): Finding {
  return {
    rule: 'graphql.malformed-mutation',
    action: 'send an unparseable GraphQL mutation',
    reason: `The request to ${request.host} tries to run a mutation but ${why}, so what it would change cannot be checked.`,
    hints: [`endpoint ${endpoint(request)}`],
  };
}

/** A dynamic body whose document is still visible (`{"query":"query { project(id: \"$ID\") … }"}`). */
function documentVisible(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text.trim());
    const items = Array.isArray(value) ? value : [value];
    return items.length > 0 && items.every((item) => typeof item?.query === 'string' && looksLikeDocument(item.query));
  } catch {
    return false;
  }
}

/** Railway's GraphQL API with a payload we cannot see (unreadable @file, unknown stdin, `$PAYLOAD`). */
function unseenRailwayPayload(request: HttpRequest): Finding[] {
  if (!RAILWAY_HOST.test(request.matchHost)) return [];
  const body = request.body;
  let unseen: string | undefined;
  if (body.kind === 'unknown') unseen = body.source;
  else if (body.kind === 'text' && body.dynamic && !documentVisible(body.text)) unseen = 'a shell expansion';
  if (!unseen) return [];
  return [
    {
      rule: 'graphql.railway.unknown-payload',
      action: 'send an unseen GraphQL payload to Railway',
      reason: `The payload sent to Railway's API comes from ${unseen}, which cannot be checked; that API deletes volumes, services and projects with one mutation.`,
      hints: [`endpoint ${endpoint(request)}`],
    },
  ];
}

export function analyseGraphql(request: HttpRequest, cmd: ExecCommand, rules: RuleSet): GraphqlResult {
  const detection = detectGraphql(request);
  if (detection.kind === 'none') {
    const unseen = unseenRailwayPayload(request);
    return unseen.length ? { findings: unseen, isGraphql: true } : NOT_GRAPHQL;
  }
  if (detection.kind === 'malformed') {
    return { findings: request.local ? [] : [malformed(request, detection.why)], isGraphql: true };
  }
  const findings: Finding[] = [];
  for (const payload of detection.payloads) findings.push(...payloadFindings(rules, request, cmd, payload));
  return { findings, isGraphql: true };
}
