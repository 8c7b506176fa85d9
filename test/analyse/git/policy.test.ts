// git forms from git's and hosting providers' documentation, judged end to end under the
// labeling policy (corpus/README.md).
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/pipeline.js';

const held = (command: string) => (evaluate({ command, cwd: '/work/project' }).decision === 'allow' ? 'allow' : 'confirm');

describe('git: destructive forms are held', () => {
  it.each([
    'git fetch origin && git reset --hard origin/main',
    'git reset --hard ORIG_HEAD',
    'git checkout master~2 Makefile',
    'git checkout -- "*.c"',
    'git checkout hello.c',
    'git stash && git stash drop',
    'git clean -xfd',
    'git clean -f -d',
    'git push origin --force-with-lease main',
    'git push --force origin feature/login',
    'git push -u origin main --force',
    'git push origin HEAD --force',
    'git push --force --mirror origin',
    'git push origin --all --force',
    'git push --delete origin v1.0',
    'git push origin :refs/heads/old-feature',
    'git branch -D test',
    'git filter-repo --sensitive-data-removal --invert-paths --path secrets.env',
    'git filter-branch --tree-filter "rm filename" HEAD',
    'git for-each-ref --format="delete %(refname)" refs/original | git update-ref --stdin',
    'git reflog expire --expire=now --all && git gc --prune=now --aggressive',
    'git worktree remove --force ../hotfix',
    'git submodule foreach --recursive git reset --hard',
    'git -C /srv/app checkout -- .',
    'cd /srv/app && git restore --staged --worktree .',
    'git -c alias.wipe="reset --hard" wipe',
    'git stash clear',
    'GIT_DIR=/srv/repo.git git push -f origin main',
  ])('%s', (command) => expect(held(command)).toBe('confirm'));
});

describe('git: everyday forms pass', () => {
  it.each([
    'git status && git diff --stat',
    'git add -A && git commit -m "remove old data; rm -rf legacy"',
    'git commit --amend --no-edit',
    'git pull --rebase origin main',
    'git fetch --prune --prune-tags',
    'git rebase -i HEAD~3',
    'git rebase origin/main',
    'git merge --no-ff feature/login',
    'git reset --soft HEAD^',
    'git reset -- frotz.c',
    'git reset --merge ORIG_HEAD',
    'git reset --keep start',
    'git restore --staged src/app.ts',
    'git checkout -b feature/login origin/main',
    'git switch -c hotfix',
    'git stash push -u -m "wip"',
    'git stash pop',
    'git branch -d -r origin/todo origin/html origin/man',
    'git branch -d feature/login',
    'git push -u origin feature/login',
    'git push origin v2.3.0',
    'git push --follow-tags',
    'git push --force-with-lease origin feature/login',
    'git push --dry-run --force origin main',
    'git clean -n -d',
    'git gc',
    'git rm -r --cached .',
    'git rm --cached .env',
    'git rm Documentation/\\*.txt',
    'git tag -a v1.4.0 -m "release"',
    'git log --oneline --graph --all',
    'git remote prune origin',
    'git worktree prune',
    'git cherry-pick -x 4f2a9c1',
    'git revert --no-edit HEAD~2',
    'git bisect reset',
  ])('%s', (command) => expect(held(command)).toBe('allow'));
});
