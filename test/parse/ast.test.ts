// AST shape per construct: spans, literal/dynamic words and their parts, redirections,
// assignments, heredocs, compound commands, functions and nested substitutions.

import { describe, expect, it } from 'vitest';
import {
  listHeredocs, listSimpleCommands, parse, ParseError,
  type Command, type Script, type SimpleCommand, type Word, type WordPart,
} from '../../src/parse/index.js';

function first(src: string): Command {
  return parse(src).statements[0].body.first.commands[0];
}

function simple(src: string): SimpleCommand {
  const c = first(src);
  if (c.type !== 'SimpleCommand') throw new Error(`not a simple command: ${c.type}`);
  return c;
}

function words(src: string): Word[] {
  return simple(src).words;
}

function argv(src: string): string[][] {
  return listSimpleCommands(parse(src)).map(({ cmd }) => cmd.words.map((w) => w.value));
}

function kinds(w: Word): string[] {
  return w.parts.map((p) => p.kind);
}

function syntaxError(src: string): ParseError {
  try {
    parse(src);
  } catch (e) {
    expect(e).toBeInstanceOf(ParseError);
    expect((e as ParseError).kind).toBe('syntax');
    return e as ParseError;
  }
  throw new Error(`expected a syntax error for ${JSON.stringify(src)}`);
}

