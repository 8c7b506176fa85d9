// Property tests: whatever the input, parse returns or throws ParseError (never anything else,
// never an internal error), and finishes quickly.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listHeredocs, listSimpleCommands, parse, ParseError } from '../../src/parse/index.js';

const FRAGMENTS = [
  'echo', 'rm -rf /', 'a', ' ', '\n', '\t', ';', ';;', ';&', '&', '&&', '|', '||', '|&', '!', '(', ')', '((', '))',
  '{', '}', '{ ', ' }', '[[', ']]', '[', ']', 'if', 'then', 'elif', 'else', 'fi', 'for', 'in', 'do', 'done', 'while',
  'until', 'case', 'esac', 'select', 'function', 'coproc', 'time', 'time -p', 'f()', '"', "'", '`', '\\', '\\\n',
  '$', '$(', '$((', '${', '${x:-', '}', '$x', '$@', "$'", '$"', '<(', '>(', '<', '>', '>>', '2>&1', '>&-', '&>',
  '<<EOF', '<<-EOF', "<<'EOF'", 'EOF', '<<<', '#', '# c\n', '*', '?', '~', '=', 'A=1', 'a=(', 'x[1]=', '{a,b}',
  '{1..3}', '=~', '==', '-f', '@(', '\u00e9', '\u{1F600}',
];

function check(src: string): void {
  const t0 = performance.now();
  try {
    const script = parse(src);
    listSimpleCommands(script);
    listSimpleCommands(script, { includeBare: true });
    listHeredocs(script);
  } catch (e) {
    expect(e).toBeInstanceOf(ParseError);
    expect((e as ParseError).message).not.toMatch(/internal parser error/);
    expect(['syntax', 'limit']).toContain((e as ParseError).kind);
  }
  // Generous: a GC pause on a loaded machine must not fail the run; blow-ups take far longer.
  expect(performance.now() - t0).toBeLessThan(500);
}

describe('parse on arbitrary input', () => {
  it('never throws anything but ParseError on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => check(s)), { numRuns: 3000 });
  });

  it('never throws anything but ParseError on arbitrary unicode', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 100 }), (s) => check(s)), { numRuns: 1000 });
  });

  it('never throws anything but ParseError on strings built from shell fragments', () => {
    const fragments = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((a) => a.join(''));
    fc.assert(fc.property(fragments, (s) => check(s)), { numRuns: 5000 });
  });

  it('handles long fragment soups quickly', () => {
    const fragments = fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 500, maxLength: 2000 }).map((a) => a.join(' '));
    fc.assert(fc.property(fragments, (s) => check(s)), { numRuns: 100 });
  });

  it('keeps spans inside the input and words in source order', () => {
    const fragments = fc
      .array(fc.constantFrom('echo', 'a', ' ', ';', '&&', '|', '$(b)', '"$c"', "'d'", '<<EOF\nx\nEOF\n', '\n', 'f() { g; }'), {
        maxLength: 30,
      })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(fragments, (src) => {
        let script;
        try {
          script = parse(src);
        } catch {
          return;
        }
        const listed = listSimpleCommands(script, { includeBare: true });
        let last = -1;
        for (const { cmd } of listed) {
          expect(cmd.span.start).toBeGreaterThanOrEqual(last);
          last = cmd.span.start;
          expect(cmd.span.end).toBeLessThanOrEqual(src.length);
          for (const w of cmd.words) expect(src.slice(w.span.start, w.span.end)).toBe(w.raw);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
