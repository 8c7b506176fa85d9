// MongoDB shell JavaScript: which calls destroy data. A small tokenizer (strings, template
// literals, comments, regex literals) and a look at each method call's receiver chain
// (`db.users`, `db["users"]`, `db[c]`, `db.getCollection("users")`, `db.getSiblingDB("shop")`)
// and first argument (the filter): `drop()`, `dropDatabase()`, `deleteMany({})`, `remove({})`,
// `updateMany({}, …)`, `runCommand({drop: …})`. Reads and narrow filters are allowed.
import { RULE, type RuleId } from '../rules.js';
import { RECORDED_TIME } from '../sql/predicate.js';

export interface MongoEffect {
  rule: RuleId;
  action: string;
  target: string;
  hints: string[];
}

interface JsToken {
  kind: 'id' | 'str' | 'num' | 'punct';
  text: string;
  /** A line break precedes the token (statement boundary for `use db`). */
  nl: boolean;
}

const MAX_TOKENS = 200_000;

export function tokenizeJs(code: string): JsToken[] {
  const tokens: JsToken[] = [];
  const n = code.length;
  let i = 0;
  let nl = true;
  const push = (kind: JsToken['kind'], text: string) => {
    tokens.push({ kind, text, nl });
    nl = false;
  };
  while (i < n && tokens.length < MAX_TOKENS) {
    const c = code[i];
    if (c === '\n') {
      nl = true;
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '/' && code[i + 1] === '/') {
      while (i < n && code[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && code[i + 1] === '*') {
      const end = code.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      let text = '';
      while (j < n && code[j] !== c) {
        if (code[j] === '\\' && j + 1 < n) j++;
        text += code[j++];
      }
      i = j + 1;
      push('str', text);
      continue;
    }
    if (c === '/' && regexAllowed(tokens[tokens.length - 1])) {
      let j = i + 1;
      let inClass = false;
      while (j < n && code[j] !== '\n' && (inClass || code[j] !== '/')) {
        if (code[j] === '\\') j++;
        else if (code[j] === '[') inClass = true;
        else if (code[j] === ']') inClass = false;
        j++;
      }
      j++;
      while (j < n && /[a-z]/i.test(code[j])) j++;
      push('str', code.slice(i, j));
      i = j;
      continue;
    }
    if (/[A-Za-z_$]/.test(c)) {
      let j = i + 1;
      while (j < n && /[\w$]/.test(code[j])) j++;
      push('id', code.slice(i, j));
      i = j;
      continue;
    }
    if (/[0-9]/.test(c)) {
      let j = i + 1;
      while (j < n && /[\w.]/.test(code[j])) j++;
      push('num', code.slice(i, j));
      i = j;
      continue;
    }
    if (c === '=' && code[i + 1] === '>') {
      push('punct', '=>');
      i += 2;
      continue;
    }
    push('punct', c);
    i++;
  }
  return tokens;
}

function regexAllowed(prev: JsToken | undefined): boolean {
  if (!prev) return true;
  if (prev.kind === 'punct') return !/^[)\]}]$/.test(prev.text);
  return prev.kind === 'id' && /^(return|typeof|case|do|else|in|of|new|delete|void|throw)$/.test(prev.text);
}

type Segment = { kind: 'name'; text: string } | { kind: 'index'; literal?: string; source: string } | { kind: 'call'; name: string; literal?: string };

/** Index of the opening bracket matching the closing one at `close`, or -1. */
function openerOf(tokens: JsToken[], close: number): number {
  const closing = tokens[close].text;
  const opening = closing === ')' ? '(' : closing === ']' ? '[' : '{';
  let depth = 0;
  for (let k = close; k >= 0 && close - k < 2000; k--) {
    const t = tokens[k];
    if (t.kind !== 'punct') continue;
    if (t.text === closing) depth++;
    else if (t.text === opening && --depth === 0) return k;
  }
  return -1;
}

/** Index just past the bracket group opening at `open`. */
function closerOf(tokens: JsToken[], open: number): number {
  const opening = tokens[open].text;
  const closing = opening === '(' ? ')' : opening === '[' ? ']' : '}';
  let depth = 0;
  const end = Math.min(tokens.length, open + 5000);
  for (let k = open; k < end; k++) {
    const t = tokens[k];
    if (t.kind !== 'punct') continue;
    if (t.text === opening) depth++;
    else if (t.text === closing && --depth === 0) return k + 1;
  }
  return end;
}

