// SQL that a statement builds and runs: EXECUTE 'DROP TABLE ' || t, EXECUTE format('…%I', t),
// EXEC sp_executesql N'…', PREPARE s FROM '…', DO $$ … $$, and psql's `SELECT … \gexec`.
// Concatenated pieces are glued back together with a placeholder for each run-time value, so
// `'DELETE FROM ' || t || ' WHERE id = ' || id` reads as a narrow delete of a computed table.
import type { Token } from './scanner.js';
import { DYNAMIC, isPunct, isWord } from './tokens.js';
import { COMPUTED_TARGET, type ClassifyContext, type SqlEffect } from './effect.js';

const isConcat = (t: Token) => t.kind === 'op' && (t.text === '||' || t.text === '+');

/** Skips one operand of a concatenation (`quote_ident(r.t)`, `@name`, `r.tablename`). */
function skipOperand(tokens: Token[], k: number): number {
  let depth = 0;
  let i = k;
  for (; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'punct') {
      if (t.text === '(') depth++;
      else if (t.text === ')') {
        if (depth === 0) return i;
        depth--;
      } else if (t.text === ',' && depth === 0) return i;
    }
    if (depth === 0 && isConcat(t)) return i;
  }
  return i;
}

/** The SQL texts a statement's string literals spell, with run-time parts as placeholders. */
export function sqlFragments(tokens: Token[], from: number): string[] {
  const out: string[] = [];
  let current: string | null = null;
  let expectOperand = false;
  let k = from;
  while (k < tokens.length) {
    const t = tokens[k];
    if (t.kind === 'string') {
      if (current !== null && expectOperand) current += t.text;
      else {
        if (current !== null) out.push(current);
        current = t.text;
      }
      expectOperand = false;
      k++;
      continue;
    }
    if (isConcat(t)) {
      if (current !== null) expectOperand = true;
      k++;
      continue;
    }
    if (current !== null && expectOperand) {
      current += ` ${DYNAMIC} `;
      k = Math.max(skipOperand(tokens, k), k + 1);
      expectOperand = false;
      continue;
    }
    if (current !== null) {
      out.push(current);
      current = null;
    }
    k++;
  }
  if (current !== null) out.push(current);
  return out;
}

/** Analyses each fragment; `?` in sp_MSforeachtable/sp_MSforeachdb text means every table/database. */
function analyseFragments(tokens: Token[], from: number, ctx: ClassifyContext, placeholder?: string): SqlEffect[] {
  const effects: SqlEffect[] = [];
  for (const fragment of sqlFragments(tokens, from)) {
    for (const found of ctx.analyseFragment(fragment)) {
      if (placeholder && (found.target === COMPUTED_TARGET || found.target === '?')) found.target = placeholder;
      effects.push(found);
    }
  }
  return effects;
}

/** EXECUTE name / EXECUTE IMMEDIATE '…' / EXEC('…') / EXEC sp_executesql N'…'. */
export function executeStatement(tokens: Token[], s: number, ctx: ClassifyContext): SqlEffect[] {
  const next = tokens[s + 1];
  if (next && (next.kind === 'word' || next.kind === 'ident')) {
    const prepared = ctx.prepared.get(next.text.toLowerCase());
    if (prepared) return prepared.map((e) => ({ ...e, hints: [...e.hints] }));
    const proc = next.text.toLowerCase().replace(/^(dbo\.|sys\.)/, '');
    if (proc === 'sp_msforeachtable') return analyseFragments(tokens, s + 2, ctx, 'every table');
    if (proc === 'sp_msforeachdb') return analyseFragments(tokens, s + 2, ctx, 'every database');
  }
  return analyseFragments(tokens, s + 1, ctx);
}

/** PREPARE name AS statement (Postgres) / PREPARE name FROM '…' (MySQL): remembered until EXECUTE name. */
export function prepareStatement(tokens: Token[], s: number, ctx: ClassifyContext, classifyFrom: (k: number) => SqlEffect[]): void {
  const name = tokens[s + 1];
  if (!name || (name.kind !== 'word' && name.kind !== 'ident')) return;
  if (isWord(name, 'TRANSACTION')) return;
  let k = s + 2;
  if (isPunct(tokens[k], '(')) while (k < tokens.length && !isPunct(tokens[k], ')')) k++;
  if (isPunct(tokens[k], ')')) k++;
  let effects: SqlEffect[] = [];
  if (isWord(tokens[k], 'AS')) effects = classifyFrom(k + 1);
  else if (isWord(tokens[k], 'FROM')) effects = analyseFragments(tokens, k + 1, ctx);
  ctx.prepared.set(name.text.toLowerCase(), effects);
}

/** DO [LANGUAGE x] $$ body $$: an anonymous block that runs at once. */
export function doStatement(tokens: Token[], s: number, ctx: ClassifyContext): SqlEffect[] {
  const effects: SqlEffect[] = [];
  for (let k = s + 1; k < tokens.length; k++) {
    if (tokens[k].kind === 'string') effects.push(...ctx.analyseFragment(tokens[k].text));
  }
  return effects;
}

/** psql `SELECT … \gexec`: every value the query returns runs as a statement. */
export function gexecStatement(tokens: Token[], ctx: ClassifyContext): SqlEffect[] {
  return analyseFragments(tokens, 0, ctx);
}
