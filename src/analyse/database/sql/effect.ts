// What one statement does that cannot be undone, before it becomes a Finding.
import type { RuleId } from '../rules.js';
import type { Dialect } from './dialect.js';
import { isComputedName } from './tokens.js';

export interface SqlEffect {
  rule: RuleId;
  /** 'drop table', 'delete all rows' … */
  action: string;
  target?: string;
  hints: string[];
  /** Schema change (DROP, TRUNCATE, ALTER): undone by ROLLBACK only where DDL is transactional. */
  ddl: boolean;
  /** Database the statement ran in, when the script or connection says (`\c app`, `USE shop`). */
  database?: string;
}

export interface ClassifyContext {
  dialect: Dialect;
  /** Inside a procedural body (DO block, EXECUTE IMMEDIATE text): BEGIN opens a block, not a transaction. */
  procedural: boolean;
  /** Statements PREPAREd earlier in the script, by name (lower case), run by EXECUTE name. */
  prepared: Map<string, SqlEffect[]>;
  /** Analyses text that the statement executes as SQL (dynamic SQL, DO bodies). */
  analyseFragment(text: string): SqlEffect[];
}

export interface StatementResult {
  control?: 'begin' | 'commit' | 'rollback';
  /** `USE db`: later statements run in this database. */
  use?: string;
  /** A DDL statement: MySQL commits the open transaction before it. */
  ddl: boolean;
  effects: SqlEffect[];
}

export const COMPUTED_TARGET = '(names computed at run time)';

/** A human-typable target from object names: `users`, `users, orders`, or a run-time placeholder. */
export function targetOf(names: string[]): string {
  if (names.length === 0) return COMPUTED_TARGET;
  const shown = names.map((n) => (isComputedName(n) ? COMPUTED_TARGET : n));
  return [...new Set(shown)].join(', ');
}

export function effect(rule: RuleId, action: string, names: string[] | string | undefined, hints: string[], ddl: boolean): SqlEffect {
  const target = names === undefined ? undefined : typeof names === 'string' ? targetOf([names]) : targetOf(names);
  return { rule, action, target, hints, ddl };
}
