// Which paths a command changes, and how: the targets of rm/mv/cp/ln/install/rsync/tee/dd,
// in-place editors (sed -i, perl -i, yq -i), permission changes, download and extract targets,
// editors, git's file commands and output redirections. (File writes in inline interpreter code
// reach us as the `tee`/`rm` commands the expansion turns them into.)
import { statSync } from 'node:fs';
import { posix } from 'node:path';
import type { ExecCommand } from '../../types.js';
import { parseArgs, type ParsedArgs } from '../../rules/argv.js';
import type { PathOp } from './protected-paths.js';
import { own } from '../../util/own.js';
import { WRITE_REDIRECTS } from '../dispatch.js';

export interface PathUse {
  word: string;
  op: PathOp;
  /** Folder the word is relative to (git -C, tar -C); the command's cwd when absent. */
  base?: string;
}


function positionals(parsed: ParsedArgs): string[] {
  return [...parsed.positionals.map((p) => p.value), ...parsed.rest];
}

function value(parsed: ParsedArgs, names: readonly string[]): string | undefined {
  return parsed.flags.find((f) => names.includes(f.name) && f.value !== undefined)?.value;
}

function has(parsed: ParsedArgs, names: readonly string[]): boolean {
  return parsed.flags.some((f) => names.includes(f.name));
}

const all = (words: readonly string[], op: PathOp): PathUse[] => words.map((word) => ({ word, op }));

function isFolder(word: string, cwd: string): boolean {
  return statSync(posix.resolve(cwd || '/', word), { throwIfNoEntry: false })?.isDirectory() ?? false;
}

/** `src/.` (and for rsync `src/`): the contents of src, not src itself, land in the destination. */
const contentsOf = (source: string, slashMeansContents: boolean) => source === '.' || source.endsWith('/.') || (slashMeansContents && source.endsWith('/'));

/**
 * `cp a b dir/`: the destination, and what lands inside it when it is a folder. Only copying a
 * folder's contents (`cp -r src/. dir/`, `rsync -a src/ dir/`) can replace anything else in it.
 */
function destination(dest: string | undefined, sources: readonly string[], targetDir: string | undefined, cwd: string, contents = false): PathUse[] {
  const into = (dir: string) => sources.map((s) => ({ word: `${dir.replace(/\/+$/, '')}/${s.split('/').filter(Boolean).pop() ?? s}`, op: 'write' as const }));
  const folder = targetDir ?? (dest !== undefined && (dest.endsWith('/') || sources.length > 1 || isFolder(dest, cwd)) ? dest : undefined);
  if (folder !== undefined) return [...(contents ? [{ word: folder, op: 'fill' as const }] : []), ...into(folder)];
  return dest === undefined ? [] : [{ word: dest, op: contents ? 'fill' : 'write' }];
}

type Extractor = (args: string[], cmd: ExecCommand) => PathUse[];

const deleteAll =
  (valueFlags: string[] = []): Extractor =>
  (args) =>
    all(positionals(parseArgs(args, { valueFlags })), 'delete');

const copyLike =
  (valueFlags: string[], targetFlags: string[]): Extractor =>
  (args, cmd) => {
    const parsed = parseArgs(args, { valueFlags: [...valueFlags, ...targetFlags] });
    const words = positionals(parsed);
    const target = value(parsed, targetFlags);
    const sources = target !== undefined ? words : words.slice(0, -1);
    const contents = has(parsed, ['-r', '-R', '-a', '--recursive', '--archive']) && sources.some((s) => contentsOf(s, false));
    if (target !== undefined) return destination(undefined, words, target, cmd.cwd, contents);
    return words.length >= 2 ? destination(words[words.length - 1], sources, undefined, cmd.cwd, contents) : [];
  };

function inPlaceEditor(valueFlags: string[], inPlace: (parsed: ParsedArgs, args: string[]) => boolean, scriptFlags: string[]): Extractor {
  return (args) => {
    const parsed = parseArgs(args, { valueFlags });
    if (!inPlace(parsed, args)) return [];
    const words = positionals(parsed);
    // without -e/-f the first positional is the script, not a file
    return all(has(parsed, scriptFlags) ? words : words.slice(1), 'edit');
  };
}

