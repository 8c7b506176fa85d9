// Subcommands that throw away uncommitted work: changes in the working tree and index, untracked
// files, stashes. None of it is in any commit, so no reflog can bring it back.
import type { Finding } from '../../types.js';
import { classifyTree } from '../filesystem/classify.js';
import { anyOn, asksForHelp, countOf, isOn, parseOptions, valueOf, type OptionTable } from '../filesystem/getopt.js';
import { isFileLikeName } from '../filesystem/names.js';
import { repoHints, type GitInvocation } from './invocation.js';

export const RULE_RESET_HARD = 'git.reset.hard';
export const RULE_CLEAN = 'git.clean.force';
export const RULE_CHECKOUT_DISCARD = 'git.checkout.discard';
export const RULE_RESTORE = 'git.restore.worktree';
export const RULE_SWITCH_DISCARD = 'git.switch.discard';
export const RULE_RM_FORCE = 'git.rm.force';
export const RULE_STASH_DROP = 'git.stash.drop';
export const RULE_WORKTREE_REMOVE = 'git.worktree.force-remove';
export const RULE_SUBMODULE_DEINIT = 'git.submodule.force-deinit';

const UNCOMMITTED = 'Uncommitted changes are in no commit, so neither the reflog nor the remote can bring them back.';

const RESET_OPTIONS: OptionTable = {
  short: { q: ['quiet', 0], p: ['patch', 0], N: ['intent-to-add', 0], h: ['help', 0] },
  long: {
    soft: 0, mixed: 0, hard: 0, merge: 0, keep: 0, quiet: 0, patch: 0, 'intent-to-add': 0, 'pathspec-from-file': 1,
    'pathspec-file-nul': 0, 'recurse-submodules': 2, refresh: 0, help: 0,
  },
  negatable: true,
};

/** `git reset --hard [<commit>]`. `--keep` refuses to lose local changes and `--merge` keeps unstaged ones (it is how a merge is aborted). */
export function analyseReset(inv: GitInvocation): Finding[] {
  const parsed = parseOptions(inv.args, RESET_OPTIONS);
  if (asksForHelp(parsed, ['help'])) return [];
  // The last mode given wins.
  const mode = [...parsed.uses].reverse().find((u) => ['soft', 'mixed', 'hard', 'merge', 'keep'].includes(u.name))?.name;
  if (mode !== 'hard') return [];
  const commit = parsed.dashDash === 0 ? undefined : parsed.positionals[0];
  return [{
    rule: RULE_RESET_HARD,
    action: 'discard uncommitted changes (reset --hard)',
    target: inv.dir,
    reason: `Overwrites every tracked file and the index with ${commit ?? 'HEAD'}. ${UNCOMMITTED}`,
    hints: [...(commit && commit !== 'HEAD' ? [`moves the branch to ${commit}`] : []), ...repoHints(inv)],
  }];
}

const CLEAN_OPTIONS: OptionTable = {
  short: { d: ['d', 0], f: ['force', 0], i: ['interactive', 0], n: ['dry-run', 0], q: ['quiet', 0], e: ['exclude', 1], x: ['x', 0], X: ['X', 0], h: ['help', 0] },
  long: { force: 0, interactive: 0, 'dry-run': 0, quiet: 0, exclude: 1, help: 0 },
  negatable: true,
};

/** `git clean -f[dxX]`: deletes untracked (and with -x/-X ignored) files. Without -f git refuses unless clean.requireForce is off. */
export function analyseClean(inv: GitInvocation): Finding[] {
  const parsed = parseOptions(inv.args, CLEAN_OPTIONS);
  if (asksForHelp(parsed, ['help']) || isOn(parsed, 'dry-run')) return [];
  const requireForce = (inv.config.get('clean.requireforce') ?? 'true').toLowerCase();
  const forced = countOf(parsed, 'force') > 0 || ['false', 'no', 'off', '0'].includes(requireForce);
  // Interactive mode asks a human per file; the agent has no terminal to answer it.
  if (!forced || (isOn(parsed, 'interactive') && !inv.cmd.stdin)) return [];
  const paths = parsed.positionals;
  if (paths.length && paths.every((p) => classifyTree(p, inv.dir).level === 'allow')) return [];
  const scope = [isOn(parsed, 'd') ? 'untracked directories' : 'untracked files', isOn(parsed, 'x') ? 'ignored files (.env, local databases)' : '', isOn(parsed, 'X') ? 'only ignored files' : '']
    .filter(Boolean).join(', ');
  return [{
    rule: RULE_CLEAN,
    action: 'delete untracked files (git clean)',
    target: paths.length ? paths.join(' ') : inv.dir,
    reason: 'Deletes files git does not track; they were never committed, so nothing can restore them.',
    hints: [scope, ...(countOf(parsed, 'force') > 1 ? ['-ff: also nested repositories'] : []), ...repoHints(inv)],
  }];
}

