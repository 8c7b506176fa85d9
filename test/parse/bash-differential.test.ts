// Differential test against GNU bash: on every snippet, the bash-compatible parse fails iff
// `bash -n` reports an error. The public (strict) parse may only reject more: a few things bash
// checks later, when it runs them, are errors up front here (see STRICTER below).

import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/parse/entry.js';
import { parse, ParseError } from '../../src/parse/index.js';
import { mutations, TRICKY } from './snippets.js';

const BASH = '/usr/bin/bash';
const corpusUrl = new URL('../../../shared/corpus/parser-cases.mjs', import.meta.url);
const { cases } = (await import(corpusUrl.href)) as { cases: { src: string }[] };

/**
 * Known disagreements with `bash -n` on mutated input, each unlike anything typed on purpose:
 * - `a[` at command start: bash reads an assignment subscript across blanks to EOF;
 * - `[&&k]=v` inside `( … )` of an array assignment: bash lexes the subscript specially;
 * - `for ((…)` closed by a single `)`: bash accepts it and then silently runs nothing;
 * - `for <((;;))`: bash takes the word after `for` without parsing the process substitution.
 */
const KNOWN = new Set(['a[', 'a=([&&k]=v [j]="w")', 'for ((\ni=0;;); do :; done', 'for ((i=0;i<3;i++); do a; done', 'for <((;;)); do a; done']);

/** bash exits 0 after some errors it prints (notably inside `[[ ]]`), so any message counts. */
function verdict(status: number | null, stderr: string): boolean {
  const messages = stderr.split('\n').filter((l) => l.length > 0 && !l.includes('warning:'));
  return status !== 0 || messages.length > 0;
}

function bashRejects(src: string): boolean {
  const r = spawnSync(BASH, ['-n'], { input: src, encoding: 'utf8', timeout: 5000 });
  return verdict(r.status, r.stderr);
}

function bashRejectsAsync(src: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const child = spawn(BASH, ['-n'], { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve(verdict(status, stderr)));
    child.stdin.end(src);
  });
}

/** `bash -n` verdicts for all snippets, a few processes at a time. */
async function bashVerdicts(srcs: string[], concurrency = 8): Promise<boolean[]> {
  const out: boolean[] = new Array(srcs.length);
  let next = 0;
  const worker = async () => {
    while (next < srcs.length) {
      const i = next++;
      out[i] = await bashRejectsAsync(srcs[i]);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return out;
}

function rejects(fn: () => unknown): boolean {
  try {
    fn();
    return false;
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    return true;
  }
}

const valid = [...cases.map((c) => c.src), ...TRICKY].filter((s) => !rejects(() => parse(s)));
const snippets = [...new Set([...cases.map((c) => c.src), ...TRICKY, ...mutations(valid, 600, 7)])];

describe.skipIf(!existsSync(BASH))('agreement with bash -n', () => {
  it(`agrees on ${snippets.length} snippets`, async () => {
    const disagreements: string[] = [];
    let stricter = 0;
    const bash = await bashVerdicts(snippets);
    for (const [i, src] of snippets.entries()) {
      const lenient = rejects(() => parseSource(src, undefined, true));
      const strict = rejects(() => parse(src));
      // Strict mode never accepts what bash-compatible mode rejects.
      expect(strict || !lenient, JSON.stringify(src)).toBe(true);
      if (strict && !lenient) stricter++;
      if (lenient !== bash[i] && !KNOWN.has(src)) {
        disagreements.push(`${lenient ? 'we reject' : 'we accept'}: ${JSON.stringify(src)}`);
      }
    }
    expect(disagreements).toEqual([]);
    expect(snippets.length).toBeGreaterThan(800);
    // The strict-only rejections exist (heredoc bodies, backquote bodies, silent [[ ]] errors) but stay few.
    expect(stricter).toBeGreaterThan(0);
    expect(stricter).toBeLessThan(snippets.length / 10);
  }, 60_000);

  /** Rejected by strict parse although `bash -n` accepts: bash would fail (or misbehave) when running them. */
  const STRICTER = [
    'cat <<EOF\n$(rm -rf /tmp\nEOF', // heredoc body: bash checks it only when it expands it
    'echo `echo )`', // backquote body: bash parses it only when it runs (and runs what precedes the error)
    '[[ ]]', // bash aborts the input silently, exit status 0
    '[[ a && ]]',
  ];
  for (const src of STRICTER) {
    it(`is stricter than bash -n on ${JSON.stringify(src)}`, () => {
      expect(bashRejects(src)).toBe(false);
      expect(rejects(() => parseSource(src, undefined, true))).toBe(false);
      expect(() => parse(src)).toThrow(ParseError);
    });
  }
});
