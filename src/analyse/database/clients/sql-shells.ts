// Interactive SQL clients, described as data: which options carry SQL, which name a file of SQL,
// which say where the client connects, and what the positional words mean. One analyser reads
// them all (./sql-shell.ts). Option tables follow each tool's documented `--help`.
import type { DialectName } from '../sql/dialect.js';
import type { CommandLine, OptionSpec } from '../options.js';

/** Meaning of a positional word, in order; a role ending in `*` repeats for the rest. */
export type PositionalRole = 'endpoint' | 'database' | 'file' | 'host' | 'port' | 'user' | 'sql*' | 'logon' | 'script*' | 'ignore*';

export interface SqlShell {
  programs: string[];
  /** Words that must follow the program: `cockroach sql`, `turso db shell`, `clickhouse client`. */
  subcommand?: string[];
  dialect: DialectName | ((line: CommandLine) => DialectName);
  options: OptionSpec;
  /** Values run as SQL, after which the client exits without reading standard input. */
  sql?: string[];
  /** Values run as SQL before standard input is read (sqlite3 `-cmd`, mysql `--init-command`). */
  before?: string[];
  /** Values name SQL files (`-` is standard input). */
  files?: string[];
  /** File values may be comma-separated lists (sqlcmd `-i a.sql,b.sql`). */
  fileLists?: boolean;
  host?: string[];
  database?: string[];
  /** Values are connection URLs or `key=value` strings. */
  url?: string[];
  positionals: PositionalRole[];
  /** Environment variables (set on the line) the client reads its host, database or URL from. */
  env?: { host?: string[]; database?: string[]; url?: string[] };
  /** Standard input is SQL unless `sql`/`files` were given (default true). */
  readsStdin?: boolean;
  /** The SQL sits in string literals of host-language code (MySQL Shell in JS/Python mode). */
  sqlInStrings?: (line: CommandLine) => boolean;
}

const PSQL_VALUES = ['-c', '--command', '-d', '--dbname', '-f', '--file', '-F', '--field-separator', '-h', '--host', '-L', '--log-file', '-o', '--output', '-p', '--port', '-P', '--pset', '-R', '--record-separator', '-T', '--table-attr', '-U', '--username', '-v', '--set', '--variable'];

const psqlLike = (programs: string[], extraValues: string[] = []): SqlShell => ({
  programs,
  dialect: 'postgres',
  options: { value: [...PSQL_VALUES, ...extraValues] },
  sql: ['-c', '--command'],
  files: ['-f', '--file'],
  host: ['-h', '--host'],
  database: ['-d', '--dbname'],
  url: ['-d', '--dbname'],
  positionals: ['endpoint', 'user', 'ignore*'],
  env: { host: ['PGHOST', 'PGHOSTADDR'], database: ['PGDATABASE'] },
});

const MYSQL_VALUES = [
  '-D', '--database', '-e', '--execute', '-h', '--host', '-P', '--port', '-u', '--user', '-S', '--socket',
  '--default-character-set', '--defaults-file', '--defaults-extra-file', '--defaults-group-suffix', '--login-path',
  '--init-command', '--init-command-add', '--connect-timeout', '--max-allowed-packet', '--net-buffer-length',
  '--ssl-ca', '--ssl-capath', '--ssl-cert', '--ssl-cipher', '--ssl-key', '--ssl-crl', '--ssl-crlpath', '--ssl-mode',
  '--tls-version', '--tls-ciphersuites', '--protocol', '--plugin-dir', '--default-auth', '--tee', '--prompt',
  '--delimiter', '--character-sets-dir', '--bind-address', '--compression-algorithms', '--zstd-compression-level',
  '--load-data-local-dir', '--select-limit', '--max-join-size', '--server-public-key-path', '--histignore',
  '--network-namespace', '--dns-srv-name', '--ssl-session-data', '--ssl-fips-mode', '--connect-expired-password',
];

const mysqlLike = (programs: string[]): SqlShell => ({
  programs,
  dialect: 'mysql',
  options: { value: MYSQL_VALUES, optional: ['-p', '--password', '--password1', '--password2', '--password3', '--pager'] },
  sql: ['-e', '--execute'],
  before: ['--init-command', '--init-command-add'],
  host: ['-h', '--host'],
  database: ['-D', '--database'],
  positionals: ['database', 'ignore*'],
  env: { host: ['MYSQL_HOST'] },
});

