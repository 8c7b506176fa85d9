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

/** `a JOIN b ON …` (inner) restricts the rows a multi-table DELETE/UPDATE touches; outer and cross joins do not. */
function filteredByInnerJoin(tokens: Token[], from: number, to: number): boolean {
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
    if (findTopLevel(tokens, k + 1, new Set(['ON', 'USING']), to) >= 0) return true;
  }
  return false;
}

function whereEnd(tokens: Token[], from: number): number {
  const end = findTopLevel(tokens, from, AFTER_WHERE);
  return end < 0 ? tokens.length : end;
}

/** Hint for a WHERE that matches every row, or undefined when the statement is narrow. */
function allRowsHint(tokens: Token[], where: number, mysql: boolean): string | undefined {
  const end = whereEnd(tokens, where + 1);
  if (!matchesEveryRow(tokens, where + 1, end, mysql)) return undefined;
  return `WHERE ${tokensText(tokens, where + 1, end)} matches every row`;
}

export function deleteStatement(tokens: Token[], s: number, mysql: boolean, truncated: boolean): SqlEffect[] {
  let k = skipModifiers(tokens, s + 1);
  let table: string | undefined;
  if (isWord(tokens[k], 'FROM')) {
    k = skipModifiers(tokens, k + 1);
    table = readName(tokens, k)?.name;
  } else {
    // T-SQL/Oracle `DELETE t`, MySQL `DELETE t1 FROM t1 JOIN …`, CQL `DELETE col FROM t`
    table = readName(tokens, k)?.name;
    const from = findTopLevel(tokens, k, new Set(['FROM']));
    if (from >= 0 && !table) table = readName(tokens, from + 1)?.name;
  }
  if (!table) return []; // a bare `DELETE` (a stray word in dynamic SQL, or an error)
  const where = findTopLevel(tokens, k, WHERE);
  if (where < 0) {
    if (filteredByInnerJoin(tokens, k, tokens.length)) return [];
    const hints = [truncated ? 'no WHERE clause in the part of the statement read' : 'no WHERE clause'];
    return [effect(RULE.deleteAllRows, 'delete all rows', [table], hints, false)];
  }
  const hint = allRowsHint(tokens, where, mysql);
  return hint ? [effect(RULE.deleteAllRows, 'delete all rows', [table], [hint], false)] : [];
}

export function updateStatement(tokens: Token[], s: number, mysql: boolean): SqlEffect[] {
  const k = skipModifiers(tokens, s + 1);
  const table = readName(tokens, k)?.name;
  const set = findTopLevel(tokens, k, SET);
  if (set < 0) return []; // T-SQL UPDATE STATISTICS and the like
  const where = findTopLevel(tokens, set + 1, WHERE);
  if (where < 0) {
    if (filteredByInnerJoin(tokens, k, set)) return [];
    const column = readName(tokens, set + 1)?.name;
    const hints = ['no WHERE clause'];
    if (column) hints.push(`sets ${column} in every row`);
    return [effect(RULE.updateAllRows, 'update all rows', table ? [table] : [], hints, false)];
  }
  const hint = allRowsHint(tokens, where, mysql);
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
