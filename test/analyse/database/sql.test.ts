// SQL text analysis: quoting and comments, statement splitting, client commands, each statement
// kind, WHERE predicates, transactions and dynamic SQL.
import { describe, expect, test } from 'vitest';
import { analyseSql, analyseSqlText } from '../../../src/analyse/database/sql.js';
import { DIALECTS, type DialectName } from '../../../src/analyse/database/sql/dialect.js';
import { execCommand } from '../../helpers/exec.js';

const short = (rule: string) => rule.replace(/^database\.sql\./, '').replace(/^database\./, '');

function effects(sql: string, dialect: DialectName = 'postgres', readFile?: (p: string) => string | undefined) {
  return analyseSqlText(sql, { dialect: DIALECTS[dialect], readFile });
}
const rulesOf = (sql: string, dialect: DialectName = 'postgres') => effects(sql, dialect).map((e) => short(e.rule));
const targetsOf = (sql: string, dialect: DialectName = 'postgres') => effects(sql, dialect).map((e) => e.target);

type Case = [sql: string, rules: string[], dialect?: DialectName];

function table(cases: Case[]) {
  for (const [sql, expected, dialect = 'postgres'] of cases) {
    test(`${dialect}: ${JSON.stringify(sql).slice(0, 120)}`, () => {
      expect(rulesOf(sql, dialect)).toEqual(expected);
    });
  }
}

describe('quoting and comments keep data as data', () => {
  table([
    ["SELECT ';DROP TABLE x'; SELECT 1", []],
    ["SELECT 'it''s; DROP TABLE x'", []],
    ['SELECT "DROP TABLE x; --" FROM t', []],
    ['SELECT `a;DROP TABLE x` FROM t', [], 'mysql'],
    ['SELECT [a;DROP TABLE x] FROM t', [], 'tsql'],
    ['SELECT $$;DROP TABLE x$$', []],
    ['SELECT $fn$ $$ DROP TABLE y; $fn$', []],
    ["SELECT E'\\';DROP TABLE x;--'", []],
    ["SELECT N'DROP TABLE x'", [], 'tsql'],
    ["-- DROP TABLE x\nSELECT 1", []],
    ['SELECT 1 /* DROP TABLE x; */', []],
    ['SELECT 1; -- DROP TABLE x', []],
    ['# DROP TABLE x\nSELECT 1', [], 'mysql'],
    ['// DROP TABLE x\nSELECT 1', [], 'cql'],
    ["INSERT INTO logs (msg) VALUES ('DELETE FROM users')", []],
    ["COMMENT ON TABLE t IS 'DROP TABLE t'", []],
    ["CREATE FUNCTION f() RETURNS void AS $$ DELETE FROM t $$ LANGUAGE sql", []],
  ]);

  test('a standard string ends at the quote: the backslash does not escape it in Postgres', () => {
    expect(rulesOf("SELECT '\\';DROP TABLE x;--'")).toEqual(['drop-table']);
    expect(rulesOf("SELECT '\\';DROP TABLE x;--'", 'mysql')).toEqual([]);
  });

  test('Postgres block comments nest; MySQL ones do not', () => {
    expect(rulesOf('/* /* */ DROP TABLE x; */ SELECT 1')).toEqual([]);
    expect(rulesOf('/* /* */ DROP TABLE x; */ SELECT 1', 'mysql')).toEqual(['drop-table']);
  });

  test('MySQL runs the text of /*! … */ comments', () => {
    expect(rulesOf('/*!40101 DROP TABLE x */;', 'mysql')).toEqual(['drop-table']);
    expect(rulesOf('/*+ DROP TABLE x */ SELECT 1', 'mysql')).toEqual([]);
  });

  test('keywords are found in any case, identifiers keep theirs', () => {
    expect(targetsOf('drop table Users')).toEqual(['Users']);
    expect(targetsOf('DrOp TaBlE "Users", public."Order Items"')).toEqual(['Users, public.Order Items']);
    expect(targetsOf('DROP TABLE `shop`.`users`', 'mysql')).toEqual(['shop.users']);
    expect(targetsOf('DROP TABLE [dbo].[users]', 'tsql')).toEqual(['dbo.users']);
  });

  test('unterminated quotes and comments swallow the rest, without throwing', () => {
    expect(rulesOf("SELECT 'unterminated; DROP TABLE x")).toEqual([]);
    expect(rulesOf('SELECT 1 /* DROP TABLE x')).toEqual([]);
    expect(rulesOf('SELECT $$ DROP TABLE x')).toEqual([]);
  });
});