const SQLITE_VALUES = ['-cmd', '-init', '-separator', '-newline', '-nullvalue', '-vfs', '-maxsize', '-mmap', '-nonce', '-heap', '-lookaside', '-pagecache', '-escape'];
const DUCKDB_VALUES = ['-cmd', '-c', '-s', '-f', '-init', '-separator', '-newline', '-nullvalue', '-storage-version', '-format-file'];

/** usql picks the driver from the DSN scheme: `pg://`, `my://`, `sq:`, `ms://` … */
function usqlDialect(line: CommandLine): DialectName {
  const scheme = /^([a-z0-9+]+):/i.exec(line.positionals[0] ?? '')?.[1]?.toLowerCase() ?? '';
  const base = scheme.split('+')[0];
  if (/^(pg|pgsql|postgres|postgresql|cockroach|cr|redshift|rs)$/.test(base)) return 'postgres';
  if (/^(my|mysql|maria|mariadb|tidb|vitess|memsql)$/.test(base)) return 'mysql';
  if (/^(sq|sqlite|sqlite3|file|mq|moderncsqlite)$/.test(base)) return 'sqlite';
  if (/^(ms|mssql|sqlserver|azuresql)$/.test(base)) return 'tsql';
  if (/^(ch|clickhouse)$/.test(base)) return 'clickhouse';
  if (/^(ca|cassandra|scy|scylla|datastax|cql)$/.test(base)) return 'cql';
  if (/^(dk|duckdb)$/.test(base)) return 'duckdb';
  return 'generic';
}

const CLICKHOUSE: Omit<SqlShell, 'programs'> = {
  dialect: 'clickhouse',
  options: {
    value: ['--query', '-q', '--queries-file', '--host', '-h', '--port', '--user', '-u', '--password', '--database', '-d', '--format', '-f', '--config-file', '--config', '-C', '--connection', '--history_file', '--jwt', '--ssh-key-file', '--output-format', '--input-format', '--structure', '--table', '--file', '--path'],
  },
  sql: ['--query', '-q'],
  files: ['--queries-file'],
  host: ['--host', '-h'],
  database: ['--database', '-d'],
  positionals: ['sql*'],
  env: { host: ['CLICKHOUSE_HOST'], database: ['CLICKHOUSE_DATABASE'] },
};

