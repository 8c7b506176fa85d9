// The generic judgement of one root mutation field, for any GraphQL API: a destructive verb in its
// name (camelCase, snake_case, kebab-case) deletes what it names, unless what it names is harmless
// (a cache entry, a session, a token, a single deployment) or the verb only detaches
// (`removeLabelsFromLabelable`). Hasura-shaped fields (`delete_users(where: …)`) follow the database
// policy: match-all filters are destructive, primary-key and narrow filters are not. On the agent's
// own localhost server only wiping verbs, bulk deletes and data-store objects count.
import { destructiveVerbIn, splitIdentifier } from '../../verbs.js';
import { hasuraWhereMatchesAll } from '../filters.js';
import { MASK, looksLikeSecret } from '../secrets.js';
import { Unresolved, type RootField } from './parse.js';

export interface FieldVerdict {
  rule: 'graphql.destructive-mutation' | 'graphql.match-all-write';
  action: string;
  target?: string;
  hints: string[];
}

const HARMLESS_OBJECTS = new Set([
  'cache', 'caches', 'cached', 'session', 'sessions', 'cookie', 'cookies', 'token', 'tokens', 'password', 'passwords',
  'notification', 'notifications', 'reaction', 'reactions', 'star', 'stars', 'lease', 'leases', 'lock', 'locks',
  'deployment', 'deployments', 'invite', 'invites', 'invitation', 'invitations', 'draft', 'upvote', 'vote', 'votes',
]);

/** Objects that only link things: removing them detaches, nothing is lost. */
const LINK_OBJECTS = new Set([
  'member', 'members', 'membership', 'collaborator', 'collaborators', 'assignee', 'assignees', 'label', 'labels', 'tag',
  'tags', 'reviewer', 'reviewers', 'follower', 'followers', 'subscriber', 'subscribers', 'watcher', 'watchers', 'from',
]);

/** Objects that hold data: deleting them is a loss even on a local server. */
const DATA_OBJECTS = new Set([
  'database', 'databases', 'db', 'dbs', 'volume', 'volumes', 'bucket', 'buckets', 'table', 'tables', 'schema', 'schemas',
  'collection', 'collections', 'index', 'indices', 'indexes', 'keyspace', 'namespace', 'namespaces', 'cluster', 'clusters',
  'project', 'projects', 'environment', 'environments', 'backup', 'backups', 'snapshot', 'snapshots', 'store', 'stores',
  'storage', 'disk', 'disks', 'repository', 'repositories', 'repo', 'repos', 'data', 'branch', 'branches', 'queue', 'queues',
]);

const BULK_WORDS = new Set(['all', 'many', 'bulk', 'everything', 'batch']);

/** Verbs whose meaning depends on the object: `resetPassword`, `clearCache` are routine. */
const OBJECT_DEPENDENT_VERBS = new Set(['reset', 'clear']);

/** Verbs that wipe whatever they touch. */
const WIPE_VERBS = new Set(['drop', 'truncate', 'wipe', 'flush', 'flushall', 'flushdb', 'purge', 'nuke', 'obliterate', 'erase', 'empty', 'expunge']);

const isUnknown = (value: unknown): boolean => value instanceof Unresolved;

function scalar(value: unknown): string | undefined {
  if (value instanceof Unresolved) return value.toString();
  if (typeof value === 'string' || typeof value === 'number') {
    const text = String(value);
    return looksLikeSecret(text) ? MASK : text;
  }
  return undefined;
}

/** The argument a human would type to approve: the id that names the field's object. */
export function fieldTarget(field: RootField): string | undefined {
  const objectWords = new Set(splitIdentifier(field.name));
  let best: { score: number; value: string } | undefined;
  const consider = (name: string, value: unknown, depth: number) => {
    const text = scalar(value);
    if (text === undefined) return;
    const words = splitIdentifier(name);
    const last = words[words.length - 1];
    let score = 0;
    if (name === 'id' || last === 'id' || last === 'ids' || last === 'uuid') score = 2;
    else if (last === 'name' || last === 'slug' || last === 'key') score = 1;
    else return;
    for (const word of words) if (objectWords.has(word)) score++;
    score -= depth * 0.5;
    if (!best || score > best.score) best = { score, value: text };
  };
  for (const [name, value] of Object.entries(field.args)) {
    consider(name, value, 0);
    if (value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Unresolved)) {
      for (const [inner, innerValue] of Object.entries(value as Record<string, unknown>)) consider(inner, innerValue, 1);
    }
  }
  return best?.value;
}

interface HasuraField {
  kind: 'delete' | 'update';
  table: string;
  byPk: boolean;
  wheres: unknown[];
}

function hasuraShape(field: RootField): HasuraField | undefined {
  const m = /^(delete|update)_([a-z0-9_]+?)(_by_pk|_many)?$/.exec(field.name);
  if (!m) return undefined;
  const kind = m[1] as 'delete' | 'update';
  if (m[3] === '_by_pk') return { kind, table: m[2], byPk: true, wheres: [] };
  if (m[3] === '_many') {
    const updates = field.args.updates;
    const list = Array.isArray(updates) ? updates : [updates];
    return { kind, table: m[2], byPk: false, wheres: list.map((u) => (u && typeof u === 'object' && !(u instanceof Unresolved) ? (u as Record<string, unknown>).where : u)) };
  }
  // Hasura requires `where`; a field with a different argument shape is not Hasura's.
  if (!('where' in field.args) && Object.keys(field.args).length > 0) return undefined;
  return { kind, table: m[2], byPk: false, wheres: [field.args.where] };
}

/** Judges one root field of a mutation. Undefined when it destroys nothing. */
export function judgeMutationField(field: RootField, local: boolean): FieldVerdict | undefined {
  const hasura = hasuraShape(field);
  if (hasura) {
    if (hasura.byPk) return undefined;
    if (!hasura.wheres.some((where) => hasuraWhereMatchesAll(where, isUnknown))) return undefined;
    return {
      rule: 'graphql.match-all-write',
      action: `${hasura.kind} every row of ${hasura.table}`,
      target: hasura.table,
      hints: ['all rows', `mutation ${field.name}`],
    };
  }

  const verb = destructiveVerbIn(field.name);
  if (!verb) return undefined;
  const words = splitIdentifier(field.name);
  const objects = words.filter((w) => w !== verb);
  if (objects.some((w) => HARMLESS_OBJECTS.has(w))) return undefined;
  if ((verb === 'remove' || verb === 'clear') && objects.some((w) => LINK_OBJECTS.has(w))) return undefined;
  const dataObject = objects.some((w) => DATA_OBJECTS.has(w));
  if (OBJECT_DEPENDENT_VERBS.has(verb) && !dataObject) return undefined;
  const bulk = objects.some((w) => BULK_WORDS.has(w));
  // The agent's own dev server: deleting a test record is routine, wiping a store is not.
  if (local && !dataObject && !bulk && !WIPE_VERBS.has(verb)) return undefined;

  const hints = [`mutation ${field.name}`];
  if (bulk) hints.push('bulk');
  if (local) hints.push('local server');
  return {
    rule: 'graphql.destructive-mutation',
    action: `${verb} ${objects.join(' ') || 'object'}`.trim(),
    target: fieldTarget(field),
    hints,
  };
}