describe('statements are split where the client splits them', () => {
  table([
    ['SELECT 1; DROP TABLE a; SELECT 2; TRUNCATE b', ['drop-table', 'truncate']],
    ['DROP TABLE a', ['drop-table']],
    ['SELECT 1\nDROP TABLE a', []], // one statement: `SELECT 1 DROP TABLE a` is an error, not a drop
    ['DELIMITER //\nCREATE PROCEDURE p() BEGIN DELETE FROM t; END//\nDELIMITER ;\nCALL p();', [], 'mysql'],
    ['DELIMITER $$\nDROP TABLE a$$\nDELIMITER ;', ['drop-table'], 'mysql'],
    ['CREATE PROCEDURE p AS\nBEGIN\n  DELETE FROM t;\nEND\nGO\nEXEC p\nGO', [], 'tsql'],
    ['SELECT 1\nGO\nDROP TABLE a\nGO 2', ['drop-table'], 'tsql'],
    ['CREATE TRIGGER tr AFTER INSERT ON a BEGIN DELETE FROM b; END; DELETE FROM c;', ['delete-all-rows'], 'sqlite'],
    ['CREATE FUNCTION f() RETURNS int BEGIN ATOMIC DELETE FROM t; SELECT 1; END; SELECT 2', []],
    ["COPY users (id, name) FROM stdin;\n1\tDROP TABLE x; it's\n\\.\nSELECT 1;", []],
    ["COPY users FROM stdin;\n1\tx\n\\.\nDROP TABLE y;", ['drop-table']],
    ['DROP TABLE a \\g', ['drop-table']],
    ['SELECT 1 \\; DROP TABLE a', ['drop-table']],
    ['DROP TABLE a \\G', ['drop-table'], 'mysql'],
  ]);

  test('psql \\c and USE set the database the statements run in', () => {
    expect(effects('\\c prod_db\nDROP TABLE users;').map((e) => e.database)).toEqual(['prod_db']);
    expect(effects('\\connect "dbname=billing host=x"\nDROP TABLE t;').map((e) => e.database)).toEqual(['billing']);
    expect(effects('USE shop; DROP TABLE users;', 'mysql').map((e) => e.database)).toEqual(['shop']);
    expect(effects('\\u shop\nDROP TABLE users;', 'mysql').map((e) => e.database)).toEqual(['shop']);
  });

  test('included files are read (psql \\i, mysql source, sqlite .read), nested and bounded', () => {
    const files: Record<string, string> = { 'a.sql': '\\i b.sql\n', 'b.sql': 'DROP TABLE inner_t;', 'loop.sql': '\\i loop.sql' };
    const read = (p: string) => files[p];
    expect(effects('\\i a.sql', 'postgres', read).map((e) => e.target)).toEqual(['inner_t']);
    expect(effects('\\ir b.sql', 'postgres', read).map((e) => e.target)).toEqual(['inner_t']);
    expect(effects('source b.sql', 'mysql', read).map((e) => e.target)).toEqual(['inner_t']);
    expect(effects('\\. b.sql', 'mysql', read).map((e) => e.target)).toEqual(['inner_t']);
    expect(effects('.read b.sql', 'sqlite', read).map((e) => e.target)).toEqual(['inner_t']);
    expect(effects('\\i loop.sql', 'postgres', read)).toEqual([]);
    expect(effects('\\i missing.sql', 'postgres', read)).toEqual([]);
  });

  test('sqlite dot-commands that overwrite the database', () => {
    expect(rulesOf('.restore backup.db', 'sqlite')).toEqual(['restore-over']);
    expect(rulesOf('.open --new app.db', 'sqlite')).toEqual(['restore-over']);
    expect(rulesOf('.open app.db\n.tables\n.schema users\n.backup b.db\n.dump', 'sqlite')).toEqual([]);
  });
});

