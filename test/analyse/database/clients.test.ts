// Database clients: where each one takes its SQL/commands from (flags, positionals, files,
// standard input), what its options mean, connection hints, and secrets kept out of findings.
import { describe, expect, test } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyse, cmd, heredoc, rules } from './helpers.js';

const r = (line: string) => rules(line).map((id) => id.replace(/^database\./, ''));

describe('psql family', () => {
  test('-c / --command, repeatable, clustered with other flags', () => {
    expect(r('psql -d app -c "DROP TABLE users"')).toEqual(['sql.drop-table']);
    expect(r('psql --command="DROP TABLE users" app')).toEqual(['sql.drop-table']);
    expect(r('psql -Atc "TRUNCATE t" app')).toEqual(['sql.truncate']);
    expect(r('psql -c "SELECT 1" -c "DELETE FROM t"')).toEqual(['sql.delete-all-rows']);
    expect(r('psql -X -q -v ON_ERROR_STOP=1 -c "SELECT 1"')).toEqual([]);
  });

  test('connection options are not SQL', () => {
    expect(r('psql -h drop-table.internal -U truncate -d delete -p 5432 -c "SELECT 1"')).toEqual([]);
    expect(r('psql "host=db dbname=app" -c "SELECT 1"')).toEqual([]);
    expect(r('psql -l')).toEqual([]);
    expect(r('psql --help')).toEqual([]);
  });

  test('-f / --file reads the script; an unreadable one is judged by name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'interlock-db-'));
    writeFileSync(join(dir, 'reset.sql'), 'BEGIN;\nTRUNCATE users CASCADE;\nCOMMIT;\n');
    writeFileSync(join(dir, 'read.sql'), 'SELECT * FROM users;\n');
    expect(rules(cmd('psql -d app -f reset.sql', { cwd: dir }))).toEqual(['database.sql.truncate']);
    expect(rules(cmd('psql -d app -f read.sql', { cwd: dir }))).toEqual([]);
    expect(rules(cmd('psql -d app -f missing_migration.sql', { cwd: dir }))).toEqual([]);
    expect(rules(cmd('psql -d app -f drop_everything.sql', { cwd: dir }))).toEqual(['database.sql.destructive-script']);
    expect(rules(cmd('psql -d app -f "$SCRIPT"', { cwd: dir }))).toEqual([]);
  });

  test('standard input: heredoc, here-string, pipe, redirected file', () => {
    expect(r2(heredoc('psql "$DATABASE_URL"', 'BEGIN;\nDROP TABLE users CASCADE;\nCOMMIT;\n'))).toEqual(['sql.drop-table']);
    expect(r2(heredoc('psql app', 'DELETE FROM t', 'herestring'))).toEqual(['sql.delete-all-rows']);
    expect(r2(heredoc('psql app', 'SELECT 1', 'pipe'))).toEqual([]);
    expect(r2(heredoc('psql app', 'wipe.sql', 'file'))).toEqual(['sql.destructive-script']);
    expect(r2(heredoc('psql -f - app', 'DROP TABLE t'))).toEqual(['sql.drop-table']);
    // -c given: psql does not read standard input
    expect(r2(heredoc('psql -c "SELECT 1" app', 'DROP TABLE t'))).toEqual([]);
  });

  test('a dump piped in drops existing tables when it was made that way', () => {
    expect(r2(heredoc('psql app_copy', 'pg_dump --clean -h prod app', 'unknown'))).toEqual(['sql.restore-dump']);
    expect(r2(heredoc('psql app_copy', 'pg_dump -Fp -h prod app', 'unknown'))).toEqual([]);
    expect(r2(heredoc('mysql shop_copy', 'mysqldump shop', 'unknown'))).toEqual(['sql.restore-dump']);
    expect(r2(heredoc('mysql shop_copy', 'mysqldump --skip-add-drop-table shop', 'unknown'))).toEqual([]);
    expect(r2(heredoc('mysql shop', 'gunzip -c backup.sql.gz', 'unknown'))).toEqual([]);
  });

  test('pgcli, ysqlsh, usql, vsql', () => {
    expect(r('pgcli -c "DROP TABLE t" app')).toEqual(['sql.drop-table']);
    expect(r('ysqlsh -h yb -c "TRUNCATE t"')).toEqual(['sql.truncate']);
    expect(r('usql pg://u@host/app -c "DROP TABLE t"')).toEqual(['sql.drop-table']);
    expect(r('usql my://u@host/app -c "SELECT \'\\\\\';DROP TABLE x;--\'"')).toEqual([]);
    expect(r('vsql -h vertica -w secret -c "DROP TABLE t"')).toEqual(['sql.drop-table']);
  });

  test('production hints from host, database, URL and variable names, without credentials', () => {
    const [finding] = analyse('psql postgres://admin:s3cret@prod-db.example.com:5432/app_production -c "DROP TABLE users"');
    expect(finding.hints).toEqual(expect.arrayContaining(['production-looking host prod-db.example.com', 'production-looking database app_production']));
    expect(JSON.stringify(finding)).not.toMatch(/s3cret|admin:/);
    expect(analyse('psql "$PROD_DATABASE_URL" -c "DROP TABLE t"')[0].hints).toContain('production-looking variable $PROD_DATABASE_URL');
    expect(analyse('psql -h primary.db.internal -c "DROP TABLE t"')[0].hints).toContain('production-looking host primary.db.internal');
    expect(analyse('psql -h staging-db -c "DROP TABLE t"')[0].hints ?? []).not.toContainEqual(expect.stringMatching(/production/));
  });
});

