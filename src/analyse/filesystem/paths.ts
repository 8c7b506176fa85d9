// Path words as the shell hands them to a program, normalised for judging what they point at:
// `~`, `$HOME`, `${HOME:?}`, `$(pwd)`, `$PWD`, relative paths, `.`/`..`, repeated and trailing
// slashes, brace alternatives. Globs and unresolved variables stay as text in their segment.
// No file system access: the guard judges the words, not the disk.

export type Anchor =
  /** `/…` */
  | 'root'
  /** `~`, `~user`, `$HOME` */
  | 'home'
  /** relative to the working directory (`src`, `./x`, `$(pwd)/x`, `../x`) */
  | 'cwd'
  /** starts with a variable we cannot resolve (`$DATA_DIR/x`) */
  | 'var'
  /** nothing known (`$(find …)`, an empty word) */
  | 'opaque';

export interface FsPath {
  /** The word as given (quotes already removed). */
  raw: string;
  anchor: Anchor;
  /** Segments after the anchor; `.` dropped, `..` folded where the anchor allows (leading `..` kept for cwd). */
  segments: string[];
  /** For anchor 'var': the variable (or `$(…)` text) the path starts with. */
  variable?: string;
}

const GLOB_CHARS = /[*?[]/;

/** A segment with glob syntax or an unresolved part (`*.db`, `$X`, `$(…)`). */
export function isPatternSegment(segment: string): boolean {
  return GLOB_CHARS.test(segment) || segment.includes('$') || segment.includes('`');
}

/**
 * A segment that matches every (or every hidden) entry of its directory: `*`, `.*`, `**`, `*.*`,
 * `?*`, `.[!.]*`, `..?*`.
 */
export function isGlobOnly(segment: string): boolean {
  if (!/[*?]/.test(segment)) return false;
  return /^[.*?]*$/.test(segment.replace(/\[[^\]]*\]/g, ''));
}

/** `${NAME}`, `${NAME:?msg}`, `${NAME:-x}`, `$NAME`, `$(…)`, `` `…` `` at the start of a word. */
function leadingVariable(word: string): { name: string; rest: string } | undefined {
  if (word.startsWith('${')) {
    const end = word.indexOf('}');
    if (end < 0) return { name: word.slice(2), rest: '' };
    const inner = word.slice(2, end);
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(inner)?.[0] ?? inner;
    return { name, rest: word.slice(end + 1) };
  }
  if (word.startsWith('$(')) {
    let depth = 0;
    for (let i = 1; i < word.length; i++) {
      if (word[i] === '(') depth++;
      else if (word[i] === ')' && --depth === 0) return { name: word.slice(0, i + 1), rest: word.slice(i + 1) };
    }
    return { name: word, rest: '' };
  }
  if (word.startsWith('`')) {
    const end = word.indexOf('`', 1);
    return end < 0 ? { name: word, rest: '' } : { name: word.slice(0, end + 1), rest: word.slice(end + 1) };
  }
  if (word.startsWith('$')) {
    const name = /^\$([A-Za-z_][A-Za-z0-9_]*|[0-9@*#?$!-])/.exec(word)?.[1];
    if (name) return { name, rest: word.slice(name.length + 1) };
  }
  return undefined;
}

function isPwdSubstitution(name: string): boolean {
  const inner = name.replace(/^\$\(|\)$|^`|`$/g, '').trim();
  return /^pwd(\s+-[LP])?$/.test(inner);
}

function fold(segments: string[], anchor: Anchor): { anchor: Anchor; segments: string[] } {
  const out: string[] = [];
  for (const segment of segments) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (anchor === 'root') continue;
      else out.push('..');
      continue;
    }
    out.push(segment);
  }
  // `~/..` leaves the home directory: approximate with the directory that holds homes.
  if (anchor === 'home' && out[0] === '..') {
    const first = out.findIndex((s) => s !== '..');
    const ups = first < 0 ? out.length : first;
    const rest = out.slice(ups);
    return ups === 1 ? { anchor: 'root', segments: ['home', ...rest] } : { anchor: 'root', segments: rest };
  }
  return { anchor, segments: out };
}