describe('DROP', () => {
  table([
    ['DROP DATABASE shop', ['drop-database']],
    ['DROP DATABASE IF EXISTS shop WITH (FORCE)', ['drop-database']],
    ['DROP SCHEMA public CASCADE', ['drop-database']],
    ['DROP KEYSPACE IF EXISTS analytics', ['drop-database'], 'cql'],
    ['DROP OWNED BY app_user', ['drop-database']],
    ['DROP TABLE IF EXISTS a, b CASCADE', ['drop-table']],
    ['DROP TABLE events ON CLUSTER main SYNC', ['drop-table'], 'clickhouse'],
    ['DROP COLLECTION c', ['drop-table']],
    ['DROP MEASUREMENT cpu', ['drop-table'], 'generic'],
    ["DROP SERIES FROM cpu WHERE host = 'a'", [], 'generic'],
    ['DROP SNAPSHOT TABLE ds.snap', ['drop-table'], 'generic'],
    ['DROP SEQUENCE s', ['drop-object']],
    ['DROP STAGE my_stage', ['drop-object'], 'generic'],
    ['DROP TYPE mood CASCADE', ['drop-object']],
    ['DROP DOMAIN email CASCADE', ['drop-object']],
    ['DROP FROBNICATOR x', ['drop-object']], // a kind we do not know is judged as holding data
    ['DROP TYPE mood', []],
    ['DROP EXTENSION pg_trgm', []],
    ['DROP INDEX CONCURRENTLY IF EXISTS idx', []],
    ['DROP VIEW v CASCADE', []],
    ['DROP MATERIALIZED VIEW mv', []],
    ['DROP FUNCTION IF EXISTS f(int) CASCADE', []],
    ['DROP PROCEDURE p', []],
    ['DROP TRIGGER t ON users', []],
    ['DROP POLICY p ON users', []],
    ['DROP ROLE reporting; DROP USER bob', []],
    ['DROP TEMPORARY TABLE tmp', [], 'mysql'],
    ['DROP DICTIONARY d', [], 'clickhouse'],
    ['DROP PUBLICATION pub; DROP SUBSCRIPTION sub', []],
  ]);

  test('targets name what a human would type', () => {
    expect(targetsOf('DROP TABLE IF EXISTS public.users, orders CASCADE')).toEqual(['public.users, orders']);
    expect(targetsOf('DROP DATABASE "app-prod"')).toEqual(['app-prod']);
    expect(targetsOf('DROP OWNED BY app_user')).toEqual(['objects owned by app_user']);
    expect(targetsOf('DROP TABLE :tbl')).toEqual([':tbl']);
  });

  test('CASCADE is a hint', () => {
    expect(effects('DROP SCHEMA s CASCADE')[0].hints).toContain('CASCADE also drops every object that depends on it');
  });
});

describe('TRUNCATE', () => {
  table([
    ['TRUNCATE users', ['truncate']],
    ['TRUNCATE TABLE ONLY users, orders RESTART IDENTITY CASCADE', ['truncate']],
    ['truncate table `orders`', ['truncate'], 'mysql'],
    ['TRUNCATE TABLE IF EXISTS db.events ON CLUSTER c', ['truncate'], 'clickhouse'],
    ['TRUNCATE ALL TABLES FROM analytics', ['truncate'], 'clickhouse'],
    ['SELECT TRUNCATE(1.234, 1)', [], 'mysql'],
  ]);
  test('targets', () => {
    expect(targetsOf('TRUNCATE users, orders')).toEqual(['users, orders']);
    expect(targetsOf('TRUNCATE ALL TABLES FROM analytics', 'clickhouse')).toEqual(['every table in analytics']);
  });
});