const r2 = (c: ReturnType<typeof cmd>) => rules(c).map((id) => id.replace(/^database\./, ''));

describe('mysql / mariadb / mycli / mysqlsh', () => {
  test('-e / --execute, database positional, attached password', () => {
    expect(r("mysql -h prod-mysql -u admin -p shop -e 'TRUNCATE TABLE orders;'")).toEqual(['sql.truncate']);
    expect(r('mysql -u root -p"$MYSQL_ROOT_PASSWORD" -e "DROP DATABASE shop;"')).toEqual(['sql.drop-database']);
    expect(r('mysql -uroot -psecret-e -e "SELECT 1"')).toEqual([]);
    expect(r('mysql --execute="DELETE FROM t" shop')).toEqual(['sql.delete-all-rows']);
    expect(r('mariadb -e "DROP TABLE t" shop')).toEqual(['sql.drop-table']);
    expect(r('mysql --init-command="SET autocommit=0" -e "SELECT 1"')).toEqual([]);
    expect(r('mysql shop')).toEqual([]);
  });

  test('the password never reaches a finding, even when it looks like production', () => {
    const text = JSON.stringify(analyse('mysql -h db -u root -pProdPass123 -e "DROP DATABASE shop"'));
    expect(text).not.toContain('ProdPass123');
    expect(text).toContain('drop-database');
  });

  test('stdin and source files', () => {
    expect(r2(heredoc('mysql shop', 'DROP TABLE IF EXISTS `users`;\nCREATE TABLE `users` (id int);'))).toEqual(['sql.drop-table']);
    expect(r2(heredoc('mysql -e "SELECT 1" shop', 'DROP TABLE t'))).toEqual([]);
  });

  test('target database and hints', () => {
    const [finding] = analyse('mysql -h prod-mysql -u admin -p shop -e "TRUNCATE TABLE orders"');
    expect(finding.target).toBe('orders');
    expect(finding.hints).toEqual(['in database shop', 'production-looking host prod-mysql']);
  });

  test('mycli and mysqlsh', () => {
    expect(r('mycli -h db -u u -p pw -e "DROP TABLE t" shop')).toEqual(['sql.drop-table']);
    expect(r('mysqlsh root@db --sql -e "DROP TABLE t"')).toEqual(['sql.drop-table']);
    expect(r('mysqlsh root@db -e "session.runSql(\'DROP TABLE t\')"')).toEqual(['sql.drop-table']);
    expect(r('mysqlsh root@db -e "print(session.runSql(\'SELECT 1\'))"')).toEqual([]);
  });
});

describe('sqlite3 / litecli / duckdb', () => {
  test('SQL and dot-commands as arguments after the database file', () => {
    expect(r('sqlite3 db.sqlite3 "SELECT id, email FROM users LIMIT 5;"')).toEqual([]);
    expect(r('sqlite3 db.sqlite3 "DELETE FROM users"')).toEqual(['sql.delete-all-rows']);
    expect(r('sqlite3 -batch -bail -separator "," db.sqlite3 "SELECT 1" "DROP TABLE t"')).toEqual(['sql.drop-table']);
    expect(r('sqlite3 db.sqlite3 .tables ".schema users"')).toEqual([]);
    expect(r('sqlite3 app.db ".restore backup.db"')).toEqual(['sql.restore-over']);
    expect(r('sqlite3 -cmd "DROP TABLE t" app.db')).toEqual(['sql.drop-table']);
    expect(r('sqlite3 db.sqlite3')).toEqual([]);
  });

  test('stdin is read when no SQL argument is given', () => {
    expect(r2(heredoc('sqlite3 app.db', 'DROP TABLE users;'))).toEqual(['sql.drop-table']);
    expect(r2(heredoc('sqlite3 app.db "SELECT 1"', 'DROP TABLE users;'))).toEqual([]);
  });

  test('the database file is shown as the database', () => {
    expect(analyse('sqlite3 production.sqlite3 "DROP TABLE t"')[0].hints).toContain('production-looking database production.sqlite3');
  });

  test('litecli and duckdb', () => {
    expect(r('litecli app.db -e "DROP TABLE t"')).toEqual(['sql.drop-table']);
    expect(r('duckdb analytics.duckdb "DROP TABLE events"')).toEqual(['sql.drop-table']);
    expect(r('duckdb -c "DELETE FROM events" analytics.duckdb')).toEqual(['sql.delete-all-rows']);
    expect(r('duckdb -csv -c "SELECT * FROM events" analytics.duckdb')).toEqual([]);
    expect(r('duckdb -readonly analytics.duckdb -s "DROP TABLE t"')).toEqual(['sql.drop-table']);
  });
});

