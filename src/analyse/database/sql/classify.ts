// One statement → what it destroys. Finds where the statement really starts (past procedural
// control words: `IF EXISTS (…) DROP TABLE t`, `BEGIN … LOOP EXECUTE …`), recognises transaction
// control, and hands the verb to its handler.
import type { Token } from './scanner.js';
import type { ClassifyContext, SqlEffect, StatementResult } from './effect.js';
import { alterStatement, createStatement, dropStatement, replaceTable, restoreStatement, truncateStatement } from './ddl.js';
import { deleteStatement, insertStatement, updateStatement } from './dml.js';
import { doStatement, executeStatement, gexecStatement, prepareStatement } from './dynamic.js';
import { findTopLevel, isPunct, isWord, readName, skipGroup } from './tokens.js';

/** Words after BEGIN that make it a transaction start rather than a block. */
const BEGIN_TRANSACTION = new Set(['TRANSACTION', 'WORK', 'TRAN', 'ISOLATION', 'READ', 'DEFERRABLE', 'DEFERRED', 'IMMEDIATE', 'EXCLUSIVE', 'DISTRIBUTED']);
/** `END IF`, `END LOOP` … close a block without starting a statement. */
const BLOCK_WORDS = new Set(['IF', 'LOOP', 'WHILE', 'REPEAT', 'FOR', 'TRY', 'CATCH', 'CASE', 'FOREACH']);
/** Verbs that can follow a T-SQL `IF cond` / `WHILE cond` directly. */
const BODY_VERBS = new Set(['DROP', 'TRUNCATE', 'DELETE', 'UPDATE', 'ALTER', 'EXEC', 'EXECUTE', 'INSERT', 'CREATE', 'MERGE', 'BEGIN', 'WITH', 'REPLACE', 'SELECT', 'SET', 'PRINT', 'RETURN', 'RAISERROR', 'THROW']);
const MAIN_VERBS = new Set(['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'MERGE', 'TABLE', 'VALUES', 'REPLACE']);
/** Statements MySQL commits the open transaction for. */
const DDL_VERBS = new Set(['DROP', 'TRUNCATE', 'ALTER', 'CREATE', 'RENAME', 'GRANT', 'REVOKE', 'LOCK']);

export function classifyStatement(tokens: Token[], ctx: ClassifyContext, truncated = false): StatementResult {
  const result: StatementResult = { ddl: false, effects: [] };
  if (tokens.length === 0) return result;
  if (!ctx.procedural && ctx.dialect.transactions) {
    const control = transactionControl(tokens);
    if (control) {
      result.control = control;
      return result;
    }
  }
  const s = statementStart(tokens, 0, ctx.procedural);
  if (s < 0) return result;
  const verb = tokens[s].up;
  result.ddl = DDL_VERBS.has(verb);
  if (verb === 'USE') {
    const name = readName(tokens, s + 1)?.name;
    if (name) result.use = name;
    return result;
  }
  result.effects = classifyAt(tokens, s, ctx, truncated);
  return result;
}

/** Effects of the statement whose verb is at `s` (used for nested statements too). */
export function classifyAt(tokens: Token[], s: number, ctx: ClassifyContext, truncated = false): SqlEffect[] {
  const mysql = ctx.dialect.name === 'mysql';
  switch (tokens[s]?.up) {
    case 'DROP':
      return dropStatement(tokens, s);
    case 'TRUNCATE':
      return truncateStatement(tokens, s);
    case 'DELETE':
      return deleteStatement(tokens, s, mysql, truncated);
    case 'UPDATE':
      return updateStatement(tokens, s, mysql);
    case 'ALTER':
      return alterStatement(tokens, s, mysql);
    case 'CREATE':
      return createStatement(tokens, s);
    case 'REPLACE':
      return isWord(tokens[s + 1], 'TABLE') ? replaceTable(tokens, s + 1) : [];
    case 'INSERT':
      return insertStatement(tokens, s);
    case 'WITH':
      return withStatement(tokens, s, ctx);
    case 'EXPLAIN':
      return explainStatement(tokens, s, ctx);
    case 'EXEC':
    case 'EXECUTE':
      return executeStatement(tokens, s, ctx);
    case 'PREPARE':
      prepareStatement(tokens, s, ctx, (k) => classifyAt(tokens, statementStart(tokens, k, true), ctx));
      return [];
    case 'DO':
      return doStatement(tokens, s, ctx);
    case 'RESTORE':
      return restoreStatement(tokens, s, ctx.dialect.name === 'tsql');
    default:
      return [];
  }
}

/** psql `\gexec`: the query's values run as statements. */
export function classifyGexec(tokens: Token[], ctx: ClassifyContext): SqlEffect[] {
  return gexecStatement(tokens, ctx);
}

function transactionControl(tokens: Token[]): StatementResult['control'] {
  const first = tokens[0];
  const second = tokens[1];
  if (first.kind !== 'word') return undefined;
  switch (first.up) {
    case 'BEGIN':
      if (!second || (second.kind === 'word' && BEGIN_TRANSACTION.has(second.up))) return 'begin';
      if (isWord(second, 'NOT') && isWord(tokens[2], 'DEFERRABLE')) return 'begin';
      return undefined;
    case 'START':
      return isWord(second, 'TRANSACTION') ? 'begin' : undefined;
    case 'COMMIT':
      return 'commit';
    case 'END':
      return !second || isWord(second, 'TRANSACTION') || isWord(second, 'WORK') ? 'commit' : undefined;
    case 'PREPARE':
      return isWord(second, 'TRANSACTION') ? 'commit' : undefined;
    case 'ROLLBACK':
    case 'ABORT':
      // ROLLBACK TO SAVEPOINT undoes only part; ROLLBACK PREPARED ends some other transaction.
      if (tokens.some((t) => t.kind === 'word' && (t.up === 'TO' || t.up === 'PREPARED'))) return undefined;
      return 'rollback';
  }
  return undefined;
}

/**
 * Index of the statement verb, past labels and procedural control (`BEGIN`, `IF … THEN`,
 * `FOR … LOOP`, T-SQL `IF EXISTS (…) DROP …`), or -1 when nothing runs here.
 */
export function statementStart(tokens: Token[], from: number, procedural: boolean): number {
  let s = from;
  for (let guard = 0; guard < 64; guard++) {
    const t = tokens[s];
    if (!t) return -1;
    if (t.kind === 'op' && t.text === '<<') {
      // <<label>>
      while (s < tokens.length && !(tokens[s].kind === 'op' && tokens[s].text === '>>')) s++;
      s++;
      continue;
    }
    if (t.kind !== 'word') return isPunct(t, '(') ? parenthesisedStart(tokens, s) : s;
    if (tokens[s + 1]?.kind === 'op' && tokens[s + 1].text === ':' && tokens[s + 2]?.kind === 'word') {
      s += 2; // MySQL label: `l1: LOOP`
      continue;
    }
    switch (t.up) {
      case 'BEGIN':
        if (!procedural && s === from && BEGIN_TRANSACTION.has(tokens[s + 1]?.up ?? '')) return -1;
        s++;
        if (isWord(tokens[s], 'NOT') && isWord(tokens[s + 1], 'ATOMIC')) s += 2;
        continue;
      case 'THEN':
      case 'ELSE':
      case 'LOOP':
      case 'TRY':
      case 'CATCH':
      case 'ATOMIC':
      case 'REPEAT':
        s++;
        continue;
      case 'END':
        s++;
        if (tokens[s]?.kind === 'word' && BLOCK_WORDS.has(tokens[s].up)) s++;
        continue;
      case 'IF':
      case 'ELSIF':
      case 'ELSEIF':
      case 'WHILE':
      case 'FOR':
      case 'FOREACH':
      case 'WHEN':
      case 'EXCEPTION': {
        const body = bodyStart(tokens, s + 1, t.up);
        if (body < 0) return -1;
        s = body;
        continue;
      }
      case 'DECLARE':
        return -1;
      default:
        return s;
    }
  }
  return -1;
}

/** `(DELETE FROM t)` or `(SELECT …)` at the start: look inside. */
function parenthesisedStart(tokens: Token[], s: number): number {
  const inner = tokens[s + 1];
  return inner?.kind === 'word' && (inner.up === 'DELETE' || inner.up === 'UPDATE' || inner.up === 'WITH') ? s + 1 : -1;
}

/** Where the body of `IF cond THEN`, `FOR … LOOP`, `WHILE … DO`, or T-SQL `IF cond stmt` starts. */
function bodyStart(tokens: Token[], from: number, opener: string): number {
  let depth = 0;
  let cases = 0;
  let verbAt = -1;
  for (let k = from; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.kind === 'punct') {
      if (t.text === '(') depth++;
      else if (t.text === ')') depth--;
      continue;
    }
    if (depth !== 0 || t.kind !== 'word') continue;
    if (t.up === 'CASE') cases++;
    else if (t.up === 'END' && cases > 0) cases--;
    if (cases > 0) continue;
    if (t.up === 'THEN' || t.up === 'LOOP') return k + 1;
    if (t.up === 'DO' && (opener === 'WHILE' || opener === 'FOR')) return k + 1;
    const before = tokens[k - 1];
    const clause = before?.kind === 'word' && ['FOR', 'ON', 'BEFORE', 'AFTER', 'OF', 'INSTEAD'].includes(before.up);
    if (verbAt < 0 && k > from && BODY_VERBS.has(t.up) && !clause && (opener === 'IF' || opener === 'WHILE' || opener === 'ELSE')) verbAt = k;
  }
  return verbAt;
}

/** WITH … main statement, plus data-modifying CTEs: `WITH d AS (DELETE FROM t RETURNING *) …`. */
function withStatement(tokens: Token[], s: number, ctx: ClassifyContext): SqlEffect[] {
  const effects: SqlEffect[] = [];
  for (let k = s + 1; k < tokens.length - 1; k++) {
    if (!isPunct(tokens[k], '(')) continue;
    const inner = tokens[k + 1];
    if (inner.kind !== 'word' || (inner.up !== 'DELETE' && inner.up !== 'UPDATE' && inner.up !== 'INSERT')) continue;
    const end = skipGroup(tokens, k);
    effects.push(...classifyAt(tokens.slice(k + 1, end - 1), 0, ctx));
    k = end - 1;
  }
  const main = findTopLevel(tokens, s + 1, MAIN_VERBS);
  if (main >= 0) effects.push(...classifyAt(tokens, main, ctx));
  return effects;
}

/** EXPLAIN runs the statement only with ANALYZE (Postgres, MySQL). */
function explainStatement(tokens: Token[], s: number, ctx: ClassifyContext): SqlEffect[] {
  let k = s + 1;
  let analyze = false;
  if (isPunct(tokens[k], '(')) {
    const end = skipGroup(tokens, k);
    for (let i = k + 1; i < end - 1; i++) {
      if (isWord(tokens[i], 'ANALYZE') || isWord(tokens[i], 'ANALYSE')) {
        const value = tokens[i + 1];
        analyze = !(value && ['FALSE', 'OFF', '0'].includes(value.kind === 'word' ? value.up : value.text));
      }
    }
    k = end;
  }
  while (tokens[k]?.kind === 'word' && ['ANALYZE', 'ANALYSE', 'VERBOSE', 'QUERY', 'PLAN', 'EXTENDED', 'PARTITIONS'].includes(tokens[k].up)) {
    if (tokens[k].up === 'ANALYZE' || tokens[k].up === 'ANALYSE') analyze = true;
    k++;
  }
  // MySQL FORMAT=JSON
  if (isWord(tokens[k], 'FORMAT') && tokens[k + 1]?.text === '=') k += 3;
  if (!analyze) return [];
  const start = statementStart(tokens, k, true);
  return start < 0 ? [] : classifyAt(tokens, start, ctx);
}
