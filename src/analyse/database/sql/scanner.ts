// One linear pass over a SQL script: tokens (quotes, comments and dollar quotes understood, so a
// `;` or a keyword inside them is data), statements split where the client would split them, and
// the client's own commands (psql `\c`/`\i`/`\gexec`, mysql `source`/`delimiter`, sqlite `.read`,
// sqlcmd `GO`) reported in order. A SQL parser library would be far too heavy for a per-command
// hook, and a guard needs tolerance more than grammar: every input yields statements, never throws.
import type { Dialect } from './dialect.js';

export type TokenKind = 'word' | 'ident' | 'string' | 'number' | 'op' | 'punct' | 'param';

export interface Token {
  kind: TokenKind;
  /** Words and operators as written; strings and quoted identifiers without their quotes. */
  text: string;
  /** Upper-case text of a word (keywords compare on this); '' for other kinds. */
  up: string;
}

export interface SqlStatement {
  kind: 'sql';
  tokens: Token[];
  /** More tokens followed than were kept (a huge INSERT): the tail is unknown. */
  truncated: boolean;
  /** What ended it: ';', the custom delimiter, 'GO', a psql `\g…` command ('gexec'), or 'eof'. */
  terminator: string;
}

export interface ClientCommand {
  kind: 'meta';
  /** Lower-case command name without its sigil: 'c', 'connect', 'i', 'read', 'source', 'restore', 'use'. */
  name: string;
  args: string[];
}

export type ScriptItem = SqlStatement | ClientCommand;

/** Tokens kept per statement; the rest of a giant statement is scanned but not stored. */
const MAX_TOKENS = 20_000;
/** Longest string literal text kept (enough for any dynamic SQL; a huge blob is data). */
const MAX_STRING = 100_000;

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isWordStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c >= 128;
const isWordChar = (c: number) => isWordStart(c) || isDigit(c) || c === 36; // $ inside identifiers

/** Two-character operators kept whole, so `>=-1` reads `>=`, `-`, `1`. */
const TWO_CHAR_OPS = new Set(['<=', '>=', '<>', '!=', '==', '||', '::', '->', '=>', ':=', '&&', '<<', '>>']);
const OP_CHARS = '+-*/<>=~!@#%^&|?:';

const ROUTINE_KINDS = new Set(['FUNCTION', 'PROCEDURE', 'PROC', 'TRIGGER', 'EVENT']);
const BLOCK_ENDERS = new Set(['IF', 'LOOP', 'WHILE', 'REPEAT', 'FOR']);
const NOT_ROUTINE = new Set(['TABLE', 'VIEW', 'INDEX', 'SCHEMA', 'DATABASE', 'TYPE', 'SEQUENCE']);
/** psql commands that send the query buffer. */
const PSQL_SEND = new Set(['g', 'gx', 'gexec', 'gset', 'gdesc', 'crosstabview', 'watch']);

export function scanSql(text: string, dialect: Dialect, emit: (item: ScriptItem) => void): void {
  new Scanner(text, dialect, emit).run();
}

class Scanner {
  private i = 0;
  private readonly n: number;
  private tokens: Token[] = [];
  private truncated = false;
  /** Only blanks since the last newline (client commands are recognised at line starts). */
  private atLineStart = true;
  private delimiter = ';';
  /** Inside CREATE FUNCTION/PROCEDURE/TRIGGER: `;` inside BEGIN … END does not end it. */
  private routine = false;
  private depth = 0;
  private pendingEnd = false;
  /** Open MySQL `/*! … *\/` executable comments whose `*\/` still has to be skipped. */
  private openExecComments = 0;

  constructor(
    private readonly text: string,
    private readonly d: Dialect,
    private readonly emit: (item: ScriptItem) => void,
  ) {
    this.n = text.length;
  }

  run(): void {
    const { text, n } = this;
    while (this.i < n) {
      const c = text.charCodeAt(this.i);
      if (isSpace(c)) {
        if (c === 10) this.atLineStart = true;
        this.i++;
        continue;
      }
      if (this.atLineStart && this.lineCommand()) continue;
      this.atLineStart = false;
      if (this.comment(c)) continue;
      if (this.delimiter !== ';' && text.startsWith(this.delimiter, this.i)) {
        this.i += this.delimiter.length;
        this.finish(this.delimiter);
        continue;
      }
      if (c === 59 /* ; */) {
        this.i++;
        if (this.pendingEnd) this.closeBlock();
        if (this.delimiter !== ';' || (this.routine && (this.depth > 0 || this.d.goSeparator))) {
          this.push('punct', ';');
          continue;
        }
        this.finish(';');
        continue;
      }
      if (c === 92 /* \ */ && (this.d.psqlMeta || this.d.mysqlCommands)) {
        this.backslashCommand();
        continue;
      }
      this.token(c);
    }
    this.finish('eof');
  }

