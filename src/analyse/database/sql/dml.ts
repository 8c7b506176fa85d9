// DELETE and UPDATE that touch every row (no WHERE, or a WHERE that is always true), and
// INSERT OVERWRITE. A WHERE the evaluator cannot prove always-true is a narrow delete: allowed.
import { RULE } from '../rules.js';
import type { Token } from './scanner.js';
import { effect, type SqlEffect } from './effect.js';
import { matchesEveryRow } from './predicate.js';
import { findTopLevel, isPunct, isWord, readName, skipGroup, tokensText } from './tokens.js';

const WHERE = new Set(['WHERE']);
const SET = new Set(['SET']);
/** Clauses after a WHERE that are not part of its predicate. */
const AFTER_WHERE = new Set(['RETURNING', 'ORDER', 'LIMIT', 'OPTION', 'SETTINGS', 'OUTPUT']);
const MODIFIERS = new Set(['LOW_PRIORITY', 'QUICK', 'IGNORE', 'ONLY', 'DELAYED']);
const OUTER_JOIN_WORDS = new Set(['LEFT', 'RIGHT', 'FULL', 'CROSS', 'OUTER', 'NATURAL']);
/** Words after a table name that are not its alias. */
const ALIAS_STOP = new Set(['SET', 'WHERE', 'JOIN', 'INNER', 'LEFT', 'RIGHT', 'FULL', 'CROSS', 'NATURAL', 'USING', 'FROM', 'ON', 'ORDER', 'LIMIT', 'RETURNING', 'OUTPUT', 'STRAIGHT_JOIN']);
/** Where a join's ON condition ends. */
const JOIN_END = new Set(['JOIN', 'INNER', 'LEFT', 'RIGHT', 'FULL', 'CROSS', 'NATURAL', 'STRAIGHT_JOIN', 'WHERE', 'SET', 'ORDER', 'LIMIT', 'RETURNING']);

function skipModifiers(tokens: Token[], k: number): number {
  let i = k;
  for (;;) {
    if (tokens[i]?.kind === 'word' && MODIFIERS.has(tokens[i].up)) i++;
    else if (isWord(tokens[i], 'TOP')) {
      // T-SQL TOP (n) [PERCENT]
      i = isPunct(tokens[i + 1], '(') ? skipGroup(tokens, i + 1) : i + 2;
      if (isWord(tokens[i], 'PERCENT')) i++;
    } else if (isWord(tokens[i], 'OR') && tokens[i + 1]?.kind === 'word') i += 2; // SQLite UPDATE OR REPLACE
    else return i;
  }
}

const KEY_COLUMN = /^(id|uuid|pk|_id)$/i;

/** `o.customer_id` → { table: 'o', column: 'customer_id' }: a qualified column reference, or undefined. */
function columnRef(tokens: Token[], x: number, y: number): { table: string; column: string } | undefined {
  // Column references only: words, quoted identifiers and dots (a string literal is a value).
  for (let k = x; k < y; k++) if (tokens[k].kind !== 'word' && tokens[k].kind !== 'ident' && !(tokens[k].kind === 'punct' && tokens[k].text === '.')) return undefined;
  const name = readName(tokens, x);
  if (!name || name.next !== y || !name.name.includes('.')) return undefined;
  const dot = name.name.lastIndexOf('.');
  return { table: name.name.slice(0, dot).toLowerCase(), column: name.name.slice(dot + 1) };
}

/**
 * `o.customer_id = c.id`: the target's foreign key looked up in another table's key. Every target
 * row has its parent, so the join keeps them all. (`u.id = b.user_id` — the target's key found in
 * another table — filters: only the users listed in `banned`.)
 */