describe('other SQL shells', () => {
  test('clickhouse-client and clickhouse client/local', () => {
    expect(r('clickhouse-client --query "DROP TABLE events"')).toEqual(['sql.drop-table']);
    expect(r('clickhouse-client -h ch -d analytics -q "TRUNCATE TABLE logs"')).toEqual(['sql.truncate']);
    expect(r('clickhouse client --multiquery -q "SELECT 1; DROP TABLE t"')).toEqual(['sql.drop-table']);
    expect(r('clickhouse-client --database=analytics --query="SELECT count() FROM events"')).toEqual([]);
    expect(r2(heredoc('clickhouse-client -n', 'ALTER TABLE events DELETE WHERE 1;'))).toEqual(['sql.delete-all-rows']);
    expect(r('clickhouse local -q "SELECT 1"')).toEqual([]);
  });

  test('cockroach sql', () => {
    expect(r('cockroach sql --url "$COCKROACH_URL" -e "DROP DATABASE bank CASCADE"')).toEqual(['sql.drop-database']);
    expect(r('cockroach sql --insecure --host=localhost:26257 --execute="SHOW TABLES"')).toEqual([]);
    expect(r('cockroach start --insecure')).toEqual([]);
  });

  test('cqlsh', () => {
    expect(r('cqlsh -e "DROP KEYSPACE analytics;"')).toEqual(['sql.drop-database']);
    expect(r('cqlsh cassandra.internal 9042 -u u -p p -k app -e "TRUNCATE users"')).toEqual(['sql.truncate']);
    expect(r('cqlsh -e "SELECT * FROM system.local"')).toEqual([]);
    expect(r('cqlsh -e "DELETE FROM users WHERE id = 5"')).toEqual([]);
  });

  test('sqlcmd (ODBC and go-sqlcmd)', () => {
    expect(r('sqlcmd -S prod-sql -d Shop -Q "DROP TABLE dbo.Orders"')).toEqual(['sql.drop-table']);
    expect(r('sqlcmd -S localhost -U sa -P "$SA_PASSWORD" -q "TRUNCATE TABLE t"')).toEqual(['sql.truncate']);
    expect(r('sqlcmd -S localhost -Q "SELECT @@VERSION"')).toEqual([]);
    expect(r2(heredoc('sqlcmd -S localhost', 'DELETE FROM dbo.Logs\nGO\n'))).toEqual(['sql.delete-all-rows']);
    expect(r('sqlcmd query "DROP DATABASE Shop"')).toEqual(['sql.drop-database']);
    expect(r('sqlcmd delete --force')).toEqual(['sqlcmd.delete-container']);
    expect(r('sqlcmd config view')).toEqual([]);
  });

  test('snowsql, snow sql, trino, beeline, impala-shell, sqlplus', () => {
    expect(r('snowsql -a acct -u me -q "DROP DATABASE analytics"')).toEqual(['sql.drop-database']);
    expect(r('snow sql -q "CREATE OR REPLACE TABLE t AS SELECT 1"')).toEqual(['sql.overwrite-table']);
    expect(r('trino --server https://trino:8443 --execute "DROP TABLE hive.web.events"')).toEqual(['sql.drop-table']);
    expect(r('beeline -u jdbc:hive2://h:10000 -e "INSERT OVERWRITE TABLE t SELECT 1"')).toEqual(['sql.overwrite-table']);
    expect(r('impala-shell -i impalad -q "DROP TABLE t PURGE"')).toEqual(['sql.drop-table']);
    expect(r2(heredoc('sqlplus -S scott/tiger@prod', 'TRUNCATE TABLE emp;\nEXIT;'))).toEqual(['sql.truncate']);
    expect(JSON.stringify(analyse(heredoc('sqlplus -S scott/tiger@prod', 'TRUNCATE TABLE emp;')))).not.toContain('tiger');
  });
});

