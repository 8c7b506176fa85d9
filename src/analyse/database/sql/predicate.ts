// Does a WHERE clause match every row? Only forms that are plainly always true count: constant
// truths (`1=1`, `true`, `1`, `'a'='a'`, `2 > 1`), an expression compared with itself (`x = x`),
// a key column against its whole range (`id > 0`, `id IS NOT NULL`), a creation time before now
// (`created_at < now()`), `LIKE '%'`, and `p OR NOT p` shapes of those. Anything the evaluator does not understand is "unknown", which keeps the
// statement allowed: a narrow predicate must never be mistaken for a match-all one.
import type { Token } from './scanner.js';
import { FAR_FUTURE, FAR_PAST } from '../../http/filters.js';
import { isPunct, isWord, skipGroup, topLevelIndices } from './tokens.js';

type Truth = 1 | 0 | -1; // always true, never true, unknown

/** Columns that are (almost) always a table's primary key, so `id > 0` covers every row. */
const KEY_COLUMNS = new Set(['ID', 'UUID', 'GUID', 'PK', 'ROWID', '_ROWID_', 'OID', 'CTID', '_ID']);
const COMPARISONS = new Set(['=', '==', '<>', '!=', '<', '>', '<=', '>=']);
/** The comparison read from the other side: `0 < id` is `id > 0`. */
const FLIPPED = new Map([['<', '>'], ['<=', '>='], ['>', '<'], ['>=', '<=']]);
/** Columns or fields that record when a row was made or changed (`created_at`, `ts`, `createdAt` …). */
export const RECORDED_TIME = /^(created|inserted|added|updated|modified|recorded|logged|occurred|sent|received|ingested|uploaded)(_?(at|on|time|date|ts))?$|^(ts|timestamp|event_time|event_ts|time_stamp)$/i;
const NOW_FUNCTIONS = new Set(['NOW', 'CURRENT_TIMESTAMP', 'LOCALTIMESTAMP', 'SYSDATE', 'SYSDATETIME', 'GETDATE', 'GETUTCDATE', 'UTC_TIMESTAMP', 'SYSTIMESTAMP', 'CLOCK_TIMESTAMP', 'STATEMENT_TIMESTAMP', 'TRANSACTION_TIMESTAMP']);

export function matchesEveryRow(tokens: Token[], from: number, to: number, mysql: boolean): boolean {
  if (to - from > 2000) return false; // a predicate this long is not a tautology anyone types
  return new Evaluator(tokens, mysql).or(from, to) === 1;
}

class Evaluator {
  constructor(
    private readonly t: Token[],
    private readonly mysql: boolean,
  ) {}

  or(a: number, b: number): Truth {
    const parts = this.split(a, b, 'OR');
    if (parts.length === 1) return this.and(a, b);
    let result: Truth = 0;
    const nullChecks = new Map<string, number>();
    for (const [x, y] of parts) {
      const v = this.and(x, y);
      if (v === 1) return 1;
      if (v === -1) result = -1;
      const check = this.nullCheck(x, y);
      if (check) nullChecks.set(check.expr, (nullChecks.get(check.expr) ?? 0) | (check.not ? 2 : 1));
    }
    // `x IS NULL OR x IS NOT NULL`
    for (const bits of nullChecks.values()) if (bits === 3) return 1;
    return result;
  }

  private and(a: number, b: number): Truth {
    const parts = this.split(a, b, 'AND');
    if (parts.length === 1) return this.not(a, b);
    let result: Truth = 1;
    for (const [x, y] of parts) {
      const v = this.not(x, y);
      if (v === 0) return 0;
      if (v === -1) result = -1;
    }
    return result;
  }

  private not(a: number, b: number): Truth {
    if (a < b && (isWord(this.t[a], 'NOT') || (this.t[a].kind === 'op' && this.t[a].text === '!'))) {
      const v = this.not(a + 1, b);
      return v === -1 ? -1 : v === 1 ? 0 : 1;
    }
    return this.atom(a, b);
  }

