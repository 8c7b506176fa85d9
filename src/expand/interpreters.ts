// Inline interpreter code (`python -c`, `node -e`, `ruby -e`, `perl -e`, `php -r`, or a heredoc
// fed to one): finds the calls that run shell commands, delete trees, write files or send SQL,
// and turns them into commands the analysers already understand. A call whose argument cannot be
// read (a variable, an interpolated string) is reported as unknown code. ORM one-liners (Active
// Record, Django, Laravel, Prisma, Mongoose, Sequelize, Knex, SQLAlchemy …) are read as chains of
// calls and handed on as the SQL (or mongosh code) they amount to: `User.delete_all` is
// `DELETE FROM users`, so the database analyser gives the finding and its wording.
import type { InterpreterLanguage } from './wrappers/index.js';

export type CodeEffect =
  | { kind: 'shell'; text: string }
  | { kind: 'argv'; argv: string[] }
  | { kind: 'unknown'; call: string };

const SHELL_CALLS: Record<InterpreterLanguage, RegExp> = {
  python: /^(os\.(system|popen|exec[lv]p?e?)|subprocess\.(run|call|check_call|check_output|Popen|getoutput|getstatusoutput)|commands\.getoutput|sh)$/,
  node: /^((child_process|cp|childProcess)\.)?(exec|execSync|spawn|spawnSync|execFile|execFileSync|execa|execaSync|execaCommand|execaCommandSync)$/,
  ruby: /^((Kernel|Process)\.)?(system|exec|spawn)$|^(IO\.popen|Open3\.(capture2e?|capture3|popen3|popen2e?))$/,
  perl: /^(system|exec)$/,
  php: /^(system|exec|shell_exec|passthru|popen|proc_open)$/,
};

/** Calls that delete a whole tree, and calls that delete one file. */
const TREE_DELETE = /^(shutil\.rmtree|rmtree|remove_tree|FileUtils\.(rm_rf|rm_r|remove_dir|remove_entry(_secure)?)|rimraf(\.sync)?|fse?\.(remove|removeSync|emptyDir|emptyDirSync)|del(\.sync)?|deleteSync)$/;
const MAYBE_TREE_DELETE = /^((fs|fsp|fs\.promises|promises)\.)?(rmSync|rm|rmdirSync|rmdir)$/;
const FILE_DELETE = /^(os\.(remove|unlink|rmdir)|((fs|fsp|fs\.promises)\.)?(unlinkSync|unlink)|File\.(delete|unlink)|FileUtils\.rm|unlink|Path\([^)]*\)\.unlink)$/;
const FILE_WRITE = /^(((fs|fsp|fs\.promises)\.)?(writeFileSync|writeFile|appendFileSync|appendFile|copyFileSync|renameSync)|File\.write|IO\.write|file_put_contents|shutil\.(copy|copyfile|move)|os\.(rename|replace))$/;
/**
 * Methods that send their string argument to a database (on a connection, cursor, client, facade:
 * psycopg2/sqlite3 `execute`, pg/PDO/better-sqlite3 `exec`/`query`, Perl DBI `do`/`prepare`, Active
 * Record `exec_query`, Laravel `DB::statement`, Prisma `$executeRaw` …). Only literal text that
 * starts like SQL is handed on, so the generic names (`run`, `delete`) cannot misfire on other data.
 */
const SQL_METHOD = /^(execute|executescript|executemany|exec|exec_query|exec_update|exec_delete|exec_insert|exec_params|async_exec|async_exec_params|sync_exec|query|query_raw|raw|raw_query|rawQuery|run|run_sql|sql|do|prepare|statement|unprepared|affectingStatement|execute_sql|executeSql|executeQuery|executeUpdate|executeStatement|execSQL|select_all|select_rows|select_one|select_value|select_values|delete|update|insert|select|\$executeRaw|\$executeRawUnsafe|\$queryRaw|\$queryRawUnsafe)$/;
/** Plain functions that take a connection first and SQL later (`mysqli_query($c, "DROP …")`). */
const SQL_FUNCTION = /^(mysqli_query|mysqli_multi_query|mysqli_real_query|mysql_query|pg_query|pg_send_query|pg_query_params|pg_prepare|pg_exec|sqlite_exec|sqlite_query|odbc_exec|sqlsrv_query|oci_parse)$/;
/** Wrappers around SQL text that keep it SQL: SQLAlchemy `text("…")`, psycopg `sql.SQL("…")`, `Arel.sql`, `DB::raw`. */
const SQL_WRAPPER = /^((\w+\.)*(text|SQL|sql|raw)|DB::raw)$/;
const FLUSH_CALLS = /^(\w+\.)*(flushall|flushdb|flushAll|flushDb|FLUSHALL|FLUSHDB)$/;
const MONGO_DROP = /^(\w+\.)*(drop_database|dropDatabase|drop_collection|dropCollection|drop|delete_many|deleteMany|remove)$/;

const SQL_START = /^\s*(drop|truncate|delete|update|alter|create|insert|select|with|grant|revoke|vacuum|begin)\b(?!-)/i;

interface Literal {
  /** Literal text, or undefined when the argument is not a plain string (variable, interpolation). */
  text?: string;
  /** For list arguments: each item (undefined items are not literals). */
  list?: (string | undefined)[];
  end: number;
}

const isIdent = (c: string) => /[A-Za-z0-9_$.]/.test(c);

