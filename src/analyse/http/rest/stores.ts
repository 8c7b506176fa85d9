// Data stores with an HTTP API. These matter on localhost too: a DELETE to the agent's own dev
// server removes a test record, but a DELETE to the Elasticsearch, Consul, Docker or CouchDB on
// the same machine removes an index, a key tree, a volume or a database. Each check recognises its
// store by port, host or a path shape no other API uses, and separates the store-destroying calls
// from the single-record ones.
import type { HttpRequest } from '../model.js';
import { pathSegments, queryValue } from '../model.js';
import { HANDLED_SAFE, handled, jsonBody, type CheckResult } from './check.js';
import { restFinding } from './describe.js';

/** Path segments keep `%2F` encoded; RabbitMQ's default vhost is `%2F`. */
const unslash = (segment: string): string => segment.replace(/%2F/gi, '/');
const truthy = (value: string | undefined): boolean => value !== undefined && !/^(false|0|no)$/i.test(value);
const hostHas = (request: HttpRequest, pattern: RegExp): boolean => pattern.test(request.matchHost);
const portIs = (request: HttpRequest, ...ports: number[]): boolean => request.port !== undefined && ports.includes(request.port);

// ── Elasticsearch / OpenSearch ──────────────────────────────────────────────────────────────────

const ES_PATH_APIS = new Set(['_doc', '_delete_by_query', '_all', '_snapshot', '_data_stream', '_search', '_bulk', '_cat', '_cluster', '_update_by_query', '_alias', '_aliases', '_mapping', '_settings', '_index_template']);

function isElasticsearch(request: HttpRequest): boolean {
  if (portIs(request, 9200, 9201, 9243)) return true;
  if (hostHas(request, /(^|[.-])(es|elastic|elasticsearch|opensearch)([.-]|$)|\.found\.io$|\.elastic-cloud\.com$|\.bonsai(search)?\.(io|net)$|\.aos\.[a-z0-9-]+\.on\.aws$|\.es\.amazonaws\.com$/)) return true;
  return pathSegments(request).some((s) => ES_PATH_APIS.has(s));
}

/** A delete-by-query body that selects everything (or cannot be seen). */
function queryMatchesAll(request: HttpRequest): boolean {
  // A `q=` in the URL selects what it says (`q=*` is everything).
  const q = queryValue(request, 'q');
  if (q !== undefined) return /^\s*(\*|\*:\*)?\s*$/.test(q);
  if (request.body.kind === 'unknown' || request.body.kind === 'none') return true;
  const json = jsonBody(request) as Record<string, unknown> | undefined;
  if (!json || typeof json !== 'object') return request.query.every((p) => p.name !== 'q') || queryValue(request, 'q') === '*';
  const query = json.query as Record<string, unknown> | undefined;
  if (!query || typeof query !== 'object' || Object.keys(query).length === 0) return true;
  if ('match_all' in query) return true;
  const qs = query.query_string as Record<string, unknown> | undefined;
  return typeof qs?.query === 'string' && /^\s*(\*|\*:\*)\s*$/.test(qs.query);
}