describe('words', () => {
  it('keeps raw text and span of every word', () => {
    const src = `echo 'a b' "c"d e\\ f`;
    for (const w of words(src)) expect(src.slice(w.span.start, w.span.end)).toBe(w.raw);
    expect(words(src).map((w) => w.value)).toEqual(['echo', 'a b', 'cd', 'e f']);
  });

  it('marks quoting of text parts', () => {
    const [, w] = words(`echo a'b'"c"\\d$'e'`);
    expect(w.parts).toEqual([
      { kind: 'text', value: 'a', quoted: 'none' },
      { kind: 'text', value: 'b', quoted: 'single' },
      { kind: 'text', value: 'c', quoted: 'double' },
      { kind: 'text', value: 'd', quoted: 'escape' },
      { kind: 'text', value: 'e', quoted: 'ansi' },
    ]);
    expect(w.literal).toBe(true);
  });

  it('keeps empty quoted words', () => {
    const [, a, b] = words(`echo "" ''`);
    expect([a.value, b.value]).toEqual(['', '']);
    expect(a.parts).toEqual([{ kind: 'text', value: '', quoted: 'double' }]);
    expect(b.parts).toEqual([{ kind: 'text', value: '', quoted: 'single' }]);
  });

  it('is literal only when nothing expands', () => {
    const lit = (src: string) => words(`echo ${src}`)[1].literal;
    expect(lit('plain')).toBe(true);
    expect(lit(`'$x'`)).toBe(true);
    expect(lit(`"\\$x"`)).toBe(true);
    expect(lit(`'*'`)).toBe(true);
    expect(lit('\\*')).toBe(true);
    expect(lit('[')).toBe(true);
    expect(lit('{}')).toBe(true);
    expect(lit('a=b')).toBe(true);
    expect(lit('$x')).toBe(false);
    expect(lit('"$x"')).toBe(false);
    expect(lit('*.log')).toBe(false);
    expect(lit('a?')).toBe(false);
    expect(lit('[ab]')).toBe(false);
    expect(lit('~')).toBe(false);
    expect(lit('{a,b}')).toBe(false);
    expect(lit('$(x)')).toBe(false);
    expect(lit('`x`')).toBe(false);
    expect(lit('$((1))')).toBe(false);
    expect(lit('<(x)')).toBe(false);
  });

  it('decodes backslashes in double quotes only before $ ` " \\ and newline', () => {
    expect(words(`echo "a\\$b\\\`c\\"d\\\\e\\xf\\\ng"`)[1].value).toBe('a$b`c"d\\e\\xfg');
  });

  it('decodes ANSI-C strings', () => {
    const v = (s: string) => words(`printf $'${s}'`)[1].value;
    expect(v('a\\nb\\tc')).toBe('a\nb\tc');
    expect(v("\\\\ \\' \\\"")).toBe('\\ \' "');
    expect(v('\\x41\\x4a')).toBe('AJ');
    expect(v('\\u263a \\U0001F600')).toBe('\u263a \u{1F600}');
    expect(v('\\101\\0')).toBe('A\0');
    expect(v('\\e\\a\\b\\f\\r\\v')).toBe('\x1b\x07\b\f\r\v');
    expect(v('\\cA\\c[')).toBe('\x01\x1b');
    expect(v('\\q')).toBe('\\q');
  });

  it('reads $"…" like double quotes', () => {
    const [, w] = words('echo $"hi $USER"');
    expect(w.value).toBe('hi $USER');
    expect(kinds(w)).toEqual(['text', 'param']);
  });

  it('removes line continuations outside single quotes', () => {
    expect(argv('ec\\\nho a\\\nb "c\\\nd"')).toEqual([['echo', 'ab', 'cd']]);
    expect(argv("echo 'a\\\nb'")).toEqual([['echo', 'a\\\nb']]);
  });

  it('treats # as a comment only at word start', () => {
    expect(argv('echo a#b #c d\necho e')).toEqual([['echo', 'a#b'], ['echo', 'e']]);
    expect(argv('echo x;#y')).toEqual([['echo', 'x']]);
  });

  it('recognises tilde prefixes', () => {
    const [, a, b, c, d] = words('echo ~ ~root/x a~ ~"x"');
    expect(a.parts).toEqual([{ kind: 'tilde', source: '~', user: '' }]);
    expect(b.parts[0]).toEqual({ kind: 'tilde', source: '~root', user: 'root' });
    expect(c.literal).toBe(true);
    expect(d.literal).toBe(true);
  });

  it('recognises globs', () => {
    const [, w] = words('ls *.t[xy]?');
    expect(w.parts).toEqual([
      { kind: 'glob', source: '*' },
      { kind: 'text', value: '.t', quoted: 'none' },
      { kind: 'glob', source: '[xy]?' },
    ]);
  });

  it('recognises brace expansion but not {} or a lone {', () => {
    const [, a, b, c, d, e] = words('echo a{b,c}d {1..3} {} { {x}');
    expect(a.parts[1]).toEqual({ kind: 'brace', source: '{b,c}', items: ['b', 'c'] });
    expect(b.parts[0]).toEqual({ kind: 'brace', source: '{1..3}', items: ['1', '2', '3'] });
    expect([c.literal, d.literal, e.literal]).toEqual([true, true, true]);
    expect(words('echo {a,{b,c}}')[1].parts).toEqual([{ kind: 'brace', source: '{a,{b,c}}', items: ['a', '{b,c}'] }]);
  });

  it('keeps substitutions inside braces visible', () => {
    expect(argv('echo {a,$(rm -rf /x)}')).toEqual([['echo', '{a,$(rm -rf /x)}'], ['rm', '-rf', '/x']]);
  });

  it('lets find -exec arguments through as plain words', () => {
    expect(argv('find . -exec rm {} \\;')).toEqual([['find', '.', '-exec', 'rm', '{}', ';']]);
  });
});

