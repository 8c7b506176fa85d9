// fast-check arbitraries for fuzzing the guard: garbage strings, grammar-generated plausible
// shell (words of every quoting, substitutions, pipes, lists, heredocs, compound commands,
// functions, deep nesting), and no-op rewrites of a command (extra blanks, redundant quotes,
// a `;` or a comment at the end, a backslash before an ordinary letter …) that must never lower
// its decision. Shared by test/fuzz/*.test.ts (seeded, small) and scripts/fuzz.mjs (≥ 1,000,000 inputs).
import fc from 'fast-check';
import { parse, type Script, type SimpleCommand, type Word } from '../../src/parse/index.js';

// ── vocabulary ─────────────────────────────────────────────────────────────

const PROGRAMS = [
  'git', 'rm', 'curl', 'psql', 'mysql', 'redis-cli', 'mongosh', 'echo', 'printf', 'cat', 'ls', 'grep', 'sed', 'awk', 'kubectl', 'docker',
  'terraform', 'aws', 'gcloud', 'az', 'bash', 'sh', 'zsh', 'sudo', 'env', 'xargs', 'find', 'eval', 'base64', 'ssh', 'npm', 'npx', 'python3',
  'node', 'perl', 'cd', 'export', 'alias', 'source', '.', 'timeout', 'nohup', 'time', 'command', 'exec', 'railway', 'fly', 'heroku', 'dd',
  'mkfs', 'truncate', 'shred', 'kill', 'true', 'false', 'tee', 'jq', 'http', 'wget', 'helm', 'pulumi', 'supabase', 'vercel', 'gh', 'make',
  'interlock', 'chmod', 'mv', 'cp', 'tar', 'rsync', 'watch', 'nice', 'parallel', 'read', 'set', 'unset', 'local', 'declare', 'trap',
];

const ARGS = [
  '-rf', '-r', '-f', '--force', '--force-with-lease', '-X', 'DELETE', 'POST', '--yes', '-y', '-c', '-e', '-d', '-i', '--all', '--prune',
  'push', 'origin', 'main', '+main', 'reset', '--hard', 'clean', '-fdx', 'branch', '-D', 'delete', 'destroy', 'drop', 'volume', 'rm',
  'FLUSHALL', 'DROP TABLE users;', 'DELETE FROM users', 'TRUNCATE orders', 'db.dropDatabase()', '/', '/srv/data', '~', '~/projects', '.',
  '*', './*', '.git', 'node_modules', 'dist', '/tmp/x', '/dev/sda', 'of=/dev/sda', 'if=/dev/zero', 'ns', 'pvc', 'deployment', '-n',
  'prod', 'production', 'https://api.example.com/v1/items/1', 'https://backboard.railway.app/graphql/v2',
  '{"query":"mutation { volumeDelete(volumeId: \\"3f9d\\") }"}', '{"query":"{ me { id } }"}', 'apply', '-auto-approve', 'status',
  'log', '--oneline', '-la', 'README.md', 'x.sh', 'notes.md', '--', '-', '=', '==', '!', 'EOF', '{}', ';', '+', '@', '%s\\n',
];

const VARS = ['X', 'HOME', 'PATH', 'IFS', 'cmd', 'f', 'a', 'DATABASE_URL', 'TOKEN', '1', '@', '*', '#', '?', '0', '_'];

const plain = fc.stringMatching(/^[A-Za-z0-9_./:=@%+,-]{1,10}$/);
const text = fc.string({ unit: fc.constantFrom('a', 'b', 'Z', '0', ' ', "'", '"', '$', '\\', '`', '\n', '!', '*', '?', '[', ']', '{', '}', ';', '&', '|', '#', '~', '-', '=', '(', ')', '<', '>', '%', '\t', 'é', '\u0000'), maxLength: 16 });

/** Text as a single-quoted word (exact value). */
export const sq = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;

/** Garbage: strings over the shell's special characters, arbitrary Unicode, and fragments. */
export const garbage: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc.string({ unit: fc.constantFrom(...'$`\'"\\(){}[]<>|&;#!*?~=%\n\t -'.split(''), 'a', 'echo', 'rm -rf /', '$(', '${', '<<', 'EOF', 'if', 'then', 'fi', 'do', 'done', 'case', 'esac', '((', '[['), maxLength: 80 }),
  fc.array(fc.constantFrom(...PROGRAMS, ...ARGS, '|', '&&', '||', ';', '&', '\n', '(', ')', '{', '}', '$(', ')', '`', '"', "'", '<<EOF', '<<<', '>', '2>&1'), { maxLength: 30 }).map((a) => a.join(' ')),
);

// ── grammar ────────────────────────────────────────────────────────────────

