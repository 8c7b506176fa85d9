// Subcommands that remove commits or the safety nets that keep them: force-deleting branches,
// deleting refs, expiring the reflog, pruning unreachable objects, rewriting all history.
import type { Finding } from '../../types.js';
import { asksForHelp, isOn, parseOptions, valueOf, type OptionTable } from '../filesystem/getopt.js';
import { repoHints, type GitInvocation } from './invocation.js';

export const RULE_BRANCH_FORCE_DELETE = 'git.branch.force-delete';
export const RULE_UPDATE_REF_DELETE = 'git.update-ref.delete';
export const RULE_REFLOG_EXPIRE = 'git.reflog.expire';
export const RULE_PRUNE_NOW = 'git.gc.prune-now';
export const RULE_REWRITE = 'git.history.rewrite';
export const RULE_REBASE_DROP = 'git.rebase.drop-commits';

const BRANCH_OPTIONS: OptionTable = {
  short: {
    d: ['delete', 0], D: ['delete-force', 0], f: ['force', 0], r: ['remotes', 0], a: ['all', 0], m: ['move', 0], M: ['move-force', 0],
    c: ['copy', 0], C: ['copy-force', 0], l: ['list', 0], v: ['verbose', 0], q: ['quiet', 0], t: ['track', 0], u: ['set-upstream-to', 1],
    i: ['ignore-case', 0], h: ['help', 0],
  },
  long: {
    delete: 0, force: 0, remotes: 0, all: 0, move: 0, copy: 0, list: 0, verbose: 0, quiet: 0, track: 2, 'set-upstream-to': 1,
    'unset-upstream': 0, 'edit-description': 0, 'show-current': 0, color: 2, column: 2, abbrev: 2, merged: 1, 'no-merged': 1,
    contains: 1, 'no-contains': 1, 'points-at': 1, sort: 1, format: 1, 'create-reflog': 0, 'ignore-case': 0, 'omit-empty': 0,
    'recurse-submodules': 0, help: 0,
  },
  negatable: true,
};

/**
 * `git branch -D x` / `--delete --force`: deletes the branch even when its commits are merged
 * nowhere, and deletes its reflog with it. `-d` refuses in that case; remote-tracking refs (`-r`)
 * are only a cache of the remote.
 */
export function analyseBranch(inv: GitInvocation): Finding[] {
  const parsed = parseOptions(inv.args, BRANCH_OPTIONS);
  if (asksForHelp(parsed, ['help']) || isOn(parsed, 'remotes')) return [];
  const forced = isOn(parsed, 'delete-force') || (isOn(parsed, 'delete') && isOn(parsed, 'force'));
  if (!forced || parsed.positionals.length === 0) return [];
  return [{
    rule: RULE_BRANCH_FORCE_DELETE,
    action: 'force-delete branch',
    target: parsed.positionals.join(' '),
    reason: 'Deletes the branch even if its commits are merged nowhere, together with its reflog; unpushed commits on it become unreachable.',
    hints: repoHints(inv),
  }];
}

/** `git update-ref -d <ref>`, or `delete <ref>` lines on `--stdin`. */
export function analyseUpdateRef(inv: GitInvocation): Finding[] {
  const parsed = parseOptions(inv.args, { short: { d: ['delete', 0], m: ['message', 1], z: ['z', 0] }, long: { stdin: 0, 'no-deref': 0, 'create-reflog': 0, 'batch-updates': 0 } });
  let refs: string[] = [];
  if (isOn(parsed, 'delete')) refs = parsed.positionals.slice(0, 1);
  else if (isOn(parsed, 'stdin')) {
    const stdin = inv.cmd.stdin;
    if (stdin && 'text' in stdin) {
      refs = stdin.text.split(/\r?\n|\0/).map((l) => l.trim()).filter((l) => l.startsWith('delete ')).map((l) => l.split(/\s+/)[1] ?? '');
    } else if (stdin && stdin.kind === 'unknown' && /\bdelete\b/.test(stdin.from)) {
      // `git for-each-ref --format='delete %(refname)' refs/original | git update-ref --stdin`
      refs = [`refs listed by ${stdin.from}`];
    }
  }
  if (refs.length === 0) return [];
  return [{
    rule: RULE_UPDATE_REF_DELETE,
    action: 'delete ref',
    target: refs.join(' '),
    reason: 'Deletes the ref and its reflog without any merge check; commits only it pointed to become unreachable.',
    hints: repoHints(inv),
  }];
}