describe('parameter expansion', () => {
  const param = (src: string) => words(`echo ${src}`)[1].parts[0] as Extract<WordPart, { kind: 'param' }>;

  it('reads simple and special parameters', () => {
    for (const [src, name] of [['$x', 'x'], ['$_a1', '_a1'], ['$1', '1'], ['$@', '@'], ['$?', '?'], ['$$', '$'], ['$!', '!'], ['$#', '#'], ['$-', '-']]) {
      expect(param(src)).toEqual({ kind: 'param', source: src, name, quoted: false });
    }
    expect(words('echo $12')[1].value).toBe('$12');
    expect(kinds(words('echo $12')[1])).toEqual(['param', 'text']);
  });

  it('reads ${…} forms', () => {
    expect(param('${x}')).toEqual({ kind: 'param', source: '${x}', name: 'x', quoted: false });
    expect(param('${#x}')).toMatchObject({ name: 'x', prefix: '#' });
    expect(param('${!x}')).toMatchObject({ name: 'x', prefix: '!' });
    expect(param('${#}')).toMatchObject({ name: '#' });
    expect(param('${x:-a b}')).toMatchObject({ name: 'x', operator: ':-', operand: { value: 'a b' } });
    expect(param('${x//a/b}')).toMatchObject({ operator: '//', operand: { value: 'a/b' } });
    expect(param('${x##*/}')).toMatchObject({ operator: '##', operand: { value: '*/' } });
    expect(param('${x:1:2}')).toMatchObject({ operator: ':', operand: { value: '1:2' } });
    expect(param('${x^^}')).toMatchObject({ operator: '^^' });
    expect(param('${x@Q}')).toMatchObject({ operator: '@', operand: { value: 'Q' } });
    expect(param('${10}')).toMatchObject({ name: '10' });
    expect(param('${a[i]}')).toMatchObject({ name: 'a', subscript: { value: 'i' } });
  });

  it('parses substitutions inside operands and subscripts', () => {
    const p = param('${x:-$(rm -rf /tmp/z)}');
    expect(p.source).toBe('${x:-$(rm -rf /tmp/z)}');
    expect(p.operand?.parts[0].kind).toBe('command');
    expect(argv('echo ${a[$(idx)]}')).toEqual([['echo', '${a[$(idx)]}'], ['idx']]);
    expect(argv('echo "${x:-"$(y)"}"')).toEqual([['echo', '${x:-"$(y)"}'], ['y']]);
  });

  it('ends the operand at the first unquoted } as bash does', () => {
    expect(words('echo ${x:-{a}}')[1].value).toBe('${x:-{a}}');
    expect(kinds(words('echo ${x:-{a}}')[1])).toEqual(['param', 'text']);
    expect(words(`echo "\${x:-'}'}"`)[1].value).toBe(`\${x:-'}'}`);
  });

  it('treats a lone $ as text', () => {
    expect(words('echo $ a$ "$"')[1].literal).toBe(true);
    expect(words('echo $ a$ "$"').map((w) => w.value)).toEqual(['echo', '$', 'a$', '$']);
  });
});