  /** Splits [a, b) on a top-level AND/OR (the AND of `BETWEEN x AND y` is not a conjunction). */
  private split(a: number, b: number, word: 'AND' | 'OR'): Array<[number, number]> {
    const parts: Array<[number, number]> = [];
    const symbol = word === 'AND' ? '&&' : '||';
    let cases = 0;
    let between = 0;
    let start = a;
    for (const k of topLevelIndices(this.t, a, b)) {
      const tok = this.t[k];
      if (tok.kind === 'word') {
        if (tok.up === 'CASE') cases++;
        else if (tok.up === 'END' && cases > 0) cases--;
        else if (tok.up === 'BETWEEN') between++;
      }
      if (cases > 0) continue;
      const isSplit = (tok.kind === 'word' && tok.up === word) || (this.mysql && tok.kind === 'op' && tok.text === symbol);
      if (!isSplit) continue;
      if (word === 'AND' && between > 0) {
        between--;
        continue;
      }
      parts.push([start, k]);
      start = k + 1;
    }
    parts.push([start, b]);
    return parts;
  }

  private atom(a: number, b: number): Truth {
    const t = this.t;
    if (a >= b) return -1;
    // ( … ) around the whole atom
    if (isPunct(t[a], '(') && skipGroup(t, a, b) === b) return this.or(a + 1, b - 1);
    if (b - a === 1) return this.single(t[a]);

    const op = this.operator(a, b);
    if (op < 0) return -1;
    const opTok = t[op];
    if (opTok.kind === 'word' && opTok.up === 'IS') return this.isTest(a, op, b);
    if (opTok.kind === 'word') return this.like(op, b);
    const left = this.constant(a, op);
    const right = this.constant(op + 1, b);
    if (left !== undefined && right !== undefined) return compare(left, opTok.text, right);
    if (this.same(a, op, op + 1, b)) return opTok.text === '=' || opTok.text === '==' || opTok.text === '<=' || opTok.text === '>=' ? 1 : 0;
    const key = this.keyRange(a, op, b);
    if (key !== -1) return key;
    const range = this.dateRange(a, op, b);
    return range !== -1 ? range : this.beforeNow(a, op, b);
  }

  /** A column against a date outside every row: `< '2999-01-01'`, `>= '1970-01-01'`. */
  private dateRange(a: number, op: number, b: number): Truth {
    let text = this.t[op].text;
    let bound = this.constant(op + 1, b);
    let columnSide = [a, op];
    if (typeof bound !== 'string') {
      bound = this.constant(a, op);
      columnSide = [op + 1, b];
      text = FLIPPED.get(text) ?? text;
    }
    if (typeof bound !== 'string' || !this.isColumn(columnSide[0], columnSide[1])) return -1;
    if ((text === '<' || text === '<=') && FAR_FUTURE.test(bound)) return 1;
    // Only a creation time is known to be after the epoch (a birth date may be before 1970).
    if ((text === '>' || text === '>=') && FAR_PAST.test(bound) && this.isRecordedTime(columnSide[0], columnSide[1])) return 1;
    return -1;
  }

  /** `col`, `t.col`, `"col"`: a plain column reference. */
  private isColumn(a: number, b: number): boolean {
    for (let k = a; k < b; k++) {
      const tok = this.t[k];
      const dotPosition = (k - a) % 2 === 1;
      if (dotPosition ? !isPunct(tok, '.') : tok.kind !== 'word' && tok.kind !== 'ident') return false;
    }
    return b > a && (b - a) % 2 === 1;
  }

  /**
   * `created_at < now()` (or `<= CURRENT_TIMESTAMP`, `< now() + interval …`): every row was
   * recorded before now. Only for columns that record when a row was made or changed — an
   * `expires_at < now()` delete is housekeeping.
   */
  private beforeNow(a: number, op: number, b: number): Truth {
    let text = this.t[op].text;
    let column = [a, op];
    let now = [op + 1, b];
    if (!this.isRecordedTime(a, op)) {
      column = [op + 1, b];
      now = [a, op];
      text = FLIPPED.get(text) ?? text;
    }
    if ((text !== '<' && text !== '<=') || !this.isRecordedTime(column[0], column[1]) || !this.isNowOrLater(now[0], now[1])) return -1;
    return 1;
  }