export function checkElasticsearch(request: HttpRequest): CheckResult | undefined {
  if (request.method !== 'DELETE' && request.method !== 'POST') return undefined;
  if (!isElasticsearch(request)) return undefined;
  const segments = pathSegments(request);
  const first = segments[0];
  if (!first) return undefined;
  if (request.method === 'POST') {
    const api = segments[segments.length - 1];
    if (api !== '_delete_by_query' && api !== '_update_by_query') return undefined;
    if (!queryMatchesAll(request)) return HANDLED_SAFE;
    const index = first.startsWith('_') ? '_all' : first;
    if (api === '_update_by_query') {
      // Without a script (or pipeline) an update-by-query only reindexes documents as they are.
      const json = jsonBody(request) as Record<string, unknown> | undefined;
      const rewrites = request.body.kind === 'unknown' || (json !== undefined && typeof json === 'object' && json !== null && 'script' in json) || request.query.some((p) => p.name === 'pipeline');
      if (!rewrites) return HANDLED_SAFE;
      return handled(
        restFinding('http.elasticsearch.delete-by-query', request, 'rewrite every document in index', 'An update-by-query with a script over all documents rewrites every document of the index; the old values are gone without a snapshot.', index, ['all documents']),
      );
    }
    return handled(
      restFinding('http.elasticsearch.delete-by-query', request, 'delete every document in index', 'A delete-by-query that matches all documents empties the index; deleted documents cannot be restored without a snapshot.', index, ['all documents']),
    );
  }
  if (first === '_snapshot') {
    if (segments.length < 3) return HANDLED_SAFE; // unregistering a repository keeps its snapshots
    return handled(restFinding('http.elasticsearch.delete-snapshot', request, 'delete snapshot', 'Deleting a snapshot removes a backup of the cluster from its repository for good.', segments.slice(2).join('/'), [`repository ${segments[1]}`]));
  }
  if (first === '_data_stream' && segments[1]) {
    return handled(restFinding('http.elasticsearch.delete-index', request, 'delete data stream', 'Deleting a data stream deletes all of its backing indices and their documents.', segments[1]));
  }
  const everything = first === '_all' || first === '*';
  if (first.startsWith('_') && !everything) return HANDLED_SAFE; // templates, policies, security objects
  if (segments.length > 1) return HANDLED_SAFE; // one document, an alias, a mapping
  const wildcard = everything || /[*,]/.test(first);
  return handled(
    restFinding(
      'http.elasticsearch.delete-index',
      request,
      wildcard ? 'delete every matching index' : 'delete index',
      'Deleting an index deletes all of its documents immediately; only a snapshot taken before brings them back.',
      first,
      wildcard ? ['wildcard: several indices'] : [],
    ),
  );
}

// ── Consul KV and etcd ──────────────────────────────────────────────────────────────────────────

export function checkConsul(request: HttpRequest): CheckResult | undefined {
  const segments = pathSegments(request);
  if (segments[0] !== 'v1') return undefined;
  if (segments[1] === 'txn' && (request.method === 'PUT' || request.method === 'POST')) {
    const ops = jsonBody(request);
    const tree = Array.isArray(ops) && ops.find((op) => op?.KV?.Verb === 'delete-tree');
    if (!tree) return undefined;
    return handled(restFinding('http.consul.recursive-delete', request, 'delete key tree', 'A delete-tree removes every key under the prefix; Consul keeps no history of deleted keys.', tree.KV.Key || '(all keys)'));
  }
  if (segments[1] !== 'kv' || request.method !== 'DELETE') return undefined;
  if (!truthy(queryValue(request, 'recurse')) && !request.query.some((p) => p.name === 'recurse' && p.value === '')) return HANDLED_SAFE;
  const prefix = segments.slice(2).join('/');
  return handled(
    restFinding('http.consul.recursive-delete', request, 'delete key tree', 'A recursive delete removes every key under the prefix; Consul keeps no history of deleted keys.', prefix || '(all keys)', ['recursive']),
  );
}

export function checkEtcd(request: HttpRequest): CheckResult | undefined {
  const segments = pathSegments(request);
  if (/^v3(alpha|beta)?$/.test(segments[0] ?? '') && segments[1] === 'kv' && segments[2] === 'deleterange') {
    const json = jsonBody(request) as Record<string, unknown> | undefined;
    if (request.body.kind === 'text' && json && !json.range_end) return HANDLED_SAFE;
    const key = typeof json?.key === 'string' ? Buffer.from(json.key, 'base64').toString('utf8').replace(/\0/g, '') : '';
    return handled(restFinding('http.etcd.range-delete', request, 'delete key range', 'A range delete removes every key in the range (with an empty key: all keys); etcd cannot restore them without a snapshot.', key || '(all keys)', ['range']));
  }
  if (segments[0] === 'v2' && segments[1] === 'keys' && request.method === 'DELETE') {
    if (!truthy(queryValue(request, 'recursive')) && !truthy(queryValue(request, 'dir'))) return HANDLED_SAFE;
    return handled(restFinding('http.etcd.range-delete', request, 'delete key directory', 'A recursive delete removes the directory and every key below it.', segments.slice(2).join('/') || '(all keys)', ['recursive']));
  }
  return undefined;
}

