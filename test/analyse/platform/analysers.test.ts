// The code analysers of the platform domain: GraphQL through `railway api`, SQL read from files by
// platform and framework CLIs, and Django's `sqlflush | dbshell`.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { execCommand } from '../../helpers/exec.js';
import { RuleSet } from '../../../src/rules/registry.js';
import { railwayApi } from '../../../src/analyse/platform/railway-api.js';
import { builtinPacks } from '../../../src/rules/builtin.js';
import { sqlFromFiles } from '../../../src/analyse/platform/sql-files.js';
import { djangoSqlflush } from '../../../src/analyse/platform/django-sqlflush.js';
import { rawFlush } from '../../../src/analyse/platform/raw-flush.js';
import { unknownCli, destructivePath } from '../../../src/analyse/unknown-cli/unknown-cli.js';
import { platformContext } from './helpers.js';

const ctx = platformContext();
const railway = (args: string[], options = {}) => railwayApi.analyse(execCommand(['railway', ...args], { dynamic: args.map(() => false).concat(false), ...options }), ctx);

describe('railway api', () => {
  const judged = (found: { hints?: string[] }[]) => found.map((f) => f.hints?.find((h) => h.startsWith('judged by ')));

  it('holds destructive mutations under the railway rule, judged by the GraphQL analysis', () => {
    const found = railway(['api', 'mutation { volumeDelete(volumeId: "3d2c42fb-0b1c") }']);
    expect(found).toEqual([expect.objectContaining({ rule: 'railway.api.destructive-mutation', target: '3d2c42fb-0b1c' })]);
    expect(judged(found)[0]).toMatch(/^judged by /);
    expect(railway(['api', 'mutation Drop($id: String!) { environmentDelete(id: $id) }', '--var', 'id=env-123'])).toHaveLength(1);
    expect(railway(['api', 'mutation Drop($id: String!) { serviceDelete(id: $id) }', '--variables', '{"id":"s-456"}'])).toHaveLength(1);
  });

  it('reads the document from --file and from stdin, and holds a payload it cannot see', () => {
    const dir = mkdtempSync(join(tmpdir(), 'railway-api-'));
    writeFileSync(join(dir, 'drop.graphql'), 'mutation { projectDelete(id: "p1") }');
    const file = (name: string) => railwayApi.analyse(execCommand(['railway', 'api', '--file', name], { cwd: dir, dynamic: [false, false, false, false] }), ctx);
    expect(file('drop.graphql')).toHaveLength(1);
    expect(file('missing.graphql').length).toBeGreaterThan(0);
    const fromStdin = railwayApi.analyse(execCommand(['railway', 'api'], { stdin: { kind: 'heredoc', text: 'mutation { serviceDelete(id: "s1") }' } }), ctx);
    expect(fromStdin).toHaveLength(1);
  });

  it('lets queries, creates, upserts, redeploys and schema lookups through', () => {
    const holds = (args: string[]) => railway(args).filter((f) => f.rule === 'railway.api.destructive-mutation');
    expect(holds(['api', 'query { me { id name } }'])).toEqual([]);
    expect(holds(['api', 'mutation { variableUpsert(input: {name: "A", value: "1"}) }'])).toEqual([]);
    expect(holds(['api', 'mutation { serviceInstanceRedeploy(serviceId: "s", environmentId: "e") }'])).toEqual([]);
    expect(railway(['api', 'search', 'volumeDelete'])).toEqual([]);
    expect(railway(['api'])).toEqual([]);
    expect(railway(['status'])).toEqual([]);
  });

  it('stays silent when the rule is switched off', () => {
    const off = platformContext({ rules: new RuleSet(builtinPacks, { disabled: ['railway.api.destructive-mutation'] }) });
    const cmd = execCommand(['railway', 'api', 'mutation { volumeDelete(volumeId: "v") }'], { dynamic: [false, false, false] });
    expect(railwayApi.analyse(cmd, off)).toEqual([]);
  });
});

describe('SQL read from files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sql-files-'));
  writeFileSync(join(dir, 'drop.sql'), 'DROP TABLE users;');
  writeFileSync(join(dir, 'read.sql'), 'SELECT * FROM users;');
  const run = (argv: string[], options = {}) => sqlFromFiles.analyse(execCommand(argv, { cwd: dir, ...options }), ctx);

  it('analyses --file and redirected stdin under the carrying rule', () => {
    expect(run(['wrangler', 'd1', 'execute', 'prod-db', '--remote', '--file', 'drop.sql']).map((f) => f.rule)).toEqual(['wrangler.d1.execute']);
    expect(run(['wrangler', 'd1', 'execute', 'prod-db', '--remote', '--file=./drop.sql']).map((f) => f.rule)).toEqual(['wrangler.d1.execute']);
    expect(run(['heroku', 'pg:psql', '-a', 'acme-prod', '-f', 'drop.sql']).map((f) => f.rule)).toEqual(['heroku.pg.psql']);
    expect(run(['turso', 'db', 'shell', 'prod-db'], { stdin: { kind: 'file', path: 'drop.sql' } }).map((f) => f.rule)).toEqual(['turso.db.shell']);
    expect(run(['python', 'manage.py', 'dbshell'], { stdin: { kind: 'file', path: 'drop.sql' } }).map((f) => f.rule)).toEqual(['orm.django.dbshell-sql']);
    expect(run(['prisma', 'db', 'execute', '--file', 'drop.sql', '--url', 'x']).map((f) => f.hints?.at(-1))).toEqual(['SQL from drop.sql via run SQL with prisma db execute']);
  });

  it('ignores harmless SQL, missing files and commands of other shapes', () => {
    expect(run(['wrangler', 'd1', 'execute', 'prod-db', '--file', 'read.sql'])).toEqual([]);
    expect(run(['wrangler', 'd1', 'execute', 'prod-db', '--file', 'missing.sql'])).toEqual([]);
    expect(run(['wrangler', 'd1', 'export', 'prod-db', '--output', 'drop.sql'])).toEqual([]);
    expect(run(['heroku', 'pg:info', '-a', 'acme'], { stdin: { kind: 'file', path: 'drop.sql' } })).toEqual([]);
    expect(run(['turso', 'db', 'shell', 'prod-db'])).toEqual([]);
  });
});

