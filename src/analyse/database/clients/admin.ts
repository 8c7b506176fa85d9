// Admin tools that drop or overwrite whole databases without any SQL: dropdb, mysqladmin drop,
// pg_dropcluster, pg_restore --clean, mongorestore/mongoimport --drop, go-sqlcmd delete.
import type { Analyser, ExecCommand, Finding } from '../../../types.js';
import { endpointHints, hostOf, isVariable, parseEndpoint, type Endpoint } from '../connection.js';
import { finding } from '../findings.js';
import { booleanOption, hasOption, optionValue, parseCommandLine, type CommandLine, type OptionSpec } from '../options.js';
import { RULE } from '../rules.js';
import { own } from '../../../util/own.js';

const PG_CONNECTION = ['-h', '--host', '-p', '--port', '-U', '--username', '--maintenance-db', '--role'];

function hints(endpoint: Endpoint, variables: string[] = []): string[] {
  return endpointHints({ ...endpoint, variables });
}

/** A database given as a name, a URL or a conninfo string, reduced to its name. */
function databaseName(value: string | undefined): { name?: string; endpoint: Endpoint; variables: string[] } {
  if (value === undefined) return { endpoint: {}, variables: [] };
  if (isVariable(value)) return { name: value, endpoint: {}, variables: [value] };
  if (value.includes('://') || value.includes('=')) {
    const endpoint = parseEndpoint(value);
    return { name: endpoint.database, endpoint, variables: [] };
  }
  return { name: value, endpoint: { database: value }, variables: [] };
}

const helpOrVersion = (line: CommandLine) => hasOption(line, ['--help', '--version', '-?', '-V']);

function dropdb(cmd: ExecCommand): Finding[] {
  const line = parseCommandLine(cmd.argv.slice(1), { value: PG_CONNECTION });
  if (helpOrVersion(line)) return [];
  const db = line.positionals[0];
  if (!db) return [];
  const host = optionValue(line, ['-h', '--host']);
  const extra = hasOption(line, ['-f', '--force']) ? ['--force terminates open connections first'] : [];
  return [finding(RULE.dropdb, 'drop database', db, [...extra, ...hints({ host, database: db }, isVariable(db) ? [db] : [])])];
}

const MYSQLADMIN: OptionSpec = {
  value: ['-h', '--host', '-P', '--port', '-u', '--user', '-S', '--socket', '-c', '--count', '-i', '--sleep', '--character-sets-dir', '--default-character-set', '--defaults-file', '--defaults-extra-file', '--defaults-group-suffix', '--login-path', '--connect-timeout', '--shutdown-timeout', '--protocol', '--plugin-dir', '--default-auth', '--ssl-ca', '--ssl-capath', '--ssl-cert', '--ssl-cipher', '--ssl-key', '--ssl-crl', '--ssl-crlpath', '--ssl-mode', '--tls-version', '--tls-ciphersuites', '--compression-algorithms', '--zstd-compression-level', '--bind-address', '--server-public-key-path'],
  optional: ['-p', '--password'],
};

function mysqladmin(cmd: ExecCommand): Finding[] {
  const line = parseCommandLine(cmd.argv.slice(1), MYSQLADMIN);
  if (helpOrVersion(line)) return [];
  const host = optionValue(line, ['-h', '--host']);
  const findings: Finding[] = [];
  const words = line.positionals;
  for (let i = 0; i < words.length; i++) {
    if (words[i].toLowerCase() !== 'drop' || !words[i + 1]) continue;
    const db = words[i + 1];
    const extra = hasOption(line, ['-f', '--force']) ? ['--force skips the confirmation prompt'] : [];
    findings.push(finding(RULE.mysqladminDrop, 'drop database', db, [...extra, ...hints({ host, database: db })]));
  }
  return findings;
}

function pgDropcluster(cmd: ExecCommand): Finding[] {
  const line = parseCommandLine(cmd.argv.slice(1), {});
  if (helpOrVersion(line) || line.positionals.length < 2) return [];
  const [version, cluster] = line.positionals;
  return [finding(RULE.pgDropcluster, 'drop PostgreSQL cluster', `${version}/${cluster}`, hints({ database: cluster }))];
}

const PG_RESTORE: OptionSpec = {
  value: ['-d', '--dbname', '-f', '--file', '-F', '--format', '-I', '--index', '-j', '--jobs', '-L', '--use-list', '-n', '--schema', '-N', '--exclude-schema', '-P', '--function', '-S', '--superuser', '-t', '--table', '-T', '--trigger', '--section', '--filter', '--exclude-database', '--transaction-size', ...PG_CONNECTION],
};

function pgRestore(cmd: ExecCommand): Finding[] {
  const line = parseCommandLine(cmd.argv.slice(1), PG_RESTORE);
  if (helpOrVersion(line) || hasOption(line, ['-l', '--list'])) return [];
  // Without -d the archive is written out as a SQL script: nothing is touched.
  const dbValue = optionValue(line, ['-d', '--dbname']);
  if (dbValue === undefined || !hasOption(line, ['-c', '--clean'])) return [];
  const db = databaseName(dbValue);
  const host = optionValue(line, ['-h', '--host']) ?? db.endpoint.host;
  const extra = hasOption(line, ['-C', '--create']) ? ['--create with --clean drops and recreates the whole database'] : [];
  return [finding(RULE.pgRestoreClean, 'restore over existing database', db.name ?? dbValue, [...extra, ...hints({ host, database: db.name }, db.variables)])];
}