describe('substitutions', () => {
  it('parses $( ) into a nested script', () => {
    const [, w] = words('echo $(ls -l | wc -l)');
    const part = w.parts[0];
    expect(part.kind).toBe('command');
    if (part.kind !== 'command') return;
    expect(part.backtick).toBe(false);
    expect(part.quoted).toBe(false);
    expect(part.body.statements[0].body.first.commands).toHaveLength(2);
  });

  it('parses backquotes with their backslash rules', () => {
    expect(argv('echo `echo \\`date\\``')).toEqual([['echo', '`echo \\`date\\``'], ['echo', '`date`'], ['date']]);
    expect(argv('echo "`echo \\"a\\"`"')).toEqual([['echo', '`echo \\"a\\"`'], ['echo', 'a']]);
    expect(argv('echo `echo \\$HOME`')).toEqual([['echo', '`echo \\$HOME`'], ['echo', '$HOME']]);
    const part = words('echo `x`')[1].parts[0];
    expect(part).toMatchObject({ kind: 'command', backtick: true, source: '`x`' });
  });

  it('parses process substitution', () => {
    const [, a, b] = words('diff <(ls a) >(cat)');
    expect(a.parts[0]).toMatchObject({ kind: 'process', direction: '<', source: '<(ls a)' });
    expect(b.parts[0]).toMatchObject({ kind: 'process', direction: '>', source: '>(cat)' });
  });

  it('parses arithmetic and the substitutions inside it', () => {
    const [, w] = words('echo $(( $(a) + `b` + ${c:-$(d)} + 1 ))');
    const part = w.parts[0];
    expect(part.kind).toBe('arith');
    if (part.kind !== 'arith') return;
    expect(part.commands).toHaveLength(3);
    expect(argv('echo $[ $(a) + 1 ]')).toEqual([['echo', '$[ $(a) + 1 ]'], ['a']]);
  });

  it('tells $(( )) from $( ( ) )', () => {
    expect(kinds(words('echo $((1 + (2)))')[1])).toEqual(['arith']);
    expect(kinds(words('echo $((echo a) )')[1])).toEqual(['command']);
    expect(argv('echo $((echo a) | wc)')).toEqual([['echo', '$((echo a) | wc)'], ['echo', 'a'], ['wc']]);
  });

  it('parses case and parentheses inside $( )', () => {
    expect(argv('echo $(case x in a) b;; esac) $(echo ")")')).toEqual([
      ['echo', '$(case x in a) b;; esac)', '$(echo ")")'],
      ['b'],
      ['echo', ')'],
    ]);
  });

  it('gives nested commands their context', () => {
    const listed = listSimpleCommands(parse('a $(b `c`) <(d); f() { g $(h); }; i'));
    expect(listed.map(({ cmd, ctx }) => [cmd.words[0].value, ctx])).toEqual([
      ['a', 'top'], ['b', 'sub'], ['c', 'sub'], ['d', 'sub'], ['g', 'fn'], ['h', 'fn'], ['i', 'top'],
    ]);
  });

  it('finds commands in every place a word can be', () => {
    const src = [
      'A=$(a1) B=(x $(a2)) cmd > $(a3)',
      'for x in $(a4); do :; done',
      'case $(a5) in $(a6)) :;; esac',
      '[[ -n $(a7) ]]',
      '(( $(a8) ))',
      'for (( i = $(a9); ; )); do :; done',
      'cat <<EOF\n$(a10)\nEOF',
      'cat <<< $(a11)',
    ].join('\n');
    const names = listSimpleCommands(parse(src)).filter((c) => c.ctx === 'sub').map((c) => c.cmd.words[0].value);
    expect(names).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9', 'a10', 'a11']);
  });

  it('does not expand inside single quotes or quoted heredocs', () => {
    expect(argv("echo '$(a)'; cat <<'E'\n$(b)\nE")).toEqual([['echo', '$(a)'], ['cat']]);
  });

  it('sets spans of nested commands inside the input', () => {
    const src = 'echo "$(rm -rf /x)"';
    const rm = listSimpleCommands(parse(src))[1].cmd;
    expect(src.slice(rm.span.start, rm.span.end)).toBe('rm -rf /x');
  });
});

describe('assignments', () => {
  it('reads assignments before the command name only', () => {
    const c = simple('A=1 B+=2 c[i]=3 cmd D=4');
    expect(c.assignments.map((a) => [a.name, a.append, a.value?.value, a.index])).toEqual([
      ['A', false, '1', undefined],
      ['B', true, '2', undefined],
      ['c', false, '3', 'i'],
    ]);
    expect(c.words.map((w) => w.value)).toEqual(['cmd', 'D=4']);
  });

  it('has a null value for x=', () => {
    expect(simple('x=').assignments[0].value).toBeNull();
    expect(simple('x=""').assignments[0].value?.value).toBe('');
  });

  it('reads array assignments', () => {
    const a = simple('arr=(a "b c" $(d)\n  e # note\n)').assignments[0];
    expect(a.name).toBe('arr');
    expect(a.value).toBeNull();
    expect(a.array?.map((w) => w.value)).toEqual(['a', 'b c', '$(d)', 'e']);
  });

  it('lets declaration builtins take array words', () => {
    expect(argv('declare -a arr=(1 2)')).toEqual([['declare', '-a', 'arr=(1 2)']]);
    syntaxError('echo arr=(1 2)');
    syntaxError('lo\\cal arr=(1 2)');
  });

  it('keeps assignment values free of glob and brace parts', () => {
    const a = simple('A=*.{c,h} cmd').assignments[0];
    expect(a.value?.literal).toBe(true);
    expect(words('export A=*.c')[1].literal).toBe(false);
  });

  it('expands a tilde after = and :', () => {
    const v = simple('P=~/bin:~x/y cmd').assignments[0].value as Word;
    expect(v.parts.filter((p) => p.kind === 'tilde').map((p) => (p as { source: string }).source)).toEqual(['~', '~x']);
  });

  it('keeps the assignment span', () => {
    const src = 'FOO="a b" cmd';
    const a = simple(src).assignments[0];
    expect(src.slice(a.span.start, a.span.end)).toBe('FOO="a b"');
  });
});

