import { describe, expect, it } from 'vitest';
import { findings, git, rules } from './helpers.js';

describe('commands that discard uncommitted work', () => {
  it.each([
    ['reset --hard', 'git.reset.hard'],
    ['reset --hard HEAD', 'git.reset.hard'],
    ['reset --hard HEAD~3', 'git.reset.hard'],
    ['reset --hard origin/main', 'git.reset.hard'],
    ['reset -q --hard @{u}', 'git.reset.hard'],
    ['reset --soft HEAD~1 --hard', 'git.reset.hard'],
    ['reset --har', 'git.reset.hard'],
    ['clean -f', 'git.clean.force'],
    ['clean -fd', 'git.clean.force'],
    ['clean -fdx', 'git.clean.force'],
    ['clean -ffdx', 'git.clean.force'],
    ['clean -xdf', 'git.clean.force'],
    ['clean -fX', 'git.clean.force'],
    ['clean --force -d src/', 'git.clean.force'],
    ['clean -f -e .env', 'git.clean.force'],
    ['-c clean.requireForce=false clean -d', 'git.clean.force'],
    ['checkout -- .', 'git.checkout.discard'],
    ['checkout .', 'git.checkout.discard'],
    ['checkout -- src/app.ts', 'git.checkout.discard'],
    ['checkout src/app.ts', 'git.checkout.discard'],
    ['checkout ./src', 'git.checkout.discard'],
    ['checkout HEAD -- .', 'git.checkout.discard'],
    ['checkout HEAD~2 -- package.json', 'git.checkout.discard'],
    ['checkout main README.md', 'git.checkout.discard'],
    ['checkout origin/main -- db/schema.rb', 'git.checkout.discard'],
    ['checkout -f main', 'git.checkout.discard'],
    ['checkout --force', 'git.checkout.discard'],
    ['checkout -f', 'git.checkout.discard'],
    ['checkout --pathspec-from-file=paths.txt', 'git.checkout.discard'],
    ['checkout-index -a -f', 'git.checkout.discard'],
    ['checkout-index -f src/app.ts', 'git.checkout.discard'],
    ['restore .', 'git.restore.worktree'],
    ['restore src/app.ts', 'git.restore.worktree'],
    ['restore --worktree .', 'git.restore.worktree'],
    ['restore -W -- docs/', 'git.restore.worktree'],
    ['restore --source=HEAD --staged --worktree .', 'git.restore.worktree'],
    ['restore -s HEAD~1 -SW .', 'git.restore.worktree'],
    ['restore --source HEAD~1 file.txt', 'git.restore.worktree'],
    ['switch --discard-changes main', 'git.switch.discard'],
    ['switch -f release/2.0', 'git.switch.discard'],
    ['switch --force main', 'git.switch.discard'],
    ['rm -rf src/legacy', 'git.rm.force'],
    ['rm -r --force .', 'git.rm.force'],
    ['rm -r -f app', 'git.rm.force'],
    ['stash drop', 'git.stash.drop'],
    ['stash drop stash@{2}', 'git.stash.drop'],
    ['stash drop -q', 'git.stash.drop'],
    ['stash clear', 'git.stash.drop'],
    ['worktree remove --force ../api-hotfix', 'git.worktree.force-remove'],
    ['worktree remove -f -f /tmp/wt', 'git.worktree.force-remove'],
    ['submodule deinit -f vendor/lib', 'git.submodule.force-deinit'],
    ['submodule deinit --all --force', 'git.submodule.force-deinit'],
  ])('git %s', (line, rule) => expect(rules(git(line))).toEqual([rule]));

  it.each([
    'reset', 'reset HEAD~1', 'reset --soft HEAD~1', 'reset --mixed HEAD~2', 'reset HEAD src/app.ts', 'reset -- src/app.ts', 'reset --keep HEAD~1',
    'reset --merge', 'reset --hard --help', 'reset -p', 'clean', 'clean -d', 'clean -n', 'clean -fdn', 'clean --dry-run -dx', 'clean -fdx --dry-run',
    'clean -fdx node_modules', 'clean -i', 'checkout main', 'checkout -b feature/login', 'checkout -b hotfix origin/main', 'checkout -B feature/x',
    'checkout -', 'checkout v1.2.0', 'checkout HEAD~1', 'checkout abc1234', 'checkout origin/release-1.2', 'checkout --track origin/feature/x',
    'checkout -t origin/feature/x', 'checkout --orphan gh-pages', 'checkout --detach', 'checkout main --', 'checkout --theirs -- package-lock.json',
    'checkout --ours .', 'checkout -p src/app.ts', 'checkout --help', 'checkout-index -a', 'checkout-index -a -f --prefix=/tmp/export/',
    'restore --staged .', 'restore --staged src/app.ts', 'restore -S file.txt', 'restore -p src/app.ts', 'restore --theirs src/app.ts',
    'restore', 'restore --source=HEAD --staged file.txt', 'switch main', 'switch -c feature/login', 'switch -C feature/login origin/main',
    'switch --detach v1.0', 'switch -', 'rm -r --cached .', 'rm --cached -r node_modules', 'rm -r src/legacy', 'rm -f file.txt', 'rm file.txt',
    'rm -rf node_modules', 'rm -rf --dry-run src', 'rm -rf -n src', 'stash', 'stash push -m drop', 'stash -m drop', 'stash pop', 'stash apply stash@{1}',
    'stash list', 'stash show -p', 'stash branch tmp', 'worktree remove ../api-hotfix', 'worktree prune', 'worktree add ../x main',
    'submodule deinit vendor/lib', 'submodule update --init --recursive', 'submodule foreach git pull',
  ])('git %s is allowed', (line) => expect(findings(git(line))).toEqual([]));

  it('worktree-wide discards name the working tree, -C and --work-tree included', () => {
    expect(findings(git('reset --hard'), { cwd: '/work/app' })[0].target).toBe('/work/app');
    expect(findings(git('-C ../other reset --hard'), { cwd: '/work/app' })[0].target).toBe('/work/other');
    expect(findings(git('-C /srv -C app clean -fd'), { cwd: '/work/app' })[0].target).toBe('/srv/app');
    expect(findings(git('--git-dir=/srv/repo.git --work-tree=/srv/app checkout -f'))[0]).toMatchObject({ target: '/srv/app', hints: ['repository /srv/app'] });
    expect(findings(git('reset --hard HEAD~3'))[0].hints).toContain('moves the branch to HEAD~3');
  });

  it('path discards name the paths', () => {
    expect(findings(git('checkout -- src/a.ts src/b.ts'))[0].target).toBe('src/a.ts src/b.ts');
    expect(findings(git('stash drop stash@{3}'))[0].target).toBe('stash@{3}');
  });

  it('submodule foreach runs the git command in every submodule', () => {
    expect(rules(git('submodule foreach --recursive git clean -xfd'))).toEqual(['git.clean.force']);
    expect(rules(['git', 'submodule', 'foreach', 'git reset --hard'])).toEqual(['git.reset.hard']);
    expect(findings(git('submodule foreach git pull origin main'))).toEqual([]);
    expect(findings(['git', 'submodule', 'foreach', 'git reset --hard && echo $name'])).toEqual([]);
  });

  it('GIT_WORK_TREE from the line counts as choosing the repository', () => {
    expect(findings(git('reset --hard'), { env: { GIT_WORK_TREE: '/srv/app' } })[0].target).toBe('/srv/app');
  });
});
