// Finds the GraphQL payloads a request carries: JSON `{query, variables, operationName}` (or a
// batched array of them), a raw `application/graphql` body, form/query-string `query=…`,
// multipart `operations` (the upload spec), and persisted queries that send only a hash.
import type { HttpRequest } from '../model.js';
import { parseQuery } from '../url.js';

export interface GraphqlPayload {
  /** Document text; undefined for a persisted query (hash only). */
  query?: string;
  variables: Record<string, unknown>;
  operationName?: string;
  /** Where it came from, for hints: 'json body', 'query string' … */
  source: string;
}

export type Detection =
  | { kind: 'none' }
  | { kind: 'payloads'; payloads: GraphqlPayload[] }
  /** Text that clearly tries to be a mutation but is not valid JSON / GraphQL: fail closed. */
  | { kind: 'malformed'; why: string };

const NONE: Detection = { kind: 'none' };

/** A GraphQL document starts with an operation keyword, `fragment` or `{` (after comments). */
export function looksLikeDocument(text: string): boolean {
  const t = text.replace(/^(\s|,|#[^\n]*\n?)*/, '');
  return /^(query|mutation|subscription|fragment)\b/.test(t) || t.startsWith('{');
}

/** The cheap test before any parsing: without the word `mutation` a document cannot mutate. */
export function mentionsMutation(text: string): boolean {
  return text.includes('mutation') || text.includes('\\u') || /%6d/i.test(text);
}

export function triesToMutate(text: string): boolean {
  return /\bmutation\s*[({A-Za-z_]/.test(text);
}

const asObject = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

function parseVariables(value: unknown): Record<string, unknown> {
  if (typeof value === 'string') {
    try {
      return asObject(JSON.parse(value));
    } catch {
      return {};
    }
  }
  return asObject(value);
}

function fromObject(value: unknown, source: string): GraphqlPayload | undefined {
  const object = asObject(value);
  const query = object.query;
  const operationName = typeof object.operationName === 'string' ? object.operationName : undefined;
  if (typeof query === 'string') {
    if (!looksLikeDocument(query)) return undefined;
    return { query, variables: parseVariables(object.variables), operationName, source };
  }
  const extensions = asObject(object.extensions);
  if (extensions.persistedQuery !== undefined) return { variables: parseVariables(object.variables), operationName, source: `${source} (persisted query)` };
  return undefined;
}

function fromJson(value: unknown, source: string): GraphqlPayload[] {
  const items = Array.isArray(value) ? value : [value];
  const payloads: GraphqlPayload[] = [];
  for (const item of items) {
    const payload = fromObject(item, source);
    if (payload) payloads.push(payload);
  }
  return payloads;
}

/**
 * Recovers the document from JSON an agent got wrong (unescaped quotes inside the query string):
 * curl sends it as is and some servers are lenient, so the mutation inside still decides.
 */
function salvageQuery(text: string): string | undefined {
  const m = /"query"\s*:\s*"/.exec(text);
  if (!m) return undefined;
  let inner = text.slice(m.index + m[0].length);
  const end = inner.search(/"\s*(,\s*"(variables|operationName|extensions)"\s*:|}\s*]?\s*$)/);
  if (end < 0) return undefined;
  inner = inner.slice(0, end);
  return inner.replace(/\\(["\\/bfnrt])/g, (_, ch: string) => ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' })[ch] ?? ch);
}

function fromText(text: string, contentType: string | undefined, graphqlPath: boolean, source: string): Detection {
  const trimmed = text.trim();
  // JSON starts `[` or `{"`; a raw document's selection set starts `{` and a field name.
  const json = trimmed.startsWith('[') || /^\{\s*("|\})/.test(trimmed);
  if (contentType === 'application/graphql' || (!json && looksLikeDocument(trimmed) && (graphqlPath || triesToMutate(trimmed)))) {
    return { kind: 'payloads', payloads: [{ query: trimmed, variables: {}, source: `${source} (raw document)` }] };
  }
  if (json) {
    try {
      const payloads = fromJson(JSON.parse(trimmed), source);
      return payloads.length ? { kind: 'payloads', payloads } : NONE;
    } catch {
      if (!triesToMutate(trimmed)) return NONE;
      const salvaged = salvageQuery(trimmed);
      if (salvaged !== undefined && looksLikeDocument(salvaged)) {
        return { kind: 'payloads', payloads: [{ query: salvaged, variables: {}, source: `${source} (invalid JSON)` }] };
      }
      return { kind: 'malformed', why: 'the body mentions a mutation but is not valid JSON' };
    }
  }
  if (trimmed.includes('=')) {
    const payload = fromParams(parseQuery(trimmed), source);
    if (payload) return { kind: 'payloads', payloads: [payload] };
  }
  return NONE;
}

function fromParams(params: Array<{ name: string; value: string }>, source: string): GraphqlPayload | undefined {
  const get = (name: string) => params.find((p) => p.name === name)?.value;
  const query = get('query');
  if (query === undefined || !looksLikeDocument(query)) return undefined;
  return { query, variables: parseVariables(get('variables')), operationName: get('operationName'), source };
}

/** The GraphQL payloads of a request. Cheap when nothing can be a mutation. */
export function detectGraphql(request: HttpRequest): Detection {
  const graphqlPath = request.path.toLowerCase().includes('graphql');
  const payloads: GraphqlPayload[] = [];
  let malformed: Detection | undefined;

  const queryText = request.query.find((p) => p.name === 'query')?.value;
  if (queryText !== undefined && mentionsMutation(queryText)) {
    const payload = fromParams(request.query, 'query string');
    if (payload) payloads.push(payload);
  }

  const body = request.body;
  if (body.kind === 'text' && mentionsMutation(body.text)) {
    const found = fromText(body.text, request.contentType, graphqlPath, 'body');
    if (found.kind === 'payloads') payloads.push(...found.payloads);
    else if (found.kind === 'malformed') malformed = found;
  } else if (body.kind === 'text' && body.text.includes('persistedQuery')) {
    const found = fromText(body.text, request.contentType, graphqlPath, 'body');
    if (found.kind === 'payloads') payloads.push(...found.payloads);
  } else if (body.kind === 'multipart') {
    for (const field of body.fields) {
      if (field.value === undefined || !mentionsMutation(field.value)) continue;
      if (field.name === 'operations') {
        const found = fromText(field.value, 'application/json', graphqlPath, 'multipart operations');
        if (found.kind === 'payloads') payloads.push(...found.payloads);
        else if (found.kind === 'malformed') malformed = found;
      } else if (field.name === 'query' && looksLikeDocument(field.value)) {
        payloads.push({ query: field.value, variables: {}, source: 'multipart query field' });
      }
    }
  }
  if (payloads.length) return { kind: 'payloads', payloads };
  return malformed ?? NONE;
}
