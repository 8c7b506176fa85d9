// The wrappers on a real pseudo-terminal (test/confirm/pty-drive.py): a human running a held
// command is asked right there to type its target (molly-guard style); a grant approved with
// `interlock approve` lets the same command through the wrapper once.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { onTerminal } from '../confirm/cli.js';
import { approveId, cli, sandbox, type Sandbox } from './helpers.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => box.cleanup());

const PUSH = ['git', 'push', '--force', 'origin', 'main'];
const PROMPT = 'Type "([^"]+)" to approve, or press Enter to cancel: ';
const audit = () =>
  readFileSync(join(box.env.INTERLOCK_HOME, 'audit.log'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));

describe('typed confirmation at the wrapper prompt', () => {
  test('typing the target runs the command, and the approval is logged as typed at the wrapper', async () => {
    box.fake('git');
    const result = await onTerminal(['run', '--', ...PUSH], box.env, [{ expect: 'Type "main" to approve, or press Enter to cancel: ', send: 'main\r' }]);
    expect(result.timedOut, result.output).toBe(false);
    expect(result.exit, result.output).toBe(0);
    expect(result.output).toContain('force-push: main');
    expect(result.output).toContain('fake git ran: push --force origin main');
    expect(box.ranWith('git')).toBe('push --force origin main\n');
    const approval = audit().find((e) => e.event === 'approval');
    expect(approval).toMatchObject({ decision: 'approved', approver: { how: 'typed target at the wrapper prompt' } });
    expect(approval.approver.tty).toMatch(/^\/dev\//);
    expect(audit().at(-1)).toMatchObject({ event: 'decision', outcome: 'granted', requestId: approval.requestId });
  });

  test('wrong text: the command does not run, exit 77', async () => {
    box.fake('git');
    const result = await onTerminal(['run', '--', ...PUSH], box.env, [{ expect: PROMPT, send: 'yes\r' }]);
    expect(result.exit, result.output).toBe(77);
    expect(result.output).toMatch(/does not match "main": nothing was approved/);
    expect(box.ran('git')).toBe(false);
  });

  test('Enter cancels: the command does not run, exit 77', async () => {
    box.fake('git');
    const result = await onTerminal(['run', '--', ...PUSH], box.env, [{ expect: PROMPT, send: '\r' }]);
    expect(result.exit, result.output).toBe(77);
    expect(box.ran('git')).toBe(false);
  });

  test('the terminal is handed back to the command after the prompt (it can read input)', async () => {
    box.fake('git', 'read line; echo "git read: $line"');
    const result = await onTerminal(['run', '--', ...PUSH], box.env, [
      { expect: PROMPT, sendGroup: 1, send: '\r' },
      { expect: 'fake git ran', send: 'typed later\r' },
      { expect: 'git read: typed later', send: '' },
    ]);
    expect(result.timedOut, result.output).toBe(false);
    expect(result.exit, result.output).toBe(0);
  });

  test('interlock shell asks the same way: typing the volume runs the script', async () => {
    box.fake('railway');
    const result = await onTerminal(['shell', '-c', 'cd /tmp && railway volume delete --volume pg-data --yes'], box.env, [{ expect: 'Type "pg-data" to approve', send: 'pg-data\r' }]);
    expect(result.exit, result.output).toBe(0);
    expect(box.ranWith('railway')).toBe('volume delete --volume pg-data --yes\n');
  });

  test('on a terminal inside an agent (CLAUDECODE=1) there is no prompt: held, approve id, exit 75', async () => {
    box.fake('git');
    const result = await onTerminal(['run', '--', ...PUSH], { ...box.env, CLAUDECODE: '1' }, []);
    expect(result.exit, result.output).toBe(75);
    expect(result.output).not.toMatch(/Type "/);
    expect(result.output).toMatch(/interlock approve [a-z0-9]+/);
    expect(box.ran('git')).toBe(false);
  });
});

describe('interlock shell on a terminal', () => {
  test('a human’s interactive shell passes straight through', async () => {
    const result = await onTerminal(['shell', '--norc', '--noprofile', '-i'], { ...box.env, PS1: 'PROMPT> ' }, [
      { expect: 'PROMPT> ', send: 'echo "inter$((40+2))"\r' },
      { expect: 'inter42', send: 'exit 5\r' },
    ]);
    expect(result.timedOut, result.output).toBe(false);
    expect(result.exit, result.output).toBe(5);
  });
});

describe('a grant approved with `interlock approve`', () => {
  test('lets the held command run once through the wrapper, then it is held again', async () => {
    box.fake('git');
    const held = cli(['run', '--', ...PUSH], box.env);
    expect(held.status).toBe(75);
    const id = approveId(held.stderr)!;
    expect(id).toBeDefined();

    const approval = await onTerminal(['approve', id], box.env, [{ expect: 'Type "main" to approve', send: 'main\r' }]);
    expect(approval.exit, approval.output).toBe(0);

    const granted = cli(['run', '--', ...PUSH], box.env);
    expect(granted.status, granted.stderr).toBe(0);
    expect(granted.stdout).toContain('fake git ran');
    expect(box.ranWith('git')).toBe('push --force origin main\n');

    const again = cli(['run', '--', ...PUSH], box.env);
    expect(again.status).toBe(75);
    expect(approveId(again.stderr)).not.toBe(id);
    expect(box.ranWith('git')).toBe('push --force origin main\n'); // still once
  });

  test('through the CLAUDE_CODE_SHELL_PREFIX form: the retry (new cwd-file id) uses the grant once', async () => {
    box.fake('railway');
    const line = (id: string) => `eval 'railway volume delete --volume pg-data --yes' \\< /dev/null && pwd -P >| ${box.root}/claude-${id}-cwd`;
    const held = cli(['shell', line('0a1b')], box.env);
    expect(held.status).toBe(75);
    const id = approveId(held.stderr)!;
    expect((await onTerminal(['approve', id], box.env, [{ expect: 'Type "pg-data" to approve', send: 'pg-data\r' }])).exit).toBe(0);
    const granted = cli(['shell', line('2c3d')], box.env);
    expect(granted.status, granted.stderr).toBe(0);
    expect(box.ranWith('railway')).toBe('volume delete --volume pg-data --yes\n');
    expect(cli(['shell', line('4e5f')], box.env).status).toBe(75);
  });

  test('a grant for one command does not let another through', async () => {
    box.fake('git');
    const id = approveId(cli(['run', '--', ...PUSH], box.env).stderr)!;
    expect((await onTerminal(['approve', id], box.env, [{ expect: PROMPT, sendGroup: 1, send: '\r' }])).exit).toBe(0);
    const other = cli(['run', '--', 'git', 'push', '--force', 'origin', 'release'], box.env);
    expect(other.status).toBe(75);
    expect(box.ran('git')).toBe(false);
  });
});
