// A whole SQL script, in order: statements, the client's own commands, and transactions.
//
// Transactions: an effect inside BEGIN … ROLLBACK is dropped only when the server really undoes
// it. DML (DELETE/UPDATE) is undone by every transactional server. DDL and TRUNCATE are undone
// in Postgres, SQLite, DuckDB and SQL Server, but MySQL commits the open transaction before any
// DDL, so there the ROLLBACK saves nothing. A transaction that is never closed, or closed with
// COMMIT, counts as run (we do not rely on a client rolling back at disconnect).
import { RULE } from '../rules.js';
import type { Dialect } from './dialect.js';
import { classifyGexec, classifyStatement } from './classify.js';
import type { ClassifyContext, SqlEffect } from './effect.js';
import { scanSql, type ClientCommand, type ScriptItem } from './scanner.js';
import { destructiveScriptVerb } from '../input.js';

export interface ScriptOptions {
  dialect: Dialect;
  /** Reads a file the script includes (`\i`, `source`, `.read`); undefined when unreadable. */
  readFile?: (path: string) => string | undefined;
  /** Database the connection opens, for hints. */
  database?: string;
}

/** Nested dynamic SQL and include files deeper than this are not followed. */
const MAX_DEPTH = 4;
const MAX_INCLUDES = 16;
const MAX_EFFECTS = 64;

export function analyseScript(text: string, options: ScriptOptions): SqlEffect[] {
  const run = new ScriptRun(options);
  run.script(text, false, 0);
  run.closeTransaction(false);
  return run.effects;
}

class ScriptRun {
  readonly effects: SqlEffect[] = [];
  private readonly seen = new Set<string>();
  private database: string | undefined;
  private inTransaction = false;
  private pending: SqlEffect[] = [];
  private includes = 0;
  private readonly prepared = new Map<string, SqlEffect[]>();

  constructor(private readonly options: ScriptOptions) {
    this.database = options.database;
  }

  script(text: string, procedural: boolean, depth: number): void {
    const ctx = this.context(procedural, depth);
    scanSql(text, this.options.dialect, (item) => this.item(item, ctx, depth));
  }

  private context(procedural: boolean, depth: number): ClassifyContext {
    return {
      dialect: this.options.dialect,
      procedural,
      prepared: this.prepared,
      analyseFragment: (fragment) => (depth >= MAX_DEPTH ? [] : this.fragment(fragment, depth + 1)),
    };
  }

  /** Dynamic SQL: analysed on its own, its effects returned to the statement that runs it. */
  private fragment(text: string, depth: number): SqlEffect[] {
    const inner = new ScriptRun({ ...this.options, readFile: undefined });
    inner.database = this.database;
    inner.script(text, true, depth);
    inner.closeTransaction(false);
    return inner.effects;
  }

  private item(item: ScriptItem, ctx: ClassifyContext, depth: number): void {
    if (item.kind === 'meta') return this.clientCommand(item, depth);
    if (item.terminator === 'gexec') return this.add(classifyGexec(item.tokens, ctx), this.inTransaction);
    const result = classifyStatement(item.tokens, ctx, item.truncated);
    if (result.control === 'begin') {
      if (this.inTransaction && this.options.dialect.ddlCommits) this.closeTransaction(false);
      this.inTransaction = true;
      return;
    }
    if (result.control) return this.closeTransaction(result.control === 'rollback');
    if (result.use) this.database = result.use;
    if (result.ddl && this.inTransaction && this.options.dialect.ddlCommits) {
      // MySQL: implicit COMMIT before the DDL; the statement itself then runs on its own.
      this.closeTransaction(false);
    }
    this.add(result.effects, this.inTransaction);
  }

  private add(effects: SqlEffect[], inTransaction: boolean): void {
    for (const e of effects) {
      if (this.database && !e.database) e.database = this.database;
      if (inTransaction) this.pending.push(e);
      else this.keep(e);
    }
  }

  private keep(e: SqlEffect): void {
    const key = `${e.rule}\0${e.target ?? ''}\0${e.database ?? ''}`;
    if (this.seen.has(key) || this.effects.length >= MAX_EFFECTS) return;
    this.seen.add(key);
    this.effects.push(e);
  }

  closeTransaction(rolledBack: boolean): void {
    const { transactionalDdl } = this.options.dialect;
    for (const e of this.pending) {
      const undone = rolledBack && (!e.ddl || transactionalDdl);
      if (!undone) this.keep(e);
    }
    this.pending = [];
    this.inTransaction = false;
  }

  private clientCommand(cmd: ClientCommand, depth: number): void {
    const arg = cmd.args[0];
    switch (cmd.name) {
      case 'c':
      case 'connect':
      case 'use':
        if (arg && arg !== '-') this.database = connectTarget(arg);
        return;
      case 'i':
      case 'ir':
      case 'include':
      case 'include_relative':
      case 'source':
      case 'read':
        if (arg) this.include(arg, depth);
        return;
      case 'restore':
        // sqlite3 `.restore [DB] FILE`: replaces the database with the backup.
        this.keep({ rule: RULE.restoreOver, action: 'restore database over', target: cmd.args.length > 1 ? arg : this.database ?? 'main', hints: [`from ${cmd.args[cmd.args.length - 1] ?? 'a backup'}`], ddl: true });
        return;
      case 'open':
        // sqlite3 `.open --new FILE` empties FILE first.
        if (cmd.args.includes('--new')) {
          const file = cmd.args.find((a) => !a.startsWith('-'));
          this.keep({ rule: RULE.restoreOver, action: 're-initialise database', target: file ?? 'database file', hints: ['.open --new empties the file'], ddl: true });
        } else if (arg) this.database = cmd.args.find((a) => !a.startsWith('-')) ?? this.database;
        return;
    }
  }

  private include(path: string, depth: number): void {
    const read = this.options.readFile ?? (() => undefined);
    if (depth >= MAX_DEPTH || this.includes >= MAX_INCLUDES) return;
    this.includes++;
    const text = read(path);
    if (text !== undefined) return this.script(text, false, depth + 1);
    const verb = destructiveScriptVerb(path);
    if (verb) this.add([{ rule: RULE.scriptName, action: 'run unreadable destructive script', target: path, hints: [`file name says "${verb}"`], ddl: true }], this.inTransaction);
  }
}

/** `\c dbname`, `\c "dbname=app host=x"`, `\c postgres://…/app`: the database part only. */
function connectTarget(arg: string): string {
  const url = /^[a-z][a-z0-9+.-]*:\/\/[^/]*\/([^?#]+)/i.exec(arg);
  if (url) return decodeURIComponentSafe(url[1]);
  const kv = /(?:^|\s)dbname=([^\s]+)/.exec(arg);
  return kv ? kv[1] : arg;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * SQL held in the string literals of host-language code (`session.runSql('DROP TABLE t')` in a
 * MySQL Shell JavaScript session): each literal is analysed as a statement, with `completion`
 * appended (a stand-in for what the code splices in after it).
 */
export function analyseStringLiterals(code: string, options: ScriptOptions, completion = ''): SqlEffect[] {
  const effects: SqlEffect[] = [];
  scanSql(code, { ...options.dialect, psqlMeta: false, mysqlCommands: false, dotCommands: false, goSeparator: false }, (item) => {
    if (item.kind !== 'sql') return;
    for (const t of item.tokens) {
      if (t.kind === 'string' && /^\s*[A-Za-z]/.test(t.text) && effects.length < MAX_EFFECTS) {
        effects.push(...analyseScript(t.text + completion, { ...options, readFile: undefined }));
      }
    }
  });
  return effects;
}
