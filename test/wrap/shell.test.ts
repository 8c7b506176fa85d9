// `interlock shell` end to end: bash's invocation forms, the whole script checked before the real
// shell runs it, pass-through for what runs nothing, the Claude Code prefix form, and the shim.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { approveId, cli, program, sandbox, type Sandbox } from './helpers.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => box.cleanup());

const INCIDENT = 'cd /tmp && railway volume delete --volume pg-data --yes';

describe('interlock shell: scripts that run', () => {
  test('-c runs the script in the real shell', () => {
    const result = cli(['shell', '-c', 'echo hi | tr a-z A-Z'], box.env);
    expect(result.stdout).toBe('HI\n');
    expect(result.status).toBe(0);
  });

  test.each([
    [['-lc', 'echo "$0:$1"', 'name', 'one']],
    [['-l', '-c', 'echo "$0:$1"', 'name', 'one']],
    [['-ec', 'echo "$0:$1"', 'name', 'one']],
    [['-o', 'pipefail', '-c', 'echo "$0:$1"', 'name', 'one']],
    [['-euo', 'pipefail', '-c', 'echo "$0:$1"', 'name', 'one']],
    [['-oc', 'pipefail', 'echo "$0:$1"', 'name', 'one']],
    [['--norc', '--noprofile', '-c', 'echo "$0:$1"', 'name', 'one']],
    [['-c', '-e', 'echo "$0:$1"', 'name', 'one']],
  ])('bash option forms, same result as bash itself: %j', (args) => {
    const result = cli(['shell', ...args], box.env);
    const bash = program('bash', args, box.env);
    expect(result.stdout).toBe('name:one\n');
    expect(result).toMatchObject({ status: bash.status, stdout: bash.stdout, stderr: bash.stderr });
  });

  test('the script exit status is the shell status', () => {
    expect(cli(['shell', '-c', 'exit 7'], box.env).status).toBe(7);
    expect(cli(['shell', '-ec', 'false; echo never'], box.env)).toMatchObject({ status: 1, stdout: '' });
  });

  test('`git status && git log -1` runs both (a real repository)', () => {
    const repo = join(box.root, 'work');
    const gitEnv = { ...box.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };
    for (const args of [['init', '-q', '-b', 'main'], ['commit', '-q', '--allow-empty', '-m', 'first commit here']]) {
      expect(program('git', args, gitEnv, { cwd: repo }).status).toBe(0);
    }
    const result = cli(['shell', '-c', 'git status && git log -1'], gitEnv, { cwd: repo });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/On branch main/);
    expect(result.stdout).toMatch(/first commit here/);
  });

  test('a script file is read, checked and run with its arguments', () => {
    const script = join(box.root, 'work', 'hello.sh');
    writeFileSync(script, 'echo "file says $1"\n');
    const result = cli(['shell', script, 'there'], box.env);
    expect(result.stdout).toBe('file says there\n');
  });

  test('a script on stdin is read, checked and fed to the real shell', () => {
    const result = cli(['shell', '-s', 'A'], box.env, { input: 'echo "stdin says $1"\nread line; echo "then: $line"\nrest of input\n' });
    expect(result.stdout).toBe('stdin says A\nthen: rest of input\n');
  });
});

