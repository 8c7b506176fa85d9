// Inline interpreter code (`python -c`, `node -e`, `ruby -e`, `perl -e`, `php -r`, or a heredoc
// fed to one): finds the calls that run shell commands, delete trees, write files or send SQL,
// and turns them into commands the analysers already understand. A call whose argument cannot be
// read (a variable, an interpolated string) is reported as unknown code.
import type { InterpreterLanguage } from './wrappers/index.js';

export type CodeEffect =
  | { kind: 'shell'; text: string }
  | { kind: 'argv'; argv: string[] }
  | { kind: 'unknown'; call: string };

const SHELL_CALLS: Record<InterpreterLanguage, RegExp> = {
  python: /^(os\.(system|popen|exec[lv]p?e?)|subprocess\.(run|call|check_call|check_output|Popen|getoutput|getstatusoutput)|commands\.getoutput|sh)$/,
  node: /^((child_process|cp|childProcess)\.)?(exec|execSync|spawn|spawnSync|execFile|execFileSync|execa|execaSync|execaCommand|execaCommandSync)$/,
  ruby: /^(system|exec|spawn|IO\.popen|Open3\.(capture2e?|capture3|popen3|popen2e?))$/,
  perl: /^(system|exec)$/,
  php: /^(system|exec|shell_exec|passthru|popen|proc_open)$/,
};

/** Calls that delete a whole tree, and calls that delete one file. */
const TREE_DELETE = /^(shutil\.rmtree|rmtree|remove_tree|FileUtils\.(rm_rf|rm_r|remove_dir|remove_entry(_secure)?)|rimraf(\.sync)?|fse?\.(remove|removeSync|emptyDir|emptyDirSync)|del(\.sync)?|deleteSync)$/;
const MAYBE_TREE_DELETE = /^((fs|fsp|fs\.promises|promises)\.)?(rmSync|rm|rmdirSync|rmdir)$/;
const FILE_DELETE = /^(os\.(remove|unlink|rmdir)|((fs|fsp|fs\.promises)\.)?(unlinkSync|unlink)|File\.(delete|unlink)|FileUtils\.rm|unlink|Path\([^)]*\)\.unlink)$/;
const FILE_WRITE = /^(((fs|fsp|fs\.promises)\.)?(writeFileSync|writeFile|appendFileSync|appendFile|copyFileSync|renameSync)|File\.write|IO\.write|file_put_contents|shutil\.(copy|copyfile|move)|os\.(rename|replace))$/;
const SQL_CALLS = /^(\w+\.)*(execute|executescript|executemany|query|exec|raw|run|\$executeRaw|\$executeRawUnsafe|\$queryRaw|\$queryRawUnsafe|sql)$/;
const FLUSH_CALLS = /^(\w+\.)*(flushall|flushdb|flushAll|flushDb|FLUSHALL|FLUSHDB)$/;
const MONGO_DROP = /^(\w+\.)*(drop_database|dropDatabase|drop_collection|dropCollection|drop|delete_many|deleteMany|remove)$/;

const SQL_START = /^\s*(drop|truncate|delete|update|alter|create|insert|select|with|grant|revoke|vacuum|begin)\b/i;

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
  let i = 0;
  while (i < code.length && effects.length < maxEffects) {
    const comment = commentStart(language, code, i);
    if (comment === -1) break;
    if (comment >= 0) {
      i = comment + 1;
      continue;
    }
    const ch = code[i];
    // Strings are skipped whole so that words inside them are not taken for calls …
    if (ch === '"' || ch === "'") {
      const literal = readString(code, i, language);
      i = literal ? literal.end : i + 1;
      continue;
    }
    // … except backtick command strings in ruby/perl/php, which run.
    if (ch === '`') {
      const literal = readString(code, i, language);
      if (literal && language !== 'node' && language !== 'python') effects.push(literal.text === undefined ? { kind: 'unknown', call: 'backticks' } : { kind: 'shell', text: literal.text });
      i = literal ? literal.end : i + 1;
      continue;
    }
    if (!isIdent(ch) || (i > 0 && isIdent(code[i - 1]))) {
      i++;
      continue;
    }
    let end = i;
    while (end < code.length && isIdent(code[end])) end++;
    const name = code.slice(i, end).replace(/^\.+/, '');
    const after = skipSpace(code, end);
    const callable = code[after] === '(' || ((language === 'ruby' || language === 'perl') && (code[after] === '"' || code[after] === "'"));
    if (!callable) {
      i = end;
      continue;
    }
    const arg = firstArgument(code, end, language);
    if (SHELL_CALLS[language].test(name)) {
      if (arg.list) {
        effects.push(arg.list.every((a) => a !== undefined) ? { kind: 'argv', argv: arg.list as string[] } : { kind: 'unknown', call: name });
      } else if (arg.text !== undefined) effects.push({ kind: 'shell', text: arg.text });
      else effects.push({ kind: 'unknown', call: name });
    } else if (TREE_DELETE.test(name) || (MAYBE_TREE_DELETE.test(name) && /recursive\s*:\s*true/.test(arg.rest))) {
      effects.push({ kind: 'argv', argv: ['rm', '-rf', arg.text ?? '$PATH_FROM_CODE'] });
    } else if (FILE_DELETE.test(name) || MAYBE_TREE_DELETE.test(name)) {
      effects.push({ kind: 'argv', argv: ['rm', arg.text ?? '$PATH_FROM_CODE'] });
    } else if (FILE_WRITE.test(name) || (language === 'python' && name === 'open' && /,\s*['"][wa]/.test(arg.rest))) {
      if (arg.text !== undefined) effects.push({ kind: 'argv', argv: ['tee', arg.text] });
    } else if (FLUSH_CALLS.test(name)) {
      effects.push({ kind: 'argv', argv: ['redis-cli', name.split('.').pop()!.toUpperCase()] });
    } else if (SQL_CALLS.test(name) && arg.text !== undefined && SQL_START.test(arg.text)) {
      effects.push({ kind: 'argv', argv: ['psql', '-c', arg.text] });
    } else if (MONGO_DROP.test(name) && /\.(drop_database|dropDatabase)$/.test(name)) {
      effects.push({ kind: 'argv', argv: ['mongosh', '--eval', 'db.dropDatabase()'] });
    }
    i = end;
  }
  return effects;
}