/** The receiver of the method whose `.` is at `dot`: `db.getSiblingDB("x").users` → [db, getSiblingDB(x), users]. */
function receiver(tokens: JsToken[], dot: number): Segment[] {
  const chain: Segment[] = [];
  let k = dot - 1;
  for (let guard = 0; guard < 16 && k >= 0; guard++) {
    const t = tokens[k];
    if (t.kind === 'punct' && t.text === ']') {
      const open = openerOf(tokens, k);
      if (open < 0) break;
      const inner = tokens.slice(open + 1, k);
      const literal = inner.length === 1 && inner[0].kind === 'str' ? inner[0].text : undefined;
      chain.unshift({ kind: 'index', literal, source: inner.map((x) => x.text).join('') });
      k = open - 1;
      continue; // a[b]: the indexed value comes right before, without a dot
    }
    if (t.kind === 'punct' && t.text === ')') {
      const open = openerOf(tokens, k);
      const callee = tokens[open - 1];
      if (open < 0 || callee?.kind !== 'id') break;
      const first = tokens[open + 1];
      chain.unshift({ kind: 'call', name: callee.text, literal: first?.kind === 'str' ? first.text : undefined });
      k = open - 2;
    } else if (t.kind === 'id') {
      chain.unshift({ kind: 'name', text: t.text });
      k--;
    } else break;
    if (tokens[k]?.kind === 'punct' && tokens[k].text === '.') {
      k--;
      continue;
    }
    break;
  }
  return chain;
}

/** Top-level argument token ranges of the call whose `(` is at `open`. */
function callArguments(tokens: JsToken[], open: number): JsToken[][] {
  const end = closerOf(tokens, open) - 1;
  const args: JsToken[][] = [];
  let current: JsToken[] = [];
  let depth = 0;
  for (let k = open + 1; k < end; k++) {
    const t = tokens[k];
    if (t.kind === 'punct') {
      if ('([{'.includes(t.text)) depth++;
      else if (')]}'.includes(t.text)) depth--;
      else if (t.text === ',' && depth === 0) {
        args.push(current);
        current = [];
        continue;
      }
    }
    current.push(t);
  }
  if (current.length || args.length) args.push(current);
  return args;
}

/** Top-level `key: value` entries of an object literal's tokens, or undefined when it is not one. */
function objectEntries(tokens: JsToken[]): Array<{ key: string; value: JsToken[] }> | undefined {
  if (tokens[0]?.text !== '{' || tokens[tokens.length - 1]?.text !== '}') return undefined;
  const entries: Array<{ key: string; value: JsToken[] }> = [];
  let depth = 0;
  let current: JsToken[] = [];
  const flush = () => {
    if (current.length === 0) return true;
    if ((current[0].kind !== 'id' && current[0].kind !== 'str') || current[1]?.text !== ':') return false;
    entries.push({ key: current[0].text, value: current.slice(2) });
    current = [];
    return true;
  };
  for (let k = 1; k < tokens.length - 1; k++) {
    const t = tokens[k];
    if (t.kind === 'punct' && '([{'.includes(t.text)) depth++;
    else if (t.kind === 'punct' && ')]}'.includes(t.text)) depth--;
    else if (t.kind === 'punct' && t.text === ',' && depth === 0) {
      if (!flush()) return undefined;
      continue;
    }
    current.push(t);
  }
  return flush() ? entries : undefined;
}

const text = (tokens: JsToken[]) => tokens.map((t) => t.text).join('');
const NOW = /^(newDate\(\)|Date\.now\(\)|ISODate\(\)|\$\$NOW|"\$\$NOW")$/;
// (String tokens carry their text without quotes: `ISODate("1970-01-01")` reads `ISODate(1970-01-01)`.)
const EPOCH = /^(newDate\(0\)|ISODate\(1970-01-01[^)]*\)|newDate\(1970-01-01[^)]*\)|MinKey|MinKey\(\))$/;

/** Fields every document of a collection has: the key, creation times, and the usual required ones. */
const ALWAYS_PRESENT = new Set(['_id', 'id', 'status', 'state', 'type', 'kind', 'name', 'email', 'title', 'userId', 'user_id', 'tenantId', 'tenant_id', 'ownerId', 'owner_id']);
const alwaysPresent = (field: string) => ALWAYS_PRESENT.has(field) || RECORDED_TIME.test(field);

/**
 * Whether one field's condition leaves no document out: `{$exists: true}`/`{$ne: null}` on a
 * field every document has (`_id`, `status`, `createdAt` …); `{$gte: 0}` or the epoch; `{$lt:
 * new Date()}` on a creation time. (`{deletedAt: {$ne: null}}` is the usual purge of soft-deleted
 * documents: narrow.)
 */
