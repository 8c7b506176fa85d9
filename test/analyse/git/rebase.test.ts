import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/pipeline.js';

const decide = (command: string) => evaluate({ command, cwd: '/work/project' }, { home: '/home/agent' });

describe('git rebase', () => {
  it.each([
    'git rebase --onto HEAD~3 HEAD~1',
    'git rebase --onto main feature~4 feature',
    'git rebase --onto=main HEAD~2',
    'git rebase -X theirs --onto origin/main HEAD~3',
    `GIT_SEQUENCE_EDITOR="sed -i '2,4d'" git rebase -i HEAD~5`,
    `git -c sequence.editor="sed -i '/fixup/d'" rebase -i HEAD~5`,
  ])('%s drops commits', (command) => {
    expect(decide(command).findings.map((f) => f.rule)).toContain('git.rebase.drop-commits');
  });

  it.each(['git rebase main', 'git rebase -i HEAD~3', 'git rebase --onto main old-base', 'GIT_SEQUENCE_EDITOR=: git rebase -i --autosquash HEAD~4', 'git rebase --abort', 'git pull --rebase origin main'])(
    '%s keeps every commit',
    (command) => expect(decide(command).decision).toBe('allow'),
  );
});

describe('git subcommands that run shell commands', () => {
  it.each([
    `git rebase --exec "psql -c 'DROP TABLE users'" main`,
    'git rebase -x "rm -rf /srv/data" -i main',
    'git submodule foreach "rm -rf /srv/data"',
    'git submodule foreach --recursive git clean -fdx',
    'git bisect run rm -rf /srv/data',
    'git difftool -x "rm -rf /srv/data" HEAD',
    'git -c core.sshCommand="rm -rf /srv/data" fetch',
    'git -c credential.helper="!rm -rf /srv/data" push',
  ])('%s is held for what it runs', (command) => {
    expect(decide(command).decision).not.toBe('allow');
  });

  it.each(['git rebase --exec "npm test" main', 'git submodule foreach git pull', 'git bisect run npm test', 'git -c core.pager=less log', 'git -c credential.helper=store push'])(
    '%s runs nothing destructive',
    (command) => expect(decide(command).decision).toBe('allow'),
  );
});

describe('commands git runs from the environment', () => {
  it.each([
    `GIT_SSH_COMMAND='rm -rf /srv/data' git fetch`,
    `GIT_EDITOR='rm -rf /srv/data' git commit`,
    `env GIT_SEQUENCE_EDITOR='rm -rf /srv/data' git rebase -i HEAD~2`,
    `git submodule --quiet foreach 'rm -rf /srv/data'`,
  ])('%s is held for what it runs', (command) => {
    expect(decide(command).findings.map((f) => f.rule)).toContain('filesystem.rm.recursive');
  });

  it.each([`GIT_SSH_COMMAND='ssh -i ~/.ssh/deploy_key' git fetch`, 'GIT_EDITOR=vim git commit', 'GIT_EDITOR=$EDITOR git commit'])('%s runs nothing destructive', (command) => {
    expect(decide(command).decision).toBe('allow');
  });
});
