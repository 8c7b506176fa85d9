// Provider endpoints whose meaning is in the payload or the query, which `match.http` cannot
// express: PostgREST row filters, Firebase root writes, Redis-over-REST commands (Upstash, Webdis),
// S3-compatible object deletes, DigitalOcean droplet rebuilds, GitHub forced ref updates.
import type { HttpRequest } from '../model.js';
import { pathSegments } from '../model.js';
import { own } from '../../../util/own.js';
import { comparisonMatchesAll, postgrestFilterMatchesAll } from '../filters.js';
import { maskPath } from '../secrets.js';
import { HANDLED_SAFE, handled, jsonBody, type CheckResult } from './check.js';
import { restFinding } from './describe.js';

// ── PostgREST (Supabase `/rest/v1/<table>`) ────────────────────────────────────────────────────

const POSTGREST_RESERVED = new Set(['select', 'order', 'limit', 'offset', 'on_conflict', 'columns', 'apikey']);

/** `or=(id.gt.0,name.eq.x)` / `and=(…)`: the conditions inside a logical filter. */
function logicalConditions(value: string): string[] {
  const inner = value.replace(/^\(|\)$/g, '');
  return inner.split(',').map((c) => {
    const dot = c.indexOf('.');
    return dot < 0 ? c : c.slice(dot + 1);
  });
}

function postgrestMatchesAll(request: HttpRequest): boolean {
  const filters = request.query.filter((p) => !POSTGREST_RESERVED.has(p.name));
  if (request.query.some((p) => p.name === 'limit')) return false;
  if (filters.length === 0) return true;
  // Conditions are ANDed: the request touches every row only when each one matches every row.
  return filters.every((filter) => {
    if (filter.name === 'or' || filter.name === 'not.or') return logicalConditions(filter.value).some(postgrestFilterMatchesAll);
    if (filter.name === 'and') return logicalConditions(filter.value).every(postgrestFilterMatchesAll);
    return postgrestFilterMatchesAll(filter.value);
  });
}

export function checkPostgrest(request: HttpRequest): CheckResult | undefined {
  const segments = pathSegments(request);
  if (segments[0] !== 'rest' || segments[1] !== 'v1' || segments.length !== 3 || segments[2] === 'rpc') return undefined;
  if (request.method !== 'DELETE' && request.method !== 'PATCH') return undefined;
  if (!postgrestMatchesAll(request)) return HANDLED_SAFE; // a row filter: a scoped delete/update, like SQL with a WHERE
  const table = segments[2];
  const deleting = request.method === 'DELETE';
  return handled(
    restFinding(
      'http.postgrest.unfiltered-write',
      request,
      deleting ? `delete every row of ${table}` : `update every row of ${table}`,
      `A PostgREST ${request.method} with no row filter, or a filter every row passes, ${deleting ? 'deletes' : 'overwrites'} the whole ${table} table.`,
      table,
      ['all rows'],
    ),
  );
}

// ── Firebase Realtime Database ──────────────────────────────────────────────────────────────────

const FIREBASE_HOST = /(\.firebaseio\.com|\.firebasedatabase\.app)$/;