describe('interlock shell: held and denied scripts do not run', () => {
  test('`cd /tmp && railway volume delete …` is held: railway does not run, exit 75, approve id on stderr', () => {
    box.fake('railway');
    const result = cli(['shell', '-c', INCIDENT], box.env);
    expect(result.status).toBe(75);
    expect(box.ran('railway')).toBe(false);
    expect(result.stderr).toMatch(/interlock approve [a-z0-9]+/);
    expect(result.stderr).toContain('delete volume pg-data');
  });

  test('one destructive command anywhere holds the whole script: nothing before it runs either', () => {
    box.fake('railway');
    box.fake('echo-first');
    const result = cli(['shell', '-c', `echo-first && ${INCIDENT}`], box.env);
    expect(result.status).toBe(75);
    expect(box.ran('echo-first')).toBe(false);
  });

  test('a destructive script file is held', () => {
    box.fake('railway');
    const script = join(box.root, 'work', 'cleanup.sh');
    writeFileSync(script, `#!/bin/bash\nset -e\n${INCIDENT}\n`);
    const result = cli(['shell', script], box.env);
    expect(result.status).toBe(75);
    expect(box.ran('railway')).toBe(false);
    expect(result.stderr).toMatch(/interlock approve/);
  });

  test('a destructive script piped on stdin is held', () => {
    box.fake('railway');
    const result = cli(['shell'], box.env, { input: `${INCIDENT}\n` });
    expect(result.status).toBe(75);
    expect(box.ran('railway')).toBe(false);
  });

  test('positional arguments are part of what is checked and approved', () => {
    box.fake('rm');
    const result = cli(['shell', '-c', 'rm -rf "$1"', 'sh', '/srv/data'], box.env);
    expect(result.status).toBe(75);
    expect(box.ran('rm')).toBe(false);
    expect(readFileSync(join(box.env.INTERLOCK_HOME, 'audit.log'), 'utf8')).toContain('/srv/data');
  });

  test('an exported bash function cannot hide a destructive command behind a safe name', () => {
    box.fake('git');
    const env = { ...box.env, 'BASH_FUNC_deploy%%': '() {  git push --force origin main\n}' };
    const result = cli(['shell', '-c', 'deploy'], env);
    expect(result.status).toBe(75);
    expect(box.ran('git')).toBe(false);
  });

  test('a BASH_ENV file is checked with the script', () => {
    box.fake('git');
    const rc = join(box.root, 'work', 'env.sh');
    writeFileSync(rc, 'git push --force origin main\n');
    const result = cli(['shell', '-c', 'true'], { ...box.env, BASH_ENV: rc });
    expect(result.status).toBe(75);
    expect(box.ran('git')).toBe(false);
  });

  test('a script file too large to check does not run (fail closed, 70)', () => {
    const script = join(box.root, 'work', 'big.sh');
    writeFileSync(script, '#' + 'x'.repeat(300 * 1024) + '\necho ran\n');
    const result = cli(['shell', script], box.env);
    expect(result.status).toBe(70);
    expect(result.stdout).toBe('');
  });

  test('denied: exit 77 and nothing runs', () => {
    box.fake('rm');
    const result = cli(['shell', '-c', 'rm -rf / --no-preserve-root'], box.env);
    expect(result.status).toBe(77);
    expect(box.ran('rm')).toBe(false);
  });

  test('arguments bash rejects run nothing (exit 2)', () => {
    box.fake('railway');
    for (const args of [['-q', '-c', INCIDENT], ['--bogus', '-c', INCIDENT], ['-c'], ['-x', '--norc', '-c', INCIDENT]]) {
      const result = cli(['shell', ...args], box.env);
      expect(result.status, args.join(' ')).toBe(2);
    }
    expect(box.ran('railway')).toBe(false);
  });
});

describe('interlock shell: pass-through', () => {
  test('--version is the real shell’s', () => {
    const result = cli(['shell', '--version'], box.env);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/GNU bash/);
  });

  test('-n reads without running: not held', () => {
    const result = cli(['shell', '-n', '-c', INCIDENT], box.env);
    expect(result.status).toBe(0);
  });
});

describe('interlock shell as CLAUDE_CODE_SHELL_PREFIX', () => {
  // What Claude Code passes its prefix: one argument, the command line it built (see
  // src/wrap/claude-envelope.ts), with a fresh cwd-file id each time.
  const envelope = (command: string, id: string, snapshot: string) =>
    `source ${snapshot} 2>/dev/null || true && { shopt -u extglob || setopt NO_EXTENDED_GLOB; } >/dev/null 2>&1 || true && eval ${command} \\< /dev/null && pwd -P >| ${box.root}/claude-${id}-cwd`;

  test('a safe command runs, and the cwd file is written where Claude Code reads it', () => {
    const snapshot = join(box.root, 'snapshot-bash-1.sh');
    writeFileSync(snapshot, "alias ll='ls -l'\nexport FROM_SNAPSHOT=yes\n");
    const result = cli(['shell', envelope(`'echo "snapshot=$FROM_SNAPSHOT"'`, '3f9a', snapshot)], box.env, { cwd: join(box.root, 'work') });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('snapshot=yes\n');
    expect(readFileSync(join(box.root, 'claude-3f9a-cwd'), 'utf8').trim()).toBe(join(box.root, 'work'));
  });

  test('a destructive command is held; the re-run after approval has a new id and still matches', async () => {
    box.fake('railway');
    const snapshot = join(box.root, 'snapshot-bash-2.sh');
    writeFileSync(snapshot, 'export A=1\n');
    const first = cli(['shell', envelope(`'${INCIDENT}'`, 'aa11', snapshot)], box.env);
    expect(first.status).toBe(75);
    expect(box.ran('railway')).toBe(false);
    const id = approveId(first.stderr);
    expect(id).toBeDefined();
    // The agent retries (new id): still the same request, not a new one.
    const again = cli(['shell', envelope(`'${INCIDENT}'`, 'bb22', snapshot)], box.env);
    expect(approveId(again.stderr)).toBe(id);
  });
});

