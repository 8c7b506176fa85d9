// The wrapper's pure parts: argv → checked text, bash's command line, Claude Code's envelope key,
// the environment preamble, the guarded tool list.
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { parseBashArgs } from '../../src/wrap/bash-args.js';
import { CWD_PLACEHOLDER, stableScriptKey } from '../../src/wrap/claude-envelope.js';
import { commandText, readsBackAs } from '../../src/wrap/command-text.js';
import { GUARDED_TOOLS, isToolName } from '../../src/wrap/guarded-tools.js';
import { environmentPreamble, isPrefixForm } from '../../src/wrap/shell-plan.js';
import { allAnalysers } from '../../src/analyse/index.js';
import { builtinPacks } from '../../src/rules/builtin.js';
import { evaluate } from '../../src/pipeline.js';

describe('commandText: the checked text reads back as exactly the argv', () => {
  test.each([
    [['git', 'push', '--force', 'origin', 'main'], 'git push --force origin main'],
    [['sh', '-c', 'echo hello; exit 3'], `sh -c 'echo hello; exit 3'`],
    [['psql', '-c', 'select 1'], `psql -c 'select 1'`],
  ])('%j → %s', (argv, text) => {
    expect(commandText(argv)).toBe(text);
  });

  test('words a shell would read differently are single-quoted', () => {
    for (const argv of [['if', 'x'], ['FOO=bar', 'x'], ['!', 'x'], ['{', 'x'], ['time', 'x'], ['[[', 'x']]) {
      const text = commandText(argv);
      expect(readsBackAs(text, argv), text).toBe(true);
    }
  });

  test('any argv without NUL bytes round-trips through the parser', () => {
    const word = fc.string({ unit: fc.constantFrom('a', ' ', "'", '"', '\\', '$', '`', '*', '\n', '\t', '!', '#', '~', '=', ';', '&', '|', '(', ')', '{', '}', '<', '>', '-', 'é'), maxLength: 8 });
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 5 }), (argv) => {
        expect(readsBackAs(commandText(argv), argv)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test('bash reads the text back as the same words (differential)', () => {
    const cases = fc.sample(fc.array(fc.string({ unit: fc.constantFrom('a', ' ', "'", '"', '\\', '$', '`', '*', '\n', '!', '~', '=', ';', '{', '}'), maxLength: 6 }), { minLength: 1, maxLength: 4 }), 40);
    // `printf '%s\0' <text>` in one bash: each case on its own line, separated by a marker.
    const script = cases.map((argv) => `${commandText(['printf', '%s\\0', ...argv])}; printf '\\1\\0'`).join('\n');
    const out = spawnSync('bash', ['--norc', '--noprofile', '-c', `set -f\n${script}`], { encoding: 'utf8', env: { PATH: process.env.PATH } }).stdout;
    const groups = out.split('\u0001\0').slice(0, -1).map((g) => g.split('\0').slice(0, -1));
    expect(groups).toEqual(cases);
  });
});

describe('parseBashArgs', () => {
  test.each([
    [['-c', 'echo hi'], { mode: 'command', script: 'echo hi', rest: [] }],
    [['-lc', 'x', 'name', 'a'], { mode: 'command', script: 'x', rest: ['name', 'a'] }],
    [['-l', '-c', 'x'], { mode: 'command', script: 'x' }],
    [['-ec', 'x'], { mode: 'command', script: 'x' }],
    [['-o', 'pipefail', '-c', 'x'], { mode: 'command', script: 'x' }],
    [['-euo', 'pipefail', '-c', 'x'], { mode: 'command', script: 'x' }],
    [['-oc', 'pipefail', 'x'], { mode: 'command', script: 'x' }],
    [['+c', 'x'], { mode: 'command', script: 'x' }],
    [['-c', '-e', 'x', '-v'], { mode: 'command', script: 'x', rest: ['-v'] }],
    [['--login', '--rcfile', '/dev/null', '-c', 'x'], { mode: 'command', script: 'x' }],
    [['-O', 'extglob', '+O', 'nullglob', '-c', 'x'], { mode: 'command', script: 'x' }],
    [['script.sh', 'a', '-c'], { mode: 'file', file: 'script.sh', rest: ['a', '-c'] }],
    [['--', '-c'], { mode: 'file', file: '-c' }],
    [['-e', '--', 'x.sh'], { mode: 'file', file: 'x.sh' }],
    [[], { mode: 'stdin', rest: [], interactive: false }],
    [['-s', 'a', 'b'], { mode: 'stdin', rest: ['a', 'b'] }],
    [['-i'], { mode: 'stdin', interactive: true }],
    [['--version'], { mode: 'inert' }],
    [['--help'], { mode: 'inert' }],
    [['-n', '-c', 'rm -rf /'], { mode: 'inert' }],
    [['-Dc', 'x'], { mode: 'inert' }],
    [['-n', '+n', '-c', 'x'], { mode: 'command', script: 'x' }],
    [['-q'], { mode: 'invalid' }],
    [['-c'], { mode: 'invalid' }],
    [['--nope', '-c', 'x'], { mode: 'invalid' }],
    [['-c', '--norc', 'x'], { mode: 'invalid' }],
    [['--rcfile'], { mode: 'invalid' }],
  ])('%j', (args, expected) => {
    expect(parseBashArgs(args)).toMatchObject(expected);
  });

  test('agrees with bash on which argument is the command string', () => {
    const forms = [['-c'], ['-lc'], ['-l', '-c'], ['-ec'], ['-euo', 'pipefail', '-c'], ['-co', 'pipefail'], ['-O', 'extglob', '-c'], ['--norc', '-c'], ['-c', '-x']];
    for (const form of forms) {
      const args = [...form, 'printf "%s|" "$0" "$@"', 'zero', 'one'];
      const parsed = parseBashArgs(args);
      expect(parsed.mode).toBe('command');
      const bash = spawnSync('bash', args, { encoding: 'utf8', env: { PATH: process.env.PATH } });
      expect(bash.stdout, form.join(' ')).toBe('zero|one|');
      expect(parsed).toMatchObject({ script: 'printf "%s|" "$0" "$@"', rest: ['zero', 'one'] });
    }
  });
});

describe("Claude Code's prefix envelope", () => {
  const envelope = (id: string) =>
    `source /home/u/.claude/shell-snapshots/snapshot-bash-1755042239230-87cw6n.sh 2>/dev/null || true && { shopt -u extglob || setopt NO_EXTENDED_GLOB; } >/dev/null 2>&1 || true && eval 'git push --force' \\< /dev/null && pwd -P >| /tmp/claude-${id}-cwd`;

  test('the per-call cwd-file id is made constant; nothing else changes', () => {
    const a = stableScriptKey(envelope('13a4'));
    expect(a).toBe(stableScriptKey(envelope('ffe0')));
    expect(a).toBe(envelope('13a4').replace('/tmp/claude-13a4-cwd', `'/tmp/${CWD_PLACEHOLDER}'`));
    expect(stableScriptKey(envelope('13a4').replace('--force', '--force-with-lease'))).not.toBe(a);
  });

  test('the sandbox form (cwd-<id>) too', () => {
    const sandboxed = (id: string) => `eval 'ls' \\< /dev/null && pwd -P >| /tmp/claude/sb/cwd-${id}`;
    expect(stableScriptKey(sandboxed('1'))).toBe(stableScriptKey(sandboxed('2')));
  });

  test('the key decides like the script itself', () => {
    const script = envelope('13a4');
    expect(evaluate({ command: stableScriptKey(script), cwd: '/tmp' }).decision).toBe(evaluate({ command: script, cwd: '/tmp' }).decision);
  });

  test('other scripts are left alone', () => {
    for (const text of ['pwd -P >| /tmp/claude-1-cwd', 'ls && pwd -P > /tmp/claude-1-cwd', 'ls && pwd -P >| /etc/passwd', 'ls && pwd >| /tmp/claude-1-cwd', 'ls; pwd -P >| /tmp/claude-1-cwd', 'ls && pwd -P >| /tmp/claude-1-cwd &', 'ls && pwd -P >| "$F"']) {
      expect(stableScriptKey(text), text).toBe(text);
    }
  });

  test('the prefix form: one argument that reads as a command line and is not a file', () => {
    expect(isPrefixForm(['echo hi && pwd -P >| /tmp/claude-1-cwd'], '/')).toBe(true);
    expect(isPrefixForm(['script.sh'], '/')).toBe(false);
    expect(isPrefixForm(['-c'], '/')).toBe(false);
    expect(isPrefixForm(['a b', 'c'], '/')).toBe(false);
    expect(isPrefixForm(['/bin/sh'], '/')).toBe(false);
  });
});

describe('environmentPreamble', () => {
  test('exported functions and BASH_ENV, for bash only', () => {
    const env = { 'BASH_FUNC_deploy%%': '() {  git push -f\n}', BASH_ENV: '/x/"env".sh', PATH: '/bin' };
    expect(environmentPreamble(env, '/bin/bash')).toBe('deploy () {  git push -f\n}\n. "/x/\\"env\\".sh"\n');
    expect(environmentPreamble(env, '/bin/zsh')).toBe('');
    expect(environmentPreamble({ PATH: '/bin' }, '/bin/bash')).toBe('');
  });
});

describe('guarded tools', () => {
  test('every tool is one the built-in packs or analysers judge, with a usable function name', () => {
    const known = new Set<string>();
    for (const analyser of allAnalysers) for (const name of analyser.commands) known.add(name);
    for (const pack of builtinPacks) {
      for (const rule of pack.rules) {
        for (const spec of [rule.match ?? []].flat()) for (const name of [spec.command ?? []].flat()) known.add(name);
      }
    }
    for (const tool of GUARDED_TOOLS) {
      expect(known.has(tool), tool).toBe(true);
      expect(isToolName(tool), tool).toBe(true);
    }
    expect(new Set(GUARDED_TOOLS).size).toBe(GUARDED_TOOLS.length);
  });
});
