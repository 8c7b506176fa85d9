// Row filters that match every row. A DELETE/UPDATE with no filter, or with `id > 0`, `id != 0`,
// `col IS NOT NULL`, `LIKE '%'`, empties the table just the same. Shared by PostgREST query
// filters (`id=gt.0`) and Hasura `where` objects (`{id: {_gt: 0}}`).

const numeric = (value: unknown): number | undefined => {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return undefined;
};

/** A date no row is after: year 2100 or later (`2999-01-01`, `9999-12-31T00:00:00Z`). */
export const FAR_FUTURE = /^(2[1-9]\d\d|[3-9]\d{3})-\d\d-\d\d([ T][\d:.]+Z?)?$/;
/** A creation date no row is before: the epoch or earlier (`1970-01-01`, `0001-01-01`). */
export const FAR_PAST = /^(1[0-8]\d\d|19[0-6]\d|1970|0\d{3})-\d\d-\d\d([ T][\d:.]+Z?)?$/;

const onlyWildcards = (value: unknown): boolean => typeof value === 'string' && /^(\*|%|%25)+$/.test(value);

/** Operator names without the PostgREST `not.` / Hasura `_` decoration. */
export function comparisonMatchesAll(operator: string, value: unknown, negated = false): boolean {
  const op = operator.replace(/^_/, '').toLowerCase();
  if (negated) {
    // not.eq.x, not.in.(…), not.is.null
    if (op === 'eq' || op === 'in') return true;
    if (op === 'is') return String(value).toLowerCase() === 'null';
    return false;
  }
  switch (op) {
    case 'neq':
    case 'nin':
      return true;
    case 'gt': {
      const n = numeric(value);
      return n !== undefined && n <= 0;
    }
    case 'gte': {
      const n = numeric(value);
      return n !== undefined && n <= 1;
    }
    case 'lt':
    case 'lte': {
      const n = numeric(value);
      if (n !== undefined) return n >= 2_147_483_647;
      return typeof value === 'string' && FAR_FUTURE.test(value);
    }
    case 'is_null':
      return value === false || value === 'false';
    case 'is':
      return false;
    case 'like':
    case 'ilike':
      return onlyWildcards(value);
    default:
      return false;
  }
}

/** PostgREST: `gt.0`, `not.is.null`, `like.*` … as the value of a column filter. */
export function postgrestFilterMatchesAll(value: string): boolean {
  let rest = value;
  let negated = false;
  if (rest.startsWith('not.')) {
    negated = true;
    rest = rest.slice(4);
  }
  const dot = rest.indexOf('.');
  if (dot < 0) return false;
  return comparisonMatchesAll(rest.slice(0, dot), rest.slice(dot + 1), negated);
}

/** Hasura `where`: `{}`, `{id: {}}`, `{id: {_gt: 0}}`, `{_and: []}` … (unknown values count as everything). */
export function hasuraWhereMatchesAll(where: unknown, isUnknown: (value: unknown) => boolean): boolean {
  if (where === undefined || where === null || isUnknown(where)) return true;
  if (typeof where !== 'object' || Array.isArray(where)) return false;
  const entries = Object.entries(where as Record<string, unknown>);
  if (entries.length === 0) return true;
  // Every condition must match every row for the whole `where` to (conjunction).
  return entries.every(([key, condition]) => {
    if (key === '_and') return !Array.isArray(condition) ? hasuraWhereMatchesAll(condition, isUnknown) : condition.every((c) => hasuraWhereMatchesAll(c, isUnknown));
    if (key === '_or') return Array.isArray(condition) ? condition.length === 0 || condition.some((c) => hasuraWhereMatchesAll(c, isUnknown)) : hasuraWhereMatchesAll(condition, isUnknown);
    if (key === '_not') return false;
    if (isUnknown(condition)) return true;
    if (!condition || typeof condition !== 'object' || Array.isArray(condition)) return false;
    const comparisons = Object.entries(condition as Record<string, unknown>);
    if (comparisons.length === 0) return true;
    // A nested relationship filter (`{author: {id: {_gt: 0}}}`) is judged the same way.
    return comparisons.every(([op, value]) => (op.startsWith('_') ? comparisonMatchesAll(op, value) : hasuraWhereMatchesAll({ [op]: value }, isUnknown)));
  });
}
