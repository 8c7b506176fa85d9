// A small line diff for `--dry-run`: what a change would add (+) and remove (-), with a few lines
// of context. Config files are small; past a size limit the whole new content is shown instead.
const CONTEXT = 3;
const MAX_CELLS = 4_000_000;

type Op = { kind: ' ' | '-' | '+'; line: string };

function operations(a: string[], b: string[]): Op[] | undefined {
  if (a.length * b.length > MAX_CELLS) return undefined;
  // Longest common subsequence table, filled from the end.
  const lcs: Uint32Array[] = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) ops.push({ kind: ' ', line: a[i++] }), j++;
    // Removals before additions, as in `diff -u`.
    else if (i < a.length && (j === b.length || lcs[i + 1][j] >= lcs[i][j + 1])) ops.push({ kind: '-', line: a[i++] });
    else ops.push({ kind: '+', line: b[j++] });
  }
  return ops;
}

function lines(text: string | undefined): string[] {
  if (text === undefined || text === '') return [];
  return text.replace(/\n$/, '').split('\n');
}

/** A unified-style diff of two versions of a file ("" when they are equal). */
export function unifiedDiff(path: string, before: string | undefined, after: string | undefined): string {
  if (before === after) return '';
  const header = [`--- ${before === undefined ? '/dev/null' : path}`, `+++ ${after === undefined ? '/dev/null' : path}`];
  const ops = operations(lines(before), lines(after));
  if (!ops) return [...header, ...lines(after).map((l) => `+${l}`)].join('\n') + '\n';
  const keep = new Array<boolean>(ops.length).fill(false);
  ops.forEach((op, index) => {
    if (op.kind === ' ') return;
    for (let k = Math.max(0, index - CONTEXT); k <= Math.min(ops.length - 1, index + CONTEXT); k++) keep[k] = true;
  });
  const out = [...header];
  let gap = false;
  ops.forEach((op, index) => {
    if (!keep[index]) {
      gap = true;
      return;
    }
    if (gap) out.push('@@');
    gap = false;
    out.push(`${op.kind}${op.line}`);
  });
  return out.join('\n') + '\n';
}