describe('redis-cli', () => {
  test('FLUSHALL / FLUSHDB in any case, with options before the command', () => {
    expect(r('redis-cli FLUSHALL')).toEqual(['redis.flush']);
    expect(r('redis-cli flushdb')).toEqual(['redis.flush']);
    expect(r('redis-cli -u "$REDIS_URL" FLUSHALL ASYNC')).toEqual(['redis.flush']);
    expect(r('redis-cli -h prod-redis.internal -p 6380 -a "$REDIS_PASSWORD" -n 3 --no-auth-warning --tls FLUSHDB')).toEqual(['redis.flush']);
    expect(r('redis-cli -c -h cluster.internal --user admin --pass pw flushall sync')).toEqual(['redis.flush']);
    expect(r('valkey-cli FLUSHALL')).toEqual(['redis.flush']);
    expect(r('redis-cli -r 3 -i 1 FLUSHDB')).toEqual(['redis.flush']);
  });

  test('option values and command arguments are not commands', () => {
    expect(r('redis-cli -a flushall PING')).toEqual([]);
    expect(r('redis-cli -h flushall.internal GET key')).toEqual([]);
    expect(r('redis-cli SET note FLUSHALL')).toEqual([]);
    expect(r('redis-cli LRANGE list 0 -1')).toEqual([]);
    expect(r('redis-cli DEL session:9f1c2e')).toEqual([]);
    expect(r('redis-cli UNLINK a b c')).toEqual([]);
    expect(r('redis-cli --scan --pattern "user:*"')).toEqual([]);
    expect(r('redis-cli --rdb dump.rdb')).toEqual([]);
    expect(r('redis-cli INFO keyspace')).toEqual([]);
    expect(r('redis-cli SHUTDOWN')).toEqual([]);
    expect(r('redis-cli --help')).toEqual([]);
  });

  test('SHUTDOWN NOSAVE', () => {
    expect(r('redis-cli SHUTDOWN NOSAVE')).toEqual(['redis.shutdown-nosave']);
    expect(r('redis-cli shutdown nosave now force')).toEqual(['redis.shutdown-nosave']);
    expect(r('redis-cli SHUTDOWN SAVE')).toEqual([]);
  });

  test('commands from standard input, inline or RESP, and --pipe', () => {
    expect(r2(heredoc('redis-cli', 'SELECT 2\nFLUSHDB\n'))).toEqual(['redis.flush']);
    expect(analyse(heredoc('redis-cli', 'SELECT 2\nFLUSHDB\n'))[0].target).toBe('localhost db 2');
    expect(r2(heredoc('redis-cli --pipe', '*1\r\n$8\r\nFLUSHALL\r\n', 'pipe'))).toEqual(['redis.flush']);
    expect(r2(heredoc('redis-cli --pipe', '*3\r\n$3\r\nSET\r\n$3\r\nkey\r\n$8\r\nFLUSHALL\r\n', 'pipe'))).toEqual([]);
    expect(r2(heredoc('redis-cli', 'SET a 1\nGET a\n', 'pipe'))).toEqual([]);
    expect(r2(heredoc('redis-cli -x SET blob', 'FLUSHALL', 'pipe'))).toEqual([]);
  });

  test('--cluster call runs the command on every node', () => {
    expect(r('redis-cli --cluster call 10.0.0.5:6379 FLUSHALL')).toEqual(['redis.flush']);
    expect(r('redis-cli --cluster check 10.0.0.5:6379')).toEqual([]);
  });

  test('Lua scripts that flush or delete by pattern', () => {
    expect(r('redis-cli EVAL "return redis.call(\'FLUSHALL\')" 0')).toEqual(['redis.flush']);
    expect(r('redis-cli EVAL "return redis.call(\'DEL\', unpack(redis.call(\'KEYS\', ARGV[1])))" 0 "session:*"')).toEqual(['redis.delete-by-pattern']);
    expect(r('redis-cli EVAL "return redis.call(\'DEL\', KEYS[1])" 1 user:1')).toEqual([]);
  });

  test('targets and hints name the server, not the password', () => {
    const [finding] = analyse('redis-cli -h prod-redis.internal -a prodPassw0rd FLUSHDB');
    expect(finding.target).toBe('prod-redis.internal db 0');
    expect(finding.hints).toContain('production-looking host prod-redis.internal');
    expect(JSON.stringify(finding)).not.toContain('prodPassw0rd');
    const [viaUri] = analyse('redis-cli -u redis://default:hunter2@live-cache:6379/4 FLUSHDB');
    expect(viaUri.target).toBe('live-cache db 4');
    expect(JSON.stringify(viaUri)).not.toContain('hunter2');
  });
});