function isParentLookup(tokens: Token[], a: number, b: number, targets: ReadonlySet<string>, aliases: ReadonlyMap<string, string>): boolean {
  const eq = tokens.findIndex((t, k) => k >= a && k < b && t.kind === 'op' && t.text === '=');
  if (eq < 0) return false;
  const left = columnRef(tokens, a, eq);
  const right = columnRef(tokens, eq + 1, b);
  if (!left || !right || left.table === right.table) return false;
  const [own, other] = targets.has(left.table) ? [left, right] : [right, left];
  if (!targets.has(own.table) || targets.has(other.table) || KEY_COLUMN.test(own.column) || !KEY_COLUMN.test(other.column)) return false;
  // The parent table is the one the foreign key names (`customer_id` → customers); a join with
  // another table (`spam_customers`, `orders_to_purge`, a CTE) is a filter.
  const stem = /^(.+?)_?id$/i.exec(own.column)?.[1]?.toLowerCase();
  const table = (aliases.get(other.table) ?? other.table).split('.').pop()!;
  return stem !== undefined && [stem, `${stem}s`, `${stem}es`, stem.replace(/y$/, 'ies')].includes(table);
}

/** A table reference at `k`: its name and its alias (`orders o`, `orders AS o`), lower-cased. */
function tableRef(tokens: Token[], k: number): { name: string; alias?: string } | undefined {
  const read = readName(tokens, k);
  if (!read) return undefined;
  let i = read.next;
  if (isWord(tokens[i], 'AS')) i++;
  const alias = tokens[i];
  const named = alias && (alias.kind === 'ident' || (alias.kind === 'word' && !ALIAS_STOP.has(alias.up)));
  return { name: read.name.toLowerCase(), alias: named ? alias.text.toLowerCase() : undefined };
}

/** Table aliases of a statement (`customers c`, `JOIN plans p`, `, customers c`): alias → table. */
function tableAliases(tokens: Token[]): Map<string, string> {
  const aliases = new Map<string, string>();
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (!(t.kind === 'word' && ['FROM', 'JOIN', 'USING'].includes(t.up)) && !(t.kind === 'punct' && t.text === ',')) continue;
    const ref = tableRef(tokens, k + 1);
    if (ref?.alias) aliases.set(ref.alias, ref.name);
  }
  return aliases;
}

/** The names the target table goes by at `k`: qualified, bare and its alias. */
function targetNames(tokens: Token[], k: number): Set<string> {
  const ref = tableRef(tokens, k);
  if (!ref) return new Set();
  const names = new Set([ref.name, ref.name.split('.').pop()!]);
  if (ref.alias) names.add(ref.alias);
  return names;
}

/**
 * A predicate made only of parent lookups (`o.customer_id = c.id AND …`) keeps every target row
 * that has its parent: with a foreign key, every row. It narrows nothing.
 */
function onlyJoinConditions(tokens: Token[], from: number, to: number, targets: ReadonlySet<string>): boolean {
  const aliases = tableAliases(tokens);
  const parts: Array<[number, number]> = [];
  let start = from;
  let depth = 0;
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (t.kind === 'punct' && t.text === '(') depth++;
    else if (t.kind === 'punct' && t.text === ')') depth--;
    else if (depth === 0 && t.kind === 'word' && t.up === 'AND') {
      parts.push([start, k]);
      start = k + 1;
    }
  }
  parts.push([start, to]);
  return targets.size > 0 && parts.every(([a, b]) => b > a && isParentLookup(tokens, a, b, targets, aliases));
}

/**
 * `a JOIN b ON …` (inner) restricts the rows a multi-table DELETE/UPDATE touches when its condition
 * does more than join the tables; outer and cross joins do not.
 */
function filteredByInnerJoin(tokens: Token[], from: number, to: number, targets: ReadonlySet<string>): boolean {
  let depth = 0;
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (t.kind === 'punct') {
      if (t.text === '(') depth++;
      else if (t.text === ')') depth--;
      continue;
    }
    if (depth !== 0 || t.kind !== 'word' || (t.up !== 'JOIN' && t.up !== 'STRAIGHT_JOIN')) continue;
    const before = tokens[k - 1];
    if (before?.kind === 'word' && OUTER_JOIN_WORDS.has(before.up)) continue;
    const on = findTopLevel(tokens, k + 1, new Set(['ON', 'USING']), to);
    if (on < 0) continue;
    if (tokens[on].up === 'USING') continue; // `USING (id)` is a join condition too
    const next = findTopLevel(tokens, on + 1, JOIN_END, to);
    if (!onlyJoinConditions(tokens, on + 1, next < 0 ? to : next, targets)) return true;
  }
  return false;
}

