// Odd input never throws and huge input stays linear: arbitrary text through every dialect and
// client, empty and dynamic argv, pathological nesting and unterminated quotes.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { analyseSql, analyseSqlText } from '../../../src/analyse/database/sql.js';
import { DIALECTS } from '../../../src/analyse/database/sql/dialect.js';
import { analysers } from '../../../src/analyse/database/index.js';
import { analyseMongoJs } from '../../../src/analyse/database/clients/mongo-js.js';
import { execCommand, testContext } from '../../helpers/exec.js';

const PROGRAMS = [...new Set(analysers.flatMap((a) => a.commands))];
const ctx = testContext();
const SQL_BITS = ["'", '"', '`', '$$', '$a$', "E'", '--', '/*', '*/', '#', '\\', '\\c x', '\\gexec', ';', '(', ')', 'DROP', 'TABLE', 'DELETE', 'FROM', 'WHERE', '1=1', 'BEGIN', 'ROLLBACK', 'END', 'CREATE', 'FUNCTION', 'DO', 'EXECUTE', '\n', 'GO', 'DELIMITER', '.read', ' '];

describe('never throws', () => {
  test('arbitrary text in every dialect', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...SQL_BITS), fc.string()), { maxLength: 40 }), fc.constantFrom(...(Object.keys(DIALECTS) as Array<keyof typeof DIALECTS>)), (parts, dialect) => {
        analyseSqlText(parts.join(' '), { dialect: DIALECTS[dialect], readFile: () => parts.join('') });
        analyseSqlText(parts.join(''), { dialect: DIALECTS[dialect] });
      }),
      { numRuns: 500 },
    );
  });

  test('arbitrary argv and stdin for every client', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PROGRAMS), fc.array(fc.oneof(fc.constantFrom('-c', '-e', '-f', '-', '--', '-p', '--eval', '--query', 'del', 'drop', 'FLUSHALL', '--prefix', '-recurse', 'delete', 'kv', 'db', 'shell', 'query', 'sql', 'client', '--drop', '-d', '--clean'), fc.string()), { maxLength: 8 }), fc.string(), (program, args, stdin) => {
        const cmd = execCommand([program, ...args], { stdin: { kind: 'heredoc', text: stdin } });
        for (const a of analysers) if (a.commands.includes(program)) a.analyse(cmd, ctx);
      }),
      { numRuns: 1000 },
    );
  });

  test('empty argv, a dynamic program, unknown stdin', () => {
    for (const a of analysers) {
      expect(() => a.analyse(execCommand([]), ctx)).not.toThrow();
      expect(() => a.analyse({ ...execCommand(['$TOOL', '-c', 'DROP TABLE t']), name: '' }, ctx)).not.toThrow();
      for (const program of a.commands) {
        expect(() => a.analyse(execCommand([program], { stdin: { kind: 'unknown', from: '$(curl x)' } }), ctx)).not.toThrow();
        expect(() => a.analyse(execCommand([program, '$ARGS', '"$@"'], { stdin: { kind: 'file', path: '/nonexistent/x.sql' } }), ctx)).not.toThrow();
      }
    }
    expect(analyseSql('DROP TABLE t', execCommand([]))).toHaveLength(1);
  });

  test('arbitrary JavaScript for the mongo shell', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom('db', '.', 'drop', '(', ')', '[', ']', '{', '}', '"', "'", '`', '/', '//', '/*', 'deleteMany', 'getSiblingDB', ','), fc.string()), { maxLength: 40 }), (parts) => {
        analyseMongoJs(parts.join(''), {});
      }),
      { numRuns: 500 },
    );
  });
});

describe('huge input', () => {
  test('a long script of many statements finds the one drop in it', () => {
    const filler = "SELECT id FROM users WHERE id = 42 AND name = 'it''s; DROP TABLE x';\n";
    const text = filler.repeat(50_000) + 'DROP TABLE last_one;\n' + filler.repeat(1000);
    expect(analyseSqlText(text, { dialect: DIALECTS.postgres }).map((e) => e.target)).toEqual(['last_one']);
  });

  test('pathological shapes complete', () => {
    const shapes = [
      '('.repeat(100_000) + 'DELETE FROM t',
      "SELECT '" + 'x'.repeat(1_000_000),
      '$$' + 'y'.repeat(1_000_000),
      '/*'.repeat(100_000),
      'DELETE FROM t WHERE id IN (' + Array.from({ length: 100_000 }, (_, i) => i).join(',') + ')',
      'DELETE FROM t WHERE ' + Array.from({ length: 20_000 }, (_, i) => `id = ${i}`).join(' OR '),
      'DELETE FROM t WHERE ' + '('.repeat(900) + '1=1' + ')'.repeat(900),
      'BEGIN '.repeat(50_000),
      'IF '.repeat(50_000),
      '\\i x\n'.repeat(10_000),
      "EXECUTE 'DO $$ EXECUTE ''EXECUTE ''''DROP TABLE x'''' '' $$'",
    ];
    for (const text of shapes) expect(() => analyseSqlText(text, { dialect: DIALECTS.postgres, readFile: () => '\\i x' })).not.toThrow();
    expect(() => analyseMongoJs('db.x.drop('.repeat(50_000), {})).not.toThrow();
  });

  test('effects are capped and deduplicated', () => {
    const many = Array.from({ length: 500 }, (_, i) => `DROP TABLE t${i};`).join('\n');
    expect(analyseSqlText(many, { dialect: DIALECTS.postgres }).length).toBeLessThanOrEqual(64);
    expect(analyseSqlText('DROP TABLE a; DROP TABLE a;', { dialect: DIALECTS.postgres })).toHaveLength(1);
  });
});