const modeThenPaths =
  (valueFlags: string[], reference: string[]): Extractor =>
  (args) => {
    const parsed = parseArgs(args, { valueFlags: [...valueFlags, ...reference] });
    const words = positionals(parsed);
    return all(has(parsed, reference) ? words : words.slice(1), 'chmod');
  };

const editors: Extractor = (args) => all(positionals(parseArgs(args, { valueFlags: ['-c', '--cmd', '-S', '-u', '-i', '-T', '-w', '-W', '-s', '-q', '-t'] })).filter((w) => !w.startsWith('+')), 'edit');

const GIT_GLOBAL_VALUE = ['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--exec-path', '--config-env'];

function gitPaths(args: string[]): PathUse[] {
  const parsed = parseArgs(args, { valueFlags: GIT_GLOBAL_VALUE });
  const sub = parsed.positionals[0];
  const op = sub && ({ rm: 'delete', mv: 'move', restore: 'edit', checkout: 'edit', clean: 'delete' } as Record<string, PathOp>)[sub.value];
  if (!sub || !op) return [];
  const base = value(parsed, ['-C']);
  const rest = parseArgs(args.slice(sub.index + 1), { valueFlags: ['-m', '--message', '-s', '--source', '-b', '-B', '--pathspec-from-file', '-e', '--exclude'] });
  // branch names and commits among these never look like protected paths
  return positionals(rest).map((word) => ({ word, op, base }));
}

const CHANGERS = new Set(['rm', 'unlink', 'rmdir', 'shred', 'mv', 'truncate', 'chmod', 'chown', 'chgrp', 'sed', 'perl', 'tee', 'cp', 'dd']);

function findPaths(args: string[]): PathUse[] {
  const roots: string[] = [];
  let i = 0;
  while (i < args.length && ['-H', '-L', '-P'].includes(args[i])) i++;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('-') || a === '(' || a === '!') break;
    roots.push(a);
  }
  // what -exec runs is judged on its own (the expansion emits it with `{}`); here only whether
  // it changes the files found under the roots
  const expression = args.slice(i);
  const destructive = expression.some((a, j) => a === '-delete' || (/^-(exec|execdir|ok|okdir)$/.test(a) && CHANGERS.has(posix.basename(expression[j + 1] ?? ''))));
  return destructive ? all(roots.length ? roots : ['.'], 'delete') : [];
}

function tarPaths(args: string[]): PathUse[] {
  const parsed = parseArgs(args, { valueFlags: ['-C', '--directory', '-f', '--file', '-T', '--files-from', '-X', '--exclude-from'] });
  const extracting = has(parsed, ['-x', '--extract', '--get']) || /^[a-zA-Z]*x[a-zA-Z]*$/.test(args[0] ?? '');
  if (!extracting) return [];
  const dir = value(parsed, ['-C', '--directory']);
  return [{ word: dir ?? '.', op: dir ? 'fill' : 'write' }];
}

function rsyncPaths(args: string[], cmd: ExecCommand): PathUse[] {
  const parsed = parseArgs(args, {
    valueFlags: ['-e', '--rsh', '--exclude', '--include', '-f', '--filter', '--files-from', '--chmod', '--chown', '--log-file', '--backup-dir', '--suffix', '-T', '--temp-dir', '--partial-dir', '--compare-dest', '--copy-dest', '--link-dest', '--max-size', '--min-size', '--timeout', '--port', '--bwlimit', '-M', '--remote-option', '--password-file', '--exclude-from', '--include-from'],
  });
  const words = positionals(parsed);
  if (words.length < 2) return [];
  const dest = words[words.length - 1];
  if (/^[^/]*:/.test(dest)) return []; // host:path is remote
  const sources = words.slice(0, -1);
  const deletes = has(parsed, ['--delete', '--delete-before', '--delete-during', '--delete-after', '--delete-delay', '--delete-excluded']);
  const uses = destination(dest, sources, undefined, cmd.cwd, deletes || sources.some((s) => contentsOf(s, true)));
  if (has(parsed, ['--remove-source-files'])) uses.push(...all(sources.filter((s) => !/^[^/]*:/.test(s)), 'move'));
  return uses;
}