describe('DELETE and UPDATE: no WHERE, or a WHERE that matches every row', () => {
  table([
    ['DELETE FROM users', ['delete-all-rows']],
    ['delete from users;', ['delete-all-rows']],
    ['DELETE FROM ONLY users RETURNING *', ['delete-all-rows']],
    ['DELETE users', ['delete-all-rows'], 'tsql'],
    ['DELETE TOP (1000) FROM logs', ['delete-all-rows'], 'tsql'],
    ['DELETE FROM logs LIMIT 1000', ['delete-all-rows'], 'mysql'],
    ['DELETE FROM users WHERE 1=1', ['delete-all-rows']],
    ['DELETE FROM users WHERE 1 = 1 -- everything', ['delete-all-rows']],
    ['DELETE FROM users WHERE true', ['delete-all-rows']],
    ['DELETE FROM users WHERE 1', ['delete-all-rows'], 'mysql'],
    ["DELETE FROM users WHERE 'a' = 'a'", ['delete-all-rows']],
    ['DELETE FROM users WHERE 2 > 1', ['delete-all-rows']],
    ['DELETE FROM users WHERE 1 <> 2', ['delete-all-rows']],
    ['DELETE FROM users WHERE NOT false', ['delete-all-rows']],
    ['DELETE FROM users WHERE NOT (1 = 0)', ['delete-all-rows']],
    ['DELETE FROM users WHERE (1 = 1)', ['delete-all-rows']],
    ['DELETE FROM users WHERE id = id', ['delete-all-rows']],
    ['DELETE FROM users WHERE users.id > 0', ['delete-all-rows']],
    ['DELETE FROM users WHERE id >= 1', ['delete-all-rows']],
    ['DELETE FROM users WHERE 0 < id', ['delete-all-rows']],
    ['DELETE FROM users WHERE id > -1', ['delete-all-rows']],
    ['DELETE FROM users WHERE id IS NOT NULL', ['delete-all-rows']],
    ['DELETE FROM users WHERE x IS NULL OR x IS NOT NULL', ['delete-all-rows']],
    ["DELETE FROM users WHERE email LIKE '%'", ['delete-all-rows']],
    ['DELETE FROM users WHERE 1=1 OR id = 5', ['delete-all-rows']],
    ['DELETE FROM users WHERE 1=1 || id = 5', ['delete-all-rows'], 'mysql'],
    ['DELETE FROM users USING accounts', ['delete-all-rows']],
    ['DELETE u FROM users u LEFT JOIN orders o ON o.user_id = u.id', ['delete-all-rows'], 'mysql'],
    ['WITH moved AS (DELETE FROM orders RETURNING *) INSERT INTO archive SELECT * FROM moved', ['delete-all-rows']],
    ['EXPLAIN ANALYZE DELETE FROM t', ['delete-all-rows']],
    ['EXPLAIN (ANALYZE, BUFFERS) UPDATE t SET x = 1', ['update-all-rows']],
    ['ALTER TABLE events DELETE WHERE 1', ['delete-all-rows'], 'clickhouse'],
    ['ALTER TABLE events ON CLUSTER c UPDATE x = 0 WHERE 1 = 1', ['update-all-rows'], 'clickhouse'],
    ['UPDATE accounts SET balance = 0', ['update-all-rows']],
    ['UPDATE users SET deleted_at = now() WHERE 1=1', ['update-all-rows']],
    ['UPDATE ONLY users SET x = 1 FROM plans', ['update-all-rows']],
    ['UPDATE OR REPLACE users SET x = 1', ['update-all-rows'], 'sqlite'],
    ['UPDATE TOP (10) users SET x = 1', ['update-all-rows'], 'tsql'],
    // A creation time before now is every row; a join that only looks up each row's parent keeps every row.
    ['DELETE FROM payments WHERE created_at < now()', ['delete-all-rows']],
    ['DELETE FROM events WHERE created_at <= CURRENT_TIMESTAMP', ['delete-all-rows'], 'mysql'],
    ["DELETE FROM t WHERE t.inserted_at < now() + interval '1 day'", ['delete-all-rows']],
    ['DELETE o FROM orders o JOIN customers c ON c.id = o.customer_id', ['delete-all-rows'], 'mysql'],
    ['DELETE FROM orders USING customers WHERE orders.customer_id = customers.id', ['delete-all-rows']],
    ["UPDATE users SET plan = 'free' FROM plans WHERE plans.id = users.plan_id", ['update-all-rows']],
    // A date outside every row.
    ["DELETE FROM orders WHERE created_at < '2999-01-01'", ['delete-all-rows']],
    ["UPDATE users SET x = 1 WHERE '1970-01-01' <= users.created_at", ['update-all-rows']],
    ['UPDATE orders o JOIN customers c ON c.id = o.customer_id SET o.total = 0', ['update-all-rows'], 'mysql'],
    ['UPDATE orders o, customers c SET o.total = 0 WHERE o.customer_id = c.id', ['update-all-rows'], 'mysql'],
  ]);
  table([
    ["DELETE FROM sessions WHERE expires_at < now() - interval '30 days'", []],
    ['DELETE FROM sessions WHERE expires_at < now()', []],
    ['DELETE FROM users WHERE id = 42', []],
    ['DELETE FROM users WHERE id IN (1, 2, 3)', []],
    ['DELETE FROM users WHERE 1=1 AND id = 5', []],
    ['DELETE FROM users WHERE deleted_at IS NOT NULL', []],
    ['DELETE FROM users WHERE id > 1000', []],
    ['DELETE FROM users WHERE id = $1', []],
    ['DELETE FROM users WHERE id = ?', [], 'mysql'],
    ["DELETE FROM events WHERE created_at BETWEEN '2020-01-01' AND '2020-02-01' OR 1 = 0", []],
    ['DELETE FROM t WHERE CURRENT OF c', []],
    ['DELETE FROM t WHERE now() = now()', []],
    ["DELETE FROM t WHERE name LIKE 'tmp_%'", []],
    ['DELETE FROM users u USING accounts a WHERE u.account_id = a.id AND a.closed', []],
    ['DELETE u FROM users u JOIN banned b ON b.user_id = u.id', [], 'mysql'],
    ['DELETE FROM users WHERE id = 5 IF EXISTS', [], 'cql'],
    ["ALTER TABLE events DELETE WHERE event_date < '2023-01-01'", [], 'clickhouse'],
    ['UPDATE users SET email_verified = true WHERE id = 42', []],
    ["UPDATE users SET plan = 'free' FROM plans WHERE plans.id = users.plan_id AND plans.name = 'legacy'", []],
    ["DELETE FROM logs WHERE created_at < '2024-01-01'", []],
    ['DELETE FROM events WHERE created_at < now() - interval 90 day', [], 'mysql'],
    ['UPDATE t1 JOIN t2 ON t1.id = t2.id SET t1.x = t2.x', [], 'mysql'],
    ['UPDATE STATISTICS users', [], 'tsql'],
    ['INSERT INTO counters VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET n = counters.n + 1', []],
    ['INSERT INTO t VALUES (1) ON DUPLICATE KEY UPDATE n = n + 1', [], 'mysql'],
    ["MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET x = s.x WHEN NOT MATCHED THEN INSERT VALUES (s.id)", [], 'generic'],
    ['SELECT * FROM users WHERE id = 1 FOR UPDATE', []],
    ['EXPLAIN DELETE FROM t', []],
    ['EXPLAIN (ANALYZE false) UPDATE t SET x = 1', []],
    ['GRANT DELETE, UPDATE, TRUNCATE ON users TO app', []],
    ['CREATE TABLE t (id int REFERENCES u (id) ON DELETE CASCADE ON UPDATE CASCADE)', []],
  ]);

  test('hints say why every row is hit', () => {
    expect(effects('DELETE FROM users')[0].hints).toEqual(['no WHERE clause']);
    expect(effects('DELETE FROM users WHERE 1=1')[0].hints).toEqual(['WHERE 1 = 1 matches every row']);
    expect(effects('UPDATE accounts SET balance = 0')[0].hints).toEqual(['no WHERE clause', 'sets balance in every row']);
    expect(targetsOf('DELETE FROM public.users')).toEqual(['public.users']);
  });
});

