// `railway api '<GraphQL document>'` sends the document to Railway's public GraphQL API with the
// CLI's credentials: the same surface as the incident's `volumeDelete` curl, one word shorter.
// This module only finds the document (positional argument, `-f/--file` path or `-`, or standard
// input) and its variables; the HTTP domain's GraphQL analysis judges it exactly as it judges the
// same request sent with curl. Holds are reported under this pack's rule, keeping the judging
// rule's decision (as `delegate.sql` does for SQL).
import type { Analyser, AnalysisContext, ExecCommand, Finding } from '../../types.js';
import { parseArgs, flagValue, type ParsedArgs } from '../../rules/argv.js';
import type { RequestBody } from '../http/model.js';
import { buildRequest } from '../http/build.js';
import { analyseGraphql } from '../http/graphql/analyse.js';

const RULE = 'railway.api.destructive-mutation';
const ENDPOINT = 'https://backboard.railway.com/graphql/v2';
/** `railway api schema|search|describe` only read the schema. */
const SCHEMA_COMMANDS = new Set(['schema', 'search', 'describe']);

interface ApiCall {
  parsed: ParsedArgs;
  args: string[];
  body: RequestBody;
}

/** `--var K=V` (JSON when it parses), `--raw-var K=V` and `--variables '{…}'`, as the CLI sends them. */
function variables(parsed: ParsedArgs, args: string[]): Record<string, unknown> {
  const vars: Record<string, unknown> = {};
  const json = flagValue(parsed, args, ['--variables']);
  if (json && !json.startsWith('@')) {
    try {
      const object: unknown = JSON.parse(json);
      if (object && typeof object === 'object' && !Array.isArray(object)) Object.assign(vars, object);
    } catch {
      // not JSON: the CLI rejects it
    }
  }
  for (const flag of parsed.flags) {
    if ((flag.name !== '--var' && flag.name !== '--raw-var') || !flag.value) continue;
    const eq = flag.value.indexOf('=');
    if (eq <= 0) continue;
    const [key, raw] = [flag.value.slice(0, eq).trim(), flag.value.slice(eq + 1)];
    let value: unknown = raw;
    if (flag.name === '--var') {
      try {
        value = JSON.parse(raw);
      } catch {
        value = raw;
      }
    }
    vars[key] = value;
  }
  return vars;
}

function textBody(parsed: ParsedArgs, args: string[], document: string, dynamic: boolean): RequestBody {
  const operationName = flagValue(parsed, args, ['--operation-name']);
  const text = JSON.stringify({ query: document, variables: variables(parsed, args), ...(operationName ? { operationName } : {}) });
  return { kind: 'text', text, dynamic };
}

/** The `railway api` invocation and what it sends, when the command is one. */
function apiCall(cmd: ExecCommand, ctx: AnalysisContext): ApiCall | undefined {
  const args = cmd.argv.slice(1);
  const parsed = parseArgs(args, ctx.rules.tool('railway'));
  const at = parsed.positionals.findIndex((p) => !p.maybeFlagValue || p.value === 'api');
  if (at < 0 || parsed.positionals[at].value !== 'api') return undefined;
  const next = parsed.positionals[at + 1];
  if (next && SCHEMA_COMMANDS.has(next.value)) return undefined;
  if (next) return { parsed, args, body: textBody(parsed, args, next.value, cmd.dynamic[next.index + 1] === true) };
  const file = flagValue(parsed, args, ['-f', '--file']);
  if (file !== undefined && file !== '-') {
    const text = ctx.readFile(file, cmd.cwd);
    return { parsed, args, body: text === undefined ? { kind: 'unknown', source: `the file ${file}` } : textBody(parsed, args, text, false) };
  }
  const stdin = cmd.stdin;
  if (stdin && 'text' in stdin) return { parsed, args, body: textBody(parsed, args, stdin.text, false) };
  if (stdin) return { parsed, args, body: { kind: 'unknown', source: 'standard input' } };
  return undefined; // interactive: the CLI asks for a document on a terminal
}

export const railwayApi: Analyser = {
  name: 'platform.railway-api',
  commands: ['railway'],
  analyse(cmd, ctx) {
    const rule = ctx.rules.byId.get(RULE);
    if (!rule || ctx.rules.isDisabled(rule)) return [];
    const call = apiCall(cmd, ctx);
    if (!call) return [];
    const request = buildRequest({
      client: 'curl',
      url: ENDPOINT,
      method: 'POST',
      headers: [{ name: 'content-type', value: 'application/json' }],
      body: call.body,
    });
    return analyseGraphql(request, cmd, ctx.rules).findings.map((finding): Finding => {
      const decision = finding.decision ?? ctx.rules.byId.get(finding.rule)?.decision;
      // Routine mutations keep the allow rule that recognised them; only holds move under this rule.
      if (decision === 'allow') return finding;
      return { ...finding, rule: rule.id, decision, hints: [...(finding.hints ?? []), `judged by ${finding.rule}`, 'GraphQL sent by railway api'] };
    });
  },
};