function readString(code: string, start: number, language: InterpreterLanguage): Literal | null {
  let i = start;
  // Perl's quote operators: q(…), q{…}, qq{…} (which interpolates).
  if (language === 'perl' && code[i] === 'q' && !/\w/.test(code[i - 1] ?? '')) {
    const double = code[i + 1] === 'q';
    const open = code[i + (double ? 2 : 1)] ?? '';
    if (/[^\w\s]/.test(open) && open !== '=' && open !== ',' && open !== ';' && open !== ')') {
      const close = ({ '(': ')', '[': ']', '{': '}', '<': '>' } as Record<string, string>)[open] ?? open;
      const from = i + (double ? 3 : 2);
      const end = code.indexOf(close, from);
      if (end < 0) return null;
      const text = code.slice(from, end);
      return { text: double && /[$@][A-Za-z_{]/.test(text) ? undefined : text, end: end + 1 };
    }
  }
  // Python string prefixes: r'', b'', f'', rb'' …
  let prefix = '';
  while (language === 'python' && /[rbfuRBFU]/.test(code[i] ?? '') && prefix.length < 2) prefix += code[i++];
  const quote = code[i];
  if (quote !== '"' && quote !== "'" && quote !== '`') return null;
  const triple = language === 'python' && code.startsWith(quote.repeat(3), i);
  const delimiter = triple ? quote.repeat(3) : quote;
  i += delimiter.length;
  let text = '';
  let interpolated = /f/i.test(prefix);
  const raw = /r/i.test(prefix) || (quote === "'" && language !== 'python' && language !== 'node');
  while (i < code.length) {
    if (code.startsWith(delimiter, i)) return { text: interpolated ? undefined : text, end: i + delimiter.length };
    const ch = code[i];
    if (ch === '\\' && !raw) {
      const next = code[i + 1] ?? '';
      text += next === 'n' ? '\n' : next === 't' ? '\t' : next;
      i += 2;
      continue;
    }
    if (quote === '`' && ch === '$' && code[i + 1] === '{') interpolated = true;
    if (quote === '"' && language === 'ruby' && ch === '#' && code[i + 1] === '{') interpolated = true;
    if (quote === '"' && (language === 'perl' || language === 'php') && (ch === '$' || ch === '@') && /[A-Za-z_{]/.test(code[i + 1] ?? '')) interpolated = true;
    text += ch;
    i++;
  }
  return null;
}

function skipSpace(code: string, i: number): number {
  while (i < code.length && /\s/.test(code[i])) i++;
  return i;
}

/** Reads the first argument of a call starting at `open` (the `(`), or a bare argument (ruby/perl `system "x"`). */
function firstArgument(code: string, at: number, language: InterpreterLanguage): Literal & { rest: string } {
  let i = skipSpace(code, at);
  const paren = code[i] === '(';
  if (paren) i = skipSpace(code, i + 1);
  const close = code.indexOf(')', i);
  const rest = code.slice(i, close < 0 ? Math.min(code.length, i + 400) : close + 1);
  if (code[i] === '[') {
    const list: (string | undefined)[] = [];
    i = skipSpace(code, i + 1);
    while (i < code.length && code[i] !== ']') {
      const item = readString(code, i, language);
      if (!item) {
        list.push(undefined);
        while (i < code.length && code[i] !== ',' && code[i] !== ']') i++;
      } else {
        list.push(item.text);
        i = item.end;
      }
      i = skipSpace(code, i);
      if (code[i] === ',') i = skipSpace(code, i + 1);
    }
    return { list, end: i + 1, rest };
  }
  const literal = readString(code, i, language);
  if (literal) {
    // node spawn('rm', ['-rf', x]) / execFile: program then argument list.
    const after = skipSpace(code, literal.end);
    if (code[after] === ',' && language === 'node') {
      const next = skipSpace(code, after + 1);
      if (code[next] === '[') {
        const args = firstArgument(code, next, language);
        if (args.list && literal.text !== undefined) return { list: [literal.text, ...args.list], end: args.end, rest };
      }
    }
    return { ...literal, rest };
  }
  return { end: i, rest };
}

function commentStart(language: InterpreterLanguage, code: string, i: number): number {
  const ch = code[i];
  if ((language === 'python' || language === 'ruby' || language === 'perl') && ch === '#') return code.indexOf('\n', i);
  if ((language === 'node' || language === 'php') && ch === '/' && code[i + 1] === '/') return code.indexOf('\n', i);
  if ((language === 'node' || language === 'php') && ch === '/' && code[i + 1] === '*') {
    const end = code.indexOf('*/', i + 2);
    return end < 0 ? -1 : end + 1;
  }
  return -2;
}

/** Effects of inline code, in source order. Bounded: reads at most `maxEffects` calls. */
export function inlineCodeEffects(language: InterpreterLanguage, code: string, maxEffects = 32): CodeEffect[] {
  const effects: CodeEffect[] = [];
  const groups = bracketPairs(code, language);
  const budget: ScanBudget = { chars: SPLIT_BUDGET };
  const libraries = { sqlalchemy: /\bsqlalchemy\b/.test(code), drizzle: /drizzle/.test(code) };
  const pythonImports = language === 'python' ? shellImports(code) : undefined;
  let i = 0;
  while (i < code.length && effects.length < maxEffects) {
    // Comments and strings are skipped whole so that words inside them are not taken for calls …
    const past = pastCommentOrString(code, i, language);
    if (past !== undefined) {
      i = past;
      continue;
    }
    const ch = code[i];
    // … except backtick command strings in ruby/perl/php, which run.
    if (ch === '`') {
      const literal = readString(code, i, language);
      if (literal && language !== 'node' && language !== 'python') effects.push(literal.text === undefined ? { kind: 'unknown', call: 'backticks' } : { kind: 'shell', text: literal.text });
      i = literal ? literal.end : i + 1;
      continue;
    }
    // A chain of calls starting here (`User.where(…).delete_all`, `DB::table('x')->delete()`).
    if (chainHead(code, i, language)) effects.push(...ormEffects(language, readChain(code, i, language, groups), libraries));
    if (!isIdent(ch) || (i > 0 && isIdent(code[i - 1]))) {
      i++;
      continue;
    }
    let end = i;
    while (end < code.length && isIdent(code[end])) end++;
    const name = code.slice(i, end).replace(/^\.+/, '');
    const method = name.split('.').pop() ?? name;
    const after = skipSpace(code, end);
    const tagged = language === 'node' && code[after] === '`' && SQL_METHOD.test(method);
    const callable = tagged || code[after] === '(' || ((language === 'ruby' || language === 'perl') && (code[after] === '"' || code[after] === "'"));
    if (!callable) {
      i = end;
      continue;
    }
    const arg = firstArgument(code, end, language);
    // SQL sent through a connection, cursor or client: `conn.exec("DROP …")` is SQL, while the bare
    // `exec("rm -rf …")` of ruby/php/perl runs a shell command.
    const sql = SQL_METHOD.test(method) || SQL_FUNCTION.test(name) ? sqlArgument(code, after, language, groups, arg, budget) : undefined;
    // A method called on a value (`conn.exec(…)`, `$db->exec(…)`) sends SQL where the bare
    // function (`exec(…)`) runs a shell; a module's shell call (`subprocess.run`, `os.system`,
    // `child_process.exec`) is always a shell.
    const onReceiver = (code[i] === '.' && !afterShellModule(code, i)) || precededByAccessor(code, i);
    const shellCall = SHELL_CALLS[language].test(name) || (language === 'python' && pythonShellCall(name, code, i, pythonImports));
    if (shellCall && !(onReceiver && sql !== undefined)) {
      if (arg.list) {
        effects.push(arg.list.every((a) => a !== undefined) ? { kind: 'argv', argv: arg.list as string[] } : { kind: 'unknown', call: name });
      } else if (arg.text !== undefined) effects.push({ kind: 'shell', text: arg.text });
      else effects.push({ kind: 'unknown', call: name });
    } else if (name === 'del' && (onReceiver || language === 'python')) {
      // `query.del()` (Knex, Redis clients) deletes rows or keys and python's `del(x)` a name, not the `del` package's file trees.
    } else if (TREE_DELETE.test(name) || (MAYBE_TREE_DELETE.test(name) && /recursive\s*:\s*true/.test(arg.rest))) {
      effects.push({ kind: 'argv', argv: ['rm', '-rf', arg.text ?? '$PATH_FROM_CODE'] });
    } else if (FILE_DELETE.test(name) || MAYBE_TREE_DELETE.test(name)) {
      effects.push({ kind: 'argv', argv: ['rm', arg.text ?? '$PATH_FROM_CODE'] });
    } else if (FILE_WRITE.test(name) || (language === 'python' && name === 'open' && /,\s*['"][wa]/.test(arg.rest))) {
      if (arg.text !== undefined) effects.push({ kind: 'argv', argv: ['tee', arg.text] });
    } else if (FLUSH_CALLS.test(name)) {
      effects.push({ kind: 'argv', argv: ['redis-cli', name.split('.').pop()!.toUpperCase()] });
    } else if (sql !== undefined) {
      effects.push(sqlEffect(sql));
    } else if (MONGO_DROP.test(name) && /\.(drop_database|dropDatabase)$/.test(name)) {
      effects.push({ kind: 'argv', argv: ['mongosh', '--eval', 'db.dropDatabase()'] });
    }
    i = end;
  }
  return effects.slice(0, maxEffects);
}

/** The functions of os and subprocess that run a command. */
const PY_SHELL_FUNCTIONS = /^(system|popen|spawn[lv]p?e?|exec[lv]p?e?|run|call|check_call|check_output|Popen|getoutput|getstatusoutput)$/;

/** Python names bound to os/subprocess or their command functions: `import os as o`, `from subprocess import run as r`. */
function shellImports(code: string): { modules: Set<string>; functions: Set<string> } {
  const modules = new Set<string>();
  const functions = new Set<string>();
  // Statement by statement (lines and `;`), each bounded: a regex over the whole text would be
  // quadratic on long runs of spaces.
  let statements = 0;
  for (const raw of code.split(/[\n;]/)) {
    if (++statements > 2000) break;
    const statement = raw.trim().slice(0, 500);
    const plain = /^import\s+([\w\s,.]+)$/.exec(statement);
    if (plain) {
      for (const part of plain[1].split(',')) {
        const [module, alias] = part.trim().split(/\s+as\s+/);
        if (module === 'os' || module === 'subprocess') modules.add(alias ?? module);
      }
      continue;
    }
    const from = /^from\s+(os|subprocess)\s+import\s+\(?([\w\s,*]+)\)?$/.exec(statement);
    if (!from) continue;
    for (const part of from[2].split(',')) {
      const [fn, alias] = part.trim().split(/\s+as\s+/);
      if (PY_SHELL_FUNCTIONS.test(fn) || fn === '*') functions.add(alias ?? fn);
    }
  }
  return { modules, functions };
}

/** A Python call that runs a command through os or subprocess under another name. */
function pythonShellCall(name: string, code: string, i: number, imports: { modules: Set<string>; functions: Set<string> } | undefined): boolean {
  const parts = name.split('.');
  const fn = parts[parts.length - 1];
  if (!PY_SHELL_FUNCTIONS.test(fn)) return imports?.functions.has(name) ?? false;
  // `.run(…)` on some object is that object's method, not the imported function.
  if (parts.length === 1 && code[i] === '.') return afterShellModule(code, i);
  if (parts.length === 1) return (imports?.functions.has(fn) ?? false) || imports?.functions.has('*') === true;
  return parts.length === 2 && (imports?.modules.has(parts[0]) ?? false);
}

/** `require("child_process").exec`, `__import__("os").system`: a shell module reached inline. */
function afterShellModule(code: string, i: number): boolean {
  return /(require\(\s*["'](node:)?child_process["']\s*\)|__import__\(\s*["'](os|subprocess)["']\s*\))\s*$/.test(code.slice(Math.max(0, i - 64), i));
}

/** `->name` (php/perl) or `::name` (php/ruby): a method called on an object or class. */
function precededByAccessor(code: string, i: number): boolean {
  let b = i - 1;
  while (b > 0 && /\s/.test(code[b])) b--;
  return (code[b] === '>' && code[b - 1] === '-') || (code[b] === ':' && code[b - 1] === ':');
}

/** The SQL text a database call sends: the first literal argument that reads as SQL. */
function sqlArgument(code: string, after: number, language: InterpreterLanguage, groups: Map<number, number>, first: Literal, budget: ScanBudget): string | undefined {
  if (code[after] === '(') {
    const close = groups.get(after);
    // Long or deeply nested argument lists are not split (each nested call would scan its whole
    // span again: quadratic); the first literal still counts.
    if (close === undefined || close - after > MAX_ARGS || (budget.chars -= close - after) < 0) {
      return first.text !== undefined && SQL_START.test(first.text) ? first.text : undefined;
    }
    for (const arg of splitArguments(code.slice(after + 1, close), language)) {
      const text = literalText(arg, language);
      if (text !== undefined && SQL_START.test(text)) return text;
    }
    return undefined;
  }
  return first.text !== undefined && SQL_START.test(first.text) ? first.text : undefined;
}

/** Characters the argument splitting may scan for one piece of code, in all. */
interface ScanBudget {
  chars: number;
}
const SPLIT_BUDGET = 200_000;

const sqlEffect = (text: string): CodeEffect => ({ kind: 'argv', argv: ['psql', '-c', text] });
const mongoEffect = (text: string): CodeEffect => ({ kind: 'argv', argv: ['mongosh', '--eval', text] });

/**
 * Where a comment or a quoted string starting at `i` ends (the code's end for a comment that
 * never does), or undefined when neither starts there. Backtick strings count only when asked.
 */
function pastCommentOrString(code: string, i: number, language: InterpreterLanguage, backticks = false): number | undefined {
  const comment = commentStart(language, code, i);
  if (comment === -1) return code.length;
  if (comment >= 0) return comment + 1;
  const ch = code[i];
  if (ch !== '"' && ch !== "'" && !(backticks && ch === '`')) return undefined;
  const literal = readString(code, i, language);
  return literal ? literal.end : i + 1;
}

/** Index of each opening bracket → its closing bracket, skipping strings and comments. Linear. */
function bracketPairs(code: string, language: InterpreterLanguage): Map<number, number> {
  const pairs = new Map<number, number>();
  const stack: number[] = [];
  const closer: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
  let i = 0;
  while (i < code.length) {
    const past = pastCommentOrString(code, i, language, true);
    if (past !== undefined) {
      i = past;
      continue;
    }
    const ch = code[i];
    if (ch === '(' || ch === '[' || ch === '{') stack.push(i);
    else if (ch === ')' || ch === ']' || ch === '}') {
      // A stray closer (unbalanced code) drops the openers it does not match.
      while (stack.length && closer[code[stack[stack.length - 1]]] !== ch) stack.pop();
      const open = stack.pop();
      if (open !== undefined) pairs.set(open, i);
    }
    i++;
  }
  return pairs;
}

/** Splits argument text on top-level commas. */
function splitArguments(text: string, language: InterpreterLanguage): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' || ch === "'" || ch === '`') {
      const literal = readString(text, i, language);
      i = literal ? literal.end : i + 1;
      continue;
    }
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
    else if (ch === ',' && depth === 0) {
      out.push(text.slice(from, i).trim());
      from = i + 1;
    }
    i++;
  }
  const last = text.slice(from).trim();
  if (last || out.length) out.push(last);
  return out;
}

/** The text of an argument that is a plain literal (string, ruby symbol, or a string in a SQL wrapper). */
function literalText(arg: string, language: InterpreterLanguage): string | undefined {
  const text = arg.trim();
  const literal = readString(text, 0, language);
  if (literal) return literal.end === text.length ? literal.text : undefined;
  if (language === 'ruby' && /^:\w+$/.test(text)) return text.slice(1);
  const wrapped = /^([\w.:$]+)\s*\(([\s\S]*)\)$/.exec(text);
  if (wrapped && SQL_WRAPPER.test(wrapped[1])) return literalText(wrapped[2], language);
  return undefined;
}

// ── ORM one-liners ───────────────────────────────────────────────────────────────────────────────

/** One link of a call chain: `name`, `name(args)`, `name[index]`, ruby `name { block }`. */
interface Link {
  name: string;
  /** Text between the parentheses ('' for `name()`), or undefined when the link is not called. */
  args?: string;
  index?: string;
  block?: string;
}

/** Longer argument text is not read (it cannot be a whole-table call anyway). */
const MAX_ARGS = 2000;
const UNREAD = '\u0000';

const NAME: Record<InterpreterLanguage, RegExp> = {
  python: /[A-Za-z_][\w]*/y,
  node: /[A-Za-z_$][\w$]*/y,
  ruby: /[A-Za-z_@$][\w]*(?:[?!](?![=~]))?/y,
  perl: /[A-Za-z_$][\w]*/y,
  php: /[A-Za-z_$\\][\w$\\]*/y,
};

const RUBY_KEYWORDS = new Set(['if', 'unless', 'and', 'or', 'not', 'do', 'then', 'end', 'while', 'until', 'rescue', 'else', 'elsif', 'in']);

/** A chain starts at a name that is not itself the member of something (`.x`, `->x`, `::x`). */
function chainHead(code: string, i: number, language: InterpreterLanguage): boolean {
  const ch = code[i];
  if (!/[A-Za-z_$@\\]/.test(ch) || (ch === '\\' && language !== 'php') || (ch === '@' && language !== 'ruby')) return false;
  if (i > 0 && /[\w$\\@]/.test(code[i - 1])) return false;
  let b = i - 1;
  while (b >= 0 && /\s/.test(code[b])) b--;
  const prev = code[b];
  return !(prev === '.' || (prev === '>' && code[b - 1] === '-') || (prev === ':' && code[b - 1] === ':'));
}

function readChain(code: string, start: number, language: InterpreterLanguage, groups: Map<number, number>): Link[] {
  const links: Link[] = [];
  const name = NAME[language];
  let i = start;
  const group = (open: number): { text: string; end: number } | undefined => {
    const close = groups.get(open);
    if (close === undefined) return undefined;
    return { text: close - open > MAX_ARGS ? UNREAD : code.slice(open + 1, close), end: close + 1 };
  };
  while (links.length < 32) {
    name.lastIndex = i;
    const found = name.exec(code);
    if (!found) break;
    const link: Link = { name: found[0] };
    links.push(link);
    i += found[0].length;
    let j = i;
    while (code[j] === ' ' || code[j] === '\t') j++;
    if (code[j] === '(') {
      const args = group(j);
      if (!args) break;
      link.args = args.text;
      i = args.end;
    } else if (code[i] === '[') {
      const index = group(i);
      if (!index) break;
      link.index = index.text;
      i = index.end;
    }
    if (language === 'ruby') {
      // A block: `each { |u| u.destroy }` or `each do |u| u.destroy end`.
      j = i;
      while (code[j] === ' ' || code[j] === '\t') j++;
      if (code[j] === '{' && /^\{\s*\|/.test(code.slice(j, j + 40))) {
        const block = group(j);
        if (!block) break;
        link.block = block.text;
        i = block.end;
      } else if (/^do\s*\|/.test(code.slice(j, j + 40))) {
        const end = code.slice(j, j + MAX_ARGS).search(/\bend\b/);
        if (end > 0) link.block = code.slice(j + 2, j + end);
        break;
      } else if (link.args === undefined && code[i] === ' ' && /[\w:'"&\[{@-]/.test(code[j] ?? '')) {
        // Arguments without parentheses (`User.update_all active: false`) end the chain.
        const word = /^\w+/.exec(code.slice(j, j + 12))?.[0];
        if (word && RUBY_KEYWORDS.has(word)) break;
        if (code[j] === '-' && !/\d/.test(code[j + 1] ?? '')) break;
        const stop = code.slice(j, j + MAX_ARGS).search(/[;\n}]|\s(if|unless)\s/);
        link.args = stop < 0 ? code.slice(j, j + MAX_ARGS) : code.slice(j, j + stop);
        break;
      }
    }
    // The next link: `.x`, `?.x`, `&.x`, `->x`, `::x`, possibly on the next line.
    let k = i;
    while (k < code.length && (/\s/.test(code[k]) || (language === 'python' && code[k] === '\\' && code[k + 1] === '\n'))) k++;
    let separator = 0;
    if (code[k] === '.' && /[A-Za-z_$]/.test(code[k + 1] ?? '')) separator = 1;
    else if ((code[k] === '?' || code[k] === '&') && code[k + 1] === '.') separator = 2;
    else if ((code[k] === '-' && code[k + 1] === '>') || (code[k] === ':' && code[k + 1] === ':')) separator = 2;
    if (!separator) break;
    i = skipSpace(code, k + separator);
  }
  return links;
}

const compact = (text: string | undefined) => (text ?? '').replace(/\s+/g, '');
const capitalised = (name: string) => /^[A-Z]/.test(name);
const lastPart = (name: string) => name.split(/\\|::/).pop() ?? name;

/** Arguments that select every row: none, `{}`, `nil`, `'1=1'`, Prisma's `{ where: {} }`. */
function everything(args: string | undefined): boolean {
  if (args === undefined) return false;
  return /^(|\{\}|\[\]|nil|None|null|true|True|TRUE|'1=1'|"1=1"|1=1|'true'|"true"|where:\{\}|\{where:\{\}\}|\{"where":\{\}\})$/.test(compact(args));
}

/** A SQL identifier the analyser reads as one name. */
function ident(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) && !/^(user|order|group|table|select|from|where|all|end|limit|offset|key)$/.test(name) ? name : `"${name.replace(/"/g, '')}"`;
}

/** Rails/Laravel/Mongoose table name for a model class: `LineItem` → `line_items`. */
function tableOf(model: string): string {
  const snake = lastPart(model).replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
  if (/[^aeiou]y$/.test(snake)) return snake.slice(0, -1) + 'ies';
  if (/(s|x|z|ch|sh)$/.test(snake)) return snake + 'es';
  return snake + 's';
}

/** Table names given as literal arguments (`drop_table(:users)`, `Schema::drop('users')`). */
function tableNames(args: string | undefined, language: InterpreterLanguage): string {
  const names = splitArguments(args ?? '', language)
    .map((a) => literalText(a, language))
    .filter((t): t is string => t !== undefined && /^[\w.$-]+$/.test(t));
  return names.length ? names.map(ident).join(', ') : '"every table"';
}

/** `SET col = ?` from the first key of an update call's arguments. */
function setClause(args: string | undefined): string {
  const keys = [...(args ?? '').matchAll(/['"]?([A-Za-z_]\w*)['"]?\s*(?::(?!:)|=>|=(?![=>]))/g)].map((m) => m[1]).filter((k) => k !== 'data' && k !== 'where');
  return `${ident(keys[0] ?? 'columns')} = ?`;
}

const deleteAll = (table: string) => sqlEffect(`DELETE FROM ${table}`);
const updateAll = (table: string, args: string | undefined) => sqlEffect(`UPDATE ${table} SET ${setClause(args)}`);
const truncate = (table: string) => sqlEffect(`TRUNCATE ${table}`);
const dropAll = () => sqlEffect('DROP TABLE "every table"');

/** Libraries the code names, for calls whose names are too common to read alone (`delete(User)`, `db.delete(users)`). */
interface Libraries {
  sqlalchemy: boolean;
  drizzle: boolean;
}

function ormEffects(language: InterpreterLanguage, links: Link[], libraries: Libraries): CodeEffect[] {
  if (links.length < 2 && !(links.length === 1 && links[0].args !== undefined)) return [];
  const found = schemaEffects(language, links);
  if (found.length) return found;
  switch (language) {
    case 'ruby':
      return activeRecord(links);
    case 'python':
      return django(links, libraries);
    case 'php':
      return laravel(links);
    case 'node':
      return nodeOrm(links, libraries);
    default:
      return [];
  }
}

const SCHEMA_RECEIVER = /^(connection|Migration|Schema|schema|queryInterface|getQueryInterface|DB|migrator)$/;

/** Table drops and truncations through a connection or schema builder, in any language. */
function schemaEffects(language: InterpreterLanguage, links: Link[]): CodeEffect[] {
  for (let t = 1; t < links.length; t++) {
    const link = links[t];
    if (link.args === undefined) continue;
    const receivers = links.slice(0, t).map((l) => lastPart(l.name));
    const onSchema = receivers.some((r) => SCHEMA_RECEIVER.test(r)) && !(language === 'php' && receivers[0] === 'DB');
    if (onSchema && (/^(drop_table|drop_tables|dropTable|dropTableIfExists|dropIfExists)$/.test(link.name) || (link.name === 'drop' && receivers[t - 1] === 'Schema'))) {
      return [sqlEffect(`DROP TABLE ${tableNames(link.args, language)}`)];
    }
    if (onSchema && /^(truncate|truncate_tables|truncateTable)$/.test(link.name) && (receivers.includes('connection') || (language === 'ruby' && receivers[0] === 'DB'))) {
      return [truncate(tableNames(link.args, language))];
    }
    if (/^(drop_all|drop_all_tables|dropAllTables|dropAllSchemas)$/.test(link.name)) return [dropAll()];
    if (/^(dropCollection|drop_collection)$/.test(link.name)) {
      const name = literalText(splitArguments(link.args, language)[0] ?? '', language);
      return [mongoEffect(name && /^[\w.-]+$/.test(name) ? `db.getCollection(${JSON.stringify(name)}).drop()` : 'db.getCollection("collection").drop()')];
    }
  }
  return [];
}

const RUBY_NOT_MODELS = new Set(['ActiveRecord', 'Base', 'ApplicationRecord', 'Rails', 'Kernel', 'File', 'Dir', 'FileUtils', 'IO', 'ENV', 'Process', 'Rake', 'Task', 'DB', 'Sequel', 'Redis', 'Open3', 'Array', 'Hash', 'Set', 'Struct', 'Object']);
/** Query methods that keep every row in scope. */
const RUBY_WHOLE = new Set(['all', 'unscoped', 'order', 'reorder', 'includes', 'preload', 'eager_load', 'readonly', 'lock', 'distinct', 'in_batches', 'with_deleted', 'unscope', 'strict_loading', 'references', 'select', 'joins', 'left_joins', 'left_outer_joins']);

/** Active Record (`User.delete_all`, `Order.all.destroy_all`, `User.find_each(&:destroy)`), Sequel (`DB[:users].delete`), `Rake::Task['db:drop'].invoke`. */
function activeRecord(links: Link[]): CodeEffect[] {
  const [head, second, third] = links;
  if (head.name === 'Rake' && second?.name === 'Task' && second.index !== undefined && /^(invoke|execute)$/.test(third?.name ?? '')) {
    const task = literalText(second.index, 'ruby');
    return task && /^[\w:]+$/.test(task) ? [{ kind: 'argv', argv: ['rails', task] }] : [];
  }
  if (head.index !== undefined && second && links.length === 2) {
    const table = literalText(head.index, 'ruby');
    if (table && /^\w+$/.test(table)) {
      if (second.name === 'delete' && (second.args === undefined || second.args.trim() === '')) return [deleteAll(ident(table))];
      if (second.name === 'truncate') return [truncate(ident(table))];
      if (second.name === 'update') return [updateAll(ident(table), second.args)];
    }
  }
  let m = 0;
  while (m < links.length && capitalised(links[m].name) && links[m].args === undefined && links[m].index === undefined) m++;
  if (m === 0 || RUBY_NOT_MODELS.has(links[m - 1].name)) return [];
  const table = ident(tableOf(links[m - 1].name));
  for (let t = m; t < links.length; t++) {
    const link = links[t];
    if (link.name === 'delete_all' || link.name === 'destroy_all') return [deleteAll(table)];
    if (link.name === 'update_all') return [updateAll(table, link.args)];
    if (/^(each|find_each|map)$/.test(link.name) && destroysEach(link)) return [deleteAll(table)];
    if ((link.name === 'where' || link.name === 'rewhere') && everything(link.args)) continue;
    if (!RUBY_WHOLE.has(link.name)) return [];
  }
  return [];
}

/** `each(&:destroy)`, `each { |u| u.destroy }`, `each do |u| u.delete end`. */
function destroysEach(link: Link): boolean {
  if (/^&:(destroy|delete)!?$/.test(compact(link.args))) return true;
  return link.block !== undefined && /^\s*\|\s*(\w+)\s*\|\s*\1\.(destroy|delete)!?\s*$/.test(link.block);
}

const DJANGO_MANAGERS = new Set(['objects', '_default_manager', '_base_manager', 'all_objects']);
const DJANGO_WHOLE = new Set(['all', 'order_by', 'select_related', 'prefetch_related', 'only', 'defer', 'using', 'distinct', 'annotate', 'alias', 'reverse']);

/** Django (`Order.objects.all().delete()`, `call_command('flush')`) and SQLAlchemy (`session.query(User).delete()`, `metadata.drop_all()`). */
function django(links: Link[], libraries: Libraries): CodeEffect[] {
  const call = links.findIndex((l) => l.name === 'call_command' && l.args !== undefined);
  if (call >= 0) {
    const args = splitArguments(links[call].args!, 'python').filter((a) => !/^\w+\s*=/.test(a)).map((a) => literalText(a, 'python'));
    const words = args[0] === undefined ? [] : args.filter((a): a is string => a !== undefined);
    return words.length ? [{ kind: 'argv', argv: ['python', 'manage.py', ...words] }] : [];
  }
  const manager = links.findIndex((l, k) => k >= 1 && DJANGO_MANAGERS.has(l.name) && l.args === undefined);
  if (manager >= 1 && capitalised(links[manager - 1].name) && links[manager - 1].args === undefined) {
    const table = ident(links[manager - 1].name.toLowerCase());
    for (let t = manager + 1; t < links.length; t++) {
      const link = links[t];
      if ((link.name === 'delete' || link.name === '_raw_delete') && link.args !== undefined) return [deleteAll(table)];
      if (link.name === 'update' && link.args !== undefined) return [updateAll(table, link.args)];
      if ((link.name === 'filter' || link.name === 'exclude') && link.args?.trim() === '') continue;
      if (!DJANGO_WHOLE.has(link.name) || link.args === undefined) return [];
    }
    return [];
  }
  // SQLAlchemy: session.query(User).delete(), Model.__table__.drop(engine), delete(User) without .where().
  const query = links.findIndex((l) => l.name === 'query' && /^\s*[A-Z]\w*\s*$/.test(l.args ?? ''));
  if (query >= 0) {
    const table = ident(tableOf(links[query].args!.trim()));
    for (let t = query + 1; t < links.length; t++) {
      const link = links[t];
      if (link.name === 'delete' && link.args !== undefined) return [deleteAll(table)];
      if (link.name === 'update' && link.args !== undefined) return [updateAll(table, link.args)];
      if (!/^(order_by|options|execution_options|enable_eagerloads)$/.test(link.name)) return [];
    }
  }
  const tableLink = links.findIndex((l) => l.name === '__table__');
  if (tableLink >= 1 && links[tableLink + 1]?.name === 'drop' && links[tableLink + 1].args !== undefined) {
    return [sqlEffect(`DROP TABLE ${ident(tableOf(links[tableLink - 1].name))}`)];
  }
  if (libraries.sqlalchemy) {
    const statement = links.findIndex((l, k) => (l.name === 'delete' || l.name === 'update') && /^\s*[A-Z]\w*\s*$/.test(l.args ?? '') && (k === 0 || /^(sa|sqlalchemy|sql)$/.test(links[k - 1].name)));
    if (statement >= 0 && !links.slice(statement + 1).some((l) => /^(where|filter|filter_by)$/.test(l.name))) {
      const table = ident(tableOf(links[statement].args!.trim()));
      return [links[statement].name === 'delete' ? deleteAll(table) : updateAll(table, links.find((l) => l.name === 'values')?.args)];
    }
  }
  return [];
}

const LARAVEL_FACADES = new Set(['DB', 'Schema', 'Cache', 'Storage', 'Log', 'Artisan', 'Queue', 'Redis', 'Session', 'Cookie', 'Config', 'File', 'Http', 'Mail', 'Notification', 'Event', 'Bus', 'Gate', 'Auth', 'Hash', 'Crypt', 'URL', 'Route', 'Request', 'Response', 'View', 'Validator', 'Lang', 'App', 'Str', 'Arr', 'Carbon', 'Process', 'PDO']);
const LARAVEL_WHOLE = new Set(['query', 'newQuery', 'newModelQuery', 'all', 'get', 'cursor', 'lazy', 'lazyById', 'withTrashed', 'onlyTrashed', 'withoutGlobalScopes', 'withoutGlobalScope', 'orderBy', 'orderByDesc', 'latest', 'oldest', 'select', 'toBase', 'withoutEvents']);

/** Laravel: `User::truncate()`, `User::query()->delete()`, `DB::table('users')->delete()`, `Artisan::call('migrate:fresh')`. */
function laravel(links: Link[]): CodeEffect[] {
  const head = lastPart(links[0].name);
  if (head === 'Artisan' && links[1]?.name === 'call' && links[1].args !== undefined) {
    const command = literalText(splitArguments(links[1].args, 'php')[0] ?? '', 'php');
    return command && /^[\w:-]/.test(command) ? [{ kind: 'argv', argv: ['php', 'artisan', ...command.split(/\s+/).filter(Boolean)] }] : [];
  }
  let table: string | undefined;
  let start = 1;
  const tableCall = links.findIndex((l) => l.name === 'table' && l.args !== undefined);
  if (head === 'DB' && tableCall >= 1) {
    const name = literalText(splitArguments(links[tableCall].args!, 'php')[0] ?? '', 'php');
    table = name && /^[\w.]+$/.test(name) ? ident(name) : '"table"';
    start = tableCall + 1;
  } else if (capitalised(head) && !LARAVEL_FACADES.has(head) && links[0].args === undefined) {
    table = ident(tableOf(head));
  } else return [];
  const builder = head === 'DB';
  for (let t = start; t < links.length; t++) {
    const link = links[t];
    if (link.name === 'truncate' && link.args?.trim() === '') return [truncate(table)];
    if ((link.name === 'delete' || link.name === 'forceDelete') && link.args?.trim() === '' && (builder || t > start)) return [deleteAll(table)];
    if (link.name === 'update' && link.args !== undefined && (builder || t > start)) return [updateAll(table, link.args)];
    if (link.name === 'each' && link.args === undefined) continue;
    if (link.name === 'whereRaw' && everything(literalText(link.args ?? '', 'php'))) continue;
    if (!LARAVEL_WHOLE.has(link.name)) return [];
  }
  return [];
}

/** Prisma, Mongoose / MongoDB driver, Sequelize, Knex, TypeORM, Drizzle. */
function nodeOrm(links: Link[], libraries: Libraries): CodeEffect[] {
  const head = links[0];
  // Knex: knex('users').del() / .truncate() with nothing narrowing it first.
  if (head.args !== undefined && links.length >= 2) {
    const args = splitArguments(head.args, 'node');
    const table = args.length === 1 ? literalText(args[0], 'node') : undefined;
    if (table && /^[\w.]+$/.test(table) && links[1].args?.trim() === '') {
      if (links[1].name === 'del' || links[1].name === 'delete') return [deleteAll(ident(table))];
      if (links[1].name === 'truncate') return [truncate(ident(table))];
    }
  }
  for (let t = 1; t < links.length; t++) {
    const link = links[t];
    const prev = links[t - 1];
    const model = t === 1 && capitalised(head.name) && head.args === undefined;
    const collection = prev.name === 'collection' && prev.args !== undefined ? literalText(prev.args, 'node') : prev.name === 'collection' && t === 2 && capitalised(head.name) ? tableOf(head.name) : undefined;
    const mongo = collection !== undefined || model;
    const mongoName = JSON.stringify(collection ?? tableOf(head.name));
    if (link.args === undefined) continue;
    const args = compact(link.args);
    if (link.name === 'deleteMany' || (link.name === 'remove' && mongo)) {
      if (!everything(link.args)) return [];
      return [mongo ? mongoEffect(`db.getCollection(${mongoName}).deleteMany({})`) : deleteAll(ident(prismaModel(prev.name)))];
    }
    if (link.name === 'updateMany') {
      if (mongo) return everything(splitArguments(link.args, 'node')[0]) ? [mongoEffect(`db.getCollection(${mongoName}).updateMany({}, { $set: {} })`)] : [];
      return /where:(?!\{\})/.test(args) ? [] : [updateAll(ident(prismaModel(prev.name)), link.args)];
    }
    if (link.name === 'drop' && collection !== undefined && args === '') return [mongoEffect(`db.getCollection(${mongoName}).drop()`)];
    // Sequelize
    if (link.name === 'destroy' && model && /truncate:true|where:\{\}/.test(args)) return [/truncate:true/.test(args) ? truncate(ident(tableOf(head.name))) : deleteAll(ident(tableOf(head.name)))];
    if (link.name === 'truncate' && model) return [truncate(ident(tableOf(head.name)))];
    if (link.name === 'sync' && /force:true/.test(args)) return [model ? sqlEffect(`DROP TABLE ${ident(tableOf(head.name))}`) : dropAll()];
    if (link.name === 'drop' && /^(sequelize|db)$/.test(prev.name) && (args === '' || args === '{}')) return [dropAll()];
    if (link.name === 'drop' && model && (args === '' || args === '{}')) return [sqlEffect(`DROP TABLE ${ident(tableOf(head.name))}`)];
    // TypeORM: getRepository(User).clear(), manager.clear(User), dataSource.synchronize(true)
    if (link.name === 'clear' && args === '' && prev.name === 'getRepository' && /^[A-Z]\w*$/.test(compact(prev.args))) return [truncate(ident(tableOf(compact(prev.args))))];
    if (link.name === 'clear' && /^(manager|entityManager)$/.test(prev.name) && /^[A-Z]\w*$/.test(args)) return [truncate(ident(tableOf(args)))];
    if (link.name === 'synchronize' && args === 'true') return [dropAll()];
    // Drizzle: db.delete(users) / db.update(users).set(…) without .where()
    if ((link.name === 'delete' || link.name === 'update') && /^(db|tx|trx)$/.test(prev.name) && /^[A-Za-z_$][\w$]*$/.test(args) && libraries.drizzle) {
      if (links.slice(t + 1).some((l) => l.name === 'where')) return [];
      return [link.name === 'delete' ? deleteAll(ident(args)) : updateAll(ident(args), links[t + 1]?.name === 'set' ? links[t + 1].args : undefined)];
    }
  }
  return [];
}

/** Prisma's default table is the model's name: the client delegate `lineItem` is model `LineItem`. */
const prismaModel = (delegate: string) => delegate.charAt(0).toUpperCase() + delegate.slice(1);