/**
 * Whether an expiry time removes entries right away: `now`, `all`, `0`, or a period shorter than
 * git's own two-week grace (`1.hour.ago`, `3.days`). `never`/`false` keep everything.
 */
export function expiresImmediately(value: string | undefined): boolean {
  if (value === undefined) return false;
  const v = value.trim().toLowerCase();
  if (v === 'now' || v === 'all' || v === '0' || v === '') return true;
  if (v === 'never' || v === 'false') return false;
  const m = /^(\d+)[.\s]*(second|sec|minute|min|hour|day|week|month|year)s?([.\s]*ago)?$/.exec(v);
  if (!m) return false;
  const n = Number(m[1]);
  const unit = m[2];
  if (unit.startsWith('sec') || unit.startsWith('min') || unit === 'hour') return true;
  if (unit === 'day') return n < 14;
  if (unit === 'week') return n < 2;
  return n === 0;
}

/** `git reflog expire --expire=now`, `git reflog delete …`, `git reflog drop …`. */
export function analyseReflog(inv: GitInvocation): Finding[] {
  const parsed = parseOptions(inv.args, {
    short: { n: ['dry-run', 0] },
    long: { expire: 1, 'expire-unreachable': 1, rewrite: 0, updateref: 0, 'stale-fix': 0, 'dry-run': 0, verbose: 0, all: 0, 'single-worktree': 0 },
  });
  const verb = parsed.positionals[0];
  if (isOn(parsed, 'dry-run')) return [];
  const hints = repoHints(inv);
  if (verb === 'expire') {
    const expire = valueOf(parsed, 'expire') ?? inv.config.get('gc.reflogexpire');
    const unreachable = valueOf(parsed, 'expire-unreachable') ?? inv.config.get('gc.reflogexpireunreachable');
    if (!expiresImmediately(expire) && !expiresImmediately(unreachable)) return [];
    return [{
      rule: RULE_REFLOG_EXPIRE,
      action: 'expire the reflog now',
      target: isOn(parsed, 'all') ? 'all refs' : parsed.positionals.slice(1).join(' ') || 'HEAD',
      reason: 'The reflog is the only record of commits dropped by resets, rebases and deleted branches; expiring it lets gc delete them for good.',
      hints,
    }];
  }
  if (verb === 'delete' || verb === 'drop') {
    const refs = parsed.positionals.slice(1);
    return [{
      rule: RULE_REFLOG_EXPIRE,
      action: verb === 'drop' ? 'delete a whole reflog' : 'delete reflog entries',
      target: refs.join(' ') || undefined,
      reason: 'Removes reflog entries, the only record of commits no branch points to any more.',
      hints,
    }];
  }
  return [];
}

/** `git gc --prune=now` (or gc.pruneExpire=now) and `git prune` without a grace period. */
export function analyseGc(inv: GitInvocation): Finding[] {
  const parsed = parseOptions(inv.args, {
    short: { q: ['quiet', 0], h: ['help', 0] },
    long: { prune: 2, aggressive: 0, auto: 0, quiet: 0, force: 0, 'keep-largest-pack': 0, cruft: 0, 'max-cruft-size': 1, 'expire-to': 1, detach: 0, help: 0 },
    negatable: true,
  });
  if (asksForHelp(parsed, ['help']) || (!isOn(parsed, 'prune') && parsed.uses.some((u) => u.name === 'prune'))) return [];
  const prune = valueOf(parsed, 'prune') ?? inv.config.get('gc.pruneexpire');
  const reflog = inv.config.get('gc.reflogexpire') ?? inv.config.get('gc.reflogexpireunreachable');
  if (!expiresImmediately(prune) && !expiresImmediately(reflog)) return [];
  return [{
    rule: RULE_PRUNE_NOW,
    action: 'delete unreachable commits now',
    target: inv.dir,
    reason: 'Skips the two-week grace period git keeps for unreachable objects, so dropped stashes, deleted branches and reset commits are gone for good.',
    hints: repoHints(inv),
  }];
}

export function analysePrune(inv: GitInvocation): Finding[] {
  const parsed = parseOptions(inv.args, { short: { n: ['dry-run', 0], v: ['verbose', 0] }, long: { 'dry-run': 0, verbose: 0, progress: 0, expire: 1 } });
  if (isOn(parsed, 'dry-run')) return [];
  const expire = valueOf(parsed, 'expire');
  // Without --expire, git prune deletes every unreachable loose object, however recent.
  if (expire !== undefined && !expiresImmediately(expire)) return [];
  return [{
    rule: RULE_PRUNE_NOW,
    action: 'delete unreachable objects now',
    target: inv.dir,
    reason: 'Deletes unreachable objects without a grace period; commits dropped by resets, stashes and deleted branches cannot be recovered afterwards.',
    hints: repoHints(inv),
  }];
}

