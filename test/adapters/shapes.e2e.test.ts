// The payload variants each client sends besides its main shape (argv arrays, `cmd`, object or
// string tool arguments, PascalCase events, empty cwd…), and the OpenCode plugin loaded the way
// OpenCode loads it: it throws — blocking the call — on a held command and on any failure.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { INCIDENT_FORMS } from './forms.js';
import { blockReason, CLI, cleanEnv, expectNoOpinion, ROOT, runHook } from './harness.js';

const root = mkdtempSync(join(tmpdir(), 'interlock-shapes-'));
const work = join(root, 'repo');
const sub = join(work, 'services', 'db');
mkdirSync(sub, { recursive: true });
afterAll(() => rmSync(root, { recursive: true, force: true }));

const INCIDENT = INCIDENT_FORMS['as reported (-d, literal bearer token)'];
let n = 0;
const fresh = () => cleanEnv(join(root, `env${n++}`));

/** The cwd recorded with the (single) pending request under an INTERLOCK_HOME. */
function heldCwd(env: Record<string, string>): string {
  const dir = join(env.INTERLOCK_HOME, 'pending');
  const [file] = readdirSync(dir).filter((f) => f.endsWith('.json'));
  return JSON.parse(readFileSync(join(dir, file), 'utf8')).cwd;
}

describe('payload variants', () => {
  test('codex: argv array (shell tool), joined with shell quoting', async () => {
    const payload = { session_id: 's', cwd: work, hook_event_name: 'PreToolUse', tool_name: 'shell', tool_input: { command: ['bash', '-lc', INCIDENT], workdir: 'services/db' } };
    const env = fresh();
    expect(blockReason('codex', await runHook('codex', payload, env, work))).toMatch(/interlock approve/);
    expect(heldCwd(env)).toBe(sub);
    const safe = { ...payload, tool_input: { command: ['git', 'status'] } };
    expectNoOpinion('codex', await runHook('codex', safe, fresh(), work));
  });

  test('codex: `cmd` (exec_command)', async () => {
    const payload = { session_id: 's', cwd: work, hook_event_name: 'PreToolUse', tool_name: 'exec_command', tool_input: { cmd: 'railway volume delete --volume pg-data --yes' } };
    expect(blockReason('codex', await runHook('codex', payload, fresh(), work))).toMatch(/interlock approve/);
  });

  test('copilot: toolArgs as an object, and the PascalCase (VS Code compatible) shape', async () => {
    const object = { sessionId: 's', timestamp: 1, cwd: work, toolName: 'bash', toolArgs: { command: INCIDENT } };
    expect(blockReason('copilot', await runHook('copilot', object, fresh(), work))).toMatch(/interlock approve/);
    const pascal = { hook_event_name: 'PreToolUse', session_id: 's', timestamp: '2026-01-01T00:00:00Z', cwd: work, tool_name: 'Bash', tool_input: { command: INCIDENT } };
    const run = await runHook('copilot', pascal, fresh(), work);
    expect(blockReason('copilot', run)).toMatch(/interlock approve/);
    expect(JSON.parse(run.stdout).hookSpecificOutput).toMatchObject({ hookEventName: 'PreToolUse', permissionDecision: 'deny' });
    expectNoOpinion('copilot', await runHook('copilot', { ...pascal, tool_input: { command: 'ls' } }, fresh(), work));
    expectNoOpinion('copilot', await runHook('copilot', { sessionId: 's', cwd: work, toolName: 'powershell', toolArgs: '{"command":"Remove-Item -Recurse C:\\\\"}' }, fresh(), work));
  });

  test('cursor: an empty cwd stands for the first workspace root', async () => {
    const env = fresh();
    const payload = { hook_event_name: 'beforeShellExecution', conversation_id: 'c', generation_id: 'g', workspace_roots: [sub, work], command: INCIDENT, cwd: '' };
    expect(blockReason('cursor', await runHook('cursor', payload, env, root))).toMatch(/interlock approve/);
    expect(heldCwd(env)).toBe(sub);
  });

  test('gemini: dir_path is taken relative to the project', async () => {
    const env = fresh();
    const payload = { session_id: 's', cwd: work, hook_event_name: 'BeforeTool', tool_name: 'run_shell_command', tool_input: { command: INCIDENT, dir_path: 'services/db' } };
    expect(blockReason('gemini', await runHook('gemini', payload, env, work))).toMatch(/interlock approve/);
    expect(heldCwd(env)).toBe(sub);
  });

  test('cline: the documented `tool` field as well as `toolName`', async () => {
    const payload = { hookName: 'PreToolUse', taskId: 't', workspaceRoots: [work], preToolUse: { tool: 'execute_command', parameters: { command: INCIDENT } } };
    expect(blockReason('cline', await runHook('cline', payload, fresh(), work))).toMatch(/interlock approve/);
  });

  test('windsurf and claude: other events get no opinion', async () => {
    expectNoOpinion('windsurf', await runHook('windsurf', { agent_action_name: 'post_run_command', tool_info: { command_line: INCIDENT, cwd: work } }, fresh(), work));
    expectNoOpinion('claude', await runHook('claude', { hook_event_name: 'PostToolUse', tool_name: 'Bash', tool_input: { command: INCIDENT }, cwd: work }, fresh(), work));
  });

  test('an unknown client name is blocked with exit 2', async () => {
    const run = await runHook('vim', { tool_name: 'Bash' }, fresh(), work);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/unknown hook client/);
  });
});

describe('OpenCode plugin (hooks/opencode/interlock.js)', () => {
  function pluginWith(launcher: string[]): string {
    const path = join(root, `plugin-${n++}.mjs`);
    const source = readFileSync(join(ROOT, 'hooks', 'opencode', 'interlock.js'), 'utf8');
    writeFileSync(path, source.replace(/^const INTERLOCK = \[.*\];$/m, `const INTERLOCK = ${JSON.stringify(launcher)};`));
    return path;
  }

  async function before(path: string, tool: string, args: Record<string, unknown>, env: Record<string, string>): Promise<unknown> {
    const saved = process.env.INTERLOCK_HOME;
    process.env.INTERLOCK_HOME = env.INTERLOCK_HOME;
    try {
      const mod = await import(path);
      const plugins = Object.values(mod).filter((f) => typeof f === 'function') as ((ctx: object) => Promise<Record<string, Function>>)[];
      expect(plugins).toHaveLength(1); // OpenCode registers every exported function
      const hooks = await plugins[0]({ directory: work, worktree: work });
      return await hooks['tool.execute.before']({ tool, sessionID: 's', callID: 'c' }, { args });
    } finally {
      process.env.INTERLOCK_HOME = saved;
    }
  }

  test('throws the held reason for the incident, returns for git status and for other tools', async () => {
    const plugin = pluginWith([process.execPath, CLI]);
    await expect(before(plugin, 'bash', { command: INCIDENT, description: 'x' }, fresh())).rejects.toThrow(/interlock approve \S+/);
    await expect(before(plugin, 'bash', { command: 'git status' }, fresh())).resolves.toBeUndefined();
    await expect(before(plugin, 'read', { filePath: 'a' }, fresh())).resolves.toBeUndefined();
  });

  test('fails closed: a launcher that cannot start throws, even for a safe command', async () => {
    await expect(before(pluginWith(['/nonexistent/node', CLI]), 'bash', { command: 'git status' }, fresh())).rejects.toThrow(/Interlock blocked this command/);
    await expect(before(pluginWith([process.execPath, '/nonexistent/interlock.cjs']), 'bash', { command: 'git status' }, fresh())).rejects.toThrow(/Cannot find module|Interlock blocked/);
  });
});
