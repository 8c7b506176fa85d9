// Turns what a client parser collected (URL text, method, headers, body) into an HttpRequest:
// the one place that applies method overrides, locality and header-value hygiene.
import type { HeaderEntry, HttpClient, HttpRequest, QueryParam, RequestBody } from './model.js';
import { displayUrl, isLoopbackHost, parseQuery, parseUrl } from './url.js';

/** Headers whose value is kept: never secret, and they change what the request does. */
const KEPT_HEADER_VALUES = new Set(['content-type', 'x-http-method-override', 'x-http-method', 'x-method-override']);
const OVERRIDE_HEADERS = ['x-http-method-override', 'x-http-method', 'x-method-override'];
const OVERRIDE_PARAMS = ['x-http-method-override', '_method'];

/** Parses `Name: value` (curl, wget) into a header entry; the value only when it is safe to keep. */
export function headerEntry(line: string): HeaderEntry | undefined {
  const colon = line.indexOf(':');
  const semi = line.indexOf(';');
  let cut = colon;
  // curl's `-H 'X-Empty;'` sends an empty header.
  if (cut < 0 || (semi >= 0 && semi < cut && line.slice(semi + 1).trim() === '')) cut = semi;
  if (cut <= 0) return undefined;
  const name = line.slice(0, cut).trim().toLowerCase();
  if (!name || /\s/.test(name)) return undefined;
  const value = line.slice(cut + 1).trim();
  return KEPT_HEADER_VALUES.has(name) ? { name, value } : { name };
}

export function keepHeader(name: string, value: string): HeaderEntry {
  const lower = name.trim().toLowerCase();
  return KEPT_HEADER_VALUES.has(lower) ? { name: lower, value: value.trim() } : { name: lower };
}

export interface RequestParts {
  client: HttpClient;
  url: string;
  defaultScheme?: string;
  method: string;
  methodKnown?: boolean;
  headers: HeaderEntry[];
  /** Media type implied by the client when no Content-Type header is given. */
  impliedContentType?: string;
  body: RequestBody;
  /** Extra query parameters the client adds (`curl -G -d`, `--url-query`, httpie `a==b`, gh fields on GET). */
  extraQuery?: QueryParam[];
  /** Replaces the URL's path (`curl --request-target`). */
  pathOverride?: string;
  unixSocket?: string;
  awsSigv4?: string;
}

export function buildRequest(parts: RequestParts): HttpRequest {
  const url = parseUrl(parts.url, parts.defaultScheme);
  const query = parts.extraQuery?.length ? [...url.query, ...parts.extraQuery] : url.query;
  const path = parts.pathOverride && parts.pathOverride.startsWith('/') ? parseUrl('x' + parts.pathOverride).path : url.path;

  let method = parts.method.toUpperCase();
  for (const header of parts.headers) {
    if (OVERRIDE_HEADERS.includes(header.name) && header.value) method = header.value.toUpperCase();
  }
  for (const param of query) {
    if (OVERRIDE_PARAMS.includes(param.name.toLowerCase()) && /^[a-z]+$/i.test(param.value)) method = param.value.toUpperCase();
  }

  let contentType = parts.impliedContentType;
  for (const header of parts.headers) if (header.name === 'content-type' && header.value) contentType = header.value;
  if (contentType) contentType = contentType.split(';')[0].trim().toLowerCase();
  // Rails/Laravel-style forms tunnel the method in the body: `_method=DELETE`.
  if (method === 'POST' && contentType === 'application/x-www-form-urlencoded' && parts.body.kind === 'text' && parts.body.text.includes('_method=')) {
    const override = parseQuery(parts.body.text).find((p) => p.name === '_method')?.value;
    if (override && /^[a-z]+$/i.test(override)) method = override.toUpperCase();
  }

  const local = parts.unixSocket !== undefined || (url.hostKnown && isLoopbackHost(url.host));
  return {
    client: parts.client,
    method,
    methodKnown: parts.methodKnown ?? true,
    get url() {
      return query === url.query && path === url.path ? url.display : displayUrl(url.scheme, url.host, url.port, path, query);
    },
    scheme: url.scheme,
    host: url.host,
    hostKnown: url.hostKnown,
    matchHost: url.matchHost,
    port: url.port,
    path,
    query,
    headers: parts.headers,
    contentType,
    body: parts.body,
    local,
    unixSocket: parts.unixSocket,
    awsSigv4: parts.awsSigv4,
  };
}
