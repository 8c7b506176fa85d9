import { describe, expect, it } from 'vitest';
import { findings, git, rules } from './helpers.js';

describe('git push: forced, deleting, mirror and prune pushes', () => {
  it.each([
    ['push --force origin main', 'git.push.force'],
    ['push -f origin HEAD:main', 'git.push.force'],
    ['push -f', 'git.push.force'],
    ['push --force', 'git.push.force'],
    ['push -fu origin feature/x', 'git.push.force'],
    ['push -uf origin feature/x', 'git.push.force'],
    ['push origin main --force', 'git.push.force'],
    ['push origin main -f', 'git.push.force'],
    ['push --force-with origin main', 'git.push.force'],
    ['push origin +main', 'git.push.force'],
    ['push origin +HEAD:main', 'git.push.force'],
    ['push origin +feature/login', 'git.push.force'],
    ['push origin +refs/heads/*:refs/heads/*', 'git.push.force'],
    ['push origin --force --all', 'git.push.force'],
    ['push --all -f origin', 'git.push.force'],
    ['push --tags --force', 'git.push.force'],
    ['push --force-with-lease origin main', 'git.push.force'],
    ['push --force-with-lease=main:abc123 origin main', 'git.push.force'],
    ['push --force-with-lease --force-if-includes origin master', 'git.push.force'],
    ['push --force-with-lease origin HEAD:trunk', 'git.push.force'],
    ['push --force-with-lease origin production', 'git.push.force'],
    ['push --force-with-lease origin release/2.0', 'git.push.force'],
    ['push --force-with-lease origin release-2024.06', 'git.push.force'],
    ['push --force-with-lease origin develop', 'git.push.force'],
    ['push --force-with-lease', 'git.push.force'],
    ['push --force-with-lease origin HEAD', 'git.push.force'],
    ['push --force-with-lease --all', 'git.push.force'],
    ['push --force-with-lease origin refs/tags/v1.0.0', 'git.push.force'],
    ['push -f --force-with-lease origin feature/x', 'git.push.force'],
    ['push origin --delete release/1.0', 'git.push.delete'],
    ['push --delete origin feature/old', 'git.push.delete'],
    ['push -d origin feature/old', 'git.push.delete'],
    ['push origin :feature/old', 'git.push.delete'],
    ['push origin :refs/tags/v1.2.0', 'git.push.delete'],
    ['push origin --delete tag v1.0', 'git.push.delete'],
    ['push --mirror origin', 'git.push.mirror'],
    ['push --mirror', 'git.push.mirror'],
    ['push --prune origin refs/heads/*:refs/heads/*', 'git.push.prune'],
  ])('git %s', (line, rule) => expect(rules(git(line))).toContain(rule));

  it.each([
    'push', 'push origin main', 'push -u origin HEAD', 'push --set-upstream origin feature/login', 'push origin feature/login',
    'push origin main:main', 'push origin HEAD:refs/heads/main', 'push --tags', 'push --follow-tags', 'push origin v1.4.0',
    'push origin tag v1.4.0', 'push --all origin', 'push --atomic origin main v1.0', 'push -o ci.skip origin main',
    'push --force --dry-run origin main', 'push -n -f origin main', 'push --mirror --dry-run origin', 'push --delete -n origin x',
    'push --force-with-lease origin feature/login', 'push --force-with-lease origin HEAD:feature/login', 'push --force-with-lease=feature/x origin feature/x',
    'push --force-with-lease origin refs/heads/fix/typo', 'push --no-force origin main', 'push --force --no-force origin main',
    'push --help', 'push -h', 'push --no-verify origin main', 'push --recurse-submodules check origin main', 'push --repo origin main',
    'push --signed=if-asked origin main', 'push --forc origin main',
  ])('git %s is allowed', (line) => expect(findings(git(line))).toEqual([]));

  it('names the remote branches as the target and the remote as a hint', () => {
    const [finding] = findings(git('push -f origin HEAD:main feature/x'));
    expect(finding.target).toBe('main feature/x');
    expect(finding.hints).toEqual(expect.arrayContaining(['--force', 'remote origin', 'shared branch']));
  });

  it('never shows credentials in a remote URL', () => {
    const [finding] = findings(git('push --force https://bot:ghp_secret123@github.com/acme/api.git main'));
    expect(JSON.stringify(finding)).not.toContain('ghp_secret123');
    expect(finding.hints).toContain('remote https://github.com/acme/api.git');
  });

  it('reads -C and reports the repository', () => {
    const [finding] = findings(git('-C /srv/app push --force'), { cwd: '/home/dev' });
    expect(finding.rule).toBe('git.push.force');
    expect(finding.hints).toContain('repository /srv/app');
  });

  it('a deletion push with --force is only a deletion', () => {
    expect(rules(git('push -f origin :old'))).toEqual(['git.push.delete']);
  });
});