interface Grammar {
  word: string;
  simple: string;
  command: string;
  pipeline: string;
  list: string;
}

const heredocBody = fc.array(fc.oneof(plain, text.filter((t) => !t.includes('\n')), fc.constantFrom('rm -rf /srv/data', 'DROP TABLE users;', 'git push --force', '$X', '$(rm -rf x)', 'EOF1')), { maxLength: 5 });

type Tie = <K extends keyof Grammar>(key: K) => fc.Arbitrary<Grammar[K]>;

const grammar = fc.letrec<Grammar>((loose) => build(loose as Tie));

function build(tie: Tie): { [K in keyof Grammar]: fc.Arbitrary<Grammar[K]> } {
  return {
  word: fc.oneof(
    { depthSize: 'small', maxDepth: 3, depthIdentifier: 'shell', withCrossShrink: true },
    { arbitrary: fc.constantFrom(...ARGS).map((a) => (/^[A-Za-z0-9_./:=@%+,~*!-]+$/.test(a) ? a : sq(a))), weight: 6 },
    { arbitrary: plain, weight: 4 },
    { arbitrary: text.map(sq), weight: 2 },
    { arbitrary: text.map((t) => `"${t.replace(/[\\"$`]/g, '\\$&')}"`), weight: 2 },
    { arbitrary: text.map((t) => `$'${t.replace(/[\\']/g, '\\$&').replace(/\n/g, '\\n')}'`), weight: 1 },
    { arbitrary: fc.constantFrom(...VARS).map((v) => `$${v}`), weight: 2 },
    { arbitrary: fc.tuple(fc.constantFrom(...VARS), fc.constantFrom(':-', '-', ':=', ':?', '#', '%', '/', ':+'), plain).map(([v, op, w]) => `\${${v}${op}${w}}`), weight: 1 },
    { arbitrary: fc.constantFrom(...VARS).map((v) => `"\${${v}[@]}"`), weight: 1 },
    { arbitrary: tie('list').map((l) => `$(${l})`), weight: 1 },
    { arbitrary: tie('simple').map((s) => `\`${s.replace(/[`\\]/g, '\\$&')}\``), weight: 1 },
    { arbitrary: tie('list').map((l) => `"$(${l})"`), weight: 1 },
    { arbitrary: tie('list').map((l) => `<(${l})`), weight: 1 },
    { arbitrary: fc.tuple(plain, plain).map(([a, b]) => `{${a},${b}}`), weight: 1 },
    { arbitrary: fc.constantFrom('*', '*.sql', '/srv/*', '?', '[ab]*', '~', '~/x', '~root', '{1..3}', '$((1+2))', '$#', '$$', '!'), weight: 1 },
    { arbitrary: fc.tuple(tie('word'), tie('word')).map(([a, b]) => a + b), weight: 1 },
  ),
  simple: fc
    .tuple(
      fc.array(fc.tuple(fc.constantFrom(...VARS.filter((v) => /^[A-Za-z_]/.test(v))), fc.oneof(plain, tie('word'))).map(([n, w]) => `${n}=${w}`), { maxLength: 1, depthIdentifier: 'shell' }),
      fc.oneof({ arbitrary: fc.constantFrom(...PROGRAMS), weight: 5 }, { arbitrary: tie('word'), weight: 1 }),
      fc.array(tie('word'), { maxLength: 4, depthIdentifier: 'shell' }),
      fc.array(fc.oneof({ arbitrary: fc.constantFrom('> out.txt', '>> log', '2>&1', '2>/dev/null', '< in.txt', '&> all.log', '> /dev/sda', '>| x.db', '<> f'), weight: 4 }, { arbitrary: tie('word').map((w) => `<<< ${w}`), weight: 1 }), { maxLength: 1 }),
    )
    .map(([assigns, name, args, redirects]) => [...assigns, name, ...args, ...redirects].join(' ')),
  command: fc.oneof(
    { depthSize: 'small', maxDepth: 3, depthIdentifier: 'shell', withCrossShrink: true },
    { arbitrary: tie('simple'), weight: 8 },
    { arbitrary: tie('list').map((l) => `( ${l} )`), weight: 1 },
    { arbitrary: tie('list').map((l) => `{ ${l}; }`), weight: 1 },
    { arbitrary: fc.tuple(tie('list'), tie('list'), fc.option(tie('list'))).map(([c, t, e]) => `if ${c}; then ${t}; ${e ? `else ${e}; ` : ''}fi`), weight: 1 },
    { arbitrary: fc.tuple(fc.array(tie('word'), { maxLength: 3 }), tie('list')).map(([items, body]) => `for v in ${items.join(' ')}; do ${body}; done`), weight: 1 },
    { arbitrary: fc.tuple(tie('list'), tie('list')).map(([c, body]) => `while ${c}; do ${body}; done`), weight: 1 },
    { arbitrary: fc.tuple(tie('word'), plain, tie('list')).map(([w, p, body]) => `case ${w} in ${p}|*) ${body};; esac`), weight: 1 },
    { arbitrary: tie('list').map((body) => `f() { ${body}; }; f`), weight: 1 },
    { arbitrary: fc.tuple(tie('word'), tie('word')).map(([a, b]) => `[[ ${a} == ${b} ]]`), weight: 1 },
    { arbitrary: fc.constantFrom('(( x = 1 + 2 ))', '(( $(echo 1) ))', '((x++))'), weight: 1 },
    { arbitrary: tie('list').map((l) => `bash -c ${sq(l)}`), weight: 2 },
    { arbitrary: tie('list').map((l) => `eval ${sq(l)}`), weight: 1 },
    { arbitrary: tie('list').map((l) => `echo ${sq(l)} | sh`), weight: 1 },
    { arbitrary: tie('list').map((l) => `echo ${Buffer.from(l).toString('base64')} | base64 -d | bash`), weight: 1 },
    { arbitrary: tie('list').map((l) => `ssh prod ${sq(l)}`), weight: 1 },
    { arbitrary: tie('list').map((l) => `xargs -I{} sh -c ${sq(l)}`), weight: 1 },
  ),
  pipeline: fc
    .tuple(fc.constantFrom('', '', '', '! ', 'time '), fc.array(tie('command'), { minLength: 1, maxLength: 2, depthIdentifier: 'shell' }))
    .map(([prefix, commands]) => prefix + commands.join(' | ')),
  list: fc
    .tuple(tie('pipeline'), fc.array(fc.tuple(fc.constantFrom(' && ', ' || ', '; ', ' & ', '\n'), tie('pipeline')), { maxLength: 2, depthIdentifier: 'shell' }))
    .map(([first, rest]) => first + rest.map(([op, p]) => op + p).join('')),
  };
}