const EXTRACTORS: Record<string, Extractor> = {
  rm: deleteAll(),
  unlink: deleteAll(),
  rmdir: deleteAll(),
  shred: deleteAll(['-n', '--iterations', '-s', '--size', '--random-source']),
  srm: deleteAll(),
  trash: deleteAll(),
  'trash-put': deleteAll(),
  truncate: (args) => all(positionals(parseArgs(args, { valueFlags: ['-s', '--size', '-r', '--reference'] })), 'write'),
  mv: (args, cmd) => {
    const parsed = parseArgs(args, { valueFlags: ['-t', '--target-directory', '-S', '--suffix'] });
    const words = positionals(parsed);
    const target = value(parsed, ['-t', '--target-directory']);
    // every source goes away, and the destination (or what lands in it) is replaced
    const dest = target === undefined && words.length >= 2 ? destination(words[words.length - 1], words.slice(0, -1), undefined, cmd.cwd) : [];
    return [...all(words, 'move'), ...dest, ...(target !== undefined ? destination(undefined, words, target, cmd.cwd) : [])];
  },
  cp: copyLike(['-S', '--suffix'], ['-t', '--target-directory']),
  scp: copyLike(['-P', '-i', '-o', '-F', '-c', '-l', '-S', '-J'], []),
  ln: copyLike(['-S', '--suffix'], ['-t', '--target-directory']),
  install: (args, cmd) => {
    const parsed = parseArgs(args, { valueFlags: ['-m', '--mode', '-o', '--owner', '-g', '--group', '-S', '--suffix', '-t', '--target-directory'] });
    if (has(parsed, ['-d', '--directory'])) return all(positionals(parsed), 'write');
    return copyLike(['-m', '--mode', '-o', '--owner', '-g', '--group', '-S', '--suffix'], ['-t', '--target-directory'])(args, cmd);
  },
  rsync: rsyncPaths,
  tee: (args) => all(positionals(parseArgs(args)), 'write'),
  sponge: (args) => all(positionals(parseArgs(args)), 'write'),
  dd: (args) => args.filter((a) => a.startsWith('of=')).map((a) => ({ word: a.slice(3), op: 'write' as const })),
  sed: inPlaceEditor(['-e', '--expression', '-f', '--file', '-l', '--line-length'], (p, args) => has(p, ['-i', '--in-place']) || args.some((a) => a.startsWith('--in-place=')), ['-e', '--expression', '-f', '--file']),
  perl: inPlaceEditor(['-e', '-E', '-I', '-M', '-m', '-l', '-0'], (p) => has(p, ['-i']), ['-e', '-E']),
  ruby: inPlaceEditor(['-e', '-I', '-r', '-E'], (p) => has(p, ['-i']), ['-e']),
  gawk: inPlaceEditor(['-i', '--include', '-f', '--file', '-v', '--assign', '-F', '--field-separator'], (p) => value(p, ['-i', '--include']) === 'inplace', ['-f', '--file']),
  awk: inPlaceEditor(['-i', '--include', '-f', '--file', '-v', '--assign', '-F', '--field-separator'], (p) => value(p, ['-i', '--include']) === 'inplace', ['-f', '--file']),
  yq: (args) => {
    const parsed = parseArgs(args, { valueFlags: ['-o', '--output-format', '-p', '--input-format', '--from-file'] });
    return has(parsed, ['-i', '--inplace']) ? all(positionals(parsed), 'edit') : [];
  },
  prettier: (args) => {
    const parsed = parseArgs(args, { valueFlags: ['--config', '--parser', '--plugin', '--ignore-path'] });
    return has(parsed, ['--write', '-w']) ? all(positionals(parsed), 'edit') : [];
  },
  chmod: modeThenPaths([], ['--reference']),
  chown: modeThenPaths([], ['--reference']),
  chgrp: modeThenPaths([], ['--reference']),
  chattr: (args) => all(args.filter((a) => !/^[-+=]/.test(a)), 'chmod'), // `+i`/`-i` are modes, the rest paths
  setfacl: (args) => all(positionals(parseArgs(args, { valueFlags: ['-m', '-M', '-x', '-X', '--set', '--set-file', '--modify', '--modify-file', '--remove', '--remove-file'] })), 'chmod'),
  touch: (args) => all(positionals(parseArgs(args, { valueFlags: ['-d', '--date', '-r', '--reference', '-t'] })), 'write'),
  mkdir: (args) => all(positionals(parseArgs(args, { valueFlags: ['-m', '--mode'] })), 'write'),
  vi: editors,
  vim: editors,
  nvim: editors,
  ex: editors,
  ed: editors,
  nano: editors,
  emacs: editors,
  micro: editors,
  hx: editors,
  kak: editors,
  git: gitPaths,
  find: findPaths,
  tar: tarPaths,
  unzip: (args) => {
    const dir = value(parseArgs(args, { valueFlags: ['-d', '-x'] }), ['-d']);
    return dir !== undefined ? [{ word: dir, op: 'fill' }] : [];
  },
  curl: (args) => {
    const parsed = parseArgs(args, { valueFlags: ['-o', '--output', '--output-dir', '-H', '--header', '-d', '--data', '-X', '--request', '-u', '--user', '-F', '--form', '-A', '-e', '-b', '-c', '--cookie', '--cookie-jar', '-T', '--upload-file', '-w', '--write-out', '-x', '--proxy', '--url'] });
    const uses: PathUse[] = parsed.flags.filter((f) => (f.name === '-o' || f.name === '--output') && f.value).map((f) => ({ word: f.value as string, op: 'write' as const }));
    const dir = value(parsed, ['--output-dir']);
    if (dir !== undefined) uses.push({ word: dir, op: 'fill' });
    const jar = value(parsed, ['-c', '--cookie-jar']);
    if (jar !== undefined) uses.push({ word: jar, op: 'write' });
    return uses;
  },
  wget: (args) => {
    const parsed = parseArgs(args, { valueFlags: ['-O', '--output-document', '-P', '--directory-prefix', '-o', '--output-file', '-a', '--append-output'] });
    const uses: PathUse[] = [];
    for (const flag of ['-O', '--output-document', '-o', '--output-file', '-a', '--append-output']) {
      const v = value(parsed, [flag]);
      if (v !== undefined) uses.push({ word: v, op: 'write' });
    }
    const dir = value(parsed, ['-P', '--directory-prefix']);
    if (dir !== undefined) uses.push({ word: dir, op: 'fill' });
    return uses;
  },
};