describe('ALTER TABLE and replacing tables', () => {
  table([
    ['ALTER TABLE users DROP COLUMN email', ['drop-column']],
    ['ALTER TABLE ONLY public.users DROP COLUMN IF EXISTS a, DROP CONSTRAINT c, ALTER COLUMN b DROP DEFAULT', ['drop-column']],
    ['ALTER TABLE users DROP phone', ['drop-column'], 'mysql'],
    ['ALTER TABLE users DROP (a, b)', ['drop-column'], 'cql'],
    ['ALTER TABLE t CLEAR COLUMN c IN PARTITION 2024', ['drop-column'], 'clickhouse'],
    ['ALTER TABLE events DROP PARTITION 202401', ['drop-partition'], 'clickhouse'],
    ['ALTER TABLE logs TRUNCATE PARTITION p1, p2', ['drop-partition'], 'mysql'],
    ['ALTER TABLE t DISCARD TABLESPACE', ['drop-object'], 'mysql'],
    ['ALTER TABLE users ADD COLUMN x int, DROP CONSTRAINT fk, DROP INDEX i, DROP PRIMARY KEY', []],
    ['ALTER TABLE users ALTER COLUMN email DROP NOT NULL', []],
    ['ALTER TABLE users RENAME COLUMN a TO b', []],
    ['ALTER TABLE events ADD PARTITION (PARTITION p VALUES LESS THAN (10))', [], 'mysql'],
    ['CREATE OR REPLACE TABLE analytics.events AS SELECT 1', ['overwrite-table'], 'generic'],
    ['CREATE OR REPLACE DATABASE reporting', ['overwrite-table'], 'generic'],
    ['REPLACE TABLE y AS SELECT 1', ['overwrite-table'], 'generic'],
    ['INSERT OVERWRITE TABLE sales SELECT * FROM staging', ['overwrite-table'], 'generic'],
    ['CREATE OR REPLACE TEMP TABLE x AS SELECT 1', [], 'generic'],
    ['CREATE OR REPLACE VIEW v AS SELECT 1', [], 'generic'],
    ['CREATE TABLE IF NOT EXISTS t (id int)', []],
    ['REPLACE INTO t VALUES (1)', [], 'mysql'],
  ]);
  test('the column target names its table', () => {
    expect(targetsOf('ALTER TABLE users DROP COLUMN email')).toEqual(['users.email']);
  });
});