function whereEnd(tokens: Token[], from: number): number {
  const end = findTopLevel(tokens, from, AFTER_WHERE);
  return end < 0 ? tokens.length : end;
}

/** Hint for a WHERE that matches every row, or undefined when the statement is narrow. */
function allRowsHint(tokens: Token[], where: number, mysql: boolean, targets: ReadonlySet<string>): string | undefined {
  const end = whereEnd(tokens, where + 1);
  if (matchesEveryRow(tokens, where + 1, end, mysql)) return `WHERE ${tokensText(tokens, where + 1, end)} matches every row`;
  // `DELETE FROM o USING c WHERE o.customer_id = c.id`, `UPDATE o SET … FROM c WHERE …`
  if (onlyJoinConditions(tokens, where + 1, end, targets)) return `WHERE ${tokensText(tokens, where + 1, end)} only joins the tables: every row with a partner`;
  return undefined;
}

export function deleteStatement(tokens: Token[], s: number, mysql: boolean, truncated: boolean): SqlEffect[] {
  let k = skipModifiers(tokens, s + 1);
  let table: string | undefined;
  let targets: Set<string>;
  if (isWord(tokens[k], 'FROM')) {
    k = skipModifiers(tokens, k + 1);
    table = readName(tokens, k)?.name;
    targets = targetNames(tokens, k);
  } else {
    // T-SQL/Oracle `DELETE t`, MySQL `DELETE t1 FROM t1 JOIN …`, CQL `DELETE col FROM t`
    table = readName(tokens, k)?.name;
    targets = targetNames(tokens, k);
    const from = findTopLevel(tokens, k, new Set(['FROM']));
    if (from >= 0 && !table) table = readName(tokens, from + 1)?.name;
    // `DELETE o FROM orders o`: the alias names the table after FROM.
    const fromNames = from >= 0 ? targetNames(tokens, from + 1) : new Set<string>();
    if ([...targets].some((name) => fromNames.has(name))) for (const name of fromNames) targets.add(name);
  }
  if (!table) return []; // a bare `DELETE` (a stray word in dynamic SQL, or an error)
  const where = findTopLevel(tokens, k, WHERE);
  if (where < 0) {
    if (filteredByInnerJoin(tokens, k, tokens.length, targets)) return [];
    const hints = [truncated ? 'no WHERE clause in the part of the statement read' : 'no WHERE clause'];
    return [effect(RULE.deleteAllRows, 'delete all rows', [table], hints, false)];
  }
  const hint = allRowsHint(tokens, where, mysql, targets);
  return hint ? [effect(RULE.deleteAllRows, 'delete all rows', [table], [hint], false)] : [];
}

export function updateStatement(tokens: Token[], s: number, mysql: boolean): SqlEffect[] {
  const k = skipModifiers(tokens, s + 1);
  const table = readName(tokens, k)?.name;
  const targets = targetNames(tokens, k);
  const set = findTopLevel(tokens, k, SET);
  if (set < 0) return []; // T-SQL UPDATE STATISTICS and the like
  const where = findTopLevel(tokens, set + 1, WHERE);
  if (where < 0) {
    if (filteredByInnerJoin(tokens, k, set, targets)) return [];
    const column = readName(tokens, set + 1)?.name;
    const hints = ['no WHERE clause'];
    if (column) hints.push(`sets ${column} in every row`);
    return [effect(RULE.updateAllRows, 'update all rows', table ? [table] : [], hints, false)];
  }
  const hint = allRowsHint(tokens, where, mysql, targets);
  return hint ? [effect(RULE.updateAllRows, 'update all rows', table ? [table] : [], [hint], false)] : [];
}

/** INSERT OVERWRITE [TABLE|INTO] t (Hive, Spark, Databricks, Snowflake): replaces every row. */
export function insertStatement(tokens: Token[], s: number): SqlEffect[] {
  if (!isWord(tokens[s + 1], 'OVERWRITE')) return [];
  let k = s + 2;
  while (tokens[k]?.kind === 'word' && ['TABLE', 'INTO', 'LOCAL', 'DIRECTORY'].includes(tokens[k].up)) k++;
  const name = readName(tokens, k)?.name;
  return [effect(RULE.overwriteTable, 'overwrite table', name ? [name] : [], ['replaces every existing row'], false)];
}