export function checkFirebase(request: HttpRequest): CheckResult | undefined {
  if (!FIREBASE_HOST.test(request.matchHost) || !request.path.endsWith('.json')) return undefined;
  const node = request.path.slice(0, -'.json'.length).replace(/\/$/, '') || '/';
  const root = node === '/';
  // A top-level node (`/users`) is a whole collection, like a table; deeper ones are records.
  const collection = !root && node.split('/').filter(Boolean).length === 1;
  const body = request.body.kind === 'text' ? request.body.text.trim() : undefined;
  const json = jsonBody(request);
  const writesNull = body === 'null' || body === '';
  const empties = body === '{}' || writesNull;
  const nullsChildren = json && typeof json === 'object' && Object.values(json).some((v) => v === null);
  let action: string | undefined;
  if (request.method === 'DELETE' && root) action = 'delete the whole Realtime Database';
  else if (request.method === 'PUT' && root) action = empties ? 'delete the whole Realtime Database' : 'overwrite the whole Realtime Database';
  else if (request.method === 'DELETE' && collection) action = `delete the ${node} collection`;
  else if (request.method === 'PUT' && collection) action = empties ? `delete the ${node} collection` : `overwrite the ${node} collection`;
  else if (request.method === 'PUT' && writesNull) action = `delete ${node}`;
  else if (request.method === 'PATCH' && root && nullsChildren) action = 'delete top-level nodes of the Realtime Database';
  else if (request.method === 'PATCH' && collection && nullsChildren) action = `delete records of the ${node} collection`;
  if (!action) return undefined;
  return handled(
    restFinding(
      'http.firebase.root-overwrite',
      request,
      action,
      'A delete, or a write of null, {} or new data, at the database root or a top-level collection replaces everything stored under it, and the Realtime Database keeps no history.',
      root ? `${request.host} (root)` : maskPath(node),
      root ? ['whole database'] : collection ? ['whole collection'] : [],
    ),
  );
}

// ── MongoDB Atlas Data API (`…/endpoint/data/v1/action/<action>`) ──────────────────────────────

const MONGO_DATA_API_HOST = /(^|\.)data\.mongodb-api\.com$/;
const MANY = new Set(['deleteMany', 'updateMany']);
const ONE = new Set(['find', 'findOne', 'insertOne', 'insertMany', 'updateOne', 'deleteOne', 'replaceOne']);

const MONGO_OPERATORS: Record<string, string> = { $ne: 'neq', $nin: 'nin', $gt: 'gt', $gte: 'gte', $lt: 'lt', $lte: 'lte' };
/** Extended JSON values (`{"$oid": "…"}`, `{"$date": …}`): an equality with them names documents. */
const EJSON_TYPES = new Set(['$oid', '$date', '$numberLong', '$numberInt', '$numberDouble', '$numberDecimal', '$uuid', '$binary', '$timestamp', '$regularExpression']);

/** Whether one field's condition is known to leave documents out (an equality, `$in`, a real range). */
function conditionNarrows(condition: unknown): boolean {
  if (condition === null || typeof condition !== 'object' || Array.isArray(condition)) return true; // equality with a value
  const ops = Object.entries(condition as Record<string, unknown>);
  if (ops.length === 0 || !ops.every(([op]) => op.startsWith('$'))) return true; // equality with a document
  if (ops.length === 1 && EJSON_TYPES.has(ops[0][0])) return true;
  return ops.some(([op, value]) => {
    if (op === '$eq') return true;
    if (op === '$in') return Array.isArray(value);
    const mapped = own(MONGO_OPERATORS, op);
    return mapped !== undefined && mapped !== 'neq' && mapped !== 'nin' && !comparisonMatchesAll(mapped, value);
  });
}

/**
 * Whether a filter may match every document: it does unless one of its ANDed conditions is known
 * to narrow (`$expr`, `$where`, `$comment`, `$type`, `$exists`, `$ne` … do not).
 */
function mongoFilterMatchesAll(filter: unknown): boolean {
  if (filter === undefined || filter === null || typeof filter !== 'object' || Array.isArray(filter)) return true;
  return !Object.entries(filter as Record<string, unknown>).some(([field, condition]) => {
    if (field === '$and') return Array.isArray(condition) && condition.some((part) => !mongoFilterMatchesAll(part));
    if (field === '$or') return Array.isArray(condition) && condition.length > 0 && condition.every((part) => !mongoFilterMatchesAll(part));
    return !field.startsWith('$') && conditionNarrows(condition);
  });
}

/**
 * Deletes and updates by filter: like SQL without a WHERE when the filter matches every
 * document; `$out`/`$merge` aggregations replace a collection. By id or narrow filters: fine.
 */
