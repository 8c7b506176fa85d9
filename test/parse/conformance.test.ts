// The 78 shared conformance cases (../shared/corpus/parser-cases.mjs): expected simple commands
// with nesting context and leading assignments, heredoc bodies, or a syntax error.

import { describe, expect, it } from 'vitest';
import { listHeredocs, listSimpleCommands, parse, ParseError } from '../../src/parse/index.js';

interface Expected {
  argv: string[];
  ctx: 'top' | 'sub' | 'fn';
  a: string[];
}

interface Case {
  id: string;
  src: string;
  expect: { cmds?: Expected[]; heredocs?: string[]; error?: boolean };
  alt?: Expected[][];
}

const corpusUrl = new URL('../../../shared/corpus/parser-cases.mjs', import.meta.url);
const { cases } = (await import(corpusUrl.href)) as { cases: Case[] };

function simpleCommands(src: string): Expected[] {
  return listSimpleCommands(parse(src)).map(({ cmd, ctx }) => ({
    argv: cmd.words.map((w) => w.value),
    ctx,
    a: cmd.assignments.map((a) => src.slice(a.span.start, a.span.end)),
  }));
}

describe('parser conformance corpus', () => {
  it('has all 78 cases', () => {
    expect(cases).toHaveLength(78);
  });

  for (const c of cases) {
    it(c.id, () => {
      if (c.expect.error) {
        expect(() => parse(c.src)).toThrow(ParseError);
        return;
      }
      const got = simpleCommands(c.src);
      const options = [c.expect.cmds ?? [], ...(c.alt ?? [])];
      const match = options.find((o) => JSON.stringify(o) === JSON.stringify(got));
      expect(match ?? got, `none of the ${options.length} accepted forms`).toEqual(match ?? options[0]);
      if (c.expect.heredocs) {
        expect(listHeredocs(parse(c.src)).map((h) => h.body)).toEqual(c.expect.heredocs);
      }
    });
  }
});