  // ── statements ──────────────────────────────────────────────────────────────

  private push(kind: TokenKind, text: string, up = ''): void {
    if (this.pendingEnd) {
      if (kind === 'word' && BLOCK_ENDERS.has(up)) this.pendingEnd = false;
      else this.closeBlock();
    }
    if (this.tokens.length >= MAX_TOKENS) {
      this.truncated = true;
      return;
    }
    this.tokens.push({ kind, text, up });
    if (kind !== 'word') return;
    if (!this.routine && ROUTINE_KINDS.has(up) && this.tokens[0].up === 'CREATE' && this.routineHeader()) this.routine = true;
    if (!this.routine) return;
    if (up === 'BEGIN' || (up === 'CASE' && this.depth > 0)) this.depth++;
    else if (up === 'END' && this.depth > 0) this.pendingEnd = true;
  }

  /** The routine kind is in the CREATE header (`CREATE OR ALTER PROCEDURE`), not a column named `event`. */
  private routineHeader(): boolean {
    const n = this.tokens.length;
    if (n > 10) return false;
    for (let k = 1; k < n - 1; k++) {
      const t = this.tokens[k];
      if (t.kind === 'punct' || NOT_ROUTINE.has(t.up)) return false;
    }
    return true;
  }

  private closeBlock(): void {
    this.pendingEnd = false;
    if (this.depth > 0) this.depth--;
  }

  private finish(terminator: string): void {
    const tokens = this.tokens;
    const copyFromStdin = this.d.psqlMeta && isCopyFromStdin(tokens);
    if (tokens.length > 0 || terminator === 'gexec') {
      this.emit({ kind: 'sql', tokens, truncated: this.truncated, terminator });
    }
    this.tokens = [];
    this.truncated = false;
    this.routine = false;
    this.depth = 0;
    this.pendingEnd = false;
    // COPY … FROM STDIN: the lines up to `\.` are rows, not SQL.
    if (copyFromStdin) this.skipCopyData();
  }

  private skipCopyData(): void {
    const { text } = this;
    let nl = text.indexOf('\n', this.i);
    while (nl >= 0) {
      const next = text.indexOf('\n', nl + 1);
      const line = text.slice(nl + 1, next < 0 ? this.n : next).trim();
      if (line === '\\.') {
        this.i = next < 0 ? this.n : next;
        return;
      }
      nl = next;
    }
    this.i = this.n;
  }

  // ── client commands at a line start ────────────────────────────────────────

  /** sqlite/duckdb `.cmd`, mysql `delimiter`/`source`, sqlcmd `GO`. Returns true when one was consumed. */
  private lineCommand(): boolean {
    const { text, d } = this;
    const c = text.charCodeAt(this.i);
    const empty = this.tokens.length === 0;
    if (d.dotCommands && empty && c === 46 /* . */ && isWordStart(text.charCodeAt(this.i + 1))) {
      const line = this.restOfLine();
      const words = splitWords(line.slice(1));
      this.emit({ kind: 'meta', name: (words[0] ?? '').toLowerCase(), args: words.slice(1) });
      return true;
    }
    if (!isWordStart(c)) return false;
    if (d.goSeparator) {
      const line = this.peekLine().trim();
      if (/^go(\s+\d+)?$/i.test(line)) {
        this.restOfLine();
        if (this.pendingEnd) this.closeBlock();
        this.finish('GO');
        return true;
      }
    }
    if (d.mysqlCommands && empty) {
      const line = this.peekLine();
      const word = /^[A-Za-z]+/.exec(line)?.[0].toLowerCase();
      if (word === 'delimiter' || word === 'source') {
        this.restOfLine();
        const rest = line.slice(word.length).trim();
        if (word === 'delimiter') {
          const delim = rest.split(/\s+/)[0];
          if (delim) this.delimiter = delim;
        } else this.emit({ kind: 'meta', name: 'source', args: splitWords(rest) });
        return true;
      }
    }
    return false;
  }

  private peekLine(): string {
    const nl = this.text.indexOf('\n', this.i);
    return this.text.slice(this.i, nl < 0 ? this.n : nl);
  }

  private restOfLine(): string {
    const line = this.peekLine();
    this.i += line.length;
    return line.replace(/\r$/, '');
  }

  // ── backslash commands ─────────────────────────────────────────────────────