const CHECKOUT_OPTIONS: OptionTable = {
  short: {
    q: ['quiet', 0], b: ['b', 1], B: ['B', 1], l: ['l', 0], t: ['track', 0], f: ['force', 0], m: ['merge', 0], p: ['patch', 0],
    '2': ['ours', 0], '3': ['theirs', 0], d: ['detach', 0], h: ['help', 0],
  },
  long: {
    quiet: 0, progress: 0, force: 0, ours: 0, theirs: 0, track: 2, guess: 0, detach: 0, orphan: 1, 'ignore-skip-worktree-bits': 0,
    merge: 0, conflict: 1, patch: 0, 'ignore-other-worktrees': 0, 'overwrite-ignore': 0, 'recurse-submodules': 2, overlay: 0,
    'pathspec-from-file': 1, 'pathspec-file-nul': 0, help: 0,
  },
  negatable: true,
};

/**
 * Whether a lone `git checkout X` names files rather than a branch. Git decides by looking at the
 * refs; the guard cannot, so it reads the word: `.`, `./x`, globs, file names with extensions.
 */
export function looksLikePath(word: string): boolean {
  if (word === '.' || word === '..' || word.startsWith('./') || word.startsWith('../') || word.startsWith(':/') || word.startsWith(':(')) return true;
  if (word.endsWith('/') || /[*?[]/.test(word)) return true;
  const last = word.split('/').pop() ?? word;
  return isFileLikeName(last) && !/^v?\d+(\.\d+)*$/.test(last);
}

/** `git checkout -- <paths>`, `git checkout <commit> <paths>`, `git checkout .`, `git checkout -f <branch>`. */
export function analyseCheckout(inv: GitInvocation): Finding[] {
  const parsed = parseOptions(inv.args, CHECKOUT_OPTIONS);
  if (asksForHelp(parsed, ['help']) || isOn(parsed, 'patch')) return [];
  const hints = repoHints(inv);
  const creates = valueOf(parsed, 'b') !== undefined || valueOf(parsed, 'B') !== undefined || valueOf(parsed, 'orphan') !== undefined;
  const { positionals, dashDash } = parsed;
  let paths: string[] = [];
  if (dashDash >= 0) paths = positionals.slice(dashDash);
  else if (!creates) {
    if (positionals.length >= 2) paths = positionals.slice(1);
    else if (positionals.length === 1 && looksLikePath(positionals[0])) paths = positionals;
  }
  if (valueOf(parsed, 'pathspec-from-file') !== undefined) paths.push(`paths from ${valueOf(parsed, 'pathspec-from-file')}`);
  // Resolving a conflict by taking one side only replaces the conflicted file.
  if (paths.length && !anyOn(parsed, ['ours', 'theirs', 'merge'])) {
    return [{
      rule: RULE_CHECKOUT_DISCARD,
      action: 'discard uncommitted changes to files',
      target: paths.join(' '),
      reason: `Overwrites the files with the committed or staged version. ${UNCOMMITTED}`,
      hints,
    }];
  }
  if (isOn(parsed, 'force') && !paths.length) {
    return [{
      rule: RULE_CHECKOUT_DISCARD,
      action: 'switch branch discarding local changes',
      target: inv.dir,
      reason: `checkout --force throws away local changes to switch. ${UNCOMMITTED}`,
      hints: [...(positionals[0] ? [`to ${positionals[0]}`] : []), ...hints],
    }];
  }
  return [];
}

const CHECKOUT_INDEX_OPTIONS: OptionTable = {
  short: { a: ['all', 0], f: ['force', 0], n: ['no-create', 0], q: ['quiet', 0], u: ['index', 0], z: ['z', 0] },
  long: { all: 0, force: 0, 'no-create': 0, quiet: 0, index: 0, stdin: 0, temp: 0, prefix: 1, stage: 1, 'ignore-skip-worktree-bits': 0 },
};

/** `git checkout-index -f -a` rewrites the working tree from the index. */
export function analyseCheckoutIndex(inv: GitInvocation): Finding[] {
  const parsed = parseOptions(inv.args, CHECKOUT_INDEX_OPTIONS);
  if (!isOn(parsed, 'force') || isOn(parsed, 'temp') || valueOf(parsed, 'prefix') !== undefined) return [];
  if (!isOn(parsed, 'all') && parsed.positionals.length === 0 && !isOn(parsed, 'stdin')) return [];
  return [{
    rule: RULE_CHECKOUT_DISCARD,
    action: 'overwrite working tree from the index',
    target: isOn(parsed, 'all') ? inv.dir : parsed.positionals.join(' '),
    reason: `Overwrites working-tree files with the staged version. ${UNCOMMITTED}`,
    hints: repoHints(inv),
  }];
}

const RESTORE_OPTIONS: OptionTable = {
  short: { s: ['source', 1], p: ['patch', 0], W: ['worktree', 0], S: ['staged', 0], q: ['quiet', 0], m: ['merge', 0], h: ['help', 0] },
  long: {
    source: 1, patch: 0, worktree: 0, staged: 0, quiet: 0, progress: 0, ours: 0, theirs: 0, merge: 0, conflict: 1, 'ignore-unmerged': 0,
    'ignore-skip-worktree-bits': 0, 'recurse-submodules': 2, overlay: 0, 'pathspec-from-file': 1, 'pathspec-file-nul': 0, help: 0,
  },
  negatable: true,
};

/** `git restore [<paths>]` restores the working tree unless only `--staged` is given (which just unstages). */
export function analyseRestore(inv: GitInvocation): Finding[] {
  const parsed = parseOptions(inv.args, RESTORE_OPTIONS);
  if (asksForHelp(parsed, ['help']) || isOn(parsed, 'patch')) return [];
  const worktree = isOn(parsed, 'worktree') || !isOn(parsed, 'staged');
  if (!worktree || anyOn(parsed, ['ours', 'theirs', 'merge'])) return [];
  const paths = [...parsed.positionals];
  const fromFile = valueOf(parsed, 'pathspec-from-file');
  if (fromFile !== undefined) paths.push(`paths from ${fromFile}`);
  if (paths.length === 0) return [];
  const source = valueOf(parsed, 'source');
  return [{
    rule: RULE_RESTORE,
    action: isOn(parsed, 'staged') ? 'discard staged and unstaged changes' : 'discard uncommitted changes to files',
    target: paths.join(' '),
    reason: `Overwrites the working-tree files with ${source ? source : 'the index'}. ${UNCOMMITTED}`,
    hints: repoHints(inv),
  }];
}

const SWITCH_OPTIONS: OptionTable = {
  short: { c: ['create', 1], C: ['force-create', 1], d: ['detach', 0], f: ['discard-changes', 0], m: ['merge', 0], q: ['quiet', 0], t: ['track', 0], h: ['help', 0] },
  long: {
    create: 1, 'force-create': 1, detach: 0, guess: 0, 'discard-changes': 0, merge: 0, conflict: 1, quiet: 0, progress: 0,
    track: 2, orphan: 1, 'ignore-other-worktrees': 0, 'recurse-submodules': 2, help: 0,
  },
  alias: { force: 'discard-changes' },
  negatable: true,
};

export function analyseSwitch(inv: GitInvocation): Finding[] {
  const parsed = parseOptions(inv.args, SWITCH_OPTIONS);
  if (asksForHelp(parsed, ['help']) || !isOn(parsed, 'discard-changes')) return [];
  return [{
    rule: RULE_SWITCH_DISCARD,
    action: 'switch branch discarding local changes',
    target: inv.dir,
    reason: `switch --discard-changes throws away local changes to switch. ${UNCOMMITTED}`,
    hints: [...(parsed.positionals[0] ? [`to ${parsed.positionals[0]}`] : []), ...repoHints(inv)],
  }];
}

const RM_OPTIONS: OptionTable = {
  short: { f: ['force', 0], n: ['dry-run', 0], r: ['r', 0], q: ['quiet', 0], h: ['help', 0] },
  long: { force: 0, 'dry-run': 0, cached: 0, 'ignore-unmatch': 0, quiet: 0, sparse: 0, 'pathspec-from-file': 1, 'pathspec-file-nul': 0, help: 0 },
  negatable: true,
};

/**
 * `git rm -rf <dir>`: -f skips git's check that the files match HEAD, so uncommitted edits go
 * with them. Without -f git refuses when anything would be lost; --cached only touches the index.
 */
export function analyseGitRm(inv: GitInvocation): Finding[] {
  const parsed = parseOptions(inv.args, RM_OPTIONS);
  if (asksForHelp(parsed, ['help']) || isOn(parsed, 'dry-run') || isOn(parsed, 'cached')) return [];
  if (!isOn(parsed, 'force') || !isOn(parsed, 'r')) return [];
  const hits = parsed.positionals.filter((p) => classifyTree(p, inv.dir).level !== 'allow');
  if (hits.length === 0) return [];
  return [{
    rule: RULE_RM_FORCE,
    action: 'delete tracked files with their uncommitted changes',
    target: hits.join(' '),
    reason: `Deletes the files from the working tree even where they differ from HEAD. ${UNCOMMITTED}`,
    hints: ['recursive', ...repoHints(inv)],
  }];
}

/** `git stash drop [<stash>]`, `git stash clear`. */
export function analyseStash(inv: GitInvocation): Finding[] {
  if (inv.args[0] === '--help' || inv.args[0] === '-h') return [];
  // `git stash -m x` (an option first) is `git stash push`.
  const verb = inv.args[0] === undefined || inv.args[0].startsWith('-') ? 'push' : inv.args[0];
  const named = inv.args.slice(1).find((a) => !a.startsWith('-'));
  if (verb === 'clear') {
    return [{ rule: RULE_STASH_DROP, action: 'delete every stash', target: 'all stashes', reason: 'Stashes hold uncommitted work outside any branch; clearing them leaves nothing to restore from.', hints: repoHints(inv) }];
  }
  if (verb === 'drop') {
    return [{ rule: RULE_STASH_DROP, action: 'delete a stash', target: named ?? 'stash@{0}', reason: 'A stash holds uncommitted work outside any branch; dropping it leaves nothing to restore from.', hints: repoHints(inv) }];
  }
  return [];
}

/** `git worktree remove --force <path>` deletes a linked working tree with its local changes. */
export function analyseWorktree(inv: GitInvocation): Finding[] {
  const parsed = parseOptions(inv.args, { short: { f: ['force', 0] }, long: { force: 0 } });
  if (parsed.positionals[0] !== 'remove' || countOf(parsed, 'force') === 0) return [];
  return [{
    rule: RULE_WORKTREE_REMOVE,
    action: 'delete a working tree with its local changes',
    target: parsed.positionals[1],
    reason: `--force removes the linked working tree even when it has modified or untracked files. ${UNCOMMITTED}`,
    hints: repoHints(inv),
  }];
}

/**
 * `git submodule deinit -f` removes submodule working trees even when they hold local changes.
 * `git submodule foreach [--recursive] <command>` runs the command in every submodule: a git
 * command there is judged like one here.
 */
export function analyseSubmodule(inv: GitInvocation, analyseNested?: (argv: string[]) => Finding[]): Finding[] {
  const foreach = inv.args.indexOf('foreach');
  if (foreach >= 0 && analyseNested && inv.args.slice(0, foreach).every((a) => a.startsWith('-'))) {
    let words = inv.args.slice(foreach + 1).filter((a, i, all) => !(a === '--recursive' && all.slice(0, i).every((b) => b.startsWith('-'))));
    // One quoted string of plain words (`foreach 'git clean -fdx'`); anything with shell syntax is left to the shell stage.
    if (words.length === 1 && !/[;&|<>$`'"\\(){}]/.test(words[0])) words = words[0].split(/\s+/).filter(Boolean);
    if (words[0] !== 'git') return [];
    return analyseNested(words).map((f) => ({ ...f, hints: [...(f.hints ?? []), 'in every submodule'] }));
  }
  const parsed = parseOptions(inv.args, { short: { f: ['force', 0], q: ['quiet', 0] }, long: { force: 0, quiet: 0, all: 0 } });
  if (parsed.positionals[0] !== 'deinit' || !isOn(parsed, 'force')) return [];
  const paths = parsed.positionals.slice(1);
  return [{
    rule: RULE_SUBMODULE_DEINIT,
    action: 'remove submodule working trees with local changes',
    target: isOn(parsed, 'all') ? 'all submodules' : paths.join(' ') || undefined,
    reason: `deinit --force deletes the submodule's working tree even when it has local modifications. ${UNCOMMITTED}`,
    hints: repoHints(inv),
  }];
}