describe('redirections', () => {
  it('reads operators, fds and targets', () => {
    const r = simple('cmd <a >b >>c >|d <>e <&3 >&- &>f &>>g 2>h 2>&1 {fd}>i 10<j').redirects;
    expect(r.map((x) => [x.fd, x.fdVar, x.op, x.target.value])).toEqual([
      [null, undefined, '<', 'a'],
      [null, undefined, '>', 'b'],
      [null, undefined, '>>', 'c'],
      [null, undefined, '>|', 'd'],
      [null, undefined, '<>', 'e'],
      [null, undefined, '<&', '3'],
      [null, undefined, '>&', '-'],
      [null, undefined, '&>', 'f'],
      [null, undefined, '&>>', 'g'],
      [2, undefined, '>', 'h'],
      [2, undefined, '>&', '1'],
      [null, 'fd', '>', 'i'],
      [10, undefined, '<', 'j'],
    ]);
  });

  it('does not take a quoted or mixed word as an fd', () => {
    expect(simple('echo "2">x a2>y').words.map((w) => w.value)).toEqual(['echo', '2', 'a2']);
  });

  it('keeps redirect spans', () => {
    const src = 'echo hi 2> /dev/null';
    const r = simple(src).redirects[0];
    expect(src.slice(r.span.start, r.span.end)).toBe('2> /dev/null');
  });

  it('allows redirect-only commands', () => {
    const c = simple('> out');
    expect(c.words).toEqual([]);
    expect(c.redirects[0].op).toBe('>');
    expect(listSimpleCommands(parse('> out'))).toEqual([]);
    expect(listSimpleCommands(parse('> out'), { includeBare: true })).toHaveLength(1);
  });

  it('puts redirections after compound commands on the compound command', () => {
    const c = first('{ a; } > log 2>&1');
    expect(c.type).toBe('BraceGroup');
    expect(c.redirects.map((r) => r.op)).toEqual(['>', '>&']);
  });

  it('reads here-strings', () => {
    const r = simple('cat <<< "$x y"').redirects[0];
    expect(r.op).toBe('<<<');
    expect(r.target.value).toBe('$x y');
    expect(r.heredoc).toBeUndefined();
  });

  it('rejects a missing target', () => {
    expect(syntaxError('echo >').message).toBe('syntax error: unexpected end of file');
    expect(syntaxError('echo > ;').message).toBe("syntax error near unexpected token `;'");
  });
});