export const SQL_SHELLS: SqlShell[] = [
  psqlLike(['psql', 'ysqlsh']),
  { ...psqlLike(['pgcli']), options: { value: [...PSQL_VALUES, '-u', '--user', '-D', '--dsn', '--pgclirc', '--row-limit', '--prompt', '--prompt-dsn', '--ssh-tunnel', '--init-command', '--application-name'] }, before: ['--init-command'] },
  { ...psqlLike(['vsql'], ['-w', '--password', '-B', '--backup-server', '-K', '-k']), dialect: 'generic' },
  mysqlLike(['mysql', 'mariadb']),
  {
    programs: ['mycli'],
    dialect: 'mysql',
    options: { value: ['-h', '--host', '-P', '--port', '-u', '--user', '-S', '--socket', '-p', '--password', '--pass', '-D', '--database', '-R', '--prompt', '-l', '--logfile', '--defaults-group-suffix', '--defaults-file', '--myclirc', '--login-path', '-e', '--execute', '--init-command', '--charset', '-d', '--dsn', '--ssh-user', '--ssh-host', '--ssh-port', '--ssh-password', '--ssh-key-filename', '--ssh-config-path', '--ssh-config-host', '--ssl-ca', '--ssl-capath', '--ssl-cert', '--ssl-key', '--ssl-cipher', '--tls-version'] },
    sql: ['-e', '--execute'],
    before: ['--init-command'],
    host: ['-h', '--host'],
    database: ['-D', '--database'],
    positionals: ['database', 'ignore*'],
  },
  {
    programs: ['mysqlsh'],
    dialect: 'mysql',
    options: { value: ['-e', '--execute', '-f', '--file', '-h', '--host', '-P', '--port', '-u', '--user', '--dbuser', '-D', '--schema', '--database', '-S', '--socket', '--uri', '--log-level', '--ssl-mode', '--ssl-ca', '--ssl-cert', '--ssl-key', '--result-format', '--name-cache', '--pwd-from-stdin', '--auth-method', '--connect-timeout', '--quiet-start'], optional: ['-p', '--password'] },
    sql: ['-e', '--execute'],
    files: ['-f', '--file'],
    host: ['-h', '--host'],
    database: ['-D', '--schema', '--database'],
    url: ['--uri'],
    positionals: ['endpoint', 'ignore*'],
    sqlInStrings: (line) => !line.options.some((o) => /^--sql[cx]?$/.test(o.name)),
  },
  {
    programs: ['sqlite3', 'sqlite'],
    dialect: 'sqlite',
    options: { value: SQLITE_VALUES, singleDashLong: true },
    before: ['-cmd'],
    files: ['-init'],
    positionals: ['file', 'sql*'],
  },
  {
    programs: ['litecli'],
    dialect: 'sqlite',
    options: { value: ['-e', '--execute', '-D', '--database', '-R', '--prompt', '-l', '--logfile', '--liteclirc'] },
    sql: ['-e', '--execute'],
    database: ['-D', '--database'],
    positionals: ['file', 'ignore*'],
  },
  {
    programs: ['duckdb'],
    dialect: 'duckdb',
    options: { value: DUCKDB_VALUES, singleDashLong: true },
    sql: ['-c', '-s'],
    before: ['-cmd'],
    files: ['-f', '-init'],
    positionals: ['file', 'sql*'],
  },
  { programs: ['clickhouse-client', 'clickhouse-local'], ...CLICKHOUSE },
  { programs: ['clickhouse'], subcommand: ['client'], ...CLICKHOUSE },
  { programs: ['clickhouse'], subcommand: ['local'], ...CLICKHOUSE },
  {
    programs: ['cockroach'],
    subcommand: ['sql'],
    dialect: 'postgres',
    options: { value: ['-e', '--execute', '-f', '--file', '--url', '--host', '--port', '-p', '--user', '-u', '--database', '-d', '--certs-dir', '--format', '--set', '--cluster-name', '--watch', '--embedded'] },
    sql: ['-e', '--execute'],
    files: ['-f', '--file'],
    host: ['--host'],
    database: ['--database', '-d'],
    url: ['--url'],
    positionals: ['ignore*'],
    env: { host: ['COCKROACH_HOST'], database: ['COCKROACH_DATABASE'], url: ['COCKROACH_URL'] },
  },
  {
    programs: ['cqlsh'],
    dialect: 'cql',
    options: { value: ['-e', '--execute', '-f', '--file', '-k', '--keyspace', '-u', '--username', '-p', '--password', '--cqlshrc', '--cqlversion', '--protocol-version', '--connect-timeout', '--request-timeout', '--encoding', '-b', '--secure-connect-bundle', '--consistency-level', '--serial-consistency-level'] },
    sql: ['-e', '--execute'],
    files: ['-f', '--file'],
    database: ['-k', '--keyspace'],
    positionals: ['host', 'port', 'ignore*'],
  },
  {
    programs: ['sqlcmd'],
    subcommand: ['query'],
    dialect: 'tsql',
    options: { value: ['-S', '--server', '-d', '--database', '-U', '-P', '--text'] },
    database: ['-d', '--database'],
    host: ['-S', '--server'],
    positionals: ['sql*'],
  },
  {
    programs: ['sqlcmd', 'osql', 'isql'],
    dialect: 'tsql',
    options: {
      value: ['-S', '-d', '-U', '-P', '-Q', '-q', '-i', '-o', '-H', '-l', '-t', '-h', '-s', '-w', '-a', '-f', '-v', '-z', '-Z', '-y', '-Y', '-K', '-F', '-c', '-V', '-m', '-N'],
    },
    sql: ['-Q', '-q'],
    files: ['-i'],
    fileLists: true,
    host: ['-S'],
    database: ['-d'],
    positionals: ['ignore*'],
    env: { host: ['SQLCMDSERVER'], database: ['SQLCMDDBNAME'] },
  },
  {
    programs: ['usql'],
    dialect: usqlDialect,
    options: { value: ['-c', '--command', '-f', '--file', '-o', '--out', '-v', '--set', '-N', '--cset', '-P', '--pset', '-F', '--field-separator', '-R', '--record-separator', '-T', '--table-attr', '--config'] },
    sql: ['-c', '--command'],
    files: ['-f', '--file'],
    positionals: ['endpoint', 'ignore*'],
  },
  {
    programs: ['snowsql'],
    dialect: 'generic',
    options: { value: ['-q', '--query', '-f', '--filename', '-a', '--accountname', '-u', '--username', '-d', '--dbname', '-s', '--schemaname', '-r', '--rolename', '-w', '--warehouse', '-h', '--host', '-p', '--port', '-o', '--option', '-c', '--connection', '--config', '-D', '--variable', '--authenticator', '--private-key-path', '--region', '--token'] },
    sql: ['-q', '--query'],
    files: ['-f', '--filename'],
    database: ['-d', '--dbname'],
    host: ['-a', '--accountname'],
    positionals: ['ignore*'],
  },
  {
    programs: ['snow'],
    subcommand: ['sql'],
    dialect: 'generic',
    options: { value: ['-q', '--query', '-f', '--filename', '--database', '--dbname', '--schema', '--role', '--warehouse', '-c', '--connection', '--account', '--accountname', '--user', '--username', '--password', '-D', '--variable', '--format', '--host', '--port', '--region', '--authenticator', '--private-key-file', '--token-file-path', '--config-file'] },
    sql: ['-q', '--query'],
    files: ['-f', '--filename'],
    database: ['--database', '--dbname'],
    host: ['--account', '--accountname'],
    positionals: ['ignore*'],
  },
  {
    programs: ['trino', 'presto', 'trino-cli', 'presto-cli'],
    dialect: 'generic',
    options: { value: ['--execute', '-f', '--file', '--server', '--catalog', '--schema', '--user', '--source', '--session', '--output-format', '--client-tags', '--access-token', '--extra-credential', '--timezone', '--http-proxy', '--socks-proxy', '--client-request-timeout', '--client-info', '--editing-mode', '--history-file', '--config', '--resource-estimate', '--network-logging', '--krb5-principal', '--krb5-keytab-path', '--truststore-path', '--truststore-password', '--keystore-path', '--keystore-password'] },
    sql: ['--execute'],
    files: ['-f', '--file'],
    host: ['--server'],
    database: ['--catalog'],
    positionals: ['endpoint', 'ignore*'],
  },
  {
    programs: ['beeline', 'hive', 'spark-sql'],
    dialect: 'generic',
    options: { value: ['-u', '-n', '-p', '-d', '-e', '-f', '-i', '-a', '-w', '--hiveconf', '--hivevar', '--define', '--database', '--property-file', '--conf', '--master', '--name', '--jars', '--packages', '--driver-memory', '--executor-memory', '--deploy-mode', '--class', '--files', '--queue'] },
    sql: ['-e'],
    files: ['-f', '-i'],
    database: ['--database'],
    url: ['-u'],
    positionals: ['ignore*'],
  },
  {
    programs: ['impala-shell'],
    dialect: 'generic',
    options: { value: ['-q', '--query', '-f', '--query_file', '-i', '--impalad', '-d', '--database', '-u', '--user', '-o', '--output_file', '--var', '--config_file', '-b', '--kerberos_host_fqdn', '--ca_cert', '-l'] },
    sql: ['-q', '--query'],
    files: ['-f', '--query_file'],
    host: ['-i', '--impalad'],
    database: ['-d', '--database'],
    positionals: ['ignore*'],
  },
  {
    programs: ['sqlplus'],
    dialect: 'generic',
    options: { value: ['-M', '-R', '-C', '-F'], singleDashLong: true },
    positionals: ['logon', 'script*'],
  },
];

/** The shell spec for a command, by program and (when a spec needs one) subcommand. */
export function shellFor(name: string, argv: readonly string[]): SqlShell | undefined {
  for (const shell of SQL_SHELLS) {
    if (!shell.programs.includes(name)) continue;
    if (!shell.subcommand) return shell;
    if (shell.subcommand.every((word, i) => argv[i + 1] === word)) return shell;
  }
  return undefined;
}

export const SQL_SHELL_PROGRAMS = [...new Set(SQL_SHELLS.flatMap((s) => s.programs))];
