// How a REST request is shown to the human who approves it: the resource it names (the target to
// type), the kind of thing that is (`project`, `volume`), and scope hints. Nothing secret: the
// URL is the masked display form and token-shaped segments are masked.
import type { Finding } from '../../../types.js';
import type { HttpRequest } from '../model.js';
import { pathSegments } from '../model.js';
import { MASK, maskSegment } from '../secrets.js';
import { own } from '../../../util/own.js';

/** Path words that name an action or a sub-collection rather than the resource itself. */
const ACTION_SEGMENTS = new Set([
  'empty', 'restore', 'restore-pitr', 'reset', 'recover', 'recovery', 'query', 'raw', 'bulk', 'contents', 'documents',
  'pipeline', 'execute', 'delete', 'destroy', 'purge', 'wipe', 'truncate', 'flushall', 'flushdb', 'actions', 'data',
  'metadata', 'snapshots', '_delete_by_query', 'objects', 'keys', 'values', 'destroy_with_associated_resources',
  'dangerous', 'selective',
]);

const VERSION = /^v\d+(\.\d+)*(beta|alpha)?\d*$/i;

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The resource a request acts on: its last identifying path segment (`/v9/projects/acme-web` → `acme-web`). */
export function resourceTarget(request: HttpRequest): string | undefined {
  const segments = pathSegments(request);
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i];
    if (ACTION_SEGMENTS.has(segment.toLowerCase()) || VERSION.test(segment)) continue;
    const shown = maskSegment(decode(segment));
    return shown === MASK ? undefined : shown;
  }
  return undefined;
}

const IRREGULAR: Record<string, string> = { indices: 'index', indexes: 'index', repos: 'repository', dbs: 'database', addresses: 'address' };

function singular(word: string): string {
  const lower = word.toLowerCase();
  const irregular = own(IRREGULAR, lower);
  if (irregular) return irregular;
  if (/ies$/.test(lower)) return lower.slice(0, -3) + 'y';
  if (/(ss|us)$/.test(lower)) return lower;
  if (/s$/.test(lower)) return lower.slice(0, -1);
  return lower;
}

/** The kind of resource: the nearest collection name before the target (`/apps/x/volumes/v` → `volume`). */
export function resourceKind(request: HttpRequest): string {
  const segments = pathSegments(request);
  for (let i = segments.length - 2; i >= 0; i--) {
    const segment = segments[i];
    if (VERSION.test(segment) || ACTION_SEGMENTS.has(segment.toLowerCase())) continue;
    if (/^[a-z][a-z_-]*s$/i.test(segment)) return singular(segment).replace(/[_-]/g, ' ');
  }
  const last = segments[segments.length - 1];
  if (last && /^[a-z][a-z_-]*$/i.test(last)) return singular(last).replace(/[_-]/g, ' ');
  return 'resource';
}

/** Scope hints: the exact request (masked) and where it goes. (The pipeline adds production hints.) */
export function requestHints(request: HttpRequest, extra: string[] = []): string[] {
  const hints = [...extra, `${request.method} ${request.url}`];
  if (request.local) hints.push(request.unixSocket ? `unix socket ${request.unixSocket}` : 'local server');
  return hints;
}

export function restFinding(rule: string, request: HttpRequest, action: string, reason: string, target = resourceTarget(request), hints: string[] = []): Finding {
  return { rule, action, target, reason, hints: requestHints(request, hints) };
}
