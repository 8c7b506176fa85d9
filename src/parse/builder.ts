// Accumulates a word's parts and its quote-removed value while a scanner walks the source.

import type { Span, Word, WordPart } from './ast.js';
import type { Lexer } from './lexer.js';

export type TextQuote = 'none' | 'single' | 'double' | 'ansi' | 'escape';

export class WordBuilder {
  parts: WordPart[] = [];
  value = '';
  literal = true;
  /** Any quoting seen (quotes, backslash escapes, `$'…'`). */
  quoted = false;

  /** Append literal text; merges with a preceding text part quoted the same way. */
  text(s: string, q: TextQuote): void {
    const parts = this.parts;
    const last = parts.length > 0 ? parts[parts.length - 1] : undefined;
    if (last !== undefined && last.kind === 'text' && last.quoted === q) last.value += s;
    else if (s !== '' || q !== 'none') parts.push({ kind: 'text', value: s, quoted: q });
    this.value += s;
  }

  /** Append an expansion; the value keeps its exact source text. */
  expansion(part: WordPart, source: string): void {
    this.parts.push(part);
    this.value += source;
    this.literal = false;
  }

  /** Append everything another builder collected. */
  append(other: WordBuilder): void {
    for (const part of other.parts) {
      if (part.kind === 'text') this.text(part.value, part.quoted);
      else {
        this.parts.push(part);
        this.value += part.source;
      }
    }
    this.literal = this.literal && other.literal;
    this.quoted = this.quoted || other.quoted;
  }
}

/** Turn a builder into a Word covering `start..end` of the lexer's source; counts against maxWords. */
export function finishWord(lx: Lexer, b: WordBuilder, start: number, end: number, count = true): Word {
  if (count) lx.budget.word(start + lx.base);
  const span: Span = lx.span(start, end);
  return { span, raw: lx.src.slice(start, end), value: b.value, parts: b.parts, literal: b.literal };
}