/** A statement with a heredoc; the body follows the line, so it ends the list. */
const withHeredoc = fc
  .tuple(grammar.list, grammar.simple, fc.constantFrom("'EOF'", 'EOF', '"EOF"', '-EOF'), heredocBody, fc.boolean())
  .map(([before, cmd, delim, body, pipe]) => {
    const name = delim.replace(/['"-]/g, '');
    return `${before}; ${cmd} <<${delim}${pipe ? ' | sh' : ''}\n${body.join('\n')}${body.length ? '\n' : ''}${delim.startsWith('-') ? '\t' : ''}${name}`;
  });

/** Deep nesting of one construct: substitutions, subshells, groups, quotes in nested shells. */
export const deep: fc.Arbitrary<string> = fc.tuple(fc.integer({ min: 1, max: 400 }), fc.constantFrom('$(', '(', '{', 'bash -c', 'eval', '"$(', '`', 'if', '${x:-', '$((', '<(' as const), fc.boolean()).map(([n, kind, close]) => {
  const core = 'rm -rf /srv/data';
  switch (kind) {
    case '$(':
      return `echo ${'$('.repeat(n)}${core}${close ? ')'.repeat(n) : ''}`;
    case '"$(':
      return `echo ${'"$('.repeat(n)}${core}${close ? ')"'.repeat(n) : ''}`;
    case '(':
      return `${'( '.repeat(n)}${core}${close ? ' )'.repeat(n) : ''}`;
    case '{':
      return `${'{ '.repeat(n)}${core}${close ? '; }'.repeat(n) : ''}`;
    case 'if':
      return `${'if true; then '.repeat(n)}${core}${close ? '; fi'.repeat(n) : ''}`;
    case '${x:-':
      return `echo ${'${x:-'.repeat(n)}y${close ? '}'.repeat(n) : ''}`;
    case '$((':
      return `echo ${'$(('.repeat(n)}1${close ? '))'.repeat(n) : ''}`;
    case '<(':
      return `cat ${'<('.repeat(n)}ls${close ? ')'.repeat(n) : ''}`;
    case '`':
      return `echo ${'`'.repeat(Math.min(n, 30))}${core}`;
    case 'bash -c': {
      let s = core;
      for (let i = 0; i < Math.min(n, 9); i++) s = `bash -c ${sq(s)}`;
      return s;
    }
    case 'eval': {
      let s = core;
      for (let i = 0; i < Math.min(n, 9); i++) s = `eval ${sq(s)}`;
      return s;
    }
  }
});

/** Grammar-generated shell: mostly plausible lines, some heredocs and deep nesting. */
export const shellLine: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: grammar.list, weight: 12 },
  { arbitrary: withHeredoc, weight: 3 },
  { arbitrary: deep, weight: 1 },
);