// ── Docker / Podman Engine API ──────────────────────────────────────────────────────────────────

function isDockerApi(request: HttpRequest): boolean {
  if (request.unixSocket) return /docker|podman/.test(request.unixSocket);
  return portIs(request, 2375, 2376);
}

export function checkDocker(request: HttpRequest): CheckResult | undefined {
  if (!isDockerApi(request)) return undefined;
  let segments = pathSegments(request);
  if (/^v\d/.test(segments[0] ?? '')) segments = segments.slice(1);
  if (segments[0] === 'libpod') segments = segments.slice(1);
  const [kind, name] = segments;
  if (request.method === 'DELETE' && kind === 'volumes' && name) {
    return handled(restFinding('http.docker.delete-volume', request, 'delete volume', 'Removing a Docker volume deletes the data stored in it (database files, uploads).', name));
  }
  if (request.method === 'DELETE' && kind === 'containers' && name && (truthy(queryValue(request, 'v')) || truthy(queryValue(request, 'volumes')))) {
    return handled(restFinding('http.docker.delete-volume', request, 'remove container and its volumes', 'Removing a container with v=true also deletes its anonymous volumes and their data.', name));
  }
  if (request.method === 'POST' && ((kind === 'volumes' && name === 'prune') || (kind === 'system' && name === 'prune' && truthy(queryValue(request, 'volumes'))))) {
    return handled(restFinding('http.docker.delete-volume', request, 'prune volumes', 'Pruning volumes deletes every volume no container uses right now, with its data.', 'unused volumes'));
  }
  return request.method === 'DELETE' || request.method === 'POST' ? HANDLED_SAFE : undefined;
}

// ── CouchDB ─────────────────────────────────────────────────────────────────────────────────────

export function checkCouchdb(request: HttpRequest): CheckResult | undefined {
  if (request.method !== 'DELETE') return undefined;
  if (!portIs(request, 5984, 6984) && !hostHas(request, /couch|\.cloudant(nosqldb)?\.(com|appdomain\.cloud)$/)) return undefined;
  const segments = pathSegments(request);
  if (segments.length !== 1 || segments[0].startsWith('_')) return HANDLED_SAFE; // a document (needs ?rev=) or a system call
  return handled(restFinding('http.couchdb.delete-database', request, 'delete database', 'Deleting a CouchDB database deletes every document in it.', segments[0]));
}

// ── Kubernetes API (kubectl proxy, API server) ──────────────────────────────────────────────────

const K8S_DATA_RESOURCES = new Set(['namespaces', 'persistentvolumeclaims', 'persistentvolumes', 'statefulsets', 'deployments', 'daemonsets', 'customresourcedefinitions']);
const K8S_RECREATED = new Set(['pods', 'events', 'replicasets', 'jobs', 'endpoints', 'leases']);

/** The core group's resources (`/api/v1/<resource>`): many other APIs are versioned `/api/v1/` too. */
const K8S_CORE = new Set([
  'namespaces', 'pods', 'services', 'configmaps', 'secrets', 'persistentvolumeclaims', 'persistentvolumes', 'nodes', 'events',
  'endpoints', 'serviceaccounts', 'replicationcontrollers', 'limitranges', 'resourcequotas', 'podtemplates', 'componentstatuses', 'bindings',
]);

export function checkKubernetes(request: HttpRequest): CheckResult | undefined {
  if (request.method !== 'DELETE') return undefined;
  const segments = pathSegments(request);
  let rest: string[];
  if (segments[0] === 'api' && segments[1] === 'v1') rest = segments.slice(2);
  // `/apis/<group>/<version>/`: groups are `apps`, `batch` or dotted names (`networking.k8s.io`).
  else if (segments[0] === 'apis' && segments.length >= 3 && /^v\d+((alpha|beta)\d+)?$/.test(segments[2])) rest = segments.slice(3);
  else return undefined;
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [resource, name, sub] = rest;
  // Not the Kubernetes API (`/api/v1/sites/…/forms/…`): the generic REST judgement applies.
  if (segments[0] === 'api' && !(namespace !== undefined || K8S_CORE.has(resource ?? ''))) return undefined;
  if (!resource || sub) return HANDLED_SAFE;
  const collection = !name;
  if (!K8S_DATA_RESOURCES.has(resource) && !(collection && !K8S_RECREATED.has(resource))) return HANDLED_SAFE;
  const kind = resource.replace(/s$/, '');
  return handled(
    restFinding(
      'http.kubernetes.delete',
      request,
      collection ? `delete all ${resource}` : `delete ${kind}`,
      'Deleting this through the Kubernetes API removes it and what it owns (volumes, pods, every object in a namespace); nothing recreates it.',
      name ?? (namespace ? `${namespace}/${resource}` : resource),
      namespace ? [`namespace ${namespace}`] : [],
    ),
  );
}