/** filter-branch and filter-repo rewrite every commit they touch; `--analyze`/`--dry-run` only report. */
export function analyseRewrite(inv: GitInvocation): Finding[] {
  const args = inv.args;
  if (args[0] === '--help' || args[0] === '-h' || args[0] === '--version' || args.some((a) => a === '--analyze' || a === '--dry-run')) return [];
  const all = args.includes('--all') || (inv.sub === 'filter-repo' && !args.some((a) => a === '--refs'));
  return [{
    rule: RULE_REWRITE,
    action: `rewrite history (${inv.sub})`,
    target: all ? 'all branches' : inv.dir,
    reason: 'Rewrites commits, giving every descendant a new id; once pushed over the old history, the original commits are gone for every clone.',
    hints: repoHints(inv),
  }];
}

/** A revision counted back from another (`HEAD~2`, `feature^`, `main~4`). */
const RELATIVE_REF = /[~^]\d*$/;
/** Sequence editors that leave the to-do list as it is. */
const NO_EDIT = /^\s*(true|:|cat)?\s*$/;

/**
 * Rebases that drop commits: `--onto <base> <upstream>` with an upstream counted back from the
 * branch (`git rebase --onto HEAD~3 HEAD~1` keeps only the last commit), and an interactive
 * rebase whose to-do list a script edits (`GIT_SEQUENCE_EDITOR="sed -i '2,4d'"`), which can delete
 * lines. A plain rebase replays every commit.
 */
export function analyseRebase(inv: GitInvocation): Finding[] {
  const parsed = parseOptions(inv.args, {
    short: { i: ['interactive', 0], x: ['exec', 1], X: ['strategy-option', 1], s: ['strategy', 1], q: ['quiet', 0], v: ['verbose', 0], f: ['force-rebase', 0], n: ['no-stat', 0], C: ['C', 1], r: ['rebase-merges', 0] },
    long: {
      onto: 1, interactive: 0, exec: 1, 'strategy-option': 1, strategy: 1, root: 0, autosquash: 0, 'no-autosquash': 0, autostash: 0, 'keep-base': 0,
      continue: 0, abort: 0, skip: 0, quit: 0, 'edit-todo': 0, 'show-current-patch': 0, 'rebase-merges': 2, 'update-refs': 0, 'fork-point': 0,
      'no-fork-point': 0, 'committer-date-is-author-date': 0, 'ignore-date': 0, 'reset-author-date': 0, signoff: 0, 'gpg-sign': 2, 'no-verify': 0,
      verify: 0, quiet: 0, verbose: 0, stat: 0, 'no-stat': 0, 'force-rebase': 0, 'no-ff': 0, 'empty': 1, 'reapply-cherry-picks': 0,
      'allow-empty-message': 0, 'keep-empty': 0, 'no-keep-empty': 0, whitespace: 1, 'ignore-whitespace': 0, apply: 0, merge: 0, help: 0,
      'rerere-autoupdate': 0, 'no-rerere-autoupdate': 0, 'no-update-refs': 0,
    },
  });
  if (asksForHelp(parsed, ['help']) || ['continue', 'abort', 'skip', 'quit', 'show-current-patch'].some((o) => isOn(parsed, o))) return [];
  const hints = repoHints(inv);
  const onto = valueOf(parsed, 'onto');
  const upstream = parsed.positionals[0];
  if (onto !== undefined && upstream !== undefined && RELATIVE_REF.test(upstream)) {
    return [{
      rule: RULE_REBASE_DROP,
      action: 'drop commits with rebase --onto',
      target: `commits before ${upstream}`,
      reason: `Only the commits after ${upstream} are replayed onto ${onto}; the ones between ${onto} and ${upstream} are left out of the branch.`,
      hints,
    }];
  }
  const editor = inv.cmd.env.GIT_SEQUENCE_EDITOR ?? inv.config.get('sequence.editor');
  if (isOn(parsed, 'interactive') && editor !== undefined && !NO_EDIT.test(editor)) {
    return [{
      rule: RULE_REBASE_DROP,
      action: 'edit the rebase to-do list with a script',
      target: editor,
      reason: 'A scripted sequence editor rewrites the list of commits to replay; lines it deletes or marks drop are commits removed from the branch.',
      hints,
    }];
  }
  return [];
}