describe('mongosh / mongo', () => {
  const m = (script: string, args = '') => r(`mongosh ${args} --eval '${script}'`.replace(/\s+/g, ' '));

  test('drops', () => {
    expect(m('db.dropDatabase()', 'shop')).toEqual(['mongo.drop-database']);
    expect(m('db.getSiblingDB("shop").dropDatabase()')).toEqual(['mongo.drop-database']);
    expect(m('db.getMongo().getDB("shop").dropDatabase()')).toEqual(['mongo.drop-database']);
    expect(m('db.adminCommand({dropDatabase: 1})')).toEqual(['mongo.drop-database']);
    expect(m('db.orders.drop()', 'shop')).toEqual(['mongo.drop-collection']);
    expect(m('db["orders"].drop()')).toEqual(['mongo.drop-collection']);
    expect(m('db.getCollection("audit-log").drop()')).toEqual(['mongo.drop-collection']);
    expect(m('db.getCollectionNames().forEach(c => db[c].drop())')).toEqual(['mongo.drop-collection']);
    expect(m('db.runCommand({drop: "orders"})')).toEqual(['mongo.drop-collection']);
  });

  test('deletes and updates with match-all filters', () => {
    expect(m('db.orders.deleteMany({})')).toEqual(['mongo.delete-all-documents']);
    expect(m('db.orders.deleteMany( { } )')).toEqual(['mongo.delete-all-documents']);
    expect(m('db.orders.deleteMany({_id: {$exists: true}})')).toEqual(['mongo.delete-all-documents']);
    expect(m('db.sessions.remove({})')).toEqual(['mongo.delete-all-documents']);
    expect(m('db.getCollectionNames().forEach(function (c) { db[c].deleteMany({}) })')).toEqual(['mongo.delete-all-documents']);
    expect(m('db.users.updateMany({}, {$set: {plan: "free"}})')).toEqual(['mongo.update-all-documents']);
    expect(m('db.users.update({}, {$set: {x: 1}}, {multi: true})')).toEqual(['mongo.update-all-documents']);
    // Conditions that leave no document out.
    expect(m('db.x.deleteMany({ status: { $exists: true } })')).toEqual(['mongo.delete-all-documents']);
    expect(m('db.x.deleteMany({ createdAt: { $gte: new Date(0) } })')).toEqual(['mongo.delete-all-documents']);
    expect(m('db.events.deleteMany({ ts: { $lt: new Date() } })')).toEqual(['mongo.delete-all-documents']);
    expect(m('db.x.updateMany({ status: { $ne: null } }, { $set: { a: 1 } })')).toEqual(['mongo.update-all-documents']);
    expect(m('db.x.deleteMany({ $comment: "cleanup" })')).toEqual(['mongo.delete-all-documents']);
    // In a bulkWrite, and one document at a time over an unfiltered find().
    expect(m('db.orders.bulkWrite([{ insertOne: { document: {} } }, { deleteMany: { filter: {} } }])')).toEqual(['mongo.delete-all-documents']);
    expect(m('db.orders.bulkWrite([{ updateMany: { filter: {}, update: { $set: { a: 1 } } } }])')).toEqual(['mongo.update-all-documents']);
    expect(m('db.users.find().forEach(u => db.users.deleteOne({_id: u._id}))')).toEqual(['mongo.delete-all-documents']);
  });

  test('reads and narrow writes are allowed', () => {
    expect(m('db.orders.find({status: "pending"}).limit(5)', 'shop')).toEqual([]);
    expect(m('db.users.countDocuments()')).toEqual([]);
    expect(m('db.users.deleteOne({_id: ObjectId("65f0c0ffee")})')).toEqual([]);
    expect(m('db.sessions.deleteMany({expiresAt: {$lt: new Date()}})')).toEqual([]);
    expect(m('db.sessions.remove({}, true)')).toEqual([]);
    expect(m('db.users.updateMany({plan: "trial"}, {$set: {plan: "free"}})')).toEqual([]);
    expect(m('db.users.update({}, {$set: {x: 1}})')).toEqual([]);
    expect(m('db.x.deleteMany({ createdAt: { $lt: ISODate("2024-01-01") } })')).toEqual([]);
    expect(m('db.x.deleteMany({ status: "archived", $comment: "cleanup" })')).toEqual([]);
    expect(m('db.orders.bulkWrite([{ deleteMany: { filter: { status: "void" } } }])')).toEqual([]);
    expect(m('db.users.find({ inactive: true }).forEach(u => db.users.deleteOne({_id: u._id}))')).toEqual([]);
    expect(m('db.users.find().forEach(u => printjson(u))')).toEqual([]);
    expect(m('db.orders.dropIndex("status_1"); db.orders.dropIndexes(); db.dropUser("x")')).toEqual([]);
    expect(m('printjson("db.orders.drop()") // db.users.drop()')).toEqual([]);
    expect(m('const re = /drop\\(/; db.orders.find({name: re})')).toEqual([]);
  });

  test('targets: database from the connection, getSiblingDB or use', () => {
    expect(analyse(`mongosh "mongodb+srv://cluster0.abcde.mongodb.net/shop" --eval "db.dropDatabase()"`)[0].target).toBe('shop');
    expect(analyse(`mongosh mongo.internal:27017/billing --eval "db.dropDatabase()"`)[0].target).toBe('billing');
    expect(analyse(`mongosh --eval 'db.getSiblingDB("shop").orders.drop()'`)[0].target).toBe('shop.orders');
    expect(analyse(heredoc('mongosh', 'use analytics\ndb.dropDatabase()\n'))[0].target).toBe('analytics');
    expect(analyse(`mongosh --eval "db.dropDatabase()"`)[0].target).toBe('the current database');
  });

  test('scripts from stdin, -f and positional .js files', () => {
    expect(r2(heredoc('mongosh "$MONGO_URL"', 'db.getSiblingDB("shop").dropDatabase()\n', 'pipe'))).toEqual(['mongo.drop-database']);
    const dir = mkdtempSync(join(tmpdir(), 'interlock-mongo-'));
    writeFileSync(join(dir, 'wipe.js'), 'db.events.deleteMany({});\n');
    expect(rules(cmd('mongosh shop wipe.js', { cwd: dir }))).toEqual(['database.mongo.delete-all-documents']);
    expect(rules(cmd('mongosh shop -f wipe.js', { cwd: dir }))).toEqual(['database.mongo.delete-all-documents']);
    expect(rules(cmd('mongo shop --quiet wipe.js', { cwd: dir }))).toEqual(['database.mongo.delete-all-documents']);
  });

  test('credentials in the URI stay out', () => {
    const text = JSON.stringify(analyse(`mongosh "mongodb://root:t0psecret@prod-mongo:27017/shop" --eval "db.dropDatabase()"`));
    expect(text).not.toContain('t0psecret');
    expect(text).toContain('production-looking host prod-mongo');
  });
});

