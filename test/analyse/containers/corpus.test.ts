// Every containers case of the shared corpus. `docker run … sh -c 'rm -rf /data/*'` is decided by
// the command inside the container (filesystem domain); the docker part itself adds nothing.
import { describe, expect, test } from 'vitest';
import { corpusCases, decide } from '../cloud/harness.js';

describe('corpus: containers', () => {
  for (const c of corpusCases((c) => c.category === 'containers')) {
    test(`${c.expect}: ${c.command}`, () => expect(decide(c.command)).toBe(c.expect));
  }
});

describe('corpus: evasion through containers', () => {
  test('docker run/exec wrappers are not container findings themselves', () => {
    const cases = corpusCases((c) => c.category === 'evasion' && /\bdocker (run|exec)\b/.test(c.command));
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) expect(decide(c.command)).toBe('allow');
  });
});
