// The hook compiles rule globs itself (src/rules/glob.ts); minimatch is the oracle.
import fc from 'fast-check';
import { minimatch } from 'minimatch';
import { describe, expect, it } from 'vitest';
import { builtinPacks } from '../../src/rules/builtin.js';
import { globSource } from '../../src/rules/glob.js';
import { compilePattern, isGlob } from '../../src/rules/pattern.js';

const oracle = (subject: string, pattern: string) => minimatch(subject, pattern, { dot: true });
const ours = (subject: string, pattern: string) => compilePattern(pattern)(subject);

function packPatterns(): string[] {
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    if (typeof node === 'string') {
      if (isGlob(node)) found.add(node);
    } else if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') Object.values(node).forEach(visit);
  };
  for (const pack of builtinPacks) for (const rule of pack.rules) visit([rule.match, rule.unless]);
  return [...found];
}

/** Subjects a pattern should and should not match: its own expansions with wildcards filled in. */
function subjectsFor(pattern: string): string[] {
  const fills = ['', 'x', 'ab', 'a/b', '.h', 'x-y_z.1'];
  const out = new Set<string>(['', 'x', pattern, pattern.replace(/[*?[\]{}]/g, '')]);
  for (const fill of fills) {
    out.add(pattern.replace(/\*\*/g, fill).replace(/\*/g, fill.replace('/', '')).replace(/\?/g, 'q').replace(/\{([^{}]*)\}/g, (_, b: string) => b.split(',')[0]).replace(/\[!?\^?([^\]]+)\]/g, (_, c: string) => c[0]));
  }
  return [...out];
}

describe('glob compiler agrees with minimatch', () => {
  const patterns = packPatterns();

  it('compiles every pattern in the built-in packs', () => {
    expect(patterns.length).toBeGreaterThan(50);
    for (const pattern of patterns) expect(globSource(pattern), pattern).not.toBeNull();
  });

  it('matches like minimatch on every built-in pattern', () => {
    for (const pattern of patterns) {
      for (const subject of subjectsFor(pattern)) expect(ours(subject, pattern), `${pattern} ~ ${JSON.stringify(subject)}`).toBe(oracle(subject, pattern));
    }
  });

  it.each([
    ['/**/caches/**', '/a/caches/505'],
    ['/a/**/b/**', '/a/q/b/c'],
    ['**/x/**', 'a/x/b'],
    ['delete-*', 'delete-db-instance'],
    ['fly{,ctl}', 'flyctl'],
    ['{db,database}:{drop,reset}', 'database:reset'],
    ['*.{sql,dump}', 'x.dump'],
    ['v{1..3}', 'v2'],
    ['[!a]*', 'bx'],
    ['@(rm|remove)', 'remove'],
    ['+(ab)', 'ababab'],
    ['!*.log', 'x.txt'],
  ])('%s ~ %s', (pattern, subject) => {
    expect(ours(subject, pattern)).toBe(oracle(subject, pattern));
    expect(ours(subject, pattern)).toBe(true);
  });

  it('falls back to minimatch for negated extglobs', () => {
    expect(globSource('!(x)*')).toBeNull();
    expect(ours('abc', '!(x)*')).toBe(oracle('abc', '!(x)*'));
  });

  it('agrees on generated patterns and subjects', () => {
    const token = fc.constantFrom('a', 'b', '.', '-', '*', '?', '/', '**', '{a,b}', '{,x}', '[ab]', '[!a]', 'x');
    const pattern = fc.array(token, { minLength: 1, maxLength: 6 }).map((t) => t.join(''));
    const subject = fc.array(fc.constantFrom('a', 'b', 'x', '.', '/', '-'), { maxLength: 8 }).map((t) => t.join(''));
    fc.assert(
      fc.property(pattern, subject, (p, s) => {
        // Degenerate patterns minimatch itself treats specially (empty segments, `.`/`..`) are out of scope.
        fc.pre(!/\/\/|(^|\/)\.\.?(\/|$)|^\/|\/$/.test(p) && !/\/\/|(^|\/)\.\.?(\/|$)/.test(s));
        return ours(s, p) === oracle(s, p);
      }),
      { numRuns: 3000, seed: 7 },
    );
  });
});
