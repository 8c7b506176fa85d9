// DROP, TRUNCATE, ALTER TABLE and CREATE OR REPLACE: which schema changes destroy rows.
//
// Policy for DROP by object kind: objects that hold rows or state nobody can regenerate
// (databases, schemas, keyspaces, tables, collections, sequences, stages, tablespaces, and kinds
// we do not know) need confirmation. Objects that hold no data and are recreated from their
// definition — indexes, views (materialized ones are a cache of a query), functions, triggers,
// roles, policies, constraints — are allowed. A type, domain or extension dropped with CASCADE
// takes the columns that use it with it, so that is confirmed too.
import { RULE } from '../rules.js';
import type { Token } from './scanner.js';
import { effect, type SqlEffect } from './effect.js';
import { matchesEveryRow } from './predicate.js';
import { isPunct, isWord, readName, readNameList, skipIfExists, tokensText } from './tokens.js';
import { own } from '../../../util/own.js';

type KindClass = 'database' | 'table' | 'object' | 'safe' | 'cascade';

/** DROP object kinds (one to three words) and what dropping them destroys. */
const KINDS: Record<string, KindClass> = {
  DATABASE: 'database', SCHEMA: 'database', KEYSPACE: 'database', CATALOG: 'database', NAMESPACE: 'database',
  SCOPE: 'database', OWNED: 'database',
  TABLE: 'table', TABLES: 'table', COLLECTION: 'table', COLUMNFAMILY: 'table', MEASUREMENT: 'table', SERIES: 'table',
  SHARD: 'table', 'RETENTION POLICY': 'table', 'SNAPSHOT TABLE': 'table', 'TRANSIENT TABLE': 'table',
  'ICEBERG TABLE': 'table', 'HYBRID TABLE': 'table', 'DYNAMIC TABLE': 'table', 'EVENT TABLE': 'table',
  SEQUENCE: 'object', TABLESPACE: 'object', 'UNDO TABLESPACE': 'object', STAGE: 'object', VOLUME: 'object',
  CLUSTER: 'object', 'LOGFILE GROUP': 'object', DATASET: 'object', BUCKET: 'object', GRAPH: 'object',
  TYPE: 'cascade', DOMAIN: 'cascade', EXTENSION: 'cascade',
  INDEX: 'safe', VIEW: 'safe', 'MATERIALIZED VIEW': 'safe', 'LIVE VIEW': 'safe', 'WINDOW VIEW': 'safe',
  'TEMPORARY VIEW': 'safe', 'TEMP VIEW': 'safe', 'SECURE VIEW': 'safe', 'RECURSIVE VIEW': 'safe',
  FUNCTION: 'safe', 'EXTERNAL FUNCTION': 'safe', 'TABLE FUNCTION': 'safe', PROCEDURE: 'safe', PROC: 'safe',
  ROUTINE: 'safe', TRIGGER: 'safe', 'EVENT TRIGGER': 'safe', EVENT: 'safe', MACRO: 'safe', 'TEMPORARY MACRO': 'safe',
  USER: 'safe', ROLE: 'safe', GROUP: 'safe', LOGIN: 'safe', 'USER MAPPING': 'safe', POLICY: 'safe', 'ROW POLICY': 'safe',
  'ROW ACCESS POLICY': 'safe', 'MASKING POLICY': 'safe', 'NETWORK POLICY': 'safe', 'PASSWORD POLICY': 'safe',
  'SESSION POLICY': 'safe', 'AUTHENTICATION POLICY': 'safe', 'AGGREGATION POLICY': 'safe', 'PROJECTION POLICY': 'safe',
  RULE: 'safe', AGGREGATE: 'safe', OPERATOR: 'safe', 'OPERATOR CLASS': 'safe', 'OPERATOR FAMILY': 'safe', CAST: 'safe',
  COLLATION: 'safe', CONVERSION: 'safe', LANGUAGE: 'safe', 'PROCEDURAL LANGUAGE': 'safe', 'TEXT SEARCH': 'safe',
  TRANSFORM: 'safe', 'ACCESS METHOD': 'safe', STATISTICS: 'safe', SERVER: 'safe', 'FOREIGN TABLE': 'safe',
  'FOREIGN DATA WRAPPER': 'safe', 'EXTERNAL TABLE': 'safe', PUBLICATION: 'safe', SUBSCRIPTION: 'safe', PREPARE: 'safe',
  'TEMPORARY TABLE': 'safe', 'TEMP TABLE': 'safe', 'LOCAL TEMPORARY TABLE': 'safe', 'GLOBAL TEMPORARY TABLE': 'safe',
  DICTIONARY: 'safe', QUOTA: 'safe', 'SETTINGS PROFILE': 'safe', PROFILE: 'safe', WAREHOUSE: 'safe', PIPE: 'safe',
  TASK: 'safe', STREAM: 'safe', 'FILE FORMAT': 'safe', INTEGRATION: 'safe', 'STORAGE INTEGRATION': 'safe',
  'API INTEGRATION': 'safe', 'NOTIFICATION INTEGRATION': 'safe', 'SECURITY INTEGRATION': 'safe', TAG: 'safe',
  ALERT: 'safe', CONNECTION: 'safe', SECRET: 'safe', 'PERSISTENT SECRET': 'safe', 'TEMPORARY SECRET': 'safe',
  MODEL: 'safe', 'SEARCH INDEX': 'safe', 'VECTOR INDEX': 'safe', 'CONTINUOUS QUERY': 'safe', SYNONYM: 'safe',
  'PUBLIC SYNONYM': 'safe', PACKAGE: 'safe', 'PACKAGE BODY': 'safe', LIBRARY: 'safe', 'DATABASE LINK': 'safe',
  'PUBLIC DATABASE LINK': 'safe', 'MATERIALIZED VIEW LOG': 'safe', 'NAMED COLLECTION': 'safe', 'RESOURCE GROUP': 'safe',
  'SPATIAL REFERENCE SYSTEM': 'safe', SHARE: 'safe', 'COMPUTE POOL': 'safe', SERVICE: 'safe', CONSTRAINT: 'safe',
  ASSERTION: 'safe', CREDENTIAL: 'safe', 'DATABASE SCOPED CREDENTIAL': 'safe', 'EXTERNAL DATA SOURCE': 'safe',
  'EXTERNAL FILE FORMAT': 'safe', 'FULLTEXT INDEX': 'safe', 'FULLTEXT CATALOG': 'safe', 'XML SCHEMA COLLECTION': 'safe',
  CERTIFICATE: 'safe', 'MASTER KEY': 'safe', 'SYMMETRIC KEY': 'safe', 'ASYMMETRIC KEY': 'safe', 'APPLICATION ROLE': 'safe',
  'SERVER ROLE': 'safe', 'SECURITY POLICY': 'safe', 'PARTITION FUNCTION': 'safe', 'PARTITION SCHEME': 'safe',
  'CONTINUOUS VIEW': 'safe', 'REPLICATION SLOT': 'safe',
};

