// `gh api` and `glab api`: authenticated REST/GraphQL calls to GitHub and GitLab. The endpoint is a
// path (`repos/acme/api/git/refs/heads/x`, `projects/:id/…`) on the forge's API host; fields
// (`-f`/`-F`/`--raw-field`/`--field`) or `--input` make it a POST unless `-X` says otherwise, and on a
// GET they become the query string. The `graphql` endpoint takes `query` and variables as fields.
import type { AnalysisContext, ExecCommand } from '../../../types.js';
import { buildRequest, headerEntry } from '../build.js';
import type { HeaderEntry, HttpRequest, QueryParam, RequestBody } from '../model.js';
import { readNamedFile } from './sources.js';

const WITH_VALUE = new Set(['-X', '--method', '-F', '--field', '-f', '--raw-field', '-H', '--header', '--hostname', '--input', '-q', '--jq', '-t', '--template', '--cache', '-p', '--preview', '--output']);

interface Forge {
  client: 'gh' | 'glab';
  defaultHost: string;
  hostEnv: string[];
  restPrefix(host: string): string;
  graphqlPath(host: string): string;
}

const GITHUB: Forge = {
  client: 'gh',
  defaultHost: 'api.github.com',
  hostEnv: ['GH_HOST'],
  // GitHub Enterprise Server serves the REST API under /api/v3 on its own host.
  restPrefix: (host) => (host === 'api.github.com' ? '' : '/api/v3'),
  graphqlPath: (host) => (host === 'api.github.com' ? '/graphql' : '/api/graphql'),
};

const GITLAB: Forge = {
  client: 'glab',
  defaultHost: 'gitlab.com',
  hostEnv: ['GITLAB_HOST', 'GL_HOST'],
  restPrefix: () => '/api/v4',
  graphqlPath: () => '/api/graphql',
};

/** gh's typed `-F` values: true/false/null/integers become JSON, `@file` reads a file. */
function typedValue(value: string, cmd: ExecCommand, ctx: AnalysisContext): unknown {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (value === 'null') return null;
  if (/^-?\d+$/.test(value)) return Number(value);
  if (value.startsWith('@')) {
    const source = readNamedFile(value.slice(1), cmd, ctx, false);
    return 'unknown' in source ? undefined : source.text;
  }
  return value;
}

export function forgeApiRequests(cmd: ExecCommand, ctx: AnalysisContext): HttpRequest[] {
  const forge = cmd.name === 'glab' ? GITLAB : GITHUB;
  if (cmd.argv[1] !== 'api') return [];
  const args = cmd.argv.slice(2);
  let endpoint: string | undefined;
  let method: string | undefined;
  let methodDynamic = false;
  let hostname: string | undefined;
  let input: string | undefined;
  const headers: HeaderEntry[] = [];
  const fields: Array<[string, unknown]> = [];
  let unknownField: string | undefined;

  for (let i = 0; i < args.length; i++) {
    let arg = args[i];
    let value: string | undefined;
    let valueDynamic = false;
    if (!arg.startsWith('-') || arg === '-') {
      endpoint ??= arg;
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    if (eq > 0) {
      value = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
      valueDynamic = cmd.dynamic[i + 2] ?? false;
    } else if (!arg.startsWith('--') && arg.length > 2 && WITH_VALUE.has(arg.slice(0, 2))) {
      value = arg.slice(2);
      arg = arg.slice(0, 2);
      valueDynamic = cmd.dynamic[i + 2] ?? false;
    } else if (WITH_VALUE.has(arg) && i + 1 < args.length) {
      value = args[++i];
      valueDynamic = cmd.dynamic[i + 2] ?? false;
    }
    if (value === undefined) continue;
    switch (arg) {
      case '-X':
      case '--method':
        method = value.toUpperCase();
        methodDynamic = valueDynamic;
        break;
      case '--hostname':
        hostname = value;
        break;
      case '--input':
        input = value;
        break;
      case '-H':
      case '--header': {
        const entry = headerEntry(value);
        if (entry) headers.push(entry);
        break;
      }
      case '-f':
      case '--raw-field':
      case '-F':
      case '--field': {
        const eqAt = value.indexOf('=');
        if (eqAt <= 0) break;
        const key = value.slice(0, eqAt);
        const raw = value.slice(eqAt + 1);
        const typed = arg === '-F' || arg === '--field' ? typedValue(raw, cmd, ctx) : raw;
        if (typed === undefined) unknownField ??= raw;
        fields.push([key, typed]);
        break;
      }
    }
  }
  if (!endpoint) return [];

  const host = (hostname ?? forge.hostEnv.map((name) => cmd.env[name]).find(Boolean) ?? forge.defaultHost).toLowerCase();
  const apiHost = forge.client === 'gh' && host === 'github.com' ? 'api.github.com' : host;
  const isGraphql = endpoint === 'graphql';
  const [endpointPath, endpointQuery] = endpoint.split('?', 2);
  const path = isGraphql ? forge.graphqlPath(apiHost) : `${forge.restPrefix(apiHost)}/${endpointPath.replace(/^\/+/, '')}`;
  const hasParams = fields.length > 0 || input !== undefined;
  const finalMethod = method ?? (hasParams || isGraphql ? 'POST' : 'GET');

  let body: RequestBody = { kind: 'none' };
  let impliedContentType: string | undefined;
  const extraQuery: QueryParam[] = [];
  if (input !== undefined) {
    const source = readNamedFile(input, cmd, ctx, false);
    body = 'unknown' in source ? { kind: 'unknown', source: source.unknown } : { kind: 'text', text: source.text, dynamic: source.dynamic };
    impliedContentType = 'application/json';
  } else if (fields.length && finalMethod === 'GET' && !isGraphql) {
    for (const [name, value] of fields) extraQuery.push({ name, value: typeof value === 'string' ? value : JSON.stringify(value) });
  } else if (unknownField !== undefined) {
    body = { kind: 'unknown', source: `@${unknownField.slice(1)}` };
  } else if (fields.length) {
    let payload: Record<string, unknown>;
    if (isGraphql) {
      // gh/glab send `query` (and `operationName`) at the top level and every other field as a variable.
      const variables: Record<string, unknown> = {};
      payload = {};
      for (const [key, value] of fields) {
        if (key === 'query' || key === 'operationName') payload[key] = value;
        else variables[key] = value;
      }
      if (Object.keys(variables).length) payload.variables = variables;
    } else payload = Object.fromEntries(fields);
    body = { kind: 'text', text: JSON.stringify(payload), dynamic: false };
    impliedContentType = 'application/json';
  }

  return [
    buildRequest({
      client: forge.client,
      url: `https://${apiHost}${path}${endpointQuery ? '?' + endpointQuery : ''}`,
      method: finalMethod,
      methodKnown: !methodDynamic,
      headers,
      impliedContentType,
      body,
      extraQuery,
    }),
  ];
}