  private isRecordedTime(a: number, b: number): boolean {
    const last = this.t[b - 1];
    if (!last || (last.kind !== 'word' && last.kind !== 'ident') || (b - a !== 1 && !isPunct(this.t[b - 2], '.'))) return false;
    return RECORDED_TIME.test(last.text);
  }

  /** `now()`, `CURRENT_TIMESTAMP`, `GETDATE()` …, alone or plus an interval. */
  private isNowOrLater(a: number, b: number): boolean {
    const t = this.t;
    const first = t[a];
    if (!first || first.kind !== 'word' || !NOW_FUNCTIONS.has(first.up)) return false;
    let k = a + 1;
    if (isPunct(t[k], '(')) k = skipGroup(t, k, b);
    if (k === b) return true;
    if (t[k]?.kind !== 'op' || t[k].text !== '+') return false;
    // `now() + interval '1 day'` is later; `now() + interval '-30 days'` or `+ -1` is not.
    for (let j = k + 1; j < b; j++) if ((t[j].kind === 'op' && t[j].text === '-') || (t[j].kind === 'string' && t[j].text.trim().startsWith('-'))) return false;
    return true;
  }

  private single(tok: Token): Truth {
    if (tok.kind === 'word') {
      if (tok.up === 'TRUE') return 1;
      if (tok.up === 'FALSE' || tok.up === 'NULL') return 0;
      if (KEY_COLUMNS.has(tok.up)) return 1; // MySQL: `WHERE id` is true for every non-zero id
      return -1;
    }
    if (tok.kind === 'number') {
      const n = Number(tok.text);
      return Number.isNaN(n) ? -1 : n !== 0 ? 1 : 0;
    }
    return -1;
  }

  /** Index of the top-level comparison operator, IS, or LIKE. */
  private operator(a: number, b: number): number {
    for (const k of topLevelIndices(this.t, a, b)) {
      const tok = this.t[k];
      if (tok.kind === 'op' && COMPARISONS.has(tok.text)) return k;
      if (tok.kind === 'word' && (tok.up === 'IS' || tok.up === 'LIKE' || tok.up === 'ILIKE')) return k;
      if (tok.kind === 'word' && tok.up === 'NOT' && (isWord(this.t[k + 1], 'LIKE') || isWord(this.t[k + 1], 'ILIKE'))) return k;
      if (tok.kind === 'word' && (tok.up === 'IN' || tok.up === 'BETWEEN' || tok.up === 'EXISTS')) return -1;
    }
    return -1;
  }

  private isTest(a: number, op: number, b: number): Truth {
    const t = this.t;
    let k = op + 1;
    const negated = isWord(t[k], 'NOT');
    if (negated) k++;
    if (!isWord(t[k], 'NULL') || k + 1 !== b) return -1;
    const value = this.constant(a, op);
    if (value !== undefined) return (value === null) !== negated ? 1 : 0;
    if (negated && this.isKeyColumn(a, op)) return 1;
    return -1;
  }

  private like(op: number, b: number): Truth {
    const t = this.t;
    const negated = t[op].up === 'NOT';
    const pattern = t[negated ? op + 2 : op + 1];
    if (!pattern || pattern.kind !== 'string' || (negated ? op + 3 : op + 2) !== b) return -1;
    if (pattern.text.length > 0 && /^%+$/.test(pattern.text)) return negated ? 0 : 1;
    return -1;
  }