describe('heredocs', () => {
  it('reads an unquoted heredoc with expansions', () => {
    const r = simple('cat <<EOF\nhi $USER $(id)\nEOF\n').redirects[0];
    expect(r.op).toBe('<<');
    expect(r.heredoc).toMatchObject({ delimiter: 'EOF', quoted: false, stripTabs: false, body: 'hi $USER $(id)\n' });
    expect(r.heredoc?.word?.parts.map((p) => p.kind)).toEqual(['text', 'param', 'text', 'command', 'text']);
  });

  it('reads quoted delimiters literally', () => {
    for (const d of [`'EOF'`, `"EOF"`, `\\EOF`, `E"O"F`]) {
      const h = simple(`cat <<${d}\n$x\nEOF`).redirects[0].heredoc;
      expect(h).toMatchObject({ delimiter: 'EOF', quoted: true, body: '$x\n' });
      expect(h?.word).toBeUndefined();
    }
  });

  it('strips tabs for <<- (text) and keeps the source lines (body)', () => {
    const h = simple('cat <<-EOF\n\t\tone\n\ttwo\n\tEOF\n').redirects[0].heredoc;
    expect(h).toMatchObject({ stripTabs: true, body: '\t\tone\n\ttwo\n', text: 'one\ntwo\n' });
  });

  it('joins continued lines in unquoted bodies only', () => {
    expect(simple('cat <<E\na\\\nb\nE').redirects[0].heredoc?.text).toBe('ab\n');
    expect(simple("cat <<'E'\na\\\nb\nE").redirects[0].heredoc?.text).toBe('a\\\nb\n');
    expect(simple('cat <<E\na\\\\\nb\nE').redirects[0].heredoc?.text).toBe('a\\\\\nb\n');
  });

  it('reads several heredocs from one line in order', () => {
    const s = parse('cat <<A <<B; cat <<C\na\nA\nb\nB\nc\nC\necho after');
    expect(listHeredocs(s).map((h) => [h.delimiter, h.body])).toEqual([['A', 'a\n'], ['B', 'b\n'], ['C', 'c\n']]);
    expect(listSimpleCommands(s).map((c) => c.cmd.words[0].value)).toEqual(['cat', 'cat', 'echo']);
  });

  it('reads the body inside $( ) when the heredoc is there', () => {
    const s = parse("git commit -m \"$(cat <<'EOF'\nfix: thing\n)\nEOF\n)\"");
    expect(listHeredocs(s).map((h) => h.body)).toEqual(['fix: thing\n)\n']);
  });

  it('accepts a delimiter line closing the substitution, as bash 5.2 does', () => {
    const s = parse('echo $(cat <<EOF\nx\nEOF) after');
    expect(listHeredocs(s).map((h) => h.body)).toEqual(['x\n']);
    expect(argv('echo $(cat <<EOF\nx\nEOF) after')[0]).toEqual(['echo', '$(cat <<EOF\nx\nEOF)', 'after']);
  });

  it('takes the body to end of input when the delimiter is missing', () => {
    expect(listHeredocs(parse('cat <<EOF\na\nb')).map((h) => h.body)).toEqual(['a\nb\n']);
    expect(listHeredocs(parse('cat <<EOF')).map((h) => h.body)).toEqual(['']);
  });

  it('accepts the delimiter at end of input without newline', () => {
    expect(listHeredocs(parse('cat <<EOF\nx\nEOF')).map((h) => h.body)).toEqual(['x\n']);
  });

  it('does not take a longer line for the delimiter', () => {
    expect(listHeredocs(parse('cat <<EOF\nEOFX\n EOF\nEOF')).map((h) => h.body)).toEqual(['EOFX\n EOF\n']);
  });

  it('rejects malformed substitutions in unquoted bodies', () => {
    syntaxError('cat <<EOF\n$(rm -rf x\nEOF');
  });
});

describe('lists and pipelines', () => {
  it('builds statements, and-or lists and pipelines', () => {
    const s = parse('a | b |& c && ! d || e & f\ng');
    expect(s.statements).toHaveLength(3);
    const [st] = s.statements;
    expect(st.background).toBe(true);
    expect(st.body.first.commands).toHaveLength(3);
    expect(st.body.first.stderrPiped).toEqual([false, true]);
    expect(st.body.rest.map((r) => [r.op, r.pipeline.negated])).toEqual([['&&', true], ['||', false]]);
  });

  it('reads time and time -p', () => {
    const p = parse('time -p a | b').statements[0].body.first;
    expect(p.timed).toBe(true);
    expect(p.commands).toHaveLength(2);
    expect(argv('time -p a')).toEqual([['a']]);
    expect(parse('time').statements[0].body.first).toMatchObject({ timed: true, commands: [] });
  });

  it('allows newlines after operators', () => {
    expect(argv('a &&\n\n b ||\n c |\n d')).toEqual([['a'], ['b'], ['c'], ['d']]);
  });

  it('recognises reserved words in command position only', () => {
    expect(argv('echo if then fi done')).toEqual([['echo', 'if', 'then', 'fi', 'done']]);
    expect(argv('"if" x')).toEqual([['if', 'x']]);
    expect(syntaxError('fi').message).toBe("syntax error near unexpected token `fi'");
  });

  it('treats `in` in command position as reserved', () => {
    expect(syntaxError('a && in b').message).toBe("syntax error near unexpected token `in'");
    expect(argv('echo in')).toEqual([['echo', 'in']]);
  });

  it('drops a backslash that ends the input, as bash does', () => {
    expect(argv('echo a\\')).toEqual([['echo', 'a']]);
    syntaxError('echo a && \\');
  });

  it('keeps statement spans', () => {
    const src = 'a b; c &';
    expect(parse(src).statements.map((s) => src.slice(s.span.start, s.span.end))).toEqual(['a b;', 'c &']);
  });
});

