// SQL built by one query and piped into a client: the statements are spelled out in the
// producing query's string literals.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/pipeline.js';

const decide = (command: string) => evaluate({ command, cwd: '/work/project' }, { home: '/home/agent' });

describe('generated SQL piped into a client', () => {
  it.each([
    `psql -Atc "SELECT 'DROP TABLE IF EXISTS ' || tablename || ' CASCADE;' FROM pg_tables WHERE schemaname = 'public'" "$DATABASE_URL" | psql "$DATABASE_URL"`,
    `psql -At --command="SELECT 'TRUNCATE ' || tablename || ';' FROM pg_tables" | psql`,
    `mysql -N -e "SELECT CONCAT('DROP TABLE ', table_name, ';') FROM information_schema.tables WHERE table_schema='app'" | mysql app`,
    `mysql -Ne "SELECT CONCAT('DELETE FROM ', table_name, ';') FROM information_schema.tables" | mysql app`,
  ])('%s is held', (command) => {
    expect(decide(command).decision).not.toBe('allow');
  });

  it.each([
    `psql -Atc "SELECT 'ANALYZE ' || tablename || ';' FROM pg_tables" | psql`,
    `psql -Atc "SELECT 'GRANT SELECT ON ' || tablename || ' TO readonly;' FROM pg_tables" | psql`,
    `psql -Atc "SELECT 'DROP TABLE x'" | cat`,
    `psql -c 'SELECT count(*) FROM users' | grep 42`,
  ])('%s is allowed', (command) => {
    expect(decide(command).decision).toBe('allow');
  });
});
