// Resource bounds. Each check runs before the work it guards, so hostile input fails fast with a
// ParseError of kind 'limit' instead of exhausting the stack, memory or time.

import { ParseError, type ParseLimits } from './ast.js';

export const DEFAULT_LIMITS: ParseLimits = {
  maxLength: 1024 * 1024,
  maxDepth: 100,
  maxWords: 50_000,
  maxCommands: 5_000,
  maxHeredoc: 256 * 1024,
};

export function resolveLimits(limits?: Partial<ParseLimits>): ParseLimits {
  if (limits === undefined) return DEFAULT_LIMITS;
  return { ...DEFAULT_LIMITS, ...limits };
}

/** Counters shared by every nested parser working on one `parse` call. */
export class Budget {
  depth = 0;
  words = 0;
  commands = 0;

  constructor(readonly limits: ParseLimits) {}

  /** Call on every descent (substitution, compound command, quote …); pair with `leave`. */
  enter(offset: number): void {
    if (++this.depth > this.limits.maxDepth) {
      throw new ParseError(`nesting deeper than ${this.limits.maxDepth} levels`, offset, 'limit');
    }
  }

  leave(): void {
    this.depth--;
  }

  word(offset: number): void {
    if (++this.words > this.limits.maxWords) {
      throw new ParseError(`more than ${this.limits.maxWords} words`, offset, 'limit');
    }
  }

  heredoc(length: number, offset: number): void {
    if (length > this.limits.maxHeredoc) {
      throw new ParseError(`a heredoc body longer than ${this.limits.maxHeredoc} characters`, offset, 'limit');
    }
  }

  command(offset: number): void {
    if (++this.commands > this.limits.maxCommands) {
      throw new ParseError(`more than ${this.limits.maxCommands} commands`, offset, 'limit');
    }
  }
}

export function checkLength(src: string, limits: ParseLimits): void {
  if (src.length > limits.maxLength) {
    throw new ParseError(`input longer than ${limits.maxLength} characters`, limits.maxLength, 'limit');
  }
}