const MONGO_TOOLS: OptionSpec = {
  value: ['--uri', '-h', '--host', '--port', '-u', '--username', '-p', '--password', '--authenticationDatabase', '--authenticationMechanism', '-d', '--db', '-c', '--collection', '--nsInclude', '--nsExclude', '--nsFrom', '--nsTo', '--dir', '-j', '--numParallelCollections', '--numInsertionWorkersPerCollection', '--writeConcern', '--oplogFile', '--oplogLimit', '--tlsCAFile', '--tlsCertificateKeyFile', '--tlsCertificateKeyFilePassword', '--sslCAFile', '--sslPEMKeyFile', '--config', '--file', '--type', '--fields', '--fieldFile', '--mode', '--upsertFields', '--columnsHaveTypes', '--parseGrace', '--awsSessionToken', '--gssapiServiceName', '--gssapiHostName', '--readPreference'],
};

function mongoRestoreDrop(cmd: ExecCommand): Finding[] {
  const line = parseCommandLine(cmd.argv.slice(1), MONGO_TOOLS);
  if (helpOrVersion(line) || !booleanOption(line, ['--drop'])) return [];
  if (booleanOption(line, ['--dryRun'])) return [];
  const uri = optionValue(line, ['--uri']) ?? line.positionals.find((p) => p.includes('://'));
  const endpoint = uri && !isVariable(uri) ? parseEndpoint(uri) : {};
  const db = optionValue(line, ['-d', '--db']) ?? endpoint.database;
  const collection = optionValue(line, ['-c', '--collection']);
  const ns = optionValue(line, ['--nsInclude']);
  const target = ns ?? (db && collection ? `${db}.${collection}` : collection ?? db ?? (cmd.name === 'mongorestore' ? 'every collection in the dump' : 'the imported collection'));
  const host = optionValue(line, ['-h', '--host']) ?? endpoint.host;
  return [finding(RULE.mongoRestoreDrop, cmd.name === 'mongorestore' ? 'restore with --drop' : 'import with --drop', target, hints({ host, database: db }, uri && isVariable(uri) ? [uri] : []))];
}

function sqlcmdDelete(cmd: ExecCommand): Finding[] {
  if (cmd.argv[1] !== 'delete') return [];
  const line = parseCommandLine(cmd.argv.slice(2), {});
  if (hasOption(line, ['--help', '-?', '-h'])) return [];
  return [finding(RULE.sqlcmdDelete, 'delete SQL Server container', 'the current sqlcmd context', [])];
}

/** couchbase-cli bucket-delete / bucket-flush --bucket name */
function couchbaseCli(cmd: ExecCommand): Finding[] {
  const verb = cmd.argv[1];
  if (verb !== 'bucket-delete' && verb !== 'bucket-flush') return [];
  const line = parseCommandLine(cmd.argv.slice(2), { value: ['-c', '--cluster', '-u', '--username', '-p', '--password', '--bucket', '--client-cert', '--client-key', '--cacert', '--config-path'] });
  if (hasOption(line, ['--help', '-h'])) return [];
  const host = hostOf(optionValue(line, ['-c', '--cluster']));
  const action = verb === 'bucket-delete' ? 'delete Couchbase bucket' : 'flush Couchbase bucket';
  return [finding(RULE.couchbaseBucket, action, optionValue(line, ['--bucket']) ?? 'the bucket', hints({ host }))];
}

/** nodetool clearsnapshot: Cassandra's on-node snapshots are its backups. */
function nodetool(cmd: ExecCommand): Finding[] {
  const line = parseCommandLine(cmd.argv.slice(1), { value: ['-h', '--host', '-p', '--port', '-u', '--username', '-pw', '--password', '-pwf', '--password-file', '-t', '--tag'] });
  if (line.positionals[0] !== 'clearsnapshot') return [];
  const tag = optionValue(line, ['-t', '--tag']);
  const keyspaces = line.positionals.slice(1);
  const target = tag ? `snapshot ${tag}` : keyspaces.length ? `snapshots of ${keyspaces.join(', ')}` : 'every snapshot';
  return [finding(RULE.nodetoolClearSnapshot, 'delete Cassandra snapshots', target, hints({ host: optionValue(line, ['-h', '--host']) }))];
}

const ADMIN: Record<string, (cmd: ExecCommand) => Finding[]> = {
  'couchbase-cli': couchbaseCli,
  nodetool,
  dropdb,
  mysqladmin,
  'mariadb-admin': mysqladmin,
  pg_dropcluster: pgDropcluster,
  pg_restore: pgRestore,
  mongorestore: mongoRestoreDrop,
  mongoimport: mongoRestoreDrop,
  sqlcmd: sqlcmdDelete,
};

export const adminAnalyser: Analyser = {
  name: 'database',
  commands: Object.keys(ADMIN),
  analyse(cmd) {
    return own(ADMIN, cmd.name)?.(cmd) ?? [];
  },
};