describe('admin tools', () => {
  test('dropdb', () => {
    expect(analyse('dropdb -h prod-db.internal -U postgres app_production').map((f) => [f.rule, f.target])).toEqual([['database.dropdb', 'app_production']]);
    expect(r('dropdb --if-exists -f app')).toEqual(['dropdb']);
    expect(r('dropdb -p 5433 app')).toEqual(['dropdb']);
    expect(r('dropdb --help')).toEqual([]);
    expect(r('dropdb')).toEqual([]);
  });

  test('mysqladmin drop', () => {
    expect(analyse('mysqladmin -u root -p drop shop --force').map((f) => [f.rule, f.target])).toEqual([['database.mysqladmin.drop', 'shop']]);
    expect(r('mysqladmin -uroot -psecret -f drop analytics')).toEqual(['mysqladmin.drop']);
    expect(r('mysqladmin -u root -p create shop')).toEqual([]);
    expect(r('mysqladmin -u root -p status processlist')).toEqual([]);
    expect(r('mysqladmin -u root -p shutdown')).toEqual([]);
  });

  test('pg_restore: only --clean into a database', () => {
    expect(r('pg_restore --clean --if-exists -d app backup.dump')).toEqual(['pg-restore.clean']);
    expect(r('pg_restore -c -d "$DATABASE_URL" backup.dump')).toEqual(['pg-restore.clean']);
    expect(r('pg_restore -Cc -d postgres backup.dump')).toEqual(['pg-restore.clean']);
    expect(r('pg_restore --list backup.dump')).toEqual([]);
    expect(r('pg_restore -l backup.dump')).toEqual([]);
    expect(r('pg_restore -d app backup.dump')).toEqual([]);
    expect(r('pg_restore --clean -f out.sql backup.dump')).toEqual([]);
    expect(analyse('pg_restore -c -d postgres://u:pw@prod-pg/app backup.dump')[0].target).toBe('app');
  });

  test('pg_dropcluster', () => {
    expect(analyse('pg_dropcluster --stop 16 main').map((f) => f.target)).toEqual(['16/main']);
  });

  test('mongorestore / mongoimport --drop', () => {
    expect(r('mongorestore --uri "$MONGO_URL" --drop dump/')).toEqual(['mongo.restore-drop']);
    expect(r('mongorestore --drop --nsInclude "shop.*" --archive=backup.archive')).toEqual(['mongo.restore-drop']);
    expect(r('mongoimport --db shop --collection products --drop --file products.json')).toEqual(['mongo.restore-drop']);
    expect(r('mongorestore --uri "$MONGO_URL" dump/')).toEqual([]);
    expect(r('mongorestore --drop --dryRun dump/')).toEqual([]);
    expect(r('mongoimport --db shop --collection products --file products.json')).toEqual([]);
  });
});

