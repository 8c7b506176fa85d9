// The request model: what an HTTP client invocation sends, as far as the command line shows it.
// Every client parser (curl, wget, httpie/xh, gh/glab api) produces these; rules and GraphQL
// analysis only ever look at this shape, never at argv.

export type HttpClient = 'curl' | 'wget' | 'httpie' | 'xh' | 'gh' | 'glab';

export interface QueryParam {
  /** Decoded name and value (`+` read as a space). */
  name: string;
  value: string;
}

export interface HeaderEntry {
  /** Lower-case header name. */
  name: string;
  /**
   * The value, kept only for headers that are never secret and that change what the request does
   * (content-type, method overrides). Authorization, Cookie, API keys … keep their name only.
   */
  value?: string;
}

export interface FormField {
  name: string;
  /** Inline text or file contents we could read; undefined for file uploads (`name=@file`) and unreadable files. */
  value?: string;
  /** `name=@file` upload or `name=<file` contents: the file path. */
  file?: string;
}

export type RequestBody =
  | { kind: 'none' }
  /** Text the client sends. `dynamic` when part of it is an unresolved shell expansion (`$PAYLOAD`, `$(cat f)`). */
  | { kind: 'text'; text: string; dynamic: boolean }
  /** multipart/form-data (`curl -F`, `http --multipart`). */
  | { kind: 'multipart'; fields: FormField[] }
  /** A body is sent but its content cannot be known: an unreadable `@file`, unknown stdin, `-T file`, a config file. */
  | { kind: 'unknown'; source: string };

export interface HttpRequest {
  client: HttpClient;
  /** Upper-case method after method-override headers and query parameters (`X-HTTP-Method-Override: DELETE`). */
  method: string;
  /** False when the method comes from something we cannot see (`-X "$M"`, an unreadable curl config). */
  methodKnown: boolean;
  /** Display form of the URL: no credentials, secret query values and token-shaped path segments masked. */
  url: string;
  /** 'http', 'https', 'ftp' …; for `--unix-socket` requests the URL's scheme. */
  scheme: string;
  /**
   * Lower-case host name without port. For a host held in a variable this is its source text
   * (`$api_url`, `${FLY_API_HOSTNAME}`) and `hostKnown` is false.
   */
  host: string;
  hostKnown: boolean;
  /** Host used for rule matching: `host`, or for well-known variables the host they stand for (`FLY_API_HOSTNAME` → api.machines.dev). */
  matchHost: string;
  port?: number;
  /** Normalised path: starts with '/', dot segments resolved, `%xx` decoded except `%2F`, no trailing '/'. */
  path: string;
  query: QueryParam[];
  headers: HeaderEntry[];
  /** Lower-case media type without parameters, from the headers or implied by the client (`--json`, `-d`, httpie items). */
  contentType?: string;
  body: RequestBody;
  /** The agent's own machine: a loopback host, `host.docker.internal`, or a unix socket. */
  local: boolean;
  unixSocket?: string;
  /** `curl --aws-sigv4 provider1:provider2:region:service`: the signing scope (never a secret). */
  awsSigv4?: string;
}

export const NO_BODY: RequestBody = { kind: 'none' };

/** Text of the body when it is known text (possibly partly dynamic). */
export function bodyText(request: HttpRequest): string | undefined {
  return request.body.kind === 'text' ? request.body.text : undefined;
}

export function queryValue(request: HttpRequest, name: string): string | undefined {
  for (const param of request.query) if (param.name === name) return param.value;
  return undefined;
}

export function hasQuery(request: HttpRequest, name: string): boolean {
  return request.query.some((param) => param.name === name);
}

export function headerValue(request: HttpRequest, name: string): string | undefined {
  for (const header of request.headers) if (header.name === name) return header.value;
  return undefined;
}

const segmentCache = new WeakMap<HttpRequest, string[]>();

/** Path segments, still `%2F`-encoded inside a segment (computed once per request; do not mutate). */
export function pathSegments(request: HttpRequest): string[] {
  let segments = segmentCache.get(request);
  if (!segments) {
    segments = request.path.split('/').filter(Boolean);
    segmentCache.set(request, segments);
  }
  return segments;
}