describe('sqlflush | dbshell', () => {
  const run = (argv: string[], from?: string) =>
    djangoSqlflush.analyse(execCommand(argv, from === undefined ? {} : { stdin: { kind: 'unknown', from } }), ctx);

  it('flags dbshell fed by sqlflush', () => {
    expect(run(['python', 'manage.py', 'dbshell'], 'python manage.py sqlflush').map((f) => f.rule)).toEqual(['orm.django.sqlflush-into-dbshell']);
    expect(run(['./manage.py', 'dbshell', '--database', 'analytics'], './manage.py sqlflush --database analytics')).toHaveLength(1);
    expect(run(['django-admin', 'dbshell'], 'django-admin sqlflush --settings=acme.settings')).toHaveLength(1);
  });

  it('leaves other stdin and other commands alone', () => {
    expect(run(['python', 'manage.py', 'dbshell'], 'cat queries.sql')).toEqual([]);
    expect(run(['python', 'manage.py', 'dbshell'])).toEqual([]);
    expect(run(['python', 'manage.py', 'shell'], 'python manage.py sqlflush')).toEqual([]);
    expect(run(['python', 'report.py'], 'python manage.py sqlflush')).toEqual([]);
  });
});

describe('raw cache flushes', () => {
  const run = (argv: string[], text?: string) => rawFlush.analyse(execCommand(argv, text === undefined ? {} : { stdin: { kind: 'pipe', text } }), ctx);

  it('flags flush commands written to a socket, inline or RESP-framed', () => {
    expect(run(['nc', '-q', '1', 'redis.internal', '6379'], 'FLUSHALL\\r\\n')).toEqual([expect.objectContaining({ rule: 'kvstores.raw.flush', target: 'redis.internal' })]);
    expect(run(['ncat', 'redis', '6379'], '*1\r\n$7\r\nFLUSHDB\r\n')).toHaveLength(1);
  });

  it('leaves reads, single-key deletes and unknown input alone', () => {
    expect(run(['nc', 'localhost', '11211'], 'stats\n')).toEqual([]);
    // memcached only caches: flush_all is a cache purge.
    expect(run(['nc', 'localhost', '11211'], 'flush_all\n')).toEqual([]);
    expect(run(['nc', 'localhost', '11211'], 'delete session:42\n')).toEqual([]);
    expect(run(['nc', 'localhost', '11211'])).toEqual([]);
  });
});

describe('unknown CLIs', () => {
  const run = (argv: string[]) => unknownCli.analyse(execCommand(argv), ctx);

  it('holds a data-holding resource next to a destroying verb', () => {
    expect(run(['openstack', 'volume', 'delete', 'pg-data'])).toEqual([expect.objectContaining({ rule: 'unknown-cli.destructive-subcommand', target: 'pg-data' })]);
    expect(run(['acmecloud', 'db', 'autonomous-database', 'delete', '--autonomous-database-id', 'ocid1', '--force'])).toHaveLength(1);
    expect(run(['ibmcloud', 'resource', 'service-instance-delete', 'my-db', '-f'])).toHaveLength(1);
    expect(run(['stackctl', 'storage', 'vol-delete', '--pool', 'default', 'disk.qcow2'])).toHaveLength(1);
    expect(destructivePath(['delete', 'bucket', 'logs'])).toBe(true);
    expect(destructivePath(['storage:destroy'])).toBe(true);
  });

  it('leaves known programs, local tooling, configuration objects, code and dry runs alone', () => {
    expect(run(['railway', 'volume', 'list'])).toEqual([]);
    expect(run(['gh', 'label', 'delete', 'stale'])).toEqual([]);
    expect(run(['kind', 'delete', 'cluster'])).toEqual([]);
    expect(run(['pm2', 'delete', 'api'])).toEqual([]);
    expect(run(['acme-cloud', 'config', 'delete', 'profile-old'])).toEqual([]);
    expect(run(['acme-cloud', 'volume', 'list'])).toEqual([]);
    expect(run(['acme-sql', '-e', 'DROP TABLE users'])).toEqual([]);
    expect(run(['openstack', 'volume', 'delete', 'pg-data', '--dry-run'])).toEqual([]);
    expect(run(['conda', 'env', 'remove', '-n', 'old'])).toEqual([]);
  });
});

describe('robustness', () => {
  it('never throws on odd input', () => {
    const odd = [[], [''], ['railway'], ['railway', 'api'], ['railway', 'api', '-f'], ['wrangler', 'd1', 'execute', '--file'], ['python'], ['heroku', 'pg:psql', '-f', '-']];
    for (const argv of odd) {
      for (const analyser of [railwayApi, sqlFromFiles, djangoSqlflush, rawFlush, unknownCli]) {
        expect(() => analyser.analyse(execCommand(argv, { stdin: { kind: 'unknown', from: 'python manage.py sqlflush' } }), ctx)).not.toThrow();
      }
    }
    expect(() => railway(['api', `mutation { ${'a'.repeat(300_000)}Delete }`])).not.toThrow();
  });
});