  /** `id > 0`, `id >= 0`, `id >= 1`, `id <> 0`, `0 < id` on a key column: every row. */
  private keyRange(a: number, op: number, b: number): Truth {
    let text = this.t[op].text;
    let bound = this.constant(op + 1, b);
    let column = this.isKeyColumn(a, op);
    if (!column) {
      bound = this.constant(a, op);
      column = this.isKeyColumn(op + 1, b);
      text = FLIPPED.get(text) ?? text;
    }
    if (!column || typeof bound !== 'number') return -1;
    if (text === '>' && bound <= 0) return 1;
    if (text === '>=' && bound <= 1) return 1;
    if ((text === '<>' || text === '!=') && bound <= 0) return 1;
    return -1;
  }

  private isKeyColumn(a: number, b: number): boolean {
    // id, t.id, "id", users.id
    let k = a;
    let last: Token | undefined;
    while (k < b) {
      const tok = this.t[k];
      if (tok.kind !== 'word' && tok.kind !== 'ident') return false;
      last = tok;
      k++;
      if (k < b) {
        if (!isPunct(this.t[k], '.')) return false;
        k++;
      }
    }
    return !!last && KEY_COLUMNS.has(last.text.toUpperCase());
  }

  /** Literal value of [a, b): number, string, boolean, null; undefined when not a constant. */
  private constant(a: number, b: number): number | string | boolean | null | undefined {
    const t = this.t;
    if (isPunct(t[a], '(') && skipGroup(t, a, b) === b) return this.constant(a + 1, b - 1);
    let sign = 1;
    let k = a;
    while (k < b && t[k].kind === 'op' && (t[k].text === '-' || t[k].text === '+')) {
      if (t[k].text === '-') sign = -sign;
      k++;
    }
    if (k !== b - 1) return undefined;
    const tok = t[k];
    if (tok.kind === 'number') {
      const n = Number(tok.text);
      return Number.isNaN(n) ? undefined : sign * n;
    }
    if (k !== a) return undefined;
    if (tok.kind === 'string') return tok.text;
    if (tok.kind === 'word') {
      if (tok.up === 'TRUE') return true;
      if (tok.up === 'FALSE') return false;
      if (tok.up === 'NULL') return null;
    }
    return undefined;
  }

  private same(a: number, b: number, c: number, d: number): boolean {
    if (b - a !== d - c || a === b) return false;
    for (let k = 0; k < b - a; k++) {
      const x = this.t[a + k];
      const y = this.t[c + k];
      if (x.kind !== y.kind) return false;
      if (x.kind === 'word' ? x.up !== y.up : x.text !== y.text) return false;
      // now(), random(): a call is not known to equal itself
      if (x.kind === 'punct' && x.text === '(') return false;
    }
    return true;
  }

  private nullCheck(a: number, b: number): { expr: string; not: boolean } | null {
    const t = this.t;
    let end = b;
    if (!isWord(t[end - 1], 'NULL')) return null;
    end--;
    const not = isWord(t[end - 1], 'NOT');
    if (not) end--;
    if (!isWord(t[end - 1], 'IS') || end - 1 <= a) return null;
    const expr = t.slice(a, end - 1).map((x) => (x.kind === 'word' ? x.up : x.text)).join(' ');
    return { expr, not };
  }
}

function compare(left: unknown, op: string, right: unknown): Truth {
  if (left === null || right === null) return 0; // comparisons with NULL are never true
  const l = typeof left === 'boolean' ? Number(left) : left;
  const r = typeof right === 'boolean' ? Number(right) : right;
  if (typeof l !== typeof r) return -1; // '1' = 1 depends on the dialect's casts
  switch (op) {
    case '=':
    case '==':
      return l === r ? 1 : 0;
    case '<>':
    case '!=':
      return l !== r ? 1 : 0;
    case '<':
      return (l as number) < (r as number) ? 1 : 0;
    case '>':
      return (l as number) > (r as number) ? 1 : 0;
    case '<=':
      return (l as number) <= (r as number) ? 1 : 0;
    case '>=':
      return (l as number) >= (r as number) ? 1 : 0;
  }
  return -1;
}
