// Where a database client connects, reduced to what a human needs to judge the stakes (host and
// database name) and never carrying credentials: `postgres://u:secret@prod-db/app` → host
// `prod-db`, database `app`. Production-looking names become hints.
import { splitIdentifier } from '../verbs.js';

export interface Endpoint {
  host?: string;
  database?: string;
}

const PRODUCTION_WORDS = new Set(['prod', 'production', 'prd', 'live', 'primary']);

/** True when a name reads as production: `prod-db.internal`, `app_production`, `acme-prod`, `PROD_DATABASE_URL`, `db-prd-1`. */
export function looksProduction(name: string | undefined): boolean {
  if (!name) return false;
  for (const word of splitIdentifier(name)) if (PRODUCTION_WORDS.has(word.replace(/\d+$/, ''))) return true;
  return false;
}

/** A value that is (or holds) a variable: `$DATABASE_URL`, `${PGHOST}`. */
export function isVariable(value: string): boolean {
  return value.includes('$');
}

/** Parses a URL (`postgres://…`, `mysql://`, `mongodb+srv://`, `redis://`, `jdbc:…`), a libpq `key=value` string, or a `Key=Value;` ADO string. */
export function parseEndpoint(value: string): Endpoint {
  const text = value.trim().replace(/^jdbc:/i, '');
  const url = /^([a-z][a-z0-9+.-]*):\/\/(?:[^@/?#]*@)?([^/?#]*)(?:\/([^?#]*))?/i.exec(text);
  if (url) {
    // jdbc:sqlserver://host:1433;databaseName=x;password=y — only the part before `;` is the host.
    const [hostPart, ...params] = url[2].split(';');
    const host = hostPart.replace(/:\d+$/, '').split(',')[0];
    const named = params.map((p) => /^(?:databaseName|database)=(.*)$/i.exec(p)?.[1]).find(Boolean);
    if (named) return { host: host || undefined, database: named };
    // jdbc:hive2://h/db;user=x;password=y — parameters after `;` are not the name.
    const path = url[3] ? safeDecode(url[3].split(/[/;]/)[0]) : undefined;
    return { host: host || undefined, database: path || undefined };
  }
  if (/^\s*\w+\s*=/.test(text)) {
    const pairs = new Map<string, string>();
    for (const m of text.matchAll(/(\w[\w ]*?)\s*=\s*('([^']*)'|"([^"]*)"|[^\s;]+)/g)) {
      pairs.set(m[1].trim().toLowerCase(), m[3] ?? m[4] ?? m[2]);
    }
    const host = pairs.get('host') ?? pairs.get('hostaddr') ?? pairs.get('server') ?? pairs.get('data source');
    const database = pairs.get('dbname') ?? pairs.get('database') ?? pairs.get('initial catalog');
    return { host: host?.replace(/^tcp:/i, '').replace(/,\d+$/, ''), database };
  }
  return {};
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The host of an address given with or without a scheme (`https://u:p@etcd:2379`, `cb.internal:8091`). */
export function hostOf(address: string | undefined): string | undefined {
  if (!address || isVariable(address)) return undefined;
  return parseEndpoint(address.includes('://') ? address : `tcp://${address}`).host;
}

/** A connection value with any credentials removed, for display: `postgres://prod-db/app`. */
export function redactConnection(value: string): string {
  return value
    .replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/?#]*@/i, '$1')
    .replace(/(password|pwd|pass)\s*=\s*('[^']*'|"[^"]*"|[^\s;&]+)/gi, '$1=***');
}

/** Hints for a client's connection: production-looking host, database or variable (the pipeline adds the remote host). */
export function endpointHints(endpoint: Endpoint & { variables?: string[] }): string[] {
  const hints: string[] = [];
  if (looksProduction(endpoint.host)) hints.push(`production-looking host ${endpoint.host}`);
  if (looksProduction(endpoint.database)) hints.push(`production-looking database ${endpoint.database}`);
  for (const variable of endpoint.variables ?? []) {
    const name = /\$\{?([A-Za-z_][A-Za-z0-9_]*)/.exec(variable)?.[1];
    if (name && looksProduction(name)) hints.push(`production-looking variable $${name}`);
  }
  return hints;
}

/** Merges connection facts, later values filling only what earlier ones left open. */
export function mergeEndpoints(...endpoints: Array<Endpoint | undefined>): Endpoint {
  const out: Endpoint = {};
  for (const e of endpoints) {
    if (!e) continue;
    out.host ??= e.host;
    out.database ??= e.database;
  }
  return out;
}