export function parsePath(raw: string): FsPath {
  const word = raw;
  if (word === '') return { raw, anchor: 'opaque', segments: [] };
  // `~+` is $PWD and `~-` is $OLDPWD: where they point is the shell's to know.
  if (/^~[+-](\/|$)/.test(word)) return { raw, anchor: 'opaque', segments: [] };
  if (word === '~' || word.startsWith('~/') || /^~[A-Za-z0-9._-]+(\/|$)/.test(word)) {
    const slash = word.indexOf('/');
    const rest = slash < 0 ? [] : word.slice(slash + 1).split('/');
    return { raw, ...fold(rest, 'home') };
  }
  if (word.startsWith('/')) return { raw, ...fold(word.split('/'), 'root') };
  const variable = leadingVariable(word);
  if (variable) {
    // `${X}suffix`: the first segment is still unknown text.
    if (variable.rest !== '' && !variable.rest.startsWith('/')) {
      return { raw, anchor: 'var', segments: fold(variable.rest.split('/').slice(1), 'cwd').segments, variable: variable.name };
    }
    const rest = variable.rest.split('/');
    if (variable.name === 'HOME') return { raw, ...fold(rest, 'home') };
    if (variable.name === 'PWD' || isPwdSubstitution(variable.name)) return { raw, ...fold(rest, 'cwd') };
    const folded = fold(rest, 'cwd');
    if (folded.segments[0] === '..') return { raw, anchor: 'opaque', segments: [], variable: variable.name };
    return { raw, anchor: 'var', segments: folded.segments, variable: variable.name };
  }
  if (word.startsWith('$') || word.startsWith('`')) return { raw, anchor: 'opaque', segments: [] };
  return { raw, ...fold(word.split('/'), 'cwd') };
}

/** The path as absolute segments when the working directory is known and absolute. */
export function absoluteSegments(path: FsPath, cwd: string): string[] | undefined {
  if (path.anchor === 'root') return path.segments;
  if (path.anchor !== 'cwd' || !cwd.startsWith('/')) return undefined;
  return fold([...cwd.split('/'), ...path.segments], 'root').segments;
}

/** `/a/b` display of absolute segments. */
export function showAbsolute(segments: readonly string[]): string {
  return '/' + segments.join('/');
}

/**
 * Bash brace expansion of one word (`{dist,build}`, `src/{a,b}/x`), bounded; words without a
 * comma list inside braces come back unchanged (`${VAR}`, `stash@{2}`).
 */
export function expandBraces(word: string, limit = 32): string[] {
  const open = findBraceList(word);
  if (!open) return [word];
  const { start, end, parts } = open;
  const out: string[] = [];
  for (const part of parts) {
    for (const expanded of expandBraces(word.slice(0, start) + part + word.slice(end + 1), limit)) {
      out.push(expanded);
      if (out.length >= limit) return out;
    }
  }
  return out;
}

function findBraceList(word: string): { start: number; end: number; parts: string[] } | undefined {
  for (let start = word.indexOf('{'); start >= 0; start = word.indexOf('{', start + 1)) {
    if (start > 0 && word[start - 1] === '$') continue;
    let depth = 0;
    const cuts: number[] = [];
    for (let i = start; i < word.length; i++) {
      const ch = word[i];
      if (ch === '{') depth++;
      else if (ch === '}') {
        depth--;
        if (depth === 0) {
          if (cuts.length === 0) break;
          const parts: string[] = [];
          let from = start + 1;
          for (const cut of cuts) {
            parts.push(word.slice(from, cut));
            from = cut + 1;
          }
          parts.push(word.slice(from, i));
          return { start, end: i, parts };
        }
      } else if (ch === ',' && depth === 1) cuts.push(i);
    }
  }
  return undefined;
}
