// Decoding of ANSI-C quoted strings `$'…'`.

import { BACKSLASH, SQUOTE } from './chars.js';

const SIMPLE: Record<string, string> = {
  a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
  '\\': '\\', "'": "'", '"': '"', '?': '?',
};

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/**
 * Decode `$'…'` whose body starts at `start` (just after the opening quote).
 * Returns the decoded text and the index just after the closing quote, or null when unterminated.
 */
export function decodeAnsiC(src: string, start: number): { value: string; end: number } | null {
  const n = src.length;
  let out = '';
  let lit = start;
  let p = start;
  while (p < n) {
    const c = src.charCodeAt(p);
    if (c === SQUOTE) {
      out += src.slice(lit, p);
      return { value: out, end: p + 1 };
    }
    if (c !== BACKSLASH) {
      p++;
      continue;
    }
    out += src.slice(lit, p);
    if (p + 1 >= n) return null;
    const e = src[p + 1];
    const simple = SIMPLE[e];
    if (simple !== undefined) {
      out += simple;
      p += 2;
    } else if (e >= '0' && e <= '7') {
      let v = 0;
      let q = p + 1;
      while (q < p + 4 && q < n && src.charCodeAt(q) >= 48 && src.charCodeAt(q) <= 55) v = v * 8 + src.charCodeAt(q++) - 48;
      out += String.fromCharCode(v & 0xff);
      p = q;
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const max = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      let v = 0;
      let q = p + 2;
      while (q < p + 2 + max && q < n && hexValue(src.charCodeAt(q)) >= 0) v = v * 16 + hexValue(src.charCodeAt(q++));
      if (q === p + 2) out += '\\' + e; // no digits: kept as written
      else if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) out += src.slice(p, q);
      else out += String.fromCodePoint(v);
      p = q;
    } else if (e === 'c' && p + 2 < n) {
      const ch = src.charCodeAt(p + 2);
      // \c\\ consumes the escaped backslash pair, as bash does.
      const width = ch === BACKSLASH && src.charCodeAt(p + 3) === BACKSLASH ? 4 : 3;
      out += ch === 63 ? '\x7f' : String.fromCharCode((ch >= 97 && ch <= 122 ? ch - 32 : ch) & 0x1f);
      p += width;
    } else {
      // Unknown escape: backslash kept.
      out += '\\';
      p += 1;
    }
    lit = p;
  }
  return null;
}
