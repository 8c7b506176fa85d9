// Compiles minimatch glob patterns (with `dot: true`) to regular expressions, on the hook path
// where loading minimatch itself costs ~8 ms. Semantics are minimatch's and are checked against
// it by test/rules/glob.test.ts. minimatch's own makeRe is not used: in v10 it drops a trailing
// `/**` after an earlier globstar (`/a/**/b/**` does not match `/a/x/b/c`), unlike its match().
// Returns null for syntax this compiler leaves to minimatch (negated extglobs `!(…)`).
import { own } from '../util/own.js';

const REGEX_SPECIAL = /[\\^$.*+?()[\]{}|/]/;

function escape(ch: string): string {
  return REGEX_SPECIAL.test(ch) ? '\\' + ch : ch;
}

/** Expands `{a,b}` and `{1..3}` (nested) like minimatch's brace expansion, bounded. */
export function expandBraces(pattern: string, limit = 256): string[] {
  let depth = 0;
  let open = -1;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '{') {
      if (depth++ === 0) open = i;
    } else if (ch === '}' && depth > 0 && --depth === 0) {
      const body = pattern.slice(open + 1, i);
      const before = pattern.slice(0, open);
      const after = pattern.slice(i + 1);
      const range = /^(-?\d+)\.\.(-?\d+)$/.exec(body);
      let items: string[] | null = null;
      if (range) {
        const [from, to] = [Number(range[1]), Number(range[2])];
        if (Math.abs(to - from) < limit) {
          items = [];
          for (let n = from; from <= to ? n <= to : n >= to; n += from <= to ? 1 : -1) items.push(String(n));
        }
      } else {
        const parts: string[] = [];
        let d = 0;
        let start = 0;
        for (let j = 0; j < body.length; j++) {
          const c = body[j];
          if (c === '\\') j++;
          else if (c === '{') d++;
          else if (c === '}') d--;
          else if (c === ',' && d === 0) {
            parts.push(body.slice(start, j));
            start = j + 1;
          }
        }
        parts.push(body.slice(start));
        if (parts.length > 1) items = parts;
      }
      if (!items) {
        // `{a}` or `{}` is literal; keep scanning after it.
        const rest = expandBraces(after, limit);
        return rest.map((r) => `${before}{${body}}${r}`).slice(0, limit);
      }
      const out: string[] = [];
      for (const item of items) {
        for (const tail of expandBraces(item + after, limit)) {
          out.push(before + tail);
          if (out.length >= limit) return out;
        }
      }
      return out;
    }
  }
  return [pattern];
}

/** A bracket expression starting at `i` (`[`), as a regex class, and the index after it. */
function bracket(pattern: string, i: number): { source: string; end: number } | null {
  let j = i + 1;
  let negate = false;
  if (pattern[j] === '!' || pattern[j] === '^') {
    negate = true;
    j++;
  }
  let body = '';
  let first = true;
  for (; j < pattern.length; j++) {
    const ch = pattern[j];
    if (ch === ']' && !first) return { source: `${negate ? '(?!\\/)' : ''}[${negate ? '^' : ''}${body}]`, end: j + 1 };
    first = false;
    if (ch === '\\' && j + 1 < pattern.length) {
      body += '\\' + pattern[++j];
      continue;
    }
    if (ch === '[' && pattern[j + 1] === ':') {
      const close = pattern.indexOf(':]', j + 2);
      if (close < 0) return null;
      const name = pattern.slice(j + 2, close);
      const classes: Record<string, string> = { alnum: 'a-zA-Z0-9', alpha: 'a-zA-Z', digit: '0-9', lower: 'a-z', upper: 'A-Z', space: '\\s', xdigit: '0-9a-fA-F', punct: '!-\\/:-@\\[-`{-~', word: '\\w' };
      const range = own(classes, name);
      if (range === undefined) return null;
      body += range;
      j = close + 1;
      continue;
    }
    body += ch === '^' || ch === '[' ? '\\' + ch : ch;
  }
  return null;
}

