import { describe, expect, it } from 'vitest';
import { anyOn, countOf, isOn, parseOptions, valueOf } from '../../../src/analyse/filesystem/getopt.js';
import { absoluteSegments, expandBraces, isGlobOnly, parsePath } from '../../../src/analyse/filesystem/paths.js';

describe('parsePath', () => {
  it.each([
    ['/', 'root', []],
    ['//etc///nginx/', 'root', ['etc', 'nginx']],
    ['/var/lib/../lib/./mysql', 'root', ['var', 'lib', 'mysql']],
    ['/..', 'root', []],
    ['~', 'home', []],
    ['~/', 'home', []],
    ['~/projects/../.cache', 'home', ['.cache']],
    ['~bob/x', 'home', ['x']],
    ['$HOME', 'home', []],
    ['${HOME}/a', 'home', ['a']],
    ['${HOME:?}/*', 'home', ['*']],
    ['$PWD/x', 'cwd', ['x']],
    ['$(pwd)/*', 'cwd', ['*']],
    ['`pwd`', 'cwd', []],
    ['.', 'cwd', []],
    ['./', 'cwd', []],
    ['./src/', 'cwd', ['src']],
    ['../..', 'cwd', ['..', '..']],
    ['a/../../b', 'cwd', ['..', 'b']],
    ['$DATA_DIR/x', 'var', ['x']],
    ['${DATA_DIR:?}/*', 'var', ['*']],
    ['$(mktemp -d)', 'var', []],
    ['$1', 'var', []],
    ['', 'opaque', []],
  ])('%s', (raw, anchor, segments) => {
    const path = parsePath(raw);
    expect(path.anchor).toBe(anchor);
    expect(path.segments).toEqual(segments);
  });

  it('remembers the variable', () => {
    expect(parsePath('${DATA_DIR:?}/*').variable).toBe('DATA_DIR');
    expect(parsePath('~/..')).toMatchObject({ anchor: 'root', segments: ['home'] });
  });

  it('resolves relative paths against an absolute cwd', () => {
    expect(absoluteSegments(parsePath('../x'), '/work/app')).toEqual(['work', 'x']);
    expect(absoluteSegments(parsePath('x'), '')).toBeUndefined();
    expect(absoluteSegments(parsePath('*'), '/')).toEqual(['*']);
  });
});

describe('globs and braces', () => {
  it.each(['*', '.*', '**', '*.*', '?*', '.[!.]*', '..?*'])('%s matches a whole folder', (s) => expect(isGlobOnly(s)).toBe(true));
  it.each(['*.db', 'a*', 'dist', '.git', ''])('%s does not', (s) => expect(isGlobOnly(s)).toBe(false));

  it('expands brace lists, leaves parameter braces alone and stays bounded', () => {
    expect(expandBraces('{dist,build}')).toEqual(['dist', 'build']);
    expect(expandBraces('src/{a,b}/{x,y}')).toEqual(['src/a/x', 'src/a/y', 'src/b/x', 'src/b/y']);
    expect(expandBraces('${HOME}/x')).toEqual(['${HOME}/x']);
    expect(expandBraces('stash@{2}')).toEqual(['stash@{2}']);
    expect(expandBraces('{a,{b,c}}')).toEqual(['a', 'b', 'c']);
    expect(expandBraces('{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}', 10)).toHaveLength(10);
  });
});

describe('parseOptions', () => {
  const table = {
    short: { f: ['force', 0], o: ['output', 1], d: ['delete', 0] } as const,
    long: { force: 0, output: 1, delete: 0, 'force-with-lease': 2, 'dry-run': 0 } as const,
    negatable: true,
  };

  it('reads clusters, attached and separate values, abbreviations, negation and --', () => {
    const parsed = parseOptions(['-fdoout.txt', 'pos', '--dry', '--no-force', '--output', 'x', '--', '-f'], table);
    expect(isOn(parsed, 'delete')).toBe(true);
    expect(isOn(parsed, 'force')).toBe(false);
    expect(isOn(parsed, 'dry-run')).toBe(true);
    expect(valueOf(parsed, 'output')).toBe('x');
    expect(parsed.positionals).toEqual(['pos', '-f']);
    expect(parsed.dashDash).toBe(1);
  });

  it('counts repeats, leaves optional values to =, and names unknown letters', () => {
    const parsed = parseOptions(['-ff', '--force-with-lease', 'main', '-z'], table);
    expect(countOf(parsed, 'force')).toBe(2);
    expect(valueOf(parsed, 'force-with-lease')).toBeUndefined();
    expect(parsed.positionals).toEqual(['main']);
    expect(anyOn(parsed, ['-z'])).toBe(true);
  });

  it('an ambiguous abbreviation is no option at all', () => {
    expect(isOn(parseOptions(['--forc'], table), 'force')).toBe(false);
  });
});