describe('compound commands', () => {
  it('reads if / elif / else', () => {
    const c = first('if a; then b; elif c; then d; else e; fi');
    expect(c.type).toBe('If');
    if (c.type !== 'If') return;
    expect(c.branches).toHaveLength(2);
    expect(c.elseBody?.statements).toHaveLength(1);
  });

  it('reads for loops', () => {
    const c = first('for f in *.sql "b"; do psql -f "$f"; done');
    expect(c).toMatchObject({ type: 'For', variable: 'f' });
    if (c.type !== 'For') return;
    expect(c.items?.map((w) => w.value)).toEqual(['*.sql', 'b']);
    expect(first('for x; do :; done')).toMatchObject({ type: 'For', items: null });
    expect(first('for x in a; { b; }')).toMatchObject({ type: 'For' });
  });

  it('reads arithmetic for loops', () => {
    const c = first('for ((i=0; i<$(n); i++)); do echo $i; done');
    expect(c).toMatchObject({ type: 'ArithFor', expressions: ['i=0', ' i<$(n)', ' i++'] });
    if (c.type !== 'ArithFor') return;
    expect(c.commands).toHaveLength(1);
    expect(syntaxError('for ((i=0; i<3)); do :; done').message).toMatch(/arithmetic expression required/);
  });

  it('reads while, until and select', () => {
    expect(first('while a; do b; done').type).toBe('While');
    expect(first('until a; do b; done').type).toBe('Until');
    expect(first('select x in a b; do c; done')).toMatchObject({ type: 'Select', variable: 'x' });
  });

  it('reads case items with every terminator', () => {
    const c = first('case "$x" in\n  (a|b) one;;\n  c) two;&\n  d) three;;&\n  *) ;;\n  e) last\nesac');
    expect(c.type).toBe('Case');
    if (c.type !== 'Case') return;
    expect(c.subject.value).toBe('$x');
    expect(c.items.map((i) => [i.patterns.map((p) => p.value), i.terminator, i.body.statements.length])).toEqual([
      [['a', 'b'], ';;', 1],
      [['c'], ';&', 1],
      [['d'], ';;&', 1],
      [['*'], ';;', 0],
      [['e'], null, 1],
    ]);
  });

  it('reads subshells, groups and arithmetic commands', () => {
    expect(first('(a; b)').type).toBe('Subshell');
    expect(first('{ a; b; }').type).toBe('BraceGroup');
    expect(first('(( x = 1 + 2 ))')).toMatchObject({ type: 'ArithCommand', expression: ' x = 1 + 2 ' });
    expect(first('((a) )').type).toBe('Subshell');
  });

  it('reads [[ ]] with operators as words', () => {
    const c = first('[[ -f x && ( $a < b || ! -d y ) && $s =~ ^(a|b)+$ ]]');
    expect(c.type).toBe('TestCommand');
    if (c.type !== 'TestCommand') return;
    expect(c.words.map((w) => w.value)).toEqual([
      '-f', 'x', '&&', '(', '$a', '<', 'b', '||', '!', '-d', 'y', ')', '&&', '$s', '=~', '^(a|b)+$',
    ]);
    expect(first('[[ $x == @(a|b) ]]').type).toBe('TestCommand');
  });

  it('allows newlines where bash does inside [[ ]]', () => {
    for (const src of ['[[\n a ]]', '[[ a &&\n b ]]', '[[ a = b \n]]', '[[ ( a == b \n) && c ]]']) first(src);
    for (const src of ['[[ a\n]]', '[[ -f\n x ]]', '[[ a ==\n b ]]']) syntaxError(src);
  });

  it('rejects malformed [[ ]]', () => {
    for (const src of ['[[ a b ]]', '[[ -f ]]', '[[ ( a ]]', '[[ a == ]]', '[[ a', '[[ ]]', '[[ a ; ]]']) syntaxError(src);
  });

  it('reads function definitions in every form', () => {
    for (const src of ['f() { a; }', 'f () ( a )', 'function f { a; }', 'function f() { a; }', 'function f\n{ a; }', 'f() if a; then b; fi']) {
      const c = first(src);
      expect(c).toMatchObject({ type: 'FunctionDef', name: 'f' });
    }
    expect(first('function f ( a )')).toMatchObject({ type: 'FunctionDef', name: 'f', body: { type: 'Subshell' } });
    const f = first('f() { a; } > log');
    if (f.type !== 'FunctionDef') throw new Error('not a function');
    expect(f.body.type).toBe('BraceGroup');
    expect(f.body.redirects).toHaveLength(1);
    expect(listSimpleCommands(parse('f() { a; }; f')).map((c) => c.ctx)).toEqual(['fn', 'top']);
  });

  it('reads coproc', () => {
    expect(first('coproc a b')).toMatchObject({ type: 'Coproc', name: null, body: { type: 'SimpleCommand' } });
    expect(first('coproc NAME { a; }')).toMatchObject({ type: 'Coproc', name: 'NAME', body: { type: 'BraceGroup' } });
    expect(first('coproc { a; }')).toMatchObject({ type: 'Coproc', name: null });
  });

  it('spans compound commands', () => {
    const src = 'x; if a; then b; fi > o; y';
    const c = parse(src).statements[1].body.first.commands[0];
    expect(src.slice(c.span.start, c.span.end)).toBe('if a; then b; fi > o');
  });
});