describe('transactions', () => {
  table([
    ['BEGIN; DROP TABLE users; ROLLBACK;', []],
    ['BEGIN; DROP TABLE users; COMMIT;', ['drop-table']],
    ['BEGIN; DROP TABLE users;', ['drop-table']], // never closed: not relied upon
    ['BEGIN; DROP TABLE users; END;', ['drop-table']],
    ['START TRANSACTION; DELETE FROM t; ROLLBACK;', []],
    ['BEGIN; DELETE FROM t; ROLLBACK TO SAVEPOINT s; COMMIT;', ['delete-all-rows']],
    ['BEGIN; SAVEPOINT s; DELETE FROM t; ROLLBACK;', []],
    ['BEGIN; DELETE FROM t; ABORT;', []],
    ['BEGIN; DELETE FROM t; COMMIT; BEGIN; DROP TABLE u; ROLLBACK;', ['delete-all-rows']],
    ['BEGIN TRAN; DROP TABLE x; ROLLBACK TRAN;', [], 'tsql'],
    ['BEGIN TRANSACTION; DROP TABLE x; ROLLBACK;', [], 'sqlite'],
    // MySQL commits the open transaction before DDL: the ROLLBACK saves neither statement.
    ['BEGIN; DROP TABLE u; ROLLBACK;', ['drop-table'], 'mysql'],
    ['START TRANSACTION; DELETE FROM t; DROP TABLE u; ROLLBACK;', ['delete-all-rows', 'drop-table'], 'mysql'],
    ['START TRANSACTION; DELETE FROM t; ROLLBACK;', [], 'mysql'],
    // ClickHouse and Cassandra have no transactions to roll back.
    ['BEGIN TRANSACTION; TRUNCATE t; ROLLBACK;', ['truncate'], 'clickhouse'],
  ]);
});