export function checkMongoDataApi(request: HttpRequest): CheckResult | undefined {
  if (!MONGO_DATA_API_HOST.test(request.matchHost)) return undefined;
  const segments = pathSegments(request);
  const at = segments.indexOf('action');
  const action = at >= 0 ? segments[at + 1] : undefined;
  if (!action) return undefined;
  const json = jsonBody(request) as { collection?: unknown; filter?: unknown; pipeline?: unknown } | undefined;
  const collection = typeof json?.collection === 'string' ? json.collection : 'collection';
  const finding = (what: string, reason: string) => handled(restFinding('http.mongodb-data-api.bulk-write', request, what, reason, collection, ['all documents']));
  if (MANY.has(action)) {
    // A body the guard cannot read may hold any filter.
    if (request.body.kind !== 'text' || (json !== undefined && mongoFilterMatchesAll(json.filter))) {
      const deleting = action === 'deleteMany';
      return finding(deleting ? `delete every document of ${collection}` : `update every document of ${collection}`, `${action} with an empty filter ${deleting ? 'deletes' : 'rewrites'} every document in ${collection}, like SQL with no WHERE.`);
    }
    return HANDLED_SAFE;
  }
  if (action === 'aggregate' && Array.isArray(json?.pipeline)) {
    const stage = (json.pipeline as unknown[]).find((s) => s && typeof s === 'object' && ('$out' in s || '$merge' in s)) as Record<string, unknown> | undefined;
    if (stage) return finding(`replace a collection with ${'$out' in stage ? '$out' : '$merge'}`, 'An aggregation ending in $out replaces the target collection (and $merge overwrites its documents).');
  }
  return ONE.has(action) || action === 'aggregate' ? HANDLED_SAFE : undefined;
}

// ── Redis over REST (Upstash, Webdis) ───────────────────────────────────────────────────────────

const FLUSH = new Set(['flushall', 'flushdb']);

function flushCommandIn(json: unknown): string | undefined {
  if (!Array.isArray(json)) return undefined;
  if (typeof json[0] === 'string' && FLUSH.has(json[0].toLowerCase())) return json[0].toUpperCase();
  for (const item of json) {
    if (Array.isArray(item) && typeof item[0] === 'string' && FLUSH.has(item[0].toLowerCase())) return item[0].toUpperCase();
  }
  return undefined;
}

export function checkRedisRest(request: HttpRequest): CheckResult | undefined {
  const first = pathSegments(request)[0]?.toLowerCase();
  const command = first && FLUSH.has(first) ? first.toUpperCase() : flushCommandIn(jsonBody(request));
  if (!command) return undefined;
  return handled(
    restFinding(
      'http.redis-rest.flush',
      request,
      `run ${command} (delete every key)`,
      `${command} over a Redis REST API deletes every key in the database immediately; even a plain GET runs it.`,
      request.host,
      ['every key'],
    ),
  );
}

// ── S3-compatible object storage ────────────────────────────────────────────────────────────────

interface Bucketed {
  bucket?: string;
  key?: string;
}

const OBJECT_HOSTS: Array<[RegExp, 'virtual' | 'path']> = [
  [/^(.+)\.s3[.-]([a-z0-9-]+\.)*amazonaws\.com$/, 'virtual'],
  [/^s3[.-]([a-z0-9-]+\.)*amazonaws\.com$/, 'path'],
  [/\.r2\.cloudflarestorage\.com$/, 'path'],
  [/^storage\.googleapis\.com$/, 'path'],
  [/^(.+)\.storage\.googleapis\.com$/, 'virtual'],
  [/^(.+)\.[a-z0-9-]+\.digitaloceanspaces\.com$/, 'virtual'],
  [/^[a-z0-9-]+\.digitaloceanspaces\.com$/, 'path'],
  [/\.blob\.core\.windows\.net$/, 'path'],
  [/^(.+)\.s3\.[a-z0-9-]+\.backblazeb2\.com$/, 'virtual'],
  [/^s3\.[a-z0-9-]+\.backblazeb2\.com$/, 'path'],
  [/^(.+)\.s3\.[a-z0-9-]*\.?wasabisys\.com$/, 'virtual'],
  [/\.linodeobjects\.com$/, 'path'],
];

