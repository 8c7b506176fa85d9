// Key-value and time-series stores: etcdctl and influx (v1 InfluxQL, v2 and v3 CLIs); `consul kv`
// is in the hashicorp pack.
// Deleting one named key is a targeted delete (allowed); deleting a prefix, a key range, a bucket,
// an organization, a database or a time range of points is not.
import type { Analyser, ExecCommand, Finding } from '../../../types.js';
import { endpointHints, hostOf } from '../connection.js';
import { finding, sqlFinding } from '../findings.js';
import { booleanOption, hasOption, optionValue, parseCommandLine, type OptionSpec } from '../options.js';
import { RULE } from '../rules.js';
import { analyseSqlText } from '../sql.js';
import { DIALECTS } from '../sql/dialect.js';

const ETCD: OptionSpec = {
  value: ['--endpoints', '--user', '--password', '--cacert', '--cert', '--key', '--dial-timeout', '--command-timeout', '--keepalive-time', '--keepalive-timeout', '--discovery-srv', '--discovery-srv-name', '-w', '--write-out', '--auth-jwt-token', '--max-request-bytes', '--max-recv-bytes'],
};

function etcdctl(cmd: ExecCommand): Finding[] {
  const line = parseCommandLine(cmd.argv.slice(1), ETCD);
  if (hasOption(line, ['--help', '-h', '--version'])) return [];
  const [verb, key, rangeEnd] = line.positionals;
  const endpoints = optionValue(line, ['--endpoints']);
  const hints = endpointHints({ host: hostOf(endpoints?.split(',')[0]) });
  if (verb === 'del' || verb === 'delete') {
    const prefix = booleanOption(line, ['--prefix']);
    const fromKey = booleanOption(line, ['--from-key']);
    if (!prefix && !fromKey && rangeEnd === undefined) return [];
    const everything = key === undefined || key === '' || ((key === '/' || key === '\0') && prefix) || (fromKey && (key === '' || key === '\0'));
    const target = everything ? 'every key' : prefix ? `keys under ${key}` : fromKey ? `keys from ${key}` : `keys ${key} to ${rangeEnd}`;
    return [finding(RULE.etcdDeleteRange, 'delete etcd key range', target, hints)];
  }
  // etcdctl v2: rm --recursive / rmdir on a directory tree
  if (verb === 'rm' && hasOption(line, ['--recursive', '-r'])) {
    return [finding(RULE.etcdDeleteRange, 'delete etcd directory', key ?? 'every key', hints)];
  }
  return [];
}

const INFLUX_V1: OptionSpec = {
  value: ['-host', '-port', '-username', '-password', '-database', '-execute', '-format', '-precision', '-consistency', '-path', '-pps', '-type', '-unixSocket', '-socket'],
  singleDashLong: true,
};
const INFLUX_V2: OptionSpec = {
  value: ['-n', '--name', '-i', '--id', '-o', '--org', '--org-id', '-b', '--bucket', '--bucket-id', '--start', '--stop', '-p', '--predicate', '--host', '-t', '--token', '-c', '--active-config', '--configs-path', '--http-debug', '--skip-verify', '--trace-debug-id'],
};

function influx(cmd: ExecCommand): Finding[] {
  const args = cmd.argv.slice(1);
  // InfluxDB 1.x shell: influx -database db -execute 'DROP MEASUREMENT cpu'
  if (args.some((a) => a === '-execute' || a.startsWith('-execute='))) {
    const line = parseCommandLine(args, INFLUX_V1);
    const query = optionValue(line, ['-execute']) ?? '';
    const database = optionValue(line, ['-database']);
    const hints = endpointHints({ host: hostOf(optionValue(line, ['-host'])), database });
    return analyseSqlText(query, { dialect: DIALECTS.generic, database }).map((e) => sqlFinding(e, hints));
  }
  const line = parseCommandLine(args, INFLUX_V2);
  if (hasOption(line, ['--help', '-h'])) return [];
  const [group, verb] = line.positionals;
  const hints = endpointHints({ host: hostOf(optionValue(line, ['--host'])) });
  const named = optionValue(line, ['-n', '--name']) ?? optionValue(line, ['-i', '--id']);
  if ((group === 'bucket' || group === 'org') && verb === 'delete') {
    return [finding(RULE.influxDelete, `delete InfluxDB ${group}`, named ?? `the ${group}`, hints)];
  }
  if (group === 'delete') {
    const bucket = optionValue(line, ['-b', '--bucket', '--bucket-id']) ?? 'the bucket';
    const predicate = optionValue(line, ['-p', '--predicate']);
    const range = `${optionValue(line, ['--start']) ?? 'beginning'} to ${optionValue(line, ['--stop']) ?? 'now'}`;
    return [finding(RULE.influxDelete, 'delete InfluxDB points', bucket, [predicate ? `where ${predicate}` : 'every measurement', range, ...hints])];
  }
  if (group === 'restore' && booleanOption(line, ['--full'])) {
    return [finding(RULE.influxDelete, 'restore InfluxDB over all data', 'every bucket', ['--full replaces all data and metadata on the server', ...hints])];
  }
  return [];
}

/** InfluxDB 3: influxdb3 delete database|table <name>. */
function influxdb3(cmd: ExecCommand): Finding[] {
  if (cmd.argv[1] !== 'delete') return [];
  const line = parseCommandLine(cmd.argv.slice(2), { value: ['-d', '--database', '-H', '--host', '--token', '--tls-ca', '-t', '--table'] });
  if (hasOption(line, ['--help', '-h'])) return [];
  const [kind, name] = line.positionals;
  if (kind !== 'database' && kind !== 'table') return [];
  const database = optionValue(line, ['-d', '--database']);
  const target = kind === 'table' && database ? `${database}.${name ?? ''}` : name ?? optionValue(line, ['-t', '--table']) ?? database ?? kind;
  return [finding(RULE.influxDelete, `delete InfluxDB ${kind}`, target, endpointHints({ database }))];
}

export const kvAnalyser: Analyser = {
  name: 'database',
  commands: ['etcdctl', 'influx', 'influxdb3'],
  analyse(cmd) {
    switch (cmd.name) {
      case 'etcdctl':
        return etcdctl(cmd);
      case 'influx':
        return influx(cmd);
      case 'influxdb3':
        return influxdb3(cmd);
    }
    return [];
  },
};