describe('syntax errors', () => {
  it.each([
    ['echo "abc', 'unexpected EOF while looking for matching `"\''],
    ["echo 'abc", "unexpected EOF while looking for matching `''"],
    ['echo $(a', "unexpected EOF while looking for matching `)'"],
    ['echo `a', "unexpected EOF while looking for matching ``'"],
    ['echo ${a', "unexpected EOF while looking for matching `}'"],
    ['if a; then b', 'syntax error: unexpected end of file'],
    ['a &&', 'syntax error: unexpected end of file'],
    ['a ;; b', "syntax error near unexpected token `;;'"],
    ['a )', "syntax error near unexpected token `)'"],
    ['fi', "syntax error near unexpected token `fi'"],
    ['if a; b; fi', "syntax error near unexpected token `fi'"],
    ['{ }', "syntax error near unexpected token `}'"],
    ['(a) b', "syntax error near unexpected token `b'"],
    ['a | ;', "syntax error near unexpected token `;'"],
    ['a\n&& b', "syntax error near unexpected token `&&'"],
    ['case x in a) b;; ;; esac', "syntax error near unexpected token `;;'"],
  ])('%j → %s', (src, message) => {
    expect(syntaxError(src).message).toBe(message);
  });

  it('reports offsets', () => {
    expect(syntaxError('echo ok; fi').offset).toBe(9);
    expect(syntaxError('echo "abc').offset).toBe(5);
  });
});

describe('walkers', () => {
  it('lists heredocs in source order, here-strings excluded', () => {
    const s: Script = parse('cat <<A $(cat <<B\nb\nB\n) <<< x\na\nA');
    expect(listHeredocs(s).map((h) => h.delimiter)).toEqual(['A', 'B']);
  });

  it('lists assignment-only commands on request', () => {
    const s = parse('A=1; B=$(x)');
    expect(listSimpleCommands(s).map((c) => c.cmd.words[0].value)).toEqual(['x']);
    expect(listSimpleCommands(s, { includeBare: true }).map((c) => c.cmd.assignments.length)).toEqual([1, 1, 0]);
  });
});
