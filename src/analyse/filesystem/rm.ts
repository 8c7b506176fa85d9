// rm, unlink, srm, shred: what each path argument would take with it.
import type { ExecCommand, Finding } from '../../types.js';
import { classifyFile, classifyMass, classifyTree, type Verdict } from './classify.js';
import {
  findingFor, hasVia, RULE_CATASTROPHIC, RULE_DATA_FILES, RULE_FIND_DELETE, RULE_RECURSIVE, RULE_SHRED, viaHint, type PathVerdict,
} from './findings.js';
import { findPlan } from './find.js';
import { asksForHelp, isOn, parseOptions, type OptionTable } from './getopt.js';
import { expandBraces, isPatternSegment } from './paths.js';


// GNU coreutils rm plus the BSD/macOS letters (-P overwrite, -W undelete, -x one file system).
const RM_OPTIONS: OptionTable = {
  short: {
    f: ['force', 0], i: ['prompt', 0], I: ['prompt-once', 0], r: ['recursive', 0], R: ['recursive', 0], d: ['dir', 0],
    v: ['verbose', 0], P: ['overwrite', 0], W: ['undelete', 0], x: ['one-file-system', 0],
  },
  long: {
    force: 0, interactive: 2, 'one-file-system': 0, 'no-preserve-root': 0, 'preserve-root': 2, recursive: 0, dir: 0,
    verbose: 0, help: 0, version: 0,
  },
};

const SHRED_OPTIONS: OptionTable = {
  short: { f: ['force', 0], n: ['iterations', 1], s: ['size', 1], u: ['remove', 0], v: ['verbose', 0], x: ['exact', 0], z: ['zero', 0] },
  long: { force: 0, iterations: 1, 'random-source': 1, remove: 2, size: 1, verbose: 0, exact: 0, zero: 0, help: 0, version: 0 },
};

/** `ROOT/**\/PATTERN` (find -exec placeholders, globstar): the root and the name pattern. */
export function splitTreeGlob(word: string): { root: string; pattern: string } | undefined {
  const at = word === '**' || word.startsWith('**/') ? 0 : word.indexOf('/**');
  if (at < 0) return undefined;
  const root = at === 0 ? '.' : word.slice(0, at) || '/';
  const after = word.slice(at === 0 ? 2 : at + 3).replace(/^\/+/, '');
  const pattern = after.split('/').filter((s) => s !== '' && s !== '**').pop() ?? '';
  return { root, pattern };
}

const REASON_RECURSIVE = 'Deletes the whole folder tree for good; rm has no undo and nothing is kept in a trash.';
const REASON_CATASTROPHIC = 'Deletes the whole system or a home directory; never something an agent should run.';
const REASON_DATA = 'Deletes database, backup or data files that cannot be regenerated.';
const REASON_FIND = 'Deletes every matching file under the tree, with no undo.';

/** rimraf and del-cli always delete whole trees. */
export function analyseRimraf(cmd: ExecCommand): Finding[] {
  return analyseRm(cmd, true);
}

export function analyseRm(cmd: ExecCommand, alwaysRecursive = false): Finding[] {
  const parsed = parseOptions(cmd.argv.slice(1), RM_OPTIONS);
  if (asksForHelp(parsed)) return [];
  const recursive = alwaysRecursive || isOn(parsed, 'recursive');
  const fromFind = hasVia(cmd, 'find');
  const fromXargs = hasVia(cmd, 'xargs') || hasVia(cmd, 'parallel');
  // `{}` is the expansion stage's stand-in for arguments read from stdin (xargs).
  const fromStdin = parsed.positionals.some((p, i) => p === '{}' && cmd.dynamic[parsed.positionalIndex[i] + 1]);
  const paths = parsed.positionals.filter((p, i) => !(p === '{}' && cmd.dynamic[parsed.positionalIndex[i] + 1])).flatMap((p) => expandBraces(p));

  const catastrophic: PathVerdict[] = [];
  const recursiveHits: PathVerdict[] = [];
  const fileHits: PathVerdict[] = [];
  const massHits: PathVerdict[] = [];
  const sort = (entry: PathVerdict, mass: boolean) => {
    if (entry.verdict.level === 'deny') catastrophic.push(entry);
    else if (mass) massHits.push(entry);
    else if (recursive) recursiveHits.push(entry);
    else fileHits.push(entry);
  };

  if (isOn(parsed, 'no-preserve-root')) {
    catastrophic.push({ path: paths.join(' ') || '/', verdict: { level: 'deny', kind: '--no-preserve-root lifts the guard against deleting /' } });
  }
  for (const path of paths) {
    const tree = splitTreeGlob(path);
    let verdict: Verdict;
    if (tree) verdict = classifyMass(tree.root, tree.pattern ? [tree.pattern] : [], cmd.cwd);
    else if (fromFind) verdict = classifyMass(path, [], cmd.cwd);
    else if (recursive) verdict = classifyTree(path, cmd.cwd);
    else verdict = classifyFile(path, cmd.cwd);
    sort({ path, verdict }, !!tree || fromFind);
  }
  if (fromStdin || (paths.length === 0 && fromXargs)) {
    for (const entry of judgeStdinPaths(cmd, recursive)) sort(entry, !!entry.mass);
  }

  const via = viaHint(cmd, 'find') ?? viaHint(cmd, 'xargs');
  const hints = [recursive ? 'recursive' : '', via ?? ''].filter(Boolean);
  const findings = [
    findingFor({ rule: RULE_CATASTROPHIC, action: 'delete everything under the path', reason: REASON_CATASTROPHIC, hints }, catastrophic),
    findingFor({ rule: RULE_FIND_DELETE, action: 'delete every matching file', reason: REASON_FIND, hints }, massHits),
    findingFor({ rule: RULE_RECURSIVE, action: 'delete folder tree', reason: REASON_RECURSIVE, hints }, recursiveHits),
    findingFor({ rule: RULE_DATA_FILES, action: 'delete data files', reason: REASON_DATA, hints }, fileHits),
  ];
  return findings.filter((f): f is Finding => f !== undefined);
}