// ── Message queues, search and vector stores, time series, secrets ─────────────────────────────

export function checkRabbitmq(request: HttpRequest): CheckResult | undefined {
  if (request.method !== 'DELETE' || !(portIs(request, 15672, 15671) || hostHas(request, /rabbit|amqp/))) return undefined;
  const segments = pathSegments(request);
  if (segments[0] !== 'api') return undefined;
  if (segments[1] === 'queues' && segments.length >= 4) {
    const purge = segments[4] === 'contents';
    return handled(restFinding('http.rabbitmq.delete-queue', request, purge ? 'purge queue' : 'delete queue', 'Deleting or purging a queue drops every message waiting in it.', unslash(segments[3]), [`vhost ${unslash(segments[2])}`]));
  }
  if (segments[1] === 'vhosts' && segments[2]) {
    return handled(restFinding('http.rabbitmq.delete-queue', request, 'delete vhost', 'Deleting a vhost deletes every queue, exchange and message in it.', unslash(segments[2])));
  }
  return HANDLED_SAFE;
}

export function checkSearchStores(request: HttpRequest): CheckResult | undefined {
  const segments = pathSegments(request);
  const finding = (action: string, target: string) =>
    handled(restFinding('http.search.delete-collection', request, action, 'Deleting an index or collection deletes every document or vector stored in it.', target));
  if (request.method === 'DELETE') {
    // Meilisearch: /indexes/<uid>[/documents]
    if ((portIs(request, 7700) || hostHas(request, /meili/)) && segments[0] === 'indexes' && segments[1]) {
      if (segments.length === 2) return finding('delete index', segments[1]);
      if (segments.length === 3 && segments[2] === 'documents') return finding('delete every document in index', segments[1]);
      return HANDLED_SAFE;
    }
    // Qdrant and Typesense: /collections/<name>
    if ((portIs(request, 6333, 6334, 8108) || hostHas(request, /qdrant|typesense/)) && segments[0] === 'collections' && segments[1]) {
      return segments.length === 2 ? finding('delete collection', segments[1]) : HANDLED_SAFE;
    }
    // Weaviate: /v1/schema/<Class>
    if (segments[0] === 'v1' && segments[1] === 'schema' && (portIs(request, 8080, 443) || hostHas(request, /weaviate/) || request.local)) {
      return finding(segments[2] ? 'delete class and its objects' : 'delete every class', segments[2] ?? 'schema');
    }
    // Chroma: /api/v1/collections/<name>, /api/v2/tenants/…/collections/<name>
    if ((portIs(request, 8000) || hostHas(request, /chroma/)) && segments[0] === 'api' && segments.includes('collections')) {
      const name = segments[segments.indexOf('collections') + 1];
      return name ? finding('delete collection', name) : HANDLED_SAFE;
    }
  }
  if (request.method === 'POST' && (portIs(request, 8000) || hostHas(request, /chroma/)) && segments[0] === 'api' && segments[segments.length - 1] === 'reset') {
    return finding('reset the whole database', request.host);
  }
  // Solr: collection/core admin deletes and delete-all updates.
  if (segments[0] === 'solr') {
    const action = queryValue(request, 'action')?.toUpperCase();
    if (segments[1] === 'admin' && (action === 'DELETE' || (action === 'UNLOAD' && truthy(queryValue(request, 'deleteIndex'))))) {
      return finding(action === 'DELETE' ? 'delete collection' : 'unload core and delete its index', queryValue(request, 'name') ?? queryValue(request, 'core') ?? 'core');
    }
    const body = request.body.kind === 'text' ? request.body.text : '';
    if (segments[segments.length - 1] === 'update' && /\*:\*/.test(body) && /delete/i.test(body)) return finding('delete every document in collection', segments[1]);
  }
  return undefined;
}

