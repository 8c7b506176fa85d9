// Names that are members of Object.prototype (`constructor`, `toString`, `__proto__`, …) used as
// programs, flags, URL segments, SQL words, GraphQL variables, glob classes and ids: every table
// lookup must treat them as the unknown names they are — no crash, no "internal error" hold of a
// harmless command, and destructive commands around them still held.
import { describe, expect, test } from 'vitest';
import { builtinRules, evaluate } from '../../src/pipeline.js';
import { globSource } from '../../src/rules/glob.js';

const KEYS = Object.getOwnPropertyNames(Object.prototype);
const rules = builtinRules();
const decide = (command: string) => evaluate({ command, cwd: '/work/project' }, { rules });
const internal = (command: string) => decide(command).findings.filter((f) => f.rule === 'internal.error');

describe.each(KEYS)('%s', (key) => {
  test('as a program, wrapped program, flag or argument: decided without an internal error', () => {
    for (const command of [key, `${key} --force x`, `sudo ${key}`, `npx ${key}`, `env ${key}=1 ls`, `rm --${key} x`, `git ${key}`, `kubectl ${key} pods`, `psql -c "select ${key} from t"`, `mysql --${key}`]) {
      expect(internal(command), command).toEqual([]);
    }
    expect(decide(`${key}; ls`).decision).toBe('allow');
  });

  test('next to destructive commands, which stay held', () => {
    expect(decide(`${key} && rm -rf /srv/data`).decision).not.toBe('allow');
    expect(decide(`curl -X DELETE https://api.example.com/${key}/1`).decision).not.toBe('allow');
    expect(decide(`psql -c "DROP TABLE ${key}"`).decision).not.toBe('allow');
    const graphql = `curl https://api.example.com/graphql -d '{"query":"mutation($${key}: ID!) { deleteVolume(id: $${key}) { id } }"}'`;
    expect(internal(graphql)).toEqual([]);
    expect(decide(graphql).decision).not.toBe('allow');
  });

  test('as a glob character class: read like any unknown class name', () => {
    expect(globSource(`[[:${key}:]]`)).toBe(globSource(`[[:${key}:]]`.replace(key, 'x'.repeat(key.length)))?.replace('x'.repeat(key.length), key));
  });
});