const DROP_RULE = { database: RULE.dropDatabase, table: RULE.dropTable, object: RULE.dropObject } as const;

/** Longest known kind starting at k: its class, its words, and where the names begin. */
function readKind(tokens: Token[], k: number): { kind: string; cls: KindClass | undefined; next: number } | null {
  const words: string[] = [];
  for (let j = k; j < k + 4 && tokens[j]?.kind === 'word'; j++) words.push(tokens[j].up);
  for (let len = Math.min(4, words.length); len >= 1; len--) {
    const kind = words.slice(0, len).join(' ');
    const cls = own(KINDS, kind);
    if (cls) return { kind, cls, next: k + len };
  }
  if (words.length === 0) return null;
  return { kind: words[0], cls: undefined, next: k + 1 };
}

export function dropStatement(tokens: Token[], s: number): SqlEffect[] {
  const kind = readKind(tokens, s + 1);
  if (!kind) return [];
  let k = skipIfExists(tokens, kind.next);
  if (isWord(tokens[k], 'CONCURRENTLY')) k = skipIfExists(tokens, k + 1);
  const cascade = tokens.some((t, i) => i > k && t.kind === 'word' && t.up === 'CASCADE');
  let cls = kind.cls ?? 'object'; // a kind we do not know is judged as one that holds data
  if (cls === 'cascade') {
    if (!cascade) return [];
    cls = 'object';
  }
  if (cls === 'safe') return [];
  const hints: string[] = [];
  if (cascade) hints.push('CASCADE also drops every object that depends on it');
  if (kind.kind === 'OWNED') {
    // DROP OWNED BY role: everything the role owns.
    const roles = readNameList(tokens, isWord(tokens[k], 'BY') ? k + 1 : k).names;
    if (roles.length === 0) return [];
    return [effect(RULE.dropDatabase, 'drop everything owned by', roles.map((r) => `objects owned by ${r}`), hints, true)];
  }
  // InfluxQL DROP SERIES FROM m WHERE tag = 'x' removes only the matching series.
  if (kind.kind === 'SERIES' && tokens.some((t) => t.kind === 'word' && t.up === 'WHERE')) return [];
  const names = readNameList(tokens, isWord(tokens[k], 'FROM') ? k + 1 : k).names;
  if (names.length === 0) return []; // `DROP TABLE` alone is an error (or a stray word in dynamic SQL)
  const action = `drop ${kind.kind.toLowerCase()}`;
  return [effect(DROP_RULE[cls], action, names, hints, true)];
}