// Output-file options most tools share; checked on any program without its own extractor.
const OUTPUT_FLAGS = new Set(['-o', '--output', '--out', '--output-file', '--outfile', '--out-file', '--output-path']);

function genericOutputs(args: readonly string[]): PathUse[] {
  const uses: PathUse[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('-')) continue;
    const eq = a.indexOf('=');
    if (eq > 0 && OUTPUT_FLAGS.has(a.slice(0, eq))) uses.push({ word: a.slice(eq + 1), op: 'write' });
    else if (OUTPUT_FLAGS.has(a) && args[i + 1] !== undefined) uses.push({ word: args[i + 1], op: 'write' });
  }
  return uses;
}

/** Every path this command changes, with how. */
export function pathsChanged(cmd: ExecCommand): PathUse[] {
  const uses: PathUse[] = [];
  for (const r of cmd.redirects) {
    if (WRITE_REDIRECTS.has(r.op) && !/^\d+$|^-$/.test(r.target)) uses.push({ word: r.target, op: 'write' });
  }
  const args = cmd.argv.slice(1);
  const extractor = own(EXTRACTORS, cmd.name);
  // An extractor that throws is not silenced: the pipeline holds the command (internal.error).
  if (extractor) uses.push(...extractor(args, cmd));
  else if (args.length) {
    uses.push(...genericOutputs(args));
  }
  return uses;
}
