// The parse driver shared by the public `parse` and the bash-compatible variant the differential
// test uses. Only ParseError leaves it.

import { ParseError, type ParseLimits, type Script } from './ast.js';
import { NESTED, Parser } from './commands.js';
import { Lexer } from './lexer.js';
import { Budget, checkLength, resolveLimits } from './limits.js';

/**
 * Parse `src`. `lenient` accepts what `bash -n` accepts although bash would fail later (malformed
 * backquote or heredoc bodies, `[[ … ]]` errors bash reports silently); `parse` is strict.
 */
export function parseSource(src: string, limits: Partial<ParseLimits> | undefined, lenient: boolean): Script {
  const resolved = resolveLimits(limits);
  if (typeof src !== 'string') throw new ParseError('input is not a string', 0, 'syntax');
  checkLength(src, resolved);
  try {
    const lx = new Lexer(src, 0, new Budget(resolved), NESTED);
    lx.lenient = lenient;
    return new Parser(lx).script();
  } catch (e) {
    if (e instanceof ParseError) throw e;
    // Deep nesting under a raised maxDepth can still exhaust the JS stack: report it as a limit.
    if (e instanceof RangeError) {
      throw new ParseError(`nesting deeper than the parser stack allows (maxDepth ${resolved.maxDepth})`, 0, 'limit');
    }
    throw new ParseError(`internal parser error: ${e instanceof Error ? e.message : String(e)}`, 0, 'syntax');
  }
}