export function truncateStatement(tokens: Token[], s: number): SqlEffect[] {
  let k = s + 1;
  // ClickHouse: TRUNCATE ALL TABLES FROM db / TRUNCATE DATABASE db
  if (isWord(tokens[k], 'ALL') && isWord(tokens[k + 1], 'TABLES')) {
    k = skipIfExists(tokens, k + 2);
    if (isWord(tokens[k], 'FROM') || isWord(tokens[k], 'IN')) k++;
    const db = readName(tokens, k)?.name;
    return [effect(RULE.truncate, 'truncate every table', db ? `every table in ${db}` : [], [], true)];
  }
  if (isWord(tokens[k], 'DATABASE')) {
    const db = readName(tokens, skipIfExists(tokens, k + 1))?.name;
    return [effect(RULE.truncate, 'truncate every table', db ? `every table in ${db}` : [], [], true)];
  }
  if (isWord(tokens[k], 'TABLE')) k++;
  if (isWord(tokens[k], 'TEMPORARY')) return [];
  k = skipIfExists(tokens, k);
  if (isWord(tokens[k], 'ONLY')) k++;
  const names = readNameList(tokens, k).names;
  if (names.length === 0) return [];
  const hints = tokens.some((t) => t.kind === 'word' && t.up === 'CASCADE') ? ['CASCADE also truncates every table with a foreign key to it'] : [];
  return [effect(RULE.truncate, 'truncate table', names, hints, true)];
}

/** Words that follow DROP in ALTER TABLE without dropping a column's data. */
const HARMLESS_DROPS = new Set([
  'CONSTRAINT', 'INDEX', 'KEY', 'PRIMARY', 'FOREIGN', 'CHECK', 'DEFAULT', 'PROJECTION', 'STATISTICS', 'TRIGGER',
  'PERIOD', 'SYSTEM', 'ROW', 'IDENTITY', 'EXPRESSION', 'NOT', 'UNIQUE', 'FULLTEXT', 'SPATIAL', 'OWNED', 'TTL',
]);
const PARTITION_WORDS = new Set(['PARTITION', 'PART', 'DETACHED', 'SUBPARTITION']);

export function alterStatement(tokens: Token[], s: number, mysql: boolean): SqlEffect[] {
  let k = s + 1;
  if (!isWord(tokens[k], 'TABLE')) return [];
  k = skipIfExists(tokens, k + 1);
  if (isWord(tokens[k], 'ONLY')) k++;
  const table = readName(tokens, k);
  if (!table) return [];
  k = table.next;
  if (tokens[k]?.kind === 'op' && tokens[k].text === '*') k++;
  if (isWord(tokens[k], 'ON') && isWord(tokens[k + 1], 'CLUSTER')) k += 3; // ClickHouse ON CLUSTER name
  const effects: SqlEffect[] = [];
  for (const [a, b] of splitActions(tokens, k)) effects.push(...alterAction(tokens, a, b, table.name, mysql));
  return effects;
}

function splitActions(tokens: Token[], from: number): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  let start = from;
  let depth = 0;
  for (let k = from; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.kind !== 'punct') continue;
    if (t.text === '(') depth++;
    else if (t.text === ')') depth--;
    else if (t.text === ',' && depth === 0) {
      parts.push([start, k]);
      start = k + 1;
    }
  }
  parts.push([start, tokens.length]);
  return parts;
}

