// Where a shell expansion inside a word ends, for readers that only need to step over one: the
// redactor keeps `$(…)` whole as one value, the HTTP URL splitter must not split at a `/` inside
// `${API}`. Both live on different sides of the bundle split (the hook's core, a lazily loaded
// analyser), so this stays a dependency-free module. Not a parser: quotes inside are not read.

/**
 * End (exclusive) of the backquoted, `$( … )` or `${ … }` expansion starting at `i`; `i + 1` when
 * none starts there, the text's end when it is not closed.
 */
export function expansionEnd(text: string, i: number): number {
  if (text[i] === '`') {
    const close = text.indexOf('`', i + 1);
    return close < 0 ? text.length : close + 1;
  }
  const open = text[i + 1];
  if (open !== '(' && open !== '{') return i + 1;
  const close = open === '(' ? ')' : '}';
  let depth = 0;
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] === open) depth++;
    else if (text[j] === close && --depth === 0) return j + 1;
  }
  return text.length;
}