function bucketOf(request: HttpRequest): Bucketed | undefined {
  const segments = pathSegments(request).map((s) => s.replace(/%2F/gi, '/'));
  // Google's JSON API: /storage/v1/b/<bucket>[/o/<object>]
  if (request.matchHost === 'storage.googleapis.com' && segments[0] === 'storage' && segments[2] === 'b') {
    return { bucket: segments[3], key: segments[4] === 'o' ? segments.slice(5).join('/') : undefined };
  }
  for (const [pattern, style] of OBJECT_HOSTS) {
    const m = pattern.exec(request.matchHost);
    if (!m) continue;
    if (style === 'virtual') return { bucket: m[1], key: segments.join('/') || undefined };
    return { bucket: segments[0], key: segments.slice(1).join('/') || undefined };
  }
  if (request.awsSigv4 && /(^|:)s3(:|$)/.test(request.awsSigv4)) return { bucket: segments[0], key: segments.slice(1).join('/') || undefined };
  return undefined;
}

export function checkObjectStorage(request: HttpRequest): CheckResult | undefined {
  const batchDelete = request.method === 'POST' && request.query.some((p) => p.name === 'delete');
  if (request.method !== 'DELETE' && !batchDelete) return undefined;
  const located = bucketOf(request);
  if (!located) return undefined;
  const { bucket, key } = located;
  const container = request.query.some((p) => p.name === 'restype' && p.value === 'container');
  const action = batchDelete ? 'delete objects in bucket' : key && !container ? 'delete object' : 'delete bucket';
  return handled(
    restFinding(
      'http.object-storage.delete',
      request,
      action,
      'Object storage deletes are immediate; without versioning the object (often a backup or user upload) cannot be recovered.',
      bucket ? (key && !batchDelete ? `${bucket}/${key}` : bucket) : undefined,
      batchDelete ? ['batch delete'] : [],
    ),
  );
}

// ── DigitalOcean droplet actions ────────────────────────────────────────────────────────────────

export function checkDropletAction(request: HttpRequest): CheckResult | undefined {
  if (request.matchHost !== 'api.digitalocean.com' || request.method !== 'POST') return undefined;
  const segments = pathSegments(request);
  if (segments[1] !== 'droplets' || segments[segments.length - 1] !== 'actions') return undefined;
  const json = jsonBody(request) as Record<string, unknown> | undefined;
  const type = typeof json?.type === 'string' ? json.type : undefined;
  if (type !== 'rebuild' && type !== 'restore') return HANDLED_SAFE; // reboot, power_off, snapshot, resize …
  return handled(
    restFinding(
      'http.digitalocean.droplet-rebuild',
      request,
      `${type} droplet (replaces its disk)`,
      `A droplet ${type} action overwrites the droplet's disk with an image or backup; everything written since is lost.`,
      segments[2] === 'actions' ? undefined : segments[2],
    ),
  );
}

// ── GitHub forced ref update ────────────────────────────────────────────────────────────────────

export function checkGithubForceRef(request: HttpRequest): CheckResult | undefined {
  if (request.method !== 'PATCH' || !/\/repos\/[^/]+\/[^/]+\/git\/refs\//.test(request.path)) return undefined;
  const json = jsonBody(request) as Record<string, unknown> | undefined;
  if (json?.force !== true && json?.force !== 'true') return undefined;
  const ref = request.path.split('/git/refs/')[1];
  return handled(
    restFinding(
      'http.github.force-update-ref',
      request,
      'force-update branch',
      'Forcing a ref to another commit is a force-push: commits only reachable from the old position are dropped from the branch.',
      ref?.replace(/^heads\//, ''),
    ),
  );
}
