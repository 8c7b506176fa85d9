import { describe, expect, it } from 'vitest';
import { findings, git, rules } from './helpers.js';
import { expiresImmediately } from '../../../src/analyse/git/history.js';

describe('commands that remove commits or their safety nets', () => {
  it.each([
    ['branch -D feature/old', 'git.branch.force-delete'],
    ['branch -D a b c', 'git.branch.force-delete'],
    ['branch --delete --force main', 'git.branch.force-delete'],
    ['branch -d -f spike', 'git.branch.force-delete'],
    ['branch -df spike', 'git.branch.force-delete'],
    ['branch -D -- -weird', 'git.branch.force-delete'],
    ['update-ref -d refs/heads/main', 'git.update-ref.delete'],
    ['update-ref -d refs/original/refs/heads/main', 'git.update-ref.delete'],
    ['reflog expire --expire=now --all', 'git.reflog.expire'],
    ['reflog expire --expire-unreachable=now --all', 'git.reflog.expire'],
    ['reflog expire --expire=all --all', 'git.reflog.expire'],
    ['reflog expire --expire=1.hour.ago refs/heads/main', 'git.reflog.expire'],
    ['-c gc.reflogExpire=now reflog expire --all', 'git.reflog.expire'],
    ['reflog delete HEAD@{1}', 'git.reflog.expire'],
    ['reflog delete --rewrite main@{2}', 'git.reflog.expire'],
    ['gc --prune=now', 'git.gc.prune-now'],
    ['gc --prune=now --aggressive', 'git.gc.prune-now'],
    ['gc --aggressive --prune=all', 'git.gc.prune-now'],
    ['-c gc.pruneExpire=now gc', 'git.gc.prune-now'],
    ['-c gc.reflogExpire=now -c gc.reflogExpireUnreachable=now gc', 'git.gc.prune-now'],
    ['prune', 'git.gc.prune-now'],
    ['prune --expire now', 'git.gc.prune-now'],
    ['prune --expire=3.days.ago', 'git.gc.prune-now'],
    ['filter-branch --force --index-filter x --prune-empty -- --all', 'git.history.rewrite'],
    ['filter-branch --tree-filter x HEAD', 'git.history.rewrite'],
    ['filter-repo --path secrets.env --invert-paths', 'git.history.rewrite'],
    ['filter-repo --strip-blobs-bigger-than 10M', 'git.history.rewrite'],
  ])('git %s', (line, rule) => expect(rules(git(line))).toEqual([rule]));

  it.each([
    'branch', 'branch --list', 'branch -a', 'branch -d feature/old', 'branch --delete feature/old', 'branch -m old new', 'branch -M main',
    'branch -f main HEAD~1', 'branch -C copy', 'branch -dr origin/feature/old', 'branch -D -r origin/x', 'branch --merged main', 'branch -D',
    'branch -u origin/main', 'update-ref refs/heads/main HEAD', 'reflog', 'reflog show main', 'reflog expire --all', 'reflog expire --expire=90.days.ago --all',
    'reflog expire --expire=never --all', 'reflog expire --expire=now --all --dry-run', 'gc', 'gc --auto', 'gc --aggressive', 'gc --prune',
    'gc --prune=2.weeks.ago', 'gc --no-prune', 'prune -n', 'prune --dry-run', 'prune --expire=2.weeks.ago', 'filter-branch --help',
    'filter-repo --analyze', 'filter-repo --dry-run --path x', 'tag -d v1.2.0', 'tag v1.0', 'rebase -i HEAD~3', 'rebase --onto main topic feature',
    'commit --amend --no-edit', 'fetch --prune', 'remote remove origin',
  ])('git %s is allowed', (line) => expect(findings(git(line))).toEqual([]));

  it('update-ref --stdin deletes named on stdin', () => {
    expect(rules(git('update-ref --stdin'), { stdin: { kind: 'heredoc', text: 'delete refs/heads/old\n' } })).toEqual(['git.update-ref.delete']);
    expect(findings(git('update-ref --stdin'), { stdin: { kind: 'heredoc', text: 'update refs/heads/x abc\n' } })).toEqual([]);
    const from = "git for-each-ref '--format=delete %(refname)' refs/original";
    expect(rules(git('update-ref --stdin'), { stdin: { kind: 'unknown', from } })).toEqual(['git.update-ref.delete']);
    expect(findings(git('update-ref --stdin'), { stdin: { kind: 'unknown', from: 'cat updates.txt' } })).toEqual([]);
  });

  it('reads expiry times like git does', () => {
    for (const v of ['now', 'all', '0', '1.hour.ago', '30.minutes.ago', '3.days.ago', '1 week ago', '10 seconds ago']) expect(expiresImmediately(v), v).toBe(true);
    for (const v of ['never', 'false', '2.weeks.ago', '90.days.ago', '3.months.ago', '2024-01-01', undefined]) expect(expiresImmediately(v), String(v)).toBe(false);
  });

  it('standalone rewriters', () => {
    expect(rules(['git-filter-repo', '--path', 'x', '--invert-paths'])).toEqual(['git.history.rewrite']);
    expect(rules(['bfg', '--delete-files', 'id_rsa'])).toEqual(['git.history.rewrite']);
    expect(findings(['bfg', '--help'])).toEqual([]);
  });
});

describe('global options', () => {
  it.each(['--version', '-h', '--help', '--exec-path', '--html-path', '-C', '--bogus reset --hard'])('git %s runs no subcommand', (line) => {
    expect(findings(git(line))).toEqual([]);
  });

  it.each([
    '-C /srv/app reset --hard', '--no-pager reset --hard', '-P reset --hard', '-c core.autocrlf=false reset --hard', '--git-dir=.git reset --hard',
    '--git-dir .git reset --hard', '--work-tree . reset --hard', '--namespace=x reset --hard', '--literal-pathspecs reset --hard', '--bare reset --hard',
    '-p --no-optional-locks reset --hard',
  ])('git %s still resets', (line) => expect(rules(git(line))).toEqual(['git.reset.hard']));

  it('odd input never throws', () => {
    for (const argv of [['git'], ['git', ''], ['git', 'push', '+'], ['git', 'push', ':'], ['git', 'push', 'origin', 'tag'], ['git', 'checkout', '--'], ['git', 'stash', 'drop', '--']]) {
      expect(() => findings(argv)).not.toThrow();
    }
  });
});
