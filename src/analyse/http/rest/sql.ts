// SQL carried over HTTP: Supabase's `database/query`, Neon's `/sql`, Turso/libSQL `/v2/pipeline`,
// Cloudflare D1 `/query`, PlanetScale `…/Execute`, Hasura `run_sql`, ClickHouse and InfluxDB query
// endpoints, Snowflake/Databricks statements. The SQL text itself is judged by the shared SQL
// analyser; the finding is re-labelled as `http.sql-over-http` with that analyser's decision.
import type { AnalysisContext, ExecCommand, Finding } from '../../../types.js';
import type { HttpRequest } from '../model.js';
import { parseQuery } from '../url.js';
import { jsonBody, type CheckResult } from './check.js';
import { requestHints } from './describe.js';

const SQL_START =
  /^\s*(?:(?:\/\*[\s\S]*?\*\/|--[^\n]*(?:\n|$))\s*)*(select|insert|update|delete|drop|truncate|alter|create|with|replace|merge|grant|revoke|begin|start|set|vacuum|copy|pragma|attach|detach|rename|comment|do|call|exec|execute|use|show|describe|explain|lock|reindex|cluster|upsert|optimize|system|kill|undrop|exchange)\b/i;

export function looksLikeSql(text: string): boolean {
  return SQL_START.test(text);
}

/** JSON keys under which SQL-over-HTTP APIs put statements. */
const SQL_KEYS = new Set(['sql', 'query', 'statement', 'statements', 'stmt', 'q', 'queries', 'command', 'commands']);
const SQL_PARAMS = ['query', 'q', 'sql', 'statement'];
const SQL_GET_PARAMS = ['query', 'sql', 'statement'];
const MAX_TEXTS = 16;
const MAX_DEPTH = 8;

function collectFromJson(value: unknown, key: string | undefined, out: string[], depth: number): void {
  if (out.length >= MAX_TEXTS || depth > MAX_DEPTH) return;
  if (typeof value === 'string') {
    if (key !== undefined && SQL_KEYS.has(key) && looksLikeSql(value)) out.push(value);
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) collectFromJson(item, key, out, depth + 1);
    return;
  }
  if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    // Hasura: {"type": "run_sql", "args": {"sql": "…"}}, also inside {"type": "bulk", "args": [ … ]}.
    if (object.type === 'run_sql' && object.args && typeof object.args === 'object') {
      const sql = (object.args as Record<string, unknown>).sql;
      if (typeof sql === 'string') out.push(sql);
    }
    for (const [k, v] of Object.entries(object)) collectFromJson(v, k.toLowerCase(), out, depth + 1);
  }
}

/** Every SQL text the request sends. */
export function sqlTexts(request: HttpRequest): string[] {
  const texts: string[] = [];
  // ClickHouse, InfluxDB 1.x and friends take the statement in the query string; admin bridges
  // run it even on a GET. (Not `q` on a GET: that is every search API's query.)
  const params = request.method === 'GET' || request.method === 'HEAD' ? SQL_GET_PARAMS : SQL_PARAMS;
  for (const param of request.query) if (params.includes(param.name.toLowerCase()) && looksLikeSql(param.value)) texts.push(param.value);
  const body = request.body;
  if (body.kind === 'text') {
    const json = jsonBody(request);
    if (json !== undefined) collectFromJson(json, undefined, texts, 0);
    else if (looksLikeSql(body.text)) texts.push(body.text);
    else if (body.text.includes('=')) {
      for (const param of parseQuery(body.text)) if (SQL_PARAMS.includes(param.name.toLowerCase()) && looksLikeSql(param.value)) texts.push(param.value);
    }
  } else if (body.kind === 'multipart') {
    for (const field of body.fields) if (field.value !== undefined && SQL_PARAMS.includes(field.name) && looksLikeSql(field.value)) texts.push(field.value);
  }
  return [...new Set(texts)].slice(0, MAX_TEXTS);
}

export function checkSqlOverHttp(request: HttpRequest, ctx: AnalysisContext, cmd: ExecCommand): CheckResult | undefined {
  const texts = sqlTexts(request);
  if (texts.length === 0) return undefined;
  const findings: Finding[] = [];
  for (const text of texts) {
    for (const finding of ctx.analyseSql(text, cmd)) {
      findings.push({
        rule: 'http.sql-over-http',
        action: finding.action,
        target: finding.target,
        reason: `${finding.reason} The statement is sent to ${request.host} over its SQL HTTP API.`,
        decision: finding.decision ?? ctx.rules.byId.get(finding.rule)?.decision,
        hints: requestHints(request, [...(finding.hints ?? []), 'SQL over HTTP']),
      });
    }
  }
  return { findings, handled: true };
}
