import { describe, expect, it } from 'vitest';
import type { ExecRedirect } from '../../../src/types.js';
import { findings, rules, words } from './helpers.js';

const out = (target: string, op = '>'): ExecRedirect => ({ op, fd: null, target, dynamic: false });

describe('output redirections', () => {
  it.each([
    [['cat', '/dev/null'], out('db/production.sqlite3'), 'filesystem.overwrite.data-file'],
    [['echo'], out('app.db'), 'filesystem.overwrite.data-file'],
    [[':'], out('/var/lib/mysql/ibdata1'), 'filesystem.overwrite.data-file'],
    [['true'], out('/var/backups/nightly.dump'), 'filesystem.overwrite.data-file'],
    [[], out('data.sqlite'), 'filesystem.overwrite.data-file'],
    [['printf', 'x'], out('data/app.db', '>|'), 'filesystem.overwrite.data-file'],
    [['cat', 'image.iso'], out('/dev/sdb'), 'filesystem.device.overwrite'],
    [['xzcat', 'os.img.xz'], out('/dev/mmcblk0'), 'filesystem.device.overwrite'],
    [['echo', 'x'], out('/dev/sda', '>>'), 'filesystem.device.overwrite'],
    [['cat', '/dev/null'], out('data/users.csv'), 'filesystem.overwrite.data-file'],
    [[], out('exports/customers.parquet'), 'filesystem.overwrite.data-file'],
    [['echo', '-n'], out('/srv/app/data/events.json'), 'filesystem.overwrite.data-file'],
  ])('%j %j', (argv, redirect, rule) => expect(rules(argv, { redirects: [redirect] })).toEqual([rule]));

  it.each([
    [['cat', '/dev/null'], out('logs/dev.log')],
    [['echo', 'notes'], out('notes.md')],
    [['echo', 'x'], out('app.db', '>>')],
    [['pg_dump', 'shop'], out('backups/shop.sql')],
    [['sqlite3', 'app.db', '.dump'], out('dump.sql')],
    [['make'], out('/dev/null')],
    [['make'], { op: '>&', fd: 2, target: '1', dynamic: false }],
    [['cmd'], out('/dev/stderr')],
    [['cmd'], out('$OUT')],
    [['jq', '.', 'raw.json'], out('data/users.json')],
    [['cat', '/dev/null'], out('data/logs/import.log')],
    [[':'], out('/tmp/scratch.csv')],
    [['cat'], { op: '<', fd: null, target: 'app.db', dynamic: false }],
  ])('%j %j is fine', (argv, redirect) => expect(findings(argv, { redirects: [redirect] })).toEqual([]));
});

describe('cp, mv and tee onto data', () => {
  it.each([
    ['cp /dev/null db/production.sqlite3', 'filesystem.overwrite.data-file'],
    ['cp backup.sqlite3 db.sqlite3', 'filesystem.overwrite.data-file'],
    ['mv restored.db data/app.db', 'filesystem.overwrite.data-file'],
    ['cp -f /tmp/x.db /var/lib/app/app.db', 'filesystem.overwrite.data-file'],
    ['cp /dev/null /var/backups/nightly.dump', 'filesystem.overwrite.data-file'],
    ['cp disk.img /dev/sdb', 'filesystem.device.overwrite'],
    ['tee /dev/sdb', 'filesystem.device.overwrite'],
    ['tee data/app.db', 'filesystem.overwrite.data-file'],
    ['cp /dev/null data/users.csv', 'filesystem.overwrite.data-file'],
  ])('%s', (line, rule) => expect(rules(words(line))).toEqual([rule]));

  it.each([
    'cp db/production.sqlite3 db/production.sqlite3.bak', 'cp -r src src.bak', 'mv src/utils/old.ts src/utils/new.ts', 'mv app.db /tmp/',
    'cp -n seed.db app.db', 'cp --backup=numbered new.db app.db', 'cp a.db b.db -t backups/', 'mv app.db app.db.old', 'cp /dev/null debug.log',
    'tee -a app.db', 'tee out.txt', 'cp --help', 'cp x.db', 'mv',
  ])('%s is fine', (line) => expect(findings(words(line))).toEqual([]));
});

describe('truncate and fallocate', () => {
  it.each([
    ['truncate -s 0 /var/lib/mysql/ibdata1', 'filesystem.truncate.data-file'],
    ['truncate --size=0 storage/app.sqlite', 'filesystem.truncate.data-file'],
    ['truncate -s 0 backups/latest.dump', 'filesystem.truncate.data-file'],
    ['truncate -s -1G data/app.db', 'filesystem.truncate.data-file'],
    ['truncate -s 100M app.db', 'filesystem.truncate.data-file'],
    ['truncate --size=0 data/events.jsonl', 'filesystem.truncate.data-file'],
    ['truncate -s0 /srv/app/data/orders.csv', 'filesystem.truncate.data-file'],
    ['truncate -s 0 exports/customers.parquet', 'filesystem.truncate.data-file'],
    ['fallocate --punch-hole --offset 0 --length 1G data/app.db', 'filesystem.fallocate.discard-range'],
    ['fallocate -c -o 0 -l 4096 archive.bin', 'filesystem.fallocate.discard-range'],
  ])('%s', (line, rule) => expect(rules(words(line))).toEqual([rule]));

  it.each([
    'truncate -s 0 logs/dev.log', 'truncate -s 0 /var/log/nginx/access.log', 'truncate -s 0 nohup.out', 'truncate -s 10G disk.img',
    'truncate -s +1G app.db', 'truncate -s 0 notes.md', 'truncate -s 0 out.json', 'truncate -s 0 data/logs/import.log', 'truncate -s 0 /tmp/x.db', 'truncate --help', 'fallocate -l 2G /swapfile',
    'fallocate --dig-holes image.raw', 'fallocate -p -o 0 -l 1M /tmp/scratch.bin',
  ])('%s is fine', (line) => expect(findings(words(line))).toEqual([]));
});
