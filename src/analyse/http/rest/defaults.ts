// What a request means when no rule and no endpoint check knows it. A DELETE to a remote API
// deletes what the URL names; a POST/PUT/PATCH to an RPC-style endpoint named for destruction
// (`/files/delete_v2`, `/branches/x/reset`, `/wipe`) does the same. Reads, creates and updates are
// fine, and so is anything sent to the agent's own localhost server.
import type { Finding } from '../../../types.js';
import { splitIdentifier } from '../../verbs.js';
import type { HttpRequest } from '../model.js';
import { pathSegments } from '../model.js';
import { looksLikeSecret, maskPath } from '../secrets.js';
import { resourceKind, restFinding } from './describe.js';

/** Verbs that, as the last word of an endpoint, name a destructive action. */
const ENDPOINT_VERBS = new Set([
  'delete', 'deletes', 'destroy', 'drop', 'wipe', 'erase', 'truncate', 'nuke', 'obliterate', 'expunge', 'empty',
  'flushall', 'flushdb', 'reset', 'terminate',
]);
// Not `purge`: on HTTP APIs it almost always names a CDN or cache purge (Fastly `purge_all`).
const EMPTYING_VERBS = new Set(['clear', 'purge', 'flush']);
const CONTAINERS = new Set(['indexes', 'indices', 'collections', 'tables', 'datasets', 'queues', 'streams', 'topics', 'buckets', 'databases']);

/** Objects whose loss is routine: caches, sessions, credentials that can be re-issued, locks. */
const HARMLESS = new Set([
  'cache', 'caches', 'session', 'sessions', 'token', 'tokens', 'password', 'passwords', 'cookie', 'cookies', 'lease',
  'leases', 'lock', 'locks', 'notification', 'notifications', 'reaction', 'reactions', 'star', 'draft', 'drafts', 'cdn',
  'secret', 'secrets',
]);

function endpointVerb(request: HttpRequest): { verb: string; words: string[] } | undefined {
  const segments = pathSegments(request);
  const last = segments[segments.length - 1];
  if (!last) return undefined;
  // RPC names: `files/delete_v2`, `chat.delete`, `branches/br-1/reset`, `databases/db/empty`.
  const words = splitIdentifier(last);
  // `clear`/`purge` empty a data container (`/indexes/products/clear`, `/queues/jobs/purge`);
  // anywhere else they name a cache or CDN purge.
  const container = segments.length > 2 && CONTAINERS.has(segments[segments.length - 3].toLowerCase());
  const verb = words.find((w) => ENDPOINT_VERBS.has(w) || (container && EMPTYING_VERBS.has(w)));
  if (!verb) return undefined;
  const parent = segments.length > 1 ? segments[segments.length - 2] : '';
  const context = [...words, ...(parent && !looksLikeSecret(parent) ? splitIdentifier(parent) : [])];
  if (context.some((w) => HARMLESS.has(w))) return undefined;
  return { verb, words };
}

export function defaultFindings(request: HttpRequest): Finding[] {
  if (request.local || !request.methodKnown) return [];
  if (request.method === 'DELETE') {
    const kind = resourceKind(request);
    return [
      restFinding(
        'http.remote-delete',
        request,
        `delete ${kind}`,
        `A DELETE to ${request.hostKnown ? request.host : 'a remote API'} deletes the ${kind} the URL names; API deletes take effect at once and most cannot be undone.`,
      ),
    ];
  }
  if (request.method === 'POST' || request.method === 'PUT' || request.method === 'PATCH') {
    const hit = endpointVerb(request);
    if (!hit) return [];
    const object = resourceKind(request);
    return [
      restFinding(
        'http.destructive-endpoint',
        request,
        `${hit.verb} ${object}`,
        `The endpoint ${maskPath(request.path)} on ${request.hostKnown ? request.host : 'a remote API'} is named for a destructive action (${hit.verb}); calling it destroys what it names.`,
      ),
    ];
  }
  return [];
}
