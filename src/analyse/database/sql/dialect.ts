// What differs between SQL dialects for a guard: how text is quoted and commented (so a `;` or a
// keyword inside a string is not mistaken for code), which client commands a script may contain,
// and whether a ROLLBACK undoes DDL.
import { own } from '../../../util/own.js';

export interface Dialect {
  name: string;
  /** `\'` escapes a quote inside '…' and "…" (MySQL, ClickHouse, CQL-less). Postgres only in E'…'. */
  backslashEscapes: boolean;
  /** `# comment` to end of line. */
  hashComments: boolean;
  /** `// comment` to end of line (CQL). */
  slashComments: boolean;
  /** Block comments nest (Postgres, SQL Server). */
  nestedComments: boolean;
  /** `/*! … *\/` is code to MySQL, not a comment. */
  executableComments: boolean;
  /** `$$…$$`, `$tag$…$tag$`. */
  dollarQuotes: boolean;
  /** `[identifier]` (SQL Server, SQLite). */
  bracketIdentifiers: boolean;
  /** psql backslash meta-commands (`\c`, `\i`, `\gexec`, …). */
  psqlMeta: boolean;
  /** mysql client commands (`\.`, `\u`, `delimiter`, `source`, `use`). */
  mysqlCommands: boolean;
  /** sqlite3/duckdb dot-commands at the start of a line (`.read`, `.restore`). */
  dotCommands: boolean;
  /** `GO` alone on a line ends a batch (sqlcmd). */
  goSeparator: boolean;
  /** The server has transactions at all. */
  transactions: boolean;
  /** DDL and TRUNCATE inside a transaction are undone by ROLLBACK (Postgres, SQLite, SQL Server, DuckDB). */
  transactionalDdl: boolean;
  /** DDL commits the open transaction first (MySQL/MariaDB implicit commit). */
  ddlCommits: boolean;
}

const BASE: Dialect = {
  name: 'generic',
  backslashEscapes: false,
  hashComments: false,
  slashComments: false,
  nestedComments: false,
  executableComments: false,
  dollarQuotes: true,
  bracketIdentifiers: false,
  psqlMeta: false,
  mysqlCommands: false,
  dotCommands: false,
  goSeparator: false,
  transactions: true,
  transactionalDdl: false,
  ddlCommits: false,
};

export const DIALECTS = {
  generic: BASE,
  postgres: { ...BASE, name: 'postgres', nestedComments: true, psqlMeta: true, transactionalDdl: true },
  mysql: {
    ...BASE,
    name: 'mysql',
    backslashEscapes: true,
    hashComments: true,
    executableComments: true,
    dollarQuotes: false,
    mysqlCommands: true,
    ddlCommits: true,
  },
  sqlite: { ...BASE, name: 'sqlite', dollarQuotes: false, bracketIdentifiers: true, dotCommands: true, transactionalDdl: true },
  duckdb: { ...BASE, name: 'duckdb', dotCommands: true, transactionalDdl: true },
  tsql: { ...BASE, name: 'tsql', nestedComments: true, dollarQuotes: false, bracketIdentifiers: true, goSeparator: true, transactionalDdl: true },
  clickhouse: { ...BASE, name: 'clickhouse', backslashEscapes: true, hashComments: true, dollarQuotes: false, transactions: false },
  cql: { ...BASE, name: 'cql', slashComments: true, dollarQuotes: true, transactions: false },
} satisfies Record<string, Dialect>;

export type DialectName = keyof typeof DIALECTS;

/**
 * The dialect a program speaks, for SQL handed over by other analysers through `ctx.analyseSql`
 * (`heroku pg:psql`, `wrangler d1 execute`, an HTTP body). Unknown programs get the generic
 * dialect, which reads standard SQL quoting and comments.
 */
const BY_PROGRAM: Record<string, DialectName> = {
  psql: 'postgres', pgcli: 'postgres', ysqlsh: 'postgres', cockroach: 'postgres', heroku: 'postgres',
  supabase: 'postgres', neonctl: 'postgres', neon: 'postgres', vsql: 'postgres', fly: 'postgres', flyctl: 'postgres',
  mysql: 'mysql', mariadb: 'mysql', mycli: 'mysql', mysqlsh: 'mysql', pscale: 'mysql',
  sqlite3: 'sqlite', sqlite: 'sqlite', litecli: 'sqlite', turso: 'sqlite', wrangler: 'sqlite', d1: 'sqlite',
  duckdb: 'duckdb',
  sqlcmd: 'tsql', isql: 'tsql', osql: 'tsql',
  'clickhouse-client': 'clickhouse', clickhouse: 'clickhouse',
  cqlsh: 'cql',
};

export function dialectFor(program: string): Dialect {
  const name = own(BY_PROGRAM, program);
  return name ? DIALECTS[name] : DIALECTS.generic;
}