  private backslashCommand(): void {
    const { text } = this;
    this.i++; // the backslash
    if (this.d.mysqlCommands) return this.mysqlShortCommand();
    // psql: the name runs to a blank or the next backslash; arguments to the end of the line or `\\`.
    const start = this.i;
    while (this.i < this.n && !isSpace(text.charCodeAt(this.i)) && text.charCodeAt(this.i) !== 92) this.i++;
    const name = text.slice(start, this.i);
    if (name === ';') {
      this.finish(';'); // `\;` sends the queries together; each still runs
      return;
    }
    let end = this.i;
    while (end < this.n && text.charCodeAt(end) !== 10 && !(text.charCodeAt(end) === 92 && text.charCodeAt(end + 1) === 92)) end++;
    const args = splitWords(text.slice(this.i, end));
    this.i = end < this.n && text.charCodeAt(end) === 92 ? end + 2 : end;
    const lower = name.toLowerCase();
    if (PSQL_SEND.has(lower)) {
      this.finish(lower === 'gexec' ? 'gexec' : ';');
      return;
    }
    this.emit({ kind: 'meta', name: lower, args });
    if (lower === 'copy' && /\bfrom\s+(stdin|pstdin)\b/i.test(args.join(' '))) this.skipCopyData();
  }

  private mysqlShortCommand(): void {
    const { text } = this;
    const ch = text[this.i] ?? '';
    this.i++;
    if (ch === 'g' || ch === 'G' || ch === 'c') {
      this.finish(';');
      return;
    }
    if ('.udr!CRTP'.includes(ch)) {
      const args = splitWords(this.restOfLine());
      if (ch === 'd' && args[0]) this.delimiter = args[0];
      else if (ch === '.') this.emit({ kind: 'meta', name: 'source', args });
      else if (ch === 'u') this.emit({ kind: 'meta', name: 'use', args });
      else if (ch === 'r') this.emit({ kind: 'meta', name: 'connect', args });
    }
  }

  // ── comments ───────────────────────────────────────────────────────────────

  private comment(c: number): boolean {
    const { text, d } = this;
    const next = text.charCodeAt(this.i + 1);
    if ((c === 45 && next === 45) || (c === 35 && d.hashComments) || (c === 47 && next === 47 && d.slashComments)) {
      const nl = text.indexOf('\n', this.i);
      this.i = nl < 0 ? this.n : nl;
      return true;
    }
    if (c === 42 && next === 47 && this.openExecComments > 0) {
      this.openExecComments--;
      this.i += 2;
      return true;
    }
    if (c !== 47 || next !== 42) return false;
    if (d.executableComments && text.charCodeAt(this.i + 2) === 33 /* ! */) {
      // MySQL runs the text of /*!50001 … */ as code.
      this.i += 3;
      while (isDigit(text.charCodeAt(this.i))) this.i++;
      this.openExecComments++;
      return true;
    }
    let depth = 1;
    this.i += 2;
    while (this.i < this.n) {
      const a = text.charCodeAt(this.i);
      const b = text.charCodeAt(this.i + 1);
      if (a === 42 && b === 47) {
        this.i += 2;
        if (--depth === 0) return true;
        continue;
      }
      if (a === 47 && b === 42 && d.nestedComments) {
        depth++;
        this.i += 2;
        continue;
      }
      this.i++;
    }
    return true;
  }

  // ── tokens ─────────────────────────────────────────────────────────────────

