import { describe, expect, test } from 'vitest';
import { agentFromAncestors, agentFromEnvironment, agentFromProcess, ancestors, type ProcessInfo } from '../../src/confirm/agent-detect.js';
import { checkHumanTerminal } from '../../src/confirm/terminal.js';

describe('agentFromEnvironment', () => {
  test.each([
    [{ CLAUDECODE: '1' }, 'Claude Code'],
    [{ CLAUDE_CODE_ENTRYPOINT: 'cli' }, 'Claude Code'],
    [{ CURSOR_AGENT: '1' }, 'Cursor agent'],
    [{ CURSOR_EXTENSION_HOST_ROLE: 'agent-exec' }, 'Cursor agent'],
    [{ GEMINI_CLI: '1' }, 'Gemini CLI'],
    [{ CODEX_SANDBOX: 'seatbelt' }, 'Codex'],
    [{ CODEX_THREAD_ID: 'abc' }, 'Codex'],
    [{ COPILOT_CLI: '1' }, 'Copilot CLI'],
    [{ OPENCODE: '1' }, 'OpenCode'],
    [{ CLINE_ACTIVE: 'true' }, 'Cline'],
    [{ AGENT: 'amp' }, 'amp'],
    [{ AI_AGENT: 'some-agent' }, 'some-agent'],
    // Free text in AGENT never becomes the client's name (it is logged and shown).
    [{ AI_AGENT: 'bot password=hunter2hunter2 ghp_abcdefghijklmnopqrstuvwxyz0123456789' }, 'an agent'],
  ])('%o → %s', (env, agent) => expect(agentFromEnvironment(env)?.agent).toBe(agent));

  test('says that free text in AGENT is set without repeating it', () => {
    expect(agentFromEnvironment({ AGENT: 'x token=abcdefghijklmnop' })?.evidence).toBe('AGENT is set');
  });

  test.each([
    {},
    { CURSOR_TRACE_ID: 'abc' }, // every Cursor terminal, including the human's
    { CURSOR_EXTENSION_HOST_ROLE: 'extension-host' },
    { TERM_PROGRAM: 'vscode' },
    { CLAUDE_CODE_USE_BEDROCK: '1', CLAUDE_CODE_SSE_PORT: '1234' }, // user settings, IDE terminals
    { GEMINI_API_KEY: 'x', CODEX_HOME: '/x', COPILOT_MODEL: 'gpt', COPILOT_GITHUB_TOKEN: 'x' },
    { CLAUDECODE: '0' },
    { CLAUDECODE: '' },
    { CLINE_ACTIVE: 'false' },
  ])('a human terminal with %o is not an agent', (env) => expect(agentFromEnvironment(env)).toBeUndefined());
});

describe('agentFromProcess', () => {
  test.each([
    ['claude', ['claude'], 'Claude Code'],
    ['node', ['node', '/usr/lib/node_modules/@anthropic-ai/claude-code/cli.js'], 'Claude Code'],
    ['node', ['node', '/usr/local/bin/gemini'], 'Gemini CLI'],
    ['codex', ['/opt/homebrew/bin/codex', 'exec'], 'Codex'],
    ['node', ['node', '/home/u/.local/share/cursor-agent/versions/1/index.js'], 'Cursor agent'],
    ['opencode', ['opencode'], 'OpenCode'],
    ['MainThread', ['/usr/bin/python3', '/usr/local/bin/aider'], 'Aider'],
  ])('%s %o → %s', (comm, argv, agent) => expect(agentFromProcess(comm, argv)).toBe(agent));

  test.each([
    ['bash', ['-bash']],
    ['zsh', ['zsh']],
    ['tmux: server', ['tmux']],
    ['cursor', ['/usr/share/cursor/cursor']], // the IDE: a human's integrated terminal descends from it too
    ['code', ['/usr/share/code/code']],
    ['sshd', ['sshd: alice@pts/0']],
    ['node', ['node', 'server.js']],
  ])('%s %o is not an agent', (comm, argv) => expect(agentFromProcess(comm, argv)).toBeUndefined());

  test('an agent anywhere among the ancestors counts', () => {
    const chain: ProcessInfo[] = [
      { pid: 30, ppid: 20, comm: 'bash', argv: ['bash'] },
      { pid: 20, ppid: 10, comm: 'claude', argv: ['claude'] },
      { pid: 10, ppid: 1, comm: 'zsh', argv: ['zsh'] },
    ];
    expect(agentFromAncestors(chain)).toMatchObject({ kind: 'process', agent: 'Claude Code', evidence: 'process 20 (claude)' });
  });

  test('reads the real ancestry of this process', () => {
    const chain = ancestors();
    if (process.platform === 'linux') {
      expect(chain.length).toBeGreaterThan(0);
      expect(chain[0].pid).toBe(process.ppid);
    }
  });
});

describe('checkHumanTerminal', () => {
  const human = { stdinIsTTY: true, stdoutIsTTY: true, env: {}, ancestors: [] };
  test('a human terminal may approve', () => expect(checkHumanTerminal(human)).toEqual({ ok: true }));
  test('no terminal on stdin or stdout: refused', () => {
    expect(checkHumanTerminal({ ...human, stdinIsTTY: false }).reason).toMatch(/stdin is not/);
    expect(checkHumanTerminal({ ...human, stdoutIsTTY: false }).reason).toMatch(/stdout is not/);
    expect(checkHumanTerminal({ ...human, stdinIsTTY: false, stdoutIsTTY: false }).ok).toBe(false);
  });
  test('an agent environment or ancestor: refused, saying which', () => {
    expect(checkHumanTerminal({ ...human, env: { CLAUDECODE: '1' } }).reason).toMatch(/CLAUDECODE=1/);
    expect(checkHumanTerminal({ ...human, ancestors: [{ pid: 9, ppid: 1, comm: 'gemini', argv: ['gemini'] }] }).reason).toMatch(/Gemini CLI/);
  });
});
