// git: pushes that overwrite or delete remote history, commands that discard uncommitted work,
// and commands that remove commits or the reflog that keeps them recoverable.
import type { Analyser, ExecCommand, Finding } from '../../types.js';
import { analyseBranch, analyseGc, analysePrune, analyseRebase, analyseReflog, analyseRewrite, analyseUpdateRef } from './history.js';
import { parseInvocation, type GitInvocation } from './invocation.js';
import { analysePush } from './push.js';
import {
  analyseCheckout, analyseCheckoutIndex, analyseClean, analyseGitRm, analyseReset, analyseRestore, analyseStash, analyseSubmodule,
  analyseSwitch, analyseWorktree,
} from './worktree.js';

const SUBCOMMANDS: Record<string, (inv: GitInvocation) => Finding[]> = {
  push: analysePush,
  reset: analyseReset,
  clean: analyseClean,
  checkout: analyseCheckout,
  'checkout-index': analyseCheckoutIndex,
  restore: analyseRestore,
  switch: analyseSwitch,
  rm: analyseGitRm,
  stash: analyseStash,
  worktree: analyseWorktree,
  submodule: (inv) => analyseSubmodule(inv, (argv) => analyseGit({ ...inv.cmd, argv, dynamic: argv.map(() => false), display: argv.join(' ') }, 1)),
  branch: analyseBranch,
  'update-ref': analyseUpdateRef,
  reflog: analyseReflog,
  gc: analyseGc,
  prune: analysePrune,
  'filter-branch': analyseRewrite,
  'filter-repo': analyseRewrite,
  rebase: analyseRebase,
};

function analyseGit(cmd: ExecCommand, depth = 0): Finding[] {
  if (depth > 2) return [];
  const inv = parseInvocation(cmd);
  if (!inv) return [];
  const analyse = Object.hasOwn(SUBCOMMANDS, inv.sub) ? SUBCOMMANDS[inv.sub] : undefined;
  return analyse ? analyse(inv) : [];
}

/** `git-filter-repo …` and BFG (`bfg --delete-files …`) run as their own programs. */
function analyseStandaloneRewriter(cmd: ExecCommand): Finding[] {
  const inv: GitInvocation = {
    cmd, sub: cmd.name === 'bfg' ? 'bfg' : 'filter-repo', args: cmd.argv.slice(1), dynamic: cmd.dynamic.slice(1),
    dir: cmd.cwd || '.', repoGiven: false, config: new Map(),
  };
  if (inv.args.length === 0) return [];
  return analyseRewrite(inv);
}

/** An exception is not caught here: the pipeline holds the command (internal.error) instead. */
function guarded(name: string, commands: string[], analyse: (cmd: ExecCommand) => Finding[]): Analyser {
  return {
    name,
    commands,
    analyse(cmd) {
      if (cmd.argv.length < 2) return [];
      return analyse(cmd);
    },
  };
}

export const analysers: Analyser[] = [
  guarded('git', ['git'], analyseGit),
  guarded('git-rewrite-tools', ['git-filter-repo', 'bfg'], analyseStandaloneRewriter),
];