describe('the shim (`interlock init shim`) as the first bash on PATH', () => {
  function installShim(name = 'bash'): string {
    const dir = join(box.root, 'shim');
    mkdirSync(dir, { recursive: true });
    const shim = join(dir, name);
    writeFileSync(shim, cli(['init', 'shim'], box.env).stdout);
    chmodSync(shim, 0o755);
    return dir;
  }

  test('bash -c runs through Interlock and the real bash, without finding itself', () => {
    const dir = installShim();
    const env = { ...box.env, PATH: `${dir}:${box.env.PATH}` };
    const result = program('bash', ['-c', 'echo "$BASH_VERSION" | cut -c1-1; echo depth=$INTERLOCK_SHELL_DEPTH'], env);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^\d\ndepth=1\n$/);
  });

  test('a nested bash -c goes through the shim again and is checked there too', () => {
    box.fake('railway');
    const dir = installShim();
    const env = { ...box.env, PATH: `${dir}:${box.env.PATH}` };
    const safe = program('bash', ['-c', 'bash -c "echo depth=\\$INTERLOCK_SHELL_DEPTH"'], env);
    expect(safe.stdout).toBe('depth=2\n');
    const held = program('bash', ['-c', `bash -c '${INCIDENT}'`], env);
    expect(held.status).toBe(75);
    expect(box.ran('railway')).toBe(false);
  });

  test('the destructive incident through the shim is held', () => {
    box.fake('railway');
    const dir = installShim();
    const result = program('bash', ['-c', INCIDENT], { ...box.env, PATH: `${dir}:${box.env.PATH}` });
    expect(result.status).toBe(75);
    expect(box.ran('railway')).toBe(false);
    expect(result.stderr).toMatch(/interlock approve [a-z0-9]+/);
  });

  test('copies and symlinks of the shim later on PATH are skipped too', () => {
    const dir = installShim();
    const second = join(box.root, 'shim2');
    mkdirSync(second);
    symlinkSync(join(dir, 'bash'), join(second, 'bash'));
    const third = join(box.root, 'shim3');
    mkdirSync(third);
    writeFileSync(join(third, 'bash'), readFileSync(join(dir, 'bash')));
    chmodSync(join(third, 'bash'), 0o755);
    const env = { ...box.env, PATH: `${dir}:${second}:${third}:${box.env.PATH}` };
    const result = program('bash', ['-c', 'echo ok'], env);
    expect(result).toMatchObject({ status: 0, stdout: 'ok\n' });
  });

  test('INTERLOCK_REAL_SHELL pointing at the shim is refused, not a loop', () => {
    const dir = installShim();
    const result = program('bash', ['-c', 'echo never'], { ...box.env, PATH: `${dir}:${box.env.PATH}`, INTERLOCK_REAL_SHELL: join(dir, 'bash') });
    expect(result.status).toBe(70);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/points back at Interlock's shim/);
  });

  test('INTERLOCK_REAL_SHELL picks the shell', () => {
    const result = cli(['shell', '-c', 'echo "$0"'], { ...box.env, INTERLOCK_REAL_SHELL: '/bin/sh' });
    expect(result.stdout).toBe('/bin/sh\n');
  });

  test('as CLAUDE_CODE_SHELL_PREFIX: `<shell> -c -l "<prefix> <command line>"`', () => {
    box.fake('railway');
    const dir = installShim('interlock-shell');
    const prefix = join(dir, 'interlock-shell');
    const ok = program('/bin/bash', ['-c', '-l', `'${prefix}' 'echo via-prefix && pwd -P >| ${box.root}/claude-1a2b-cwd'`], box.env);
    expect(ok).toMatchObject({ status: 0, stdout: 'via-prefix\n' });
    const held = program('/bin/bash', ['-c', '-l', `'${prefix}' 'eval '"'"'${INCIDENT}'"'"' \\< /dev/null && pwd -P >| ${box.root}/claude-1a2b-cwd'`], box.env);
    expect(held.status).toBe(75);
    expect(box.ran('railway')).toBe(false);
  });
});