describe('dynamic SQL', () => {
  table([
    ["DO $$ DECLARE r record; BEGIN FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP EXECUTE 'DROP TABLE IF EXISTS ' || quote_ident(r.tablename) || ' CASCADE'; END LOOP; END $$;", ['drop-table']],
    ["DO $$ BEGIN IF EXISTS (SELECT 1) THEN EXECUTE format('TRUNCATE %I', 't'); END IF; END $$", ['truncate']],
    ["DO LANGUAGE plpgsql 'BEGIN DELETE FROM t; END'", ['delete-all-rows']],
    ["DO $$ BEGIN RAISE NOTICE 'DROP TABLE x'; END $$", []],
    ["SELECT 'DROP TABLE ' || tablename || ';' FROM pg_tables WHERE schemaname = 'public' \\gexec", ['drop-table']],
    ["SELECT format('TRUNCATE %I.%I CASCADE', schemaname, tablename) FROM pg_tables \\gexec", ['truncate']],
    ["SELECT format('ANALYZE %I', tablename) FROM pg_tables \\gexec", []],
    ['PREPARE wipe AS DELETE FROM t; EXECUTE wipe;', ['delete-all-rows']],
    ['PREPARE wipe AS DELETE FROM t;', []],
    ["PREPARE s FROM 'DROP TABLE x'; EXECUTE s;", ['drop-table'], 'mysql'],
    ["EXECUTE IMMEDIATE 'DELETE FROM ' || tbl", ['delete-all-rows'], 'generic'],
    ["EXECUTE IMMEDIATE 'DELETE FROM ' || tbl || ' WHERE id = ' || v", [], 'generic'],
    ["EXEC('DROP TABLE ' + @t)", ['drop-table'], 'tsql'],
    ["EXEC sp_executesql N'DELETE FROM users WHERE id = @id', N'@id int', @id = 5", [], 'tsql'],
    ["EXEC sp_executesql N'TRUNCATE TABLE users'", ['truncate'], 'tsql'],
    ["EXEC sp_MSforeachtable 'DELETE FROM ?'", ['delete-all-rows'], 'tsql'],
    ["IF OBJECT_ID('dbo.t', 'U') IS NOT NULL DROP TABLE dbo.t", ['drop-table'], 'tsql'],
    ['IF EXISTS (SELECT 1 FROM sys.tables) BEGIN DELETE FROM t END', ['delete-all-rows'], 'tsql'],
    ['WHILE (SELECT COUNT(*) FROM t) > 0 DELETE TOP (1000) FROM t', ['delete-all-rows'], 'tsql'],
    ['BEGIN NOT ATOMIC DELETE FROM t; END', ['delete-all-rows'], 'mysql'],
    ['BEGIN DROP TABLE x', ['drop-table']],
  ]);

  test('run-time names are shown as such', () => {
    expect(targetsOf("SELECT format('DROP TABLE %I', tablename) FROM pg_tables \\gexec")).toEqual(['(names computed at run time)']);
    expect(targetsOf("EXEC sp_MSforeachtable 'TRUNCATE TABLE ?'", 'tsql')).toEqual(['every table']);
  });
});