describe('key-value and time-series stores', () => {
  test('etcdctl', () => {
    expect(analyse('etcdctl del "" --prefix').map((f) => [f.rule, f.target])).toEqual([['database.etcd.delete-range', 'every key']]);
    expect(r('etcdctl --endpoints=https://etcd:2379 del /registry/ --prefix')).toEqual(['etcd.delete-range']);
    expect(r('etcdctl del --prefix=true /app')).toEqual(['etcd.delete-range']);
    expect(r('etcdctl del --from-key a')).toEqual(['etcd.delete-range']);
    expect(r('etcdctl del a z')).toEqual(['etcd.delete-range']);
    expect(r('etcdctl rm --recursive /app')).toEqual(['etcd.delete-range']);
    expect(r('etcdctl del /config/flag')).toEqual([]);
    expect(r('etcdctl del --prefix=false /config/flag')).toEqual([]);
    expect(r('etcdctl get "" --prefix --keys-only')).toEqual([]);
    expect(r('etcdctl -w table endpoint status')).toEqual([]);
  });

  test('influx v1, v2 and influxdb3', () => {
    expect(r('influx bucket delete --name telemetry --org acme')).toEqual(['influx.delete']);
    expect(r('influx bucket delete -i 034ad714fdd6f000')).toEqual(['influx.delete']);
    expect(r('influx org delete -i 0a1b2c')).toEqual(['influx.delete']);
    expect(r('influx delete --bucket telemetry --start 2020-01-01T00:00:00Z --stop 2021-01-01T00:00:00Z --predicate \'_measurement="cpu"\'')).toEqual(['influx.delete']);
    expect(r('influx restore /backups/ --full')).toEqual(['influx.delete']);
    expect(r('influx -database telegraf -execute "DROP MEASUREMENT cpu"')).toEqual(['sql.drop-table']);
    expect(r('influx -execute "DROP DATABASE telegraf"')).toEqual(['sql.drop-database']);
    expect(r('influx -database telegraf -execute "SELECT * FROM cpu LIMIT 1"')).toEqual([]);
    expect(r('influxdb3 delete database sensors')).toEqual(['influx.delete']);
    expect(r('influxdb3 delete table readings --database sensors')).toEqual(['influx.delete']);
    expect(r('influxdb3 delete last_cache --database sensors --table t c1')).toEqual([]);
    expect(r('influx bucket list')).toEqual([]);
    expect(r('influx backup /backups/')).toEqual([]);
    expect(r('influx restore /backups/ --bucket telemetry')).toEqual([]);
  });

  test('cypher-shell', () => {
    expect(r('cypher-shell -u neo4j -p "$NEO4J_PASSWORD" "MATCH (n) DETACH DELETE n"')).toEqual(['cypher.delete-all-nodes']);
    expect(analyse('cypher-shell "MATCH (u:User) DETACH DELETE u"')[0].target).toBe('every :User node');
    expect(r('cypher-shell "MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS"')).toEqual(['cypher.delete-all-nodes']);
    expect(r('cypher-shell "CALL apoc.periodic.iterate(\'MATCH (n) RETURN n\', \'DETACH DELETE n\', {batchSize: 1000})"')).toEqual(['cypher.delete-all-nodes']);
    expect(r('cypher-shell "DROP DATABASE movies"')).toEqual(['sql.drop-database']);
    expect(r('cypher-shell "MATCH (u:User {email: \'a@example.com\'}) DETACH DELETE u"')).toEqual([]);
    expect(r('cypher-shell "MATCH (s:Session) WHERE s.expires < datetime() DELETE s"')).toEqual([]);
    expect(r('cypher-shell "MATCH (n) RETURN count(n)"')).toEqual([]);
    expect(r2(heredoc('cypher-shell -a neo4j://prod-graph:7687', 'MATCH (n) DETACH DELETE n;'))).toEqual(['cypher.delete-all-nodes']);
  });
});

describe('more admin tools and shapes', () => {
  test('couchbase-cli and nodetool', () => {
    expect(r('couchbase-cli bucket-delete -c cb.internal -u Administrator -p pw --bucket travel-sample')).toEqual(['couchbase.bucket-delete']);
    expect(analyse('couchbase-cli bucket-flush -c cb.internal -u a -p pw --bucket sessions --force')[0].target).toBe('sessions');
    expect(r('couchbase-cli bucket-list -c cb.internal -u a -p pw')).toEqual([]);
    expect(analyse('nodetool clearsnapshot --all')[0].target).toBe('every snapshot');
    expect(r('nodetool snapshot -t before analytics')).toEqual([]);
  });

  test('redis DEL of keys piped in through xargs is a pattern delete', () => {
    expect(rules(cmd('redis-cli DEL', { via: ['xargs'] }))).toEqual(['database.redis.delete-by-pattern']);
    expect(rules(cmd('redis-cli -n 2 unlink', { via: ['xargs -L 100'] }))).toEqual(['database.redis.delete-by-pattern']);
    expect(rules(cmd('redis-cli GET', { via: ['xargs'] }))).toEqual([]);
  });

  test('an included script that cannot be read is judged by its name', () => {
    expect(r('mysql -e "source drop_all_tables.sql" shop')).toEqual(['sql.destructive-script']);
    expect(r('psql -c "\\i seed.sql"')).toEqual([]);
  });
});

