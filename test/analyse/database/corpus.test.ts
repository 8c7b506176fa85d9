// The labeled corpus: every `database` case, and the evasion/other cases whose executed command
// is a database client, behave as labeled at the analyser level. Wrapped cases are given as the
// inner command the expansion stage hands over (sudo/kubectl exec/sh -c stripped, heredocs as stdin).
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { ExecCommand } from '../../../src/types.js';
import { analyseSql } from '../../../src/analyse/database/sql.js';
import { analyse, cmd, simulate } from './helpers.js';

interface Labeled {
  id: string;
  command: string;
  expect: 'confirm' | 'allow';
  category: string;
}

const CORPUS = new URL('../../../../shared/corpus/commands.jsonl', import.meta.url);
const corpus: Labeled[] = (existsSync(CORPUS) ? readFileSync(CORPUS, 'utf8') : '')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line));

/** Executed (inner) commands of wrapped cases, as the expansion stage produces them. */
const INNER: Record<string, () => ExecCommand> = {
  'd-evasion-f6182c0783': () => cmd('dropdb app_production', { via: ['sudo'] }),
  'd-evasion-e830bcd888': () => cmd('redis-cli FLUSHALL', { via: ['kubectl exec'], remote: 'deploy/redis' }),
  'd-evasion-7a4fa94239': () => cmd("psql -U postgres -c 'DROP DATABASE app;'", { via: ['kubectl exec'], remote: 'postgres-0' }),
  'd-evasion-361225acb4': () => cmd('redis-cli FLUSHALL', { via: ['watch', 'sh -c'] }),
  'd-evasion-72c3fdee08': () => cmd('mongosh "$MONGO_URL"', { stdin: { kind: 'pipe', text: 'db.getSiblingDB("shop").dropDatabase()\n', from: 'cat' } }),
  'd-evasion-1f13414086': () => cmd('psql "$DATABASE_URL"', { stdin: { kind: 'heredoc', text: 'BEGIN;\nDROP TABLE users CASCADE;\nCOMMIT;\n' } }),
  'd-evasion-6dae56b1e2': () => cmd('dropdb app_production', { via: ['su -c'] }),
  'd-evasion-4f9f549e96': () => cmd("psql \"$DATABASE_URL\" -c 'DROP TABLE users'", { via: ['sh -c'] }),
  'd-other-cli-f87f10674b': () => cmd('etcdctl del "" --prefix'),
};

/** Cases carried by another domain's tool, which hands the SQL to ctx.analyseSql. */
const DELEGATED: Record<string, string> = {
  'd-database-c7d45ef8c1': 'DROP TABLE users;', // heroku pg:psql -a acme-prod -c "DROP TABLE users;"
};

const databaseCases = corpus.filter((c) => c.category === 'database');

describe.skipIf(corpus.length === 0)('corpus: database category', () => {
  test('the corpus is there', () => expect(databaseCases.length).toBeGreaterThanOrEqual(25));

  for (const c of databaseCases) {
    test(`${c.expect}: ${c.command}`, () => {
      const findings = DELEGATED[c.id] !== undefined ? analyseSql(DELEGATED[c.id], cmd(c.command)) : analyse(simulate(c.command));
      expect(findings.length > 0 ? 'confirm' : 'allow').toBe(c.expect);
    });
  }
});

describe.skipIf(corpus.length === 0)('corpus: wrapped database commands (inner command)', () => {
  for (const [id, build] of Object.entries(INNER)) {
    const c = corpus.find((x) => x.id === id);
    test(`${c?.expect}: ${c?.command ?? id}`, () => {
      expect(c, `corpus case ${id}`).toBeDefined();
      expect(analyse(build()).length > 0 ? 'confirm' : 'allow').toBe(c!.expect);
    });
  }

  test('safe look-alikes stay allowed', () => {
    const safe = corpus.filter((c) => c.expect === 'allow' && /\b(psql|mysql|mongosh|redis-cli|sqlite3|pg_restore)\b/.test(c.command));
    expect(safe.length).toBeGreaterThan(5);
    for (const c of safe) {
      if (c.command.includes('\n') || /[;|&]|\bdo\b/.test(c.command.replace(/"[^"]*"|'[^']*'/g, ''))) continue;
      expect(analyse(simulate(c.command)), c.command).toEqual([]);
    }
  });
});
