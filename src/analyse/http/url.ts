// URL parsing for requests whose URL may be partly unknown (`"$API"/v1/apps`, `${FLY_API_HOSTNAME}/v1/…`,
// `localhost:9200/logs-*`, httpie's `:3000/path`). WHATWG `URL` rejects most of these, so this is a
// small tolerant parser that keeps what is known: the path survives an unknown host.
import type { HttpRequest, QueryParam } from './model.js';
import { MASK, isSecretQueryName, maskPath } from './secrets.js';
import { own } from '../../util/own.js';
import { expansionEnd } from '../../util/shell-expansion.js';

/** The parts of a request that its URL gives (documented on HttpRequest, which takes them over). */
export interface ParsedUrl extends Pick<HttpRequest, 'scheme' | 'host' | 'hostKnown' | 'matchHost' | 'port' | 'path' | 'query'> {
  /** Display form without credentials and with secret values masked. */
  display: string;
}

/** Variables whose value is a well-known API host, as the providers' docs name them. */
const HOST_VARIABLES: Record<string, string> = {
  FLY_API_HOSTNAME: 'api.machines.dev',
  FLY_API_HOST: 'api.machines.dev',
  SUPABASE_URL: 'project.supabase.co',
  NEXT_PUBLIC_SUPABASE_URL: 'project.supabase.co',
  SUPABASE_API_URL: 'project.supabase.co',
  UPSTASH_REDIS_REST_URL: 'database.upstash.io',
  KV_REST_API_URL: 'database.upstash.io',
  RAILWAY_API_URL: 'backboard.railway.app',
  RAILWAY_GRAPHQL_URL: 'backboard.railway.app',
  GITHUB_API_URL: 'api.github.com',
  CI_API_V4_URL: 'gitlab.com',
  VERCEL_API_URL: 'api.vercel.com',
  NEON_API_URL: 'console.neon.tech',
  TURSO_DATABASE_URL: 'database.turso.io',
};

const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//;

/** Splits at the first of `stops` outside shell expansions (a `/` inside `${API}` is not a separator). */
function splitAt(text: string, stops: string): [string, string] {
  for (let i = 0; i < text.length; ) {
    const ch = text[i];
    if (ch === '$' || ch === '`') {
      i = expansionEnd(text, i);
      continue;
    }
    if (stops.includes(ch)) return [text.slice(0, i), text.slice(i)];
    i++;
  }
  return [text, ''];
}

function safeDecode(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Decodes `%xx` except `%2F`, which stays inside its segment (`projects/acme%2Fapi`). */
function decodeSegment(segment: string): string {
  if (!segment.includes('%')) return segment;
  return segment
    .split(/%2f/i)
    .map(safeDecode)
    .join('%2F');
}

export function normalisePath(raw: string): string {
  const out: string[] = [];
  for (const segment of raw.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      out.pop();
      continue;
    }
    out.push(decodeSegment(segment));
  }
  return '/' + out.join('/');
}

export function parseQuery(text: string): QueryParam[] {
  const params: QueryParam[] = [];
  if (!text) return params;
  for (const pair of text.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const name = eq < 0 ? pair : pair.slice(0, eq);
    const value = eq < 0 ? '' : pair.slice(eq + 1);
    params.push({ name: safeDecode(name.replace(/\+/g, ' ')), value: safeDecode(value.replace(/\+/g, ' ')) });
  }
  return params;
}

function variableName(host: string): string | undefined {
  const m = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)/.exec(host);
  return m ? m[1] : undefined;
}

export function displayQuery(query: QueryParam[]): string {
  if (query.length === 0) return '';
  return '?' + query.map((p) => (p.value === '' ? p.name : `${p.name}=${isSecretQueryName(p.name) ? MASK : p.value}`)).join('&');
}

export function displayUrl(scheme: string, host: string, port: number | undefined, path: string, query: QueryParam[]): string {
  return `${scheme}://${host}${port !== undefined ? ':' + port : ''}${maskPath(path)}${displayQuery(query)}`;
}

/**
 * Parses a URL as an HTTP client would read it. `defaultScheme` applies when none is given
 * (curl and httpie assume http; `https`/`xhs` assume https).
 */
export function parseUrl(raw: string, defaultScheme = 'http'): ParsedUrl {
  let rest = raw.trim();
  let scheme = defaultScheme;
  const m = SCHEME.exec(rest);
  if (m) {
    scheme = m[1].toLowerCase();
    rest = rest.slice(m[0].length);
  }
  const [authority, afterAuthority] = splitAt(rest, '/?#');
  const [pathPart, afterPath] = splitAt(afterAuthority, '?#');
  const queryText = afterPath.startsWith('?') ? splitAt(afterPath.slice(1), '#')[0] : '';

  // user:password@host — the credentials are dropped here and never stored.
  const at = authority.lastIndexOf('@');
  let hostPort = at >= 0 ? authority.slice(at + 1) : authority;
  let port: number | undefined;
  if (hostPort.startsWith('[')) {
    const close = hostPort.indexOf(']');
    const after = close >= 0 ? hostPort.slice(close + 1) : '';
    if (after.startsWith(':') && /^\d+$/.test(after.slice(1))) port = Number(after.slice(1));
    hostPort = close >= 0 ? hostPort.slice(1, close) : hostPort;
  } else {
    const colon = hostPort.lastIndexOf(':');
    if (colon >= 0 && /^\d*$/.test(hostPort.slice(colon + 1))) {
      const digits = hostPort.slice(colon + 1);
      if (digits) port = Number(digits);
      hostPort = hostPort.slice(0, colon);
    }
  }
  const hostKnown = hostPort !== '' && !/[$`]/.test(hostPort);
  // A variable's name keeps its case (`$SUPABASE_URL`); a real host name is case-insensitive.
  let host = hostKnown ? hostPort.toLowerCase().replace(/\.$/, '') : hostPort;
  if (!host) host = '$unknown';
  let matchHost = host;
  if (!hostKnown) {
    const name = variableName(host);
    const known = name ? own(HOST_VARIABLES, name.toUpperCase()) : undefined;
    if (known) matchHost = known;
    else matchHost = host.toLowerCase();
  }
  const path = normalisePath(pathPart);
  const query = parseQuery(queryText);
  return {
    scheme,
    host,
    hostKnown,
    matchHost,
    port,
    path,
    query,
    // Masked for display, so built only when a finding shows it.
    get display() {
      return displayUrl(scheme, host, port, path, query);
    },
  };
}

const LOOPBACK_NAMES = new Set(['localhost', 'ip6-localhost', 'ip6-loopback', '::1', '0.0.0.0', '0', 'host.docker.internal', 'host.containers.internal']);

/** The agent's own machine. An unknown host is not: it is judged as a remote API. */
export function isLoopbackHost(host: string): boolean {
  if (LOOPBACK_NAMES.has(host)) return true;
  if (host.endsWith('.localhost')) return true;
  if (/^127(\.\d{1,3}){0,3}$/.test(host)) return true;
  if (/^(0:){0,7}:?0*1$/.test(host) || host === '0:0:0:0:0:0:0:1') return true;
  return false;
}