function conditionMatchesAll(field: string, value: JsToken[]): boolean {
  const ops = objectEntries(value);
  if (!ops || ops.length === 0) return false; // an equality with a value narrows
  return ops.every(({ key, value: v }) => {
    const operand = text(v);
    switch (key) {
      case '$exists':
        return alwaysPresent(field) && (operand === 'true' || operand === '1');
      case '$ne':
        return alwaysPresent(field) && (operand === 'null' || operand === 'undefined');
      case '$gte':
      case '$gt':
        return EPOCH.test(operand) || (key === '$gte' && operand === '0');
      case '$lt':
      case '$lte':
        return RECORDED_TIME.test(field) && NOW.test(operand);
      case '$type':
        return field === '_id';
      case '$regex':
        return ['.*', '^', '', '/.*/', '//', '/^/'].includes(operand);
      default:
        return false;
    }
  });
}

/** Filters that match every document: none, `{}`, `{$expr: true}`, or fields whose every condition is a catch-all. */
function matchesAll(filter: JsToken[] | undefined): boolean {
  if (!filter || filter.length === 0) return true;
  const entries = objectEntries(filter);
  if (!entries) return false; // a variable or an expression: unknown, so not proven to match all
  return entries.every(({ key, value }) => {
    if (key === '$comment') return true;
    if (key === '$expr' || key === '$where') return text(value) === 'true' || text(value) === '1';
    if (key === '$and') return false;
    return !key.startsWith('$') && conditionMatchesAll(key, value);
  });
}

function normalised(tokens: JsToken[] | undefined): string {
  return (tokens ?? []).map((t) => t.text).join('');
}

export interface MongoScope {
  /** Database the shell is connected to, when known. */
  database?: string;
}