describe('analyseSql (for other analysers)', () => {
  test('picks the dialect from the program and returns findings', () => {
    const cmd = execCommand(['heroku', 'pg:psql', '-a', 'acme-prod', '-c', 'DROP TABLE users;'], {});
    const findings = analyseSql('DROP TABLE users;', cmd);
    expect(findings.map((f) => [f.rule, f.target])).toEqual([['database.sql.drop-table', 'users']]);
    expect(findings[0].reason).toMatch(/table/);
  });

  test('adds production hints from the command, never secrets', () => {
    const cmd = execCommand(['heroku', 'pg:psql', '--app=acme-prod', '-c', 'TRUNCATE t'], {});
    expect(analyseSql('TRUNCATE t', cmd)[0].hints).toContain('production-looking name acme-prod');
    const url = execCommand(['tool', 'postgres://admin:prodsecret@db.prod.internal/app', '--password=prodpass', '-p', 'prodpw'], {});
    const text = JSON.stringify(analyseSql('DROP TABLE t', url));
    expect(text).toContain('production-looking host db.prod.internal');
    expect(text).not.toMatch(/prodsecret|prodpass|prodpw|admin:/);
  });

  test('empty and harmless text yields nothing', () => {
    const cmd = execCommand(['psql'], {});
    expect(analyseSql('', cmd)).toEqual([]);
    expect(analyseSql('SELECT 1', cmd)).toEqual([]);
    expect(analyseSql(';;;', cmd)).toEqual([]);
  });
});

describe('stray words are not statements', () => {
  table([
    ["EXEC audit_log @action = 'DELETE', @what = 'TRUNCATE'", [], 'tsql'],
    ["EXECUTE format('%s', 'DROP')", []],
    ['DELETE', []],
    ['DROP TABLE', []],
    ['TRUNCATE', []],
  ]);
});

describe('routine bodies are recognised by their header only', () => {
  table([
    ['CREATE TABLE log (event varchar(10), trigger_name text); DROP TABLE x;', ['drop-table'], 'tsql'],
    ['CREATE TABLE events (id int)\nGO\nDROP TABLE x\nGO', ['drop-table'], 'tsql'],
    ['CREATE OR ALTER PROCEDURE p AS SELECT 1; DROP TABLE x;\nGO\nSELECT 1', [], 'tsql'],
    ['CREATE DEFINER=CURRENT_USER PROCEDURE p() BEGIN DELETE FROM t; END; DROP TABLE y;', ['drop-table'], 'mysql'],
  ]);
});

describe('analyseSql never shows credentials from the command', () => {
  test('curl -u, --user=, -p, user:password@host', () => {
    const cmd = execCommand(['curl', '-u', 'admin:prodpw1', '--user=root:prodpw2', '-p', 'prodpw3', 'https://live:prodpw4@api.example.com/sql', '-d', 'DROP TABLE t'], {});
    const text = JSON.stringify(analyseSql('DROP TABLE t', cmd));
    expect(text).not.toMatch(/prodpw/);
    expect(text).toContain('drop-table');
  });
});

describe('RESTORE over an existing database', () => {
  table([
    ["RESTORE DATABASE Shop FROM DISK = '/b/shop.bak' WITH REPLACE, RECOVERY", ['restore-over'], 'tsql'],
    ["RESTORE DATABASE Shop FROM DISK = '/b/shop.bak'", ['restore-over'], 'tsql'],
    ["RESTORE LOG Shop FROM DISK = '/b/shop.trn' WITH NORECOVERY", ['restore-over'], 'tsql'],
    ["RESTORE VERIFYONLY FROM DISK = '/b/shop.bak'", [], 'tsql'],
    ["RESTORE FILELISTONLY FROM DISK = '/b/shop.bak'", [], 'tsql'],
    ["BACKUP DATABASE Shop TO DISK = '/b/shop.bak'", [], 'tsql'],
    ["RESTORE TABLE db.events FROM Disk('backups', 'b1.zip')", [], 'clickhouse'],
    ["RESTORE TABLE db.events FROM Disk('backups', 'b1.zip') SETTINGS allow_non_empty_tables = true", ['restore-over'], 'clickhouse'],
  ]);
});
