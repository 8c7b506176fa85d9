// Wrappers that run a command once per input item: find -exec, xargs, GNU parallel.
import { has, optionValue, scanOptions } from '../options.js';
import type { Value } from '../scope.js';
import { joinWords, type Unwrapped, type Unwrapper } from './types.js';

/** How many per-item commands to analyse; more items are the same command with other data. */
const MAX_ITEMS = 8;

const FIND_PREDICATE_START = /^[-(!,]/;

/**
 * `find ROOT … -exec rm -rf {} +`: the command runs on every match. `{}` becomes a placeholder
 * path `ROOT/**\/<-name pattern>` so the analyser can judge the tree it hits.
 */
const find: Unwrapper = (argv): Unwrapped => {
  let i = 1;
  while (i < argv.length && /^-(H|L|P|D|O\d*)$/.test(argv[i].text)) i += argv[i].text === '-D' ? 2 : 1;
  const roots: Value[] = [];
  while (i < argv.length && !FIND_PREDICATE_START.test(argv[i].text)) roots.push(argv[i++]);
  const root = roots[0] ?? { text: '.', known: true };
  let name: string | undefined;
  let path: string | undefined;
  const commands: { argv: Value[]; via: string }[] = [];
  for (; i < argv.length; i++) {
    const word = argv[i].text;
    if ((word === '-name' || word === '-iname') && argv[i + 1]) name = argv[++i].text;
    else if ((word === '-path' || word === '-ipath' || word === '-wholename' || word === '-iwholename') && argv[i + 1]) path = argv[++i].text;
    else if (word === '-exec' || word === '-execdir' || word === '-ok' || word === '-okdir') {
      const inner: Value[] = [];
      let j = i + 1;
      for (; j < argv.length; j++) {
        const t = argv[j].text;
        if (t === ';' || (t === '+' && inner.at(-1)?.text.includes('{}'))) break;
        inner.push(argv[j]);
      }
      const placeholder = path ?? `${root.text.replace(/\/+$/, '') || '/'}/**/${name ?? '*'}`;
      if (inner.length) {
        commands.push({
          argv: inner.map((w) => (w.text.includes('{}') ? { text: w.text.split('{}').join(placeholder), known: false } : w)),
          via: `find ${word}`,
        });
      }
      i = j;
    }
  }
  return { kind: 'many', commands, keepSelf: true };
};

const XARGS_VALUES = ['-a', '--arg-file', '-d', '--delimiter', '-E', '-I', '-L', '--max-lines', '-n', '--max-args', '-P', '--max-procs', '-s', '--max-chars', '--process-slot-var', '--replace'];

function splitItems(text: string, delimiter: string | undefined, lines: boolean): string[] {
  const parts = delimiter !== undefined ? text.split(delimiter) : lines ? text.split('\n') : text.split(/\s+/);
  return parts.map((p) => p.trim()).filter(Boolean);
}

/**
 * xargs's default input syntax: items separated by blanks and newlines, with '…', "…" and
 * backslash quoting. Returns the items of each input line (for -L).
 */
function xargsLines(text: string): string[][] {
  const lines: string[][] = [];
  let items: string[] = [];
  let item: string | null = null;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = null;
      else item = (item ?? '') + ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      item ??= '';
    } else if (ch === '\\' && i + 1 < text.length) {
      item = (item ?? '') + text[++i];
    } else if (ch === ' ' || ch === '\t' || ch === '\n') {
      if (item !== null) items.push(item);
      item = null;
      if (ch === '\n' && items.length) {
        lines.push(items);
        items = [];
      }
    } else item = (item ?? '') + ch;
  }
  if (item !== null) items.push(item);
  if (items.length) lines.push(items);
  return lines;
}

function withItem(template: readonly Value[], replace: string | undefined, item: Value): Value[] {
  if (replace === undefined) return [...template, item];
  return template.map((w) => (w.text.includes(replace) ? { text: w.text.split(replace).join(item.text), known: w.known && item.known } : w));
}