function alterAction(tokens: Token[], a: number, b: number, table: string, mysql: boolean): SqlEffect[] {
  const verb = tokens[a]?.kind === 'word' ? tokens[a].up : '';
  const next = tokens[a + 1]?.kind === 'word' ? tokens[a + 1].up : '';
  if (verb === 'DROP') {
    if (HARMLESS_DROPS.has(next)) return [];
    if (PARTITION_WORDS.has(next)) {
      return [effect(RULE.dropPartition, 'drop partition', `${table} ${tokensText(tokens, a + 1, b, 40)}`, [], true)];
    }
    let k = a + 1;
    if (next === 'COLUMN') k++;
    k = skipIfExists(tokens, k);
    // CQL: DROP (a, b)
    if (isPunct(tokens[k], '(')) {
      const columns = readNameList(tokens, k + 1).names;
      return [effect(RULE.dropColumn, 'drop column', columns.map((c) => `${table}.${c}`), [], true)];
    }
    const column = readName(tokens, k);
    return [effect(RULE.dropColumn, 'drop column', column ? `${table}.${column.name}` : `${table}`, [], true)];
  }
  if (verb === 'CLEAR' && next === 'COLUMN') {
    const column = readName(tokens, skipIfExists(tokens, a + 2));
    return [effect(RULE.dropColumn, 'clear column', column ? `${table}.${column.name}` : table, [], true)];
  }
  if ((verb === 'TRUNCATE' || verb === 'REPLACE') && PARTITION_WORDS.has(next)) {
    return [effect(RULE.dropPartition, `${verb.toLowerCase()} partition`, `${table} ${tokensText(tokens, a + 1, b, 40)}`, [], true)];
  }
  if (verb === 'DISCARD' && next === 'TABLESPACE') {
    return [effect(RULE.dropObject, 'discard tablespace', table, ['deletes the table data file'], true)];
  }
  // ClickHouse mutations: ALTER TABLE t DELETE WHERE … / UPDATE c = v WHERE …
  if (verb === 'DELETE' || verb === 'UPDATE') {
    let where = -1;
    for (let k = a + 1; k < b; k++) if (isWord(tokens[k], 'WHERE')) { where = k; break; }
    const all = where < 0 || matchesEveryRow(tokens, where + 1, b, mysql);
    if (!all) return [];
    const hint = where < 0 ? 'no WHERE clause' : `WHERE ${tokensText(tokens, where + 1, b)} matches every row`;
    return verb === 'DELETE'
      ? [effect(RULE.deleteAllRows, 'delete all rows', table, [hint], false)]
      : [effect(RULE.updateAllRows, 'update all rows', table, [hint], false)];
  }
  return [];
}

/** CREATE OR REPLACE TABLE|DATABASE|SCHEMA (Snowflake, BigQuery, MariaDB, Databricks, ClickHouse): the old one is dropped. */
export function createStatement(tokens: Token[], s: number): SqlEffect[] {
  if (!(isWord(tokens[s + 1], 'OR') && isWord(tokens[s + 2], 'REPLACE'))) return [];
  return replaceTable(tokens, s + 3);
}

/** After `CREATE OR REPLACE` / `REPLACE`: a table (or database, schema) that is replaced with its rows. */
export function replaceTable(tokens: Token[], k: number): SqlEffect[] {
  let i = k;
  while (tokens[i]?.kind === 'word' && ['TRANSIENT', 'SECURE', 'GLOBAL', 'LOCAL', 'ICEBERG', 'HYBRID', 'DYNAMIC', 'EXTERNAL'].includes(tokens[i].up)) {
    if (tokens[i].up === 'EXTERNAL') return [];
    i++;
  }
  if (isWord(tokens[i], 'TEMPORARY') || isWord(tokens[i], 'TEMP') || isWord(tokens[i], 'VOLATILE')) return [];
  const kind = tokens[i]?.up;
  if (kind !== 'TABLE' && kind !== 'DATABASE' && kind !== 'SCHEMA') return [];
  const name = readName(tokens, i + 1);
  return [effect(RULE.overwriteTable, `replace ${kind.toLowerCase()}`, name ? name.name : [], ['the existing one and its rows are dropped'], true)];
}

/**
 * RESTORE DATABASE|TABLE|LOG x FROM …: SQL Server overwrites the database of that name (WITH
 * REPLACE even when it is another one); ClickHouse refuses non-empty tables unless told to allow
 * them. RESTORE VERIFYONLY / HEADERONLY / FILELISTONLY only read the backup.
 */
export function restoreStatement(tokens: Token[], s: number, sqlServer: boolean): SqlEffect[] {
  const kind = tokens[s + 1]?.up;
  if (kind !== 'DATABASE' && kind !== 'TABLE' && kind !== 'LOG' && kind !== 'ALL') return [];
  const replace = tokens.some((t) => t.kind === 'word' && (t.up === 'REPLACE' || t.up === 'ALLOW_NON_EMPTY_TABLES'));
  if (!sqlServer && !replace) return [];
  const name = kind === 'ALL' ? 'every database' : readName(tokens, s + 2)?.name;
  if (!name) return [];
  const hints = replace ? ['replaces the existing database'] : [];
  return [effect(RULE.restoreOver, `restore ${kind.toLowerCase()} over`, name, hints, true)];
}