  private token(c: number): void {
    const { text, d } = this;
    const start = this.i;
    if (c === 39 /* ' */) return this.push('string', this.quoted(39, d.backslashEscapes));
    if (c === 34 /* " */) {
      const value = this.quoted(34, d.backslashEscapes);
      return this.push(d.name === 'mysql' ? 'string' : 'ident', value);
    }
    if (c === 96 /* ` */) return this.push('ident', this.quoted(96, false));
    if (c === 91 /* [ */ && d.bracketIdentifiers) {
      const end = text.indexOf(']', this.i + 1);
      this.i = end < 0 ? this.n : end + 1;
      return this.push('ident', text.slice(start + 1, end < 0 ? this.n : end));
    }
    if (c === 36 /* $ */) return this.dollar();
    if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(this.i + 1)))) {
      this.i++;
      while (this.i < this.n) {
        const x = text.charCodeAt(this.i);
        if (isDigit(x) || x === 46 || x === 95 || ((x === 101 || x === 69) && /[-+\d]/.test(text[this.i + 1] ?? ''))) {
          this.i += x === 101 || x === 69 ? 2 : 1;
        } else if (isWordChar(x)) this.i++; // 0x1F, 1e5, MySQL's 1abc
        else break;
      }
      return this.push('number', text.slice(start, this.i));
    }
    if (isWordStart(c)) {
      this.i++;
      while (this.i < this.n && isWordChar(text.charCodeAt(this.i))) this.i++;
      const word = text.slice(start, this.i);
      // E'…' (backslash escapes), N'…', X'…', B'…', U&'…': a prefixed string literal.
      if (text.charCodeAt(this.i) === 39 && word.length === 1 && /[EeNnXxBb]/.test(word)) {
        return this.push('string', this.quoted(39, d.backslashEscapes || word === 'E' || word === 'e'));
      }
      if (text.charCodeAt(this.i) === 38 && (word === 'U' || word === 'u') && text.charCodeAt(this.i + 1) === 39) {
        this.i++;
        return this.push('string', this.quoted(39, false));
      }
      return this.push('word', word, word.toUpperCase());
    }
    if (c === 58 /* : */ && d.psqlMeta) {
      // psql variables: :name, :'name', :"name" (not the :: cast).
      const next = text.charCodeAt(this.i + 1);
      if (isWordStart(next) || next === 39 || next === 34) {
        this.i++;
        const value = next === 39 || next === 34 ? this.quoted(next, false) : this.wordAt();
        return this.push('param', ':' + value);
      }
    }
    if ((c === 64 /* @ */ || c === 63 /* ? */) && (isWordStart(text.charCodeAt(this.i + 1)) || text.charCodeAt(this.i + 1) === 64)) {
      this.i++;
      while (this.i < this.n && (isWordChar(text.charCodeAt(this.i)) || text.charCodeAt(this.i) === 64)) this.i++;
      return this.push('param', text.slice(start, this.i));
    }
    if ('(),.[]{};'.includes(text[this.i])) {
      this.i++;
      return this.push('punct', text[start]);
    }
    const two = text.slice(this.i, this.i + 2);
    if (TWO_CHAR_OPS.has(two)) {
      this.i += 2;
      return this.push('op', two);
    }
    this.i++;
    this.push(OP_CHARS.includes(text[start]) ? 'op' : 'punct', text[start]);
  }

  private wordAt(): string {
    const start = this.i;
    while (this.i < this.n && isWordChar(this.text.charCodeAt(this.i))) this.i++;
    return this.text.slice(start, this.i);
  }

  /** Reads a quoted run starting at the opening quote; doubled quotes (and backslashes if asked) escape. */
  private quoted(quote: number, backslash: boolean): string {
    const { text } = this;
    this.i++;
    let out = '';
    let from = this.i;
    while (this.i < this.n) {
      const c = text.charCodeAt(this.i);
      if (backslash && c === 92) {
        if (out.length < MAX_STRING) out += text.slice(from, this.i) + (text[this.i + 1] ?? '');
        this.i += 2;
        from = this.i;
        continue;
      }
      if (c === quote) {
        if (text.charCodeAt(this.i + 1) === quote) {
          if (out.length < MAX_STRING) out += text.slice(from, this.i + 1);
          this.i += 2;
          from = this.i;
          continue;
        }
        break;
      }
      this.i++;
    }
    if (out.length < MAX_STRING) out += text.slice(from, Math.min(this.i, from + MAX_STRING));
    this.i = Math.min(this.i + 1, this.n);
    return out;
  }

  /** `$1` parameter, `$$…$$` / `$tag$…$tag$` dollar-quoted string, or a lone `$`. */
  private dollar(): void {
    const { text } = this;
    const start = this.i;
    if (isDigit(text.charCodeAt(start + 1))) {
      this.i++;
      while (isDigit(text.charCodeAt(this.i))) this.i++;
      return this.push('param', text.slice(start, this.i));
    }
    if (this.d.dollarQuotes) {
      let j = start + 1;
      if (!isDigit(text.charCodeAt(j))) while (j < this.n && isWordChar(text.charCodeAt(j)) && text.charCodeAt(j) !== 36) j++;
      if (text.charCodeAt(j) === 36) {
        const tag = text.slice(start, j + 1);
        const end = text.indexOf(tag, j + 1);
        const bodyEnd = end < 0 ? this.n : end;
        this.i = end < 0 ? this.n : end + tag.length;
        return this.push('string', text.slice(j + 1, Math.min(bodyEnd, j + 1 + MAX_STRING)));
      }
    }
    this.i++;
    while (this.i < this.n && isWordChar(this.text.charCodeAt(this.i))) this.i++;
    this.push('param', text.slice(start, this.i));
  }
}

function isCopyFromStdin(tokens: Token[]): boolean {
  if (tokens[0]?.up !== 'COPY') return false;
  for (let k = 1; k < tokens.length - 1; k++) {
    if (tokens[k].up === 'FROM' && (tokens[k + 1].up === 'STDIN' || tokens[k + 1].up === 'PSTDIN')) return true;
  }
  return false;
}

/** Splits a client command's arguments: blanks separate, '…' and "…" group. */
export function splitWords(line: string): string[] {
  const words: string[] = [];
  let current = '';
  let quote = '';
  let has = false;
  for (const ch of line) {
    if (quote) {
      if (ch === quote) quote = '';
      else current += ch;
      continue;
    }
    if (ch === "'" || ch === '"') {
      quote = ch;
      has = true;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n') {
      if (has || current) words.push(current);
      current = '';
      has = false;
      continue;
    }
    current += ch;
  }
  if (has || current) words.push(current);
  return words;
}
