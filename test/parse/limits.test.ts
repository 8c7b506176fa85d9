// ParseLimits: each bound ends in a ParseError of kind 'limit' naming it, fast and without
// exhausting the stack.

import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, parse, ParseError } from '../../src/parse/index.js';

function limitError(src: string, limits?: Parameters<typeof parse>[1]): ParseError {
  const t0 = performance.now();
  try {
    parse(src, limits);
  } catch (e) {
    const elapsed = performance.now() - t0;
    expect(e).toBeInstanceOf(ParseError);
    expect((e as ParseError).kind).toBe('limit');
    expect(elapsed).toBeLessThan(1000);
    return e as ParseError;
  }
  throw new Error('expected a limit error');
}

describe('parse limits', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_LIMITS).toEqual({ maxLength: 1048576, maxDepth: 100, maxWords: 50000, maxCommands: 5000, maxHeredoc: 262144 });
  });

  it('rejects a 5 MiB input immediately', () => {
    const t0 = performance.now();
    const e = limitError('a'.repeat(5 * 1024 * 1024));
    expect(e.message).toBe('input longer than 1048576 characters');
    expect(performance.now() - t0).toBeLessThan(50);
  });

  it('honours a custom maxLength', () => {
    expect(limitError('echo hello', { maxLength: 5 }).message).toBe('input longer than 5 characters');
    expect(() => parse('echo', { maxLength: 4 })).not.toThrow();
  });

  it('stops 3000 nested $( with a depth error, not a stack overflow', () => {
    const e = limitError('$('.repeat(3000) + 'x' + ')'.repeat(3000));
    expect(e.message).toBe('nesting deeper than 100 levels');
  });

  it.each([
    ['subshells', (n: number) => '( '.repeat(n) + 'x' + ' )'.repeat(n)],
    ['brace groups', (n: number) => '{ '.repeat(n) + 'x; ' + '}; '.repeat(n)],
    ['if', (n: number) => 'if x; then '.repeat(n) + 'y; ' + 'fi; '.repeat(n)],
    ['${x:-', (n: number) => 'echo ' + '${x:-'.repeat(n) + 'y' + '}'.repeat(n)],
    ['double-quoted substitutions', (n: number) => 'echo ' + '"$('.repeat(n) + 'y' + ')"'.repeat(n)],
    ['arithmetic', (n: number) => 'echo ' + '$(('.repeat(n) + '1' + '))'.repeat(n)],
    ['process substitution', (n: number) => 'cat ' + '<('.repeat(n) + 'y' + ')'.repeat(n)],
    ['[[ ( ]]', (n: number) => '[[ ' + '( '.repeat(n) + 'a ' + ') '.repeat(n) + ']]'],
    ['functions', (n: number) => 'f() { '.repeat(n) + 'x; ' + '}; '.repeat(n)],
  ])('stops deep %s', (_name, make) => {
    expect(limitError(make(3000)).message).toMatch(/^nesting deeper than 100 levels/);
  });

  it('stops deep backquotes', () => {
    // Each level escapes the backslashes and backquotes of the level inside it.
    let src = 'x';
    for (let i = 0; i < 8; i++) src = '`echo ' + src.replace(/[\\`]/g, (c) => '\\' + c) + '`';
    expect(() => parse('echo ' + src)).not.toThrow();
    expect(limitError('echo ' + src, { maxDepth: 5 }).message).toBe('nesting deeper than 5 levels');
  });

  it('allows nesting up to the limit', () => {
    expect(() => parse('$('.repeat(99) + 'x' + ')'.repeat(99))).not.toThrow();
    expect(() => parse('$('.repeat(5) + 'x' + ')'.repeat(5), { maxDepth: 4 })).toThrow('nesting deeper than 4 levels');
  });

  it('reports a raised maxDepth that exhausts the stack as a limit error', () => {
    const e = limitError('$('.repeat(200_000) + ')'.repeat(200_000), { maxDepth: 1_000_000 });
    expect(e.message).toMatch(/nesting/);
  });

  it('stops 10,000 commands at maxCommands', () => {
    const e = limitError('true;'.repeat(10_000));
    expect(e.message).toBe('more than 5000 commands');
    expect(() => parse('true;'.repeat(5000))).not.toThrow();
  });

  it('stops at maxWords', () => {
    expect(limitError('echo' + ' a'.repeat(60_000)).message).toBe('more than 50000 words');
    expect(limitError('a b c d', { maxWords: 3 }).message).toBe('more than 3 words');
  });

  it('counts commands inside substitutions too', () => {
    expect(limitError('echo $(a; b; c)', { maxCommands: 3 }).message).toBe('more than 3 commands');
  });

  it('parses 256 KiB of ordinary commands in well under a second', () => {
    const line = 'git commit -m "fix: thing" && echo done\n';
    const src = line.repeat(Math.floor(262144 / line.length));
    const t0 = performance.now();
    const script = parse(src, { maxCommands: 100_000, maxWords: 1_000_000 });
    expect(script.statements.length).toBeGreaterThan(6000);
    // ~100 ms on an idle machine; the bound leaves room for a loaded CI box.
    expect(performance.now() - t0).toBeLessThan(1500);
  });

  it.each([
    ['[[[[', (n: number) => 'echo ' + '['.repeat(n)],
    ['{{{{', (n: number) => 'echo ' + '{'.repeat(n) + 'a,b'],
    ['((((', (n: number) => 'echo $((' + '('.repeat(n)],
    ['$((( unbalanced', (n: number) => '((' + '('.repeat(n) + ')'],
    ['quotes', (n: number) => 'echo ' + '"\'"'.repeat(n)],
    ['heredocs', (n: number) => 'cat <<EOF\n' + 'line $x\n'.repeat(n) + 'EOF\n'],
    ['escapes', (n: number) => 'echo ' + '\\a'.repeat(n)],
  ])('stays linear on pathological %s', (_name, make) => {
    const t0 = performance.now();
    try {
      parse(make(100_000), { maxWords: 1_000_000 });
    } catch (e) {
      expect(e).toBeInstanceOf(ParseError);
    }
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});