describe('targets inside pods and behind variables', () => {
  test('redis-cli run in a pod names the pod', () => {
    expect(analyse(cmd('redis-cli FLUSHALL', { remote: 'deploy/redis' }))[0].target).toBe('deploy/redis');
  });
  test('mongosh with the address in a variable names the variable', () => {
    expect(analyse(`mongosh "$MONGO_URL" --eval "db.dropDatabase()"`)[0].target).toBe('$MONGO_URL');
  });
});

describe('connection from the environment, input from cat, several --eval', () => {
  test('PGHOST/PGDATABASE/MYSQL_HOST set on the line', () => {
    expect(analyse(cmd('psql -c "DROP TABLE users"', { env: { PGHOST: 'prod-db', PGDATABASE: 'app' } }))[0].hints).toEqual(['in database app', 'production-looking host prod-db']);
    expect(analyse(cmd('mysql -e "DROP TABLE t"', { env: { MYSQL_HOST: 'live-mysql' } }))[0].hints).toContain('production-looking host live-mysql');
    expect(analyse(cmd('psql -h staging -c "DROP TABLE t"', { env: { PGHOST: 'prod-db' } }))[0].hints ?? []).not.toContain('production-looking host prod-db');
  });

  test('`cat file | client` reads the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'interlock-cat-'));
    writeFileSync(join(dir, 'schema.sql'), 'DROP TABLE IF EXISTS users;\nCREATE TABLE users (id int);\n');
    expect(rules(cmd('psql app', { cwd: dir, stdin: { kind: 'unknown', from: 'cat schema.sql' } }))).toEqual(['database.sql.drop-table']);
    expect(rules(cmd('psql app', { cwd: dir, stdin: { kind: 'unknown', from: 'cat wipe_db.sql' } }))).toEqual(['database.sql.destructive-script']);
    expect(rules(cmd('psql app', { cwd: dir, stdin: { kind: 'unknown', from: 'cat -n schema.sql' } }))).toEqual([]);
  });

  test('mongosh --eval scripts share one shell', () => {
    expect(analyse(`mongosh --eval 'use shop' --eval 'db.dropDatabase()'`)[0].target).toBe('shop');
  });
});

describe('credentials never reach a finding', () => {
  const lines = [
    'psql postgresql://app:prodSECRET1@prod-db/app -c "DROP TABLE t"',
    'psql "host=prod-db dbname=app password=prodSECRET2" -c "DROP TABLE t"',
    'mysql -h live-db -uroot -pprodSECRET3 -e "DROP DATABASE shop"',
    'mysql --password=prodSECRET4 -e "TRUNCATE t" shop',
    'mycli -h live-db -p prodSECRET5 -e "DROP TABLE t" shop',
    'sqlcmd -S prod-sql -U sa -P prodSECRET6 -Q "DROP TABLE t"',
    'vsql -h prod -w prodSECRET7 -c "DROP TABLE t"',
    'redis-cli -h prod-redis -a prodSECRET8 FLUSHALL',
    'redis-cli --user admin --pass prodSECRET9 FLUSHDB',
    'redis-cli -u rediss://default:prodSECRET10@live-cache:6380/0 FLUSHALL',
    'mongosh "mongodb://root:prodSECRET11@prod-mongo/shop" --eval "db.dropDatabase()"',
    'mongosh root:prodSECRET12@prod-mongo/shop --eval "db.dropDatabase()"',
    'mongosh -u root -p prodSECRET13 shop --eval "db.dropDatabase()"',
    'mongorestore --uri "mongodb://root:prodSECRET14@prod-mongo/shop" --drop dump/',
    'pg_restore -c -d "postgresql://u:prodSECRET15@prod-pg/app" backup.dump',
    'etcdctl --endpoints=https://root:prodSECRET16@etcd-prod:2379 --password prodSECRET17 del / --prefix',
    'cqlsh prod-cass -u cassandra -p prodSECRET18 -e "DROP KEYSPACE ks"',
    'cypher-shell -a neo4j://neo4j:prodSECRET19@prod-graph -p prodSECRET20 "MATCH (n) DETACH DELETE n"',
    'couchbase-cli bucket-delete -c couchbase://admin:prodSECRET21@cb-prod -u a -p prodSECRET22 --bucket b',
    'beeline -u "jdbc:hive2://prod-hive:10000/default;password=prodSECRET23" -p prodSECRET24 -e "DROP TABLE t"',
  ];
  for (const line of lines) {
    test(line, () => {
      const findings = analyse(line);
      expect(findings.length).toBeGreaterThan(0);
      expect(JSON.stringify(findings)).not.toMatch(/SECRET/);
    });
  }
});

test('JDBC URLs with parameters after `;` show only host and database', () => {
  const findings = analyse('trino --server "jdbc:sqlserver://prod-sql:1433;databaseName=Shop;password=hunter2" --execute "DROP TABLE t"');
  expect(JSON.stringify(findings)).not.toContain('hunter2');
});