/** xargs: the command gets its arguments from stdin. */
const xargs: Unwrapper = (argv, io): Unwrapped => {
  const scan = scanOptions(argv, 1, XARGS_VALUES);
  let replace = optionValue(scan, '-I', '--replace');
  for (const [flag] of scan.found) if (flag === '-i') replace ??= '{}';
  const iAttached = argv.slice(1, scan.index).find((a) => a.text.startsWith('-i') && a.text.length > 2 && !a.text.startsWith('--'));
  if (iAttached) replace = iAttached.text.slice(2);
  const template = argv.slice(scan.index);
  if (template.length === 0) template.push({ text: 'echo', known: true });
  const delimiter = has(scan, '-0', '--null') ? '\0' : optionValue(scan, '-d', '--delimiter');
  const input = io.stdinText();
  const via = 'xargs';
  if (input === undefined) return { kind: 'exec', argv: withItem(template, replace, { text: '{}', known: false }), via };
  const known = (text: string): Value => ({ text, known: true });
  // -I: one command per input line, the line replacing the placeholder.
  if (replace !== undefined) {
    const items = splitItems(input, delimiter, true);
    if (items.length === 0) return { kind: 'inert' };
    return { kind: 'many', commands: items.slice(0, MAX_ITEMS).map((item) => ({ argv: withItem(template, replace, known(item)), via })), keepSelf: false };
  }
  // Otherwise the items are appended, as many as fit (-n N per command, -L N lines per command).
  const lines = delimiter !== undefined ? [input.split(delimiter).filter((p, i, all) => p !== '' || i < all.length - 1)] : xargsLines(input);
  const perLines = Number(optionValue(scan, '-L', '--max-lines') ?? 0);
  const perArgs = Number(optionValue(scan, '-n', '--max-args') ?? 0);
  let groups: string[][];
  if (perLines > 0) {
    groups = [];
    for (let i = 0; i < lines.length; i += perLines) groups.push(lines.slice(i, i + perLines).flat());
  } else {
    const all = lines.flat();
    groups = [];
    const size = perArgs > 0 ? perArgs : Math.max(1, all.length);
    for (let i = 0; i < all.length; i += size) groups.push(all.slice(i, i + size));
  }
  // With no input at all, GNU xargs still runs the command once (unless -r).
  if (groups.length === 0) groups = has(scan, '-r', '--no-run-if-empty') ? [] : [[]];
  if (groups.length === 0) return { kind: 'inert' };
  return { kind: 'many', commands: groups.slice(0, MAX_ITEMS).map((group) => ({ argv: [...template, ...group.map(known)], via })), keepSelf: false };
};

const PARALLEL_VALUES = ['-j', '--jobs', '-n', '-N', '--max-args', '-a', '--arg-file', '-d', '--delimiter', '-S', '--sshlogin', '--colsep', '-C', '--halt', '-L', '--max-lines', '-s', '--max-chars', '--tmpdir', '--results', '--joblog', '--timeout', '-P', '--workdir', '--wd', '--env', '-E', '--eof', '-I', '--delay', '--memfree', '--load', '--retries', '--sshloginfile'];
const PARALLEL_SEPARATORS = [':::', '::::', ':::+', '::::+'];

/** GNU parallel: runs the template through a shell once per input (`::: a b`, or stdin lines). */
const parallel: Unwrapper = (argv, io): Unwrapped => {
  const scan = scanOptions(argv, 1, PARALLEL_VALUES);
  if (has(scan, '--dry-run', '--dryrun')) return { kind: 'inert' };
  const replace = optionValue(scan, '-I') ?? '{}';
  let end = argv.findIndex((a, i) => i >= scan.index && PARALLEL_SEPARATORS.includes(a.text));
  if (end < 0) end = argv.length;
  const template = argv.slice(scan.index, end);
  let items: Value[] = argv.slice(end + 1).filter((a) => !PARALLEL_SEPARATORS.includes(a.text));
  if (end === argv.length) {
    const input = io.stdinText();
    items = input === undefined ? [] : splitItems(input, undefined, true).map((text) => ({ text, known: true }));
  }
  // No template: every input line is itself a command.
  if (template.length === 0) return items.length ? { kind: 'shell', text: { text: items.map((i) => i.text).join('\n'), known: items.every((i) => i.known) }, via: 'parallel' } : { kind: 'stdin-shell', via: 'parallel' };
  const base = joinWords(template);
  if (items.length === 0) items = [{ text: '{}', known: false }];
  const scripts = items.slice(0, MAX_ITEMS).map((item) => {
    const text = base.text.includes(replace) ? base.text.split(replace).join(item.text) : `${base.text} ${item.text}`;
    return text;
  });
  return { kind: 'shell', text: { text: scripts.join('\n'), known: base.known && items.every((i) => i.known) }, via: 'parallel' };
};

export const fanoutWrappers: Record<string, Unwrapper> = { find, xargs, parallel };