export function analyseMongoJs(code: string, scope: MongoScope): MongoEffect[] {
  const tokens = tokenizeJs(code);
  const effects: MongoEffect[] = [];
  const everyCollection = /\b(getCollectionNames|listCollections|getCollectionInfos)\b/.test(code);
  let database = scope.database;

  const collectionOf = (chain: Segment[]): string => {
    const last = chain[chain.length - 1];
    const db = databaseOf(chain.slice(0, -1));
    let name: string;
    if (!last) name = 'collection';
    else if (last.kind === 'call') name = last.name === 'getCollection' && last.literal ? last.literal : `${last.name}()`;
    else if (last.kind === 'index') name = last.literal ?? (everyCollection ? 'every collection' : `db[${last.source}]`);
    else {
      // db.system.profile → "system.profile"
      const names: string[] = [];
      for (let k = chain.length - 1; k > 0 && chain[k].kind === 'name'; k--) names.unshift((chain[k] as { text: string }).text);
      name = names.length > 0 && isDbRoot(chain[0]) ? names.join('.') : last.text;
    }
    return db && db !== database && !name.startsWith('every') ? `${db}.${name}` : name;
  };

  const databaseOf = (chain: Segment[]): string | undefined => {
    for (let k = chain.length - 1; k >= 0; k--) {
      const s = chain[k];
      if (s.kind === 'call' && (s.name === 'getSiblingDB' || s.name === 'getDB')) return s.literal ?? 'a computed database';
    }
    return undefined;
  };

  const hintsFor = (db: string | undefined) => (db ? [`in database ${db}`] : []);

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    // mongosh helper `use shop` at a line start
    if (t.kind === 'id' && t.text === 'use' && t.nl && tokens[i + 1] && tokens[i + 1].kind !== 'punct') {
      database = tokens[i + 1].text;
      continue;
    }
    if (t.kind !== 'id' || tokens[i + 1]?.text !== '(' || tokens[i - 1]?.text !== '.') continue;
    const method = t.text;
    if (!WATCHED.has(method)) continue;
    const chain = receiver(tokens, i - 1);
    const args = callArguments(tokens, i + 1);
    switch (method) {
      case 'dropDatabase': {
        const db = databaseOf(chain) ?? database ?? 'the current database';
        effects.push({ rule: RULE.mongoDropDatabase, action: 'drop MongoDB database', target: db, hints: [] });
        break;
      }
      case 'drop': {
        if (chain.length === 0) break;
        const db = databaseOf(chain) ?? database;
        effects.push({ rule: RULE.mongoDropCollection, action: 'drop MongoDB collection', target: collectionOf(chain), hints: hintsFor(db) });
        break;
      }
      case 'deleteMany':
      case 'remove': {
        if (!matchesAll(args[0])) break;
        if (method === 'remove' && /^(true|1|\{justOne:(true|1)\})$/.test(normalised(args[1]))) break;
        const db = databaseOf(chain) ?? database;
        const hint = args[0] && args[0].length ? `filter ${normalised(args[0])} matches every document` : 'no filter';
        effects.push({ rule: RULE.mongoDeleteAll, action: 'delete all documents', target: collectionOf(chain), hints: [hint, ...hintsFor(db)] });
        break;
      }
      case 'updateMany':
      case 'update': {
        if (!matchesAll(args[0]) || args.length < 2) break;
        if (method === 'update' && !/multi:(true|1)/.test(normalised(args[2])) && normalised(args[3]) !== 'true') break;
        const db = databaseOf(chain) ?? database;
        effects.push({ rule: RULE.mongoUpdateAll, action: 'update all documents', target: collectionOf(chain), hints: [`filter ${normalised(args[0]) || '(none)'} matches every document`, ...hintsFor(db)] });
        break;
      }
      case 'bulkWrite': {
        // `bulkWrite([{deleteMany: {filter: {}}}, {updateMany: {filter: {}, update: …}}])`
        const ops = args[0] ?? [];
        for (let k = 0; k < ops.length; k++) {
          const op = ops[k].text;
          if ((op !== 'deleteMany' && op !== 'updateMany') || ops[k + 1]?.text !== ':' || ops[k + 2]?.text !== '{') continue;
          const body = objectEntries(ops.slice(k + 2, closerOf(ops, k + 2)));
          const filter = body?.find((e) => e.key === 'filter');
          if (!filter || !matchesAll(filter.value)) continue;
          const db = databaseOf(chain) ?? database;
          const deleting = op === 'deleteMany';
          effects.push({
            rule: deleting ? RULE.mongoDeleteAll : RULE.mongoUpdateAll,
            action: deleting ? 'delete all documents' : 'update all documents',
            target: collectionOf(chain),
            hints: [`bulkWrite ${op} with filter ${normalised(filter.value) || '(none)'}`, ...hintsFor(db)],
          });
          break;
        }
        break;
      }
      case 'forEach': {
        // `db.users.find().forEach(u => db.users.deleteOne({_id: u._id}))`: one at a time, every
        // document the query returns — when the body deletes from the same collection, always.
        const last = chain[chain.length - 1];
        if (last?.kind !== 'call' || last.name !== 'find') break;
        const close = i - 2;
        const open = tokens[close]?.text === ')' ? openerOf(tokens, close) : -1;
        if (open < 0 || !matchesAll(callArguments(tokens, open)[0])) break;
        const end = closerOf(tokens, i + 1);
        if (end - i > 2000) break; // a long body is not a one-line purge; nested loops stay linear
        const collection = collectionOf(chain.slice(0, -1));
        let conditional = false;
        let deletesSame = false;
        for (let k = i + 2; k < end; k++) {
          const b = tokens[k];
          if (b.kind === 'id' && (b.text === 'if' || b.text === 'filter')) conditional = true;
          if (b.kind === 'punct' && (b.text === '?' || b.text === '&' || b.text === '|' || b.text === '&&' || b.text === '||')) conditional = true;
          if (b.kind === 'id' && DELETE_ONE.has(b.text) && tokens[k - 1]?.text === '.' && tokens[k + 1]?.text === '(' && collectionOf(receiver(tokens, k - 1)) === collection) deletesSame = true;
        }
        if (!deletesSame || conditional) break;
        const db = databaseOf(chain) ?? database;
        effects.push({ rule: RULE.mongoDeleteAll, action: 'delete all documents', target: collection, hints: ['deletes each document of an unfiltered find()', ...hintsFor(db)] });
        break;
      }
      case 'runCommand':
      case 'adminCommand': {
        const body = args[0] ?? [];
        const key = body[1]?.kind === 'id' || body[1]?.kind === 'str' ? body[1].text : '';
        const value = body[3];
        const db = databaseOf(chain) ?? database;
        if (key === 'dropDatabase') effects.push({ rule: RULE.mongoDropDatabase, action: 'drop MongoDB database', target: db ?? 'the current database', hints: [] });
        else if (key === 'drop' && value) effects.push({ rule: RULE.mongoDropCollection, action: 'drop MongoDB collection', target: value.text, hints: hintsFor(db) });
        break;
      }
    }
  }
  return effects;
}

const WATCHED = new Set(['dropDatabase', 'drop', 'deleteMany', 'remove', 'updateMany', 'update', 'runCommand', 'adminCommand', 'bulkWrite', 'forEach']);
/** Per-document deletes a loop over a query can make. */
const DELETE_ONE = new Set(['deleteOne', 'deleteMany', 'remove', 'findOneAndDelete']);

function isDbRoot(segment: Segment | undefined): boolean {
  return !!segment && ((segment.kind === 'name' && segment.text === 'db') || (segment.kind === 'call' && (segment.name === 'getSiblingDB' || segment.name === 'getDB')));
}