/** Everything the fuzzer feeds the guard. */
export const anyInput: fc.Arbitrary<string> = fc.oneof({ arbitrary: shellLine, weight: 3 }, { arbitrary: garbage, weight: 1 });

// ── no-op rewrites ─────────────────────────────────────────────────────────

interface Edit {
  start: number;
  end: number;
  text: string;
}

function simpleCommands(script: Script): SimpleCommand[] {
  const out: SimpleCommand[] = [];
  const seen = new Set<unknown>();
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if ((node as { type?: string }).type === 'SimpleCommand') out.push(node as SimpleCommand);
    // Only statement-level commands: the source spans inside substitutions and nested text are not the line's.
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parts' || key === 'heredoc' || key === 'words' || key === 'assignments' || key === 'redirects') continue;
      if (Array.isArray(value)) value.forEach(visit);
      else visit(value);
    }
  };
  visit(script);
  return out;
}

const PLAIN_WORD = /^[A-Za-z0-9_./:=@%+,-]+$/;

export type NoOpKind = 'blanks' | 'quotes' | 'semicolon' | 'backslash' | 'comment' | 'leading' | 'continuation';
export const NO_OP_KINDS: NoOpKind[] = ['blanks', 'quotes', 'semicolon', 'backslash', 'comment', 'leading', 'continuation'];

/**
 * Applies one no-op rewrite of `kind` to `command`, choosing where with `pick` (an index source).
 * Returns null when the kind does not apply. The result runs exactly the same commands.
 */
export function noOp(command: string, kind: NoOpKind, pick: number): string | null {
  let script: Script;
  try {
    script = parse(command);
  } catch {
    return null;
  }
  // A quoted or backslashed command name is not alias-expanded: leave names alone when the line defines aliases.
  const aliases = /\balias\b/.test(command);
  const words: Word[] = simpleCommands(script)
    .flatMap((c) => (aliases ? c.words.slice(1) : c.words))
    .filter((w) => w.literal && w.raw === w.value && PLAIN_WORD.test(w.value));
  const gaps: Edit[] = [];
  for (const cmd of simpleCommands(script)) {
    for (let i = 1; i < cmd.words.length; i++) {
      const start = cmd.words[i - 1].span.end;
      const end = cmd.words[i].span.start;
      if (/^[ \t]+$/.test(command.slice(start, end))) gaps.push({ start, end, text: '' });
    }
  }
  const at = <T>(list: T[]): T | undefined => (list.length ? list[pick % list.length] : undefined);
  const trimmed = command.trimEnd();
  const endsCleanly = script.statements.length > 0 && !/[&\\;|]$/.test(trimmed) && !hasHeredoc(script);
  switch (kind) {
    case 'blanks': {
      const gap = at(gaps);
      return gap ? splice(command, { ...gap, text: ['  ', '\t', ' \t ', '    '][pick % 4] }) : null;
    }
    case 'continuation': {
      const gap = at(gaps);
      return gap ? splice(command, { ...gap, text: ' \\\n  ' }) : null;
    }
    case 'quotes': {
      const word = at(words);
      if (!word) return null;
      const v = word.value;
      const forms = [`'${v}'`, `"${v}"`, `${v}""`, `''${v}`, `${v.slice(0, 1)}"${v.slice(1)}"`];
      return splice(command, { start: word.span.start, end: word.span.end, text: forms[pick % forms.length] });
    }
    case 'backslash': {
      const word = at(words.filter((w) => /[A-Za-z]/.test(w.value)));
      if (!word) return null;
      const letters = [...word.value].map((ch, i) => (/[A-Za-z]/.test(ch) ? i : -1)).filter((i) => i >= 0);
      const i = letters[pick % letters.length];
      return splice(command, { start: word.span.start + i, end: word.span.start + i, text: '\\' });
    }
    case 'semicolon':
      return endsCleanly && !/#[^\n]*$/.test(trimmed) ? `${trimmed};` : null;
    case 'comment':
      return endsCleanly ? `${trimmed} # checked` : null;
    case 'leading':
      return ['  ', '\n', ' \t', '\n\n  '][pick % 4] + command;
  }
}

function hasHeredoc(script: Script): boolean {
  return JSON.stringify(script, (k, v) => (k === 'parts' ? undefined : v)).includes('"heredoc"');
}

function splice(source: string, edit: Edit): string {
  return source.slice(0, edit.start) + edit.text + source.slice(edit.end);
}