// ── Algolia: batches that drop or clear indices, copies and moves onto an index ─────────────────
// (`/1/indexes/<name>/clear` itself is an endpoint named for emptying: see defaults.ts.)

const isAlgolia = (request: HttpRequest): boolean => hostHas(request, /(^|\.)algolia(net)?\.(net|com|io)$/);

/** `{"requests": [{"action": "delete"|"clear", "indexName": …}]}`: the index dropped or cleared. */
function algoliaBatchEmpties(request: HttpRequest): string | undefined {
  const json = jsonBody(request) as { requests?: unknown } | undefined;
  if (!json || !Array.isArray(json.requests)) return undefined;
  for (const item of json.requests) {
    const action = (item as { action?: unknown } | null)?.action;
    if (action === 'clear' || action === 'delete') return String((item as { indexName?: unknown }).indexName ?? 'index');
  }
  return undefined;
}

export function checkAlgolia(request: HttpRequest): CheckResult | undefined {
  if (request.method !== 'POST' || !isAlgolia(request)) return undefined;
  const segments = pathSegments(request);
  const finding = (action: string, target: string, reason: string) => handled(restFinding('http.search.delete-collection', request, action, reason, target));
  if (segments[1] === 'indexes' && segments[3] === 'operation') {
    const json = jsonBody(request) as { operation?: unknown; destination?: unknown } | undefined;
    if (json && (json.operation === 'copy' || json.operation === 'move')) {
      const destination = String(json.destination);
      return finding(`overwrite index ${destination}`, destination, `A ${json.operation} onto an existing Algolia index replaces every record and setting it had.`);
    }
  }
  if (segments[segments.length - 1] === 'batch') {
    const index = algoliaBatchEmpties(request);
    if (index) return finding('delete or clear indices', index, 'A batch that deletes or clears an index removes every record in it; Algolia keeps no copy.');
  }
  return undefined;
}

export function checkInfluxdb(request: HttpRequest): CheckResult | undefined {
  if (!portIs(request, 8086) && !hostHas(request, /influx/)) return undefined;
  const segments = pathSegments(request);
  if (segments[0] !== 'api' || segments[1] !== 'v2') return undefined;
  if (request.method === 'DELETE' && segments[2] === 'buckets' && segments[3]) {
    return handled(restFinding('http.influxdb.delete', request, 'delete bucket', 'Deleting a bucket deletes all of its time series data.', segments[3]));
  }
  if (request.method === 'POST' && segments[2] === 'delete') {
    const json = jsonBody(request) as Record<string, unknown> | undefined;
    if (json && typeof json.predicate === 'string' && json.predicate.trim()) return HANDLED_SAFE;
    return handled(restFinding('http.influxdb.delete', request, 'delete every series in range', 'A delete with no predicate removes every measurement in the time range from the bucket.', queryValue(request, 'bucket') ?? 'bucket', ['all series']));
  }
  return undefined;
}

export function checkVault(request: HttpRequest): CheckResult | undefined {
  if (!portIs(request, 8200) && !hostHas(request, /vault/)) return undefined;
  const segments = pathSegments(request);
  if (segments[0] !== 'v1' || segments.length < 3) return undefined;
  const finding = (action: string, target: string) =>
    handled(restFinding('http.vault.destroy', request, action, 'This permanently destroys secret data in Vault; destroyed versions and disabled engines cannot be brought back.', target));
  if (request.method === 'DELETE' && segments[1] === 'sys' && segments[2] === 'mounts') return finding('disable secrets engine', segments.slice(3).join('/'));
  if (request.method === 'DELETE' && segments[2] === 'metadata') return finding('delete every version of secret', segments.slice(3).join('/'));
  if ((request.method === 'POST' || request.method === 'PUT') && segments[2] === 'destroy') return finding('destroy secret versions', segments.slice(3).join('/'));
  return request.method === 'DELETE' ? HANDLED_SAFE : undefined;
}