/** One path segment's pattern (no `/`) as a regex fragment; null when unsupported. */
function segment(pattern: string): string | null {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    const next = pattern[i + 1];
    if (ch === '\\' && next !== undefined) {
      out += escape(next);
      i++;
    } else if ('@+*?'.includes(ch) && next === '(') {
      // Extglob: find the matching close paren.
      let depth = 0;
      let j = i + 1;
      for (; j < pattern.length; j++) {
        if (pattern[j] === '\\') j++;
        else if (pattern[j] === '(') depth++;
        else if (pattern[j] === ')' && --depth === 0) break;
      }
      if (j >= pattern.length) return null;
      const alternatives = pattern.slice(i + 2, j).split('|').map(segment);
      if (alternatives.some((a) => a === null)) return null;
      const group = `(?:${alternatives.join('|')})`;
      out += ch === '@' ? group : ch === '+' ? `${group}+` : ch === '*' ? `${group}*` : `${group}?`;
      i = j;
    } else if (ch === '!' && next === '(') {
      return null;
    } else if (ch === '*') {
      while (pattern[i + 1] === '*') i++;
      out += '[^/]*';
    } else if (ch === '?') {
      out += '[^/]';
    } else if (ch === '[') {
      const b = bracket(pattern, i);
      if (b) {
        out += b.source;
        i = b.end - 1;
      } else out += '\\[';
    } else out += escape(ch);
  }
  return out;
}

/** A pattern without braces as regex pieces, one per path element (separators included). */
function pieces(pattern: string): string[] | null {
  // `a/**/b`: a globstar segment matches any number of segments (including none).
  const parts = pattern.split('/');
  const out: string[] = [];
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k];
    const last = k === parts.length - 1;
    if (part === '**') {
      if (parts.length === 1) out.push('.*');
      else if (k === 0) out.push('(?:.*/)?');
      else if (last) out.push('/.*');
      else out.push('(?:/.*)?/');
      continue;
    }
    const source = segment(part);
    if (source === null) return null;
    // Like minimatch, a wildcard segment never matches an empty segment.
    const piece = part !== '' && /[*?[(]/.test(part) ? `(?=[^/])${source}` : source;
    out.push(!last && parts[k + 1] !== '**' ? piece + '/' : piece);
  }
  return out;
}

/**
 * Alternatives as one regex, with the pieces they share up front factored out, so that
 * `**\/{a,b,c}` tries its leading globstar once rather than once per alternative.
 */
function factor(alternatives: string[][]): string {
  if (alternatives.length === 1) return alternatives[0].join('');
  let shared = 0;
  while (alternatives.every((a) => a.length > shared + 1 && a[shared] === alternatives[0][shared])) shared++;
  const head = alternatives[0].slice(0, shared).join('');
  const tails = [...new Set(alternatives.map((a) => a.slice(shared).join('')))];
  return `${head}(?:${tails.join('|')})`;
}

/** Regular-expression source matching what minimatch(subject, pattern, {dot: true}) matches, or null. */
export function globSource(pattern: string): string | null {
  let negated = false;
  let body = pattern;
  while (body.startsWith('!') && body[1] !== '(') {
    negated = !negated;
    body = body.slice(1);
  }
  const alternatives: string[][] = [];
  const expansions = expandBraces(body);
  // minimatch drops empty expansions (`{,x}` is just `x`).
  const nonEmpty = expansions.filter((e) => e !== '');
  for (const expanded of nonEmpty.length ? nonEmpty : expansions) {
    const compiled = pieces(expanded);
    if (compiled === null) return null;
    alternatives.push(compiled);
  }
  // minimatch ignores one trailing slash on the subject (`a/**/b` matches `a/b/`).
  const any = `^(?:${factor(alternatives)})/?$`;
  return negated ? `^(?!${any.slice(1, -1)}$).*$` : any;
}
