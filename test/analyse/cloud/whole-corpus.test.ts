// These packs must stay quiet on the corpus cases that belong to other domains' allow lists,
// and must never fire on a case labeled allow anywhere in the corpus.
import { describe, expect, test } from 'vitest';
import { corpusCases, decide } from './harness.js';

describe('no false positives anywhere in the corpus', () => {
  for (const c of corpusCases((c) => c.expect === 'allow')) {
    test(c.command, () => expect(decide(c.command)).toBe('allow'));
  }
});
