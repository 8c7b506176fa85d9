// The hook's redaction avoids compiling regular expressions it does not need; these tests keep
// the shortcuts equivalent to the patterns they stand for.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headerMatches, mayNeedWordPass, SECRET_NAMES, SECRET_SUFFIXES, TOKEN_PREFIXES, TOKEN_SHAPES, WORD_PASS_STEMS, wordEdits } from '../../src/audit/redact.js';

// The header pattern the scan replaced, kept as the oracle.
const HEADER = /(^|[\s'"{,(;=])((?:[A-Za-z][A-Za-z0-9]*[-_])*(?:authorization|cookie|token|api[-_]?key|apikey|key|secret|password|passwd|auth|credentials?|signature))([ \t]*:[ \t]*)/gi;

function oracle(text: string) {
  const out: { name: string; start: number }[] = [];
  HEADER.lastIndex = 0;
  for (let m = HEADER.exec(text); m; m = HEADER.exec(text)) out.push({ name: m[2], start: m.index + m[0].length });
  return out;
}

describe('redaction shortcuts', () => {
  it('every token shape starts with one of the listed prefixes', () => {
    // Top-level alternatives of the pattern; a leading group's own alternatives are starts too.
    const topLevel = (source: string): string[] => {
      const parts: string[] = [];
      let depth = 0;
      let from = 0;
      for (let i = 0; i < source.length; i++) {
        const c = source[i];
        if (c === '\\') i++;
        else if (c === '(' || c === '[') depth++;
        else if (c === ')' || c === ']') depth--;
        else if (c === '|' && depth === 0) {
          parts.push(source.slice(from, i));
          from = i + 1;
        }
      }
      return [...parts, source.slice(from)];
    };
    // The literal text an alternative starts with; a plain character class right after it
    // (`fm[12]`) widens it to one start per character.
    const literalStarts = (alternative: string): string[] => {
      const text = alternative.replace(/\\\./g, '.');
      const literal = text.replace(/[[({].*$/, '');
      const klass = /^\[([A-Za-z0-9]+)\]/.exec(text.slice(literal.length));
      return klass ? [...klass[1]].map((c) => literal + c) : [literal];
    };
    for (const alternative of topLevel(TOKEN_SHAPES.source)) {
      const close = alternative.indexOf(')');
      const starts = alternative.startsWith('(?:')
        ? topLevel(alternative.slice(3, close)).flatMap((a) => literalStarts(alternative.slice(close + 1)).map((s) => a + s))
        : literalStarts(alternative);
      for (const start of starts) {
        expect(start.length, alternative).toBeGreaterThan(1);
        expect(TOKEN_PREFIXES.some((p) => start.startsWith(p)), `${alternative} (${start})`).toBe(true);
      }
    }
  });

  // The scan finds every header the old pattern found; it may find more (the pattern's match
  // swallowed the blank a following header needs in front of it), which only redacts more.
  const covers = (text: string) => {
    const got = headerMatches(text).map(({ name, start }) => `${name}@${start}`);
    return oracle(text).every(({ name, start }) => got.includes(`${name}@${start}`));
  };

  it.each([
    `curl -H "Authorization: Bearer abc" https://x`,
    `-H 'X-Api-Key: 123' -H "cookie:a=b"`,
    `{"token": "x", "x-auth-token":1}`,
    `a.token: 1 ;password : 2`,
    `http://host:8080/path`,
  ])('header scan finds what the old pattern found in %s', (text) => {
    expect(covers(text)).toBe(true);
    expect(headerMatches(text).length).toBeGreaterThanOrEqual(oracle(text).length);
  });

  it('header scan finds what the old pattern found in generated text', () => {
    const piece = fc.constantFrom('Authorization', 'x-api-key', 'X_Auth_Token', 'cookie', 'key', 'secret', 'Password', 'name', 'a.b', '1token', ':', ' ', '\t', '"', "'", '{', ',', '=', ';', '(', '-', '_', 'Bearer', 'x', '\n', '::');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (parts) => covers(parts.join(''))),
      { numRuns: 5000, seed: 11 },
    );
  });
});

describe('the word pass shortcut', () => {
  it('every secret name holds one of the stems', () => {
    for (const name of [...SECRET_SUFFIXES, ...SECRET_NAMES]) expect(WORD_PASS_STEMS.some((s) => name.replace(/_/g, '').includes(s)), name).toBe(true);
  });

  it('skips the pass only when the pass finds nothing', () => {
    const vocabulary = ['mysql', 'mysqldump', '-pS3cret', '--password', 'hunter2', 'curl', '-u', 'a:b', '-uadmin:pw', 'set', 'db_token', '--api-key', '--apiKey', 'PGPASSWORD',
      'sshpass', '-p', 'redis-cli', '-a', 'vault', 'login', 'docker', 'http', '--auth', 'mongosh', 'sqlcmd', '-P', '-storepass', 'echo', 'ls', '|', ';', 'x', '--verbose'];
    // Quote-split and backslashed forms of the same words: the shell reads them the same way.
    const disguise = (word: string, how: number) =>
      how === 0 || word.length < 2 ? word : how === 1 ? `${word[0]}"${word.slice(1)}"` : how === 2 ? `'${word.slice(0, 2)}'${word.slice(2)}` : word.split('').map((c) => `\\${c}`).join('');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.oneof(fc.constantFrom(...vocabulary), fc.string({ maxLength: 6 })), fc.integer({ min: 0, max: 3 })), { maxLength: 8 }), (parts) => {
        const text = parts.map(([word, how]) => disguise(word, how)).join(' ');
        const edits: never[] = [];
        wordEdits(text, edits);
        return mayNeedWordPass(text) || edits.length === 0;
      }),
      { numRuns: 5000 },
    );
  });
});
