import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findings } from './helpers.js';

const WORDS = [
  '-X', 'DELETE', '-d', '@-', '@x.json', '--json', '-F', 'a=<f', '-H', 'Content-Type: application/graphql', '-G', '-I', '-T', '-K', '-',
  '--next', '-:', '--unix-socket', '/var/run/docker.sock', '--aws-sigv4', 'aws:amz:x:s3', '--url', 'api', 'graphql', '-f', '-F',
  'query=mutation { a }', 'q==1', 'k:=[', ':3000/x', 'https://backboard.railway.app/graphql/v2', 'localhost:9200/*', 'http://[::1',
  '{"query":"mutation {', '[{"query":"mutation { x(where: {}) }"}]', '--method=DELETE', '--post-data=null', '$X', '%zz', '?', '',
];

describe('robustness', () => {
  it('never throws, whatever the arguments', () => {
    const word = fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 40 }));
    fc.assert(
      fc.property(fc.constantFrom('curl', 'wget', 'http', 'xh', 'gh', 'glab'), fc.array(word, { maxLength: 12 }), fc.option(fc.string({ maxLength: 200 })), (program, args, stdin) => {
        const argv = program === 'gh' || program === 'glab' ? [program, 'api', ...args] : [program, ...args];
        const options = stdin === null ? {} : { stdin: { kind: 'heredoc' as const, text: stdin } };
        expect(Array.isArray(findings(argv, options))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('handles a large body without trouble', () => {
    const big = JSON.stringify({ query: 'mutation { ' + 'a: createThing(x: 1) '.repeat(1000) + '}' });
    expect(findings(['curl', 'https://api.acme.dev/graphql', '-d', big])).toEqual([]);
    // Beyond the parser's token budget the mutation cannot be checked: fail closed.
    const tooBig = JSON.stringify({ query: 'mutation { ' + 'a: createThing(x: 1) '.repeat(5000) + '}' });
    expect(findings(['curl', 'https://api.acme.dev/graphql', '-d', tooBig]).map((f) => f.rule)).toEqual(['graphql.malformed-mutation']);
    const huge = 'mutation { ' + 'x'.repeat(300_000) + ' }';
    expect(() => findings(['curl', 'https://api.acme.dev/graphql', '-H', 'Content-Type: application/graphql', '-d', huge])).not.toThrow();
  });
});