/** Splits the display text of a producer command back into words (it is re-quoted argv). */
function splitDisplay(text: string): string[] {
  const words: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) words.push(m[1] ?? m[2] ?? m[3] ?? '');
  return words;
}

/**
 * Paths that reach `xargs rm` on stdin, judged by what produced them: `find ROOT -name P`
 * (every match under ROOT), `ls`/`echo`/`printf` (the words they list), a list file (unknown).
 */
function judgeStdinPaths(cmd: ExecCommand, recursive: boolean): Array<PathVerdict & { mass?: boolean }> {
  const stdin = cmd.stdin;
  const unknown = { path: 'paths read from stdin', verdict: recursive ? { level: 'confirm' as const, kind: 'unknown paths' } : { level: 'allow' as const, kind: 'single files' } };
  if (!stdin) return [unknown];
  if (stdin.kind === 'pipe' || stdin.kind === 'heredoc' || stdin.kind === 'herestring') {
    // Known text: the expansion stage already ran one rm per item; nothing more to judge here.
    return [];
  }
  if (stdin.kind !== 'unknown') return [unknown];
  const words = splitDisplay(stdin.from);
  const program = (words[0] ?? '').split('/').pop();
  if (program === 'find') {
    const plan = findPlan(words.slice(1));
    if (plan.onlyEmpty) return [];
    return plan.roots.map((root) => ({
      path: plan.patterns.length ? `${root}/**/${plan.patterns.join('|')}` : root,
      verdict: classifyMass(root, plan.patterns, cmd.cwd, { negated: plan.negatedName }),
      mass: true,
    }));
  }
  if (program === 'ls' || program === 'echo' || program === 'printf') {
    const listed = words.slice(1).filter((w) => !w.startsWith('-'));
    if (listed.length === 0) return [{ path: 'every file in the working directory', verdict: recursive ? { level: 'confirm', kind: 'the working directory' } : { level: 'confirm', kind: 'every file in the working directory' } }];
    return listed.map((path) => ({ path, verdict: recursive ? classifyTree(path, cmd.cwd) : classifyFile(path, cmd.cwd) }));
  }
  // Tracked files (git ls-files, git diff --name-only) are in commits.
  if (program === 'git' && !recursive) return [];
  return [unknown];
}

export function analyseUnlink(cmd: ExecCommand): Finding[] {
  const parsed = parseOptions(cmd.argv.slice(1), { long: { help: 0, version: 0 } });
  if (asksForHelp(parsed)) return [];
  const verdicts = parsed.positionals.map((path) => ({ path, verdict: classifyFile(path, cmd.cwd) }));
  const finding = findingFor({ rule: RULE_DATA_FILES, action: 'delete data file', reason: REASON_DATA }, verdicts);
  return finding ? [finding] : [];
}

export function analyseShred(cmd: ExecCommand): Finding[] {
  const parsed = parseOptions(cmd.argv.slice(1), SHRED_OPTIONS);
  if (asksForHelp(parsed)) return [];
  // `shred -` shreds standard output (a redirect target); it still destroys that file.
  const files = parsed.positionals.filter((p) => p !== '');
  if (files.length === 0) return [];
  const removes = isOn(parsed, 'remove');
  return [{
    rule: RULE_SHRED,
    action: removes ? 'overwrite and delete files' : 'overwrite files',
    target: files.join(' '),
    reason: 'Overwrites the contents so that not even forensic recovery can bring them back.',
    hints: files.some((f) => f.startsWith('/dev/')) ? ['block device'] : files.some(isPatternSegment) ? ['glob'] : [],
  }];
}
