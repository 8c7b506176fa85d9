// End-to-end harness for the hook adapters: spawns the BUILT CLI (`node dist/interlock.cjs hook
// <client>`) with each client's real payload shape, a private INTERLOCK_HOME and HOME, and reads
// the reply the way that client reads it. Written independently of src/install/probe.ts so the
// tests check the adapters against the protocols, not against Interlock's own reading of them.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect } from 'vitest';

export const ROOT = join(import.meta.dirname, '..', '..');
export const CLI = process.env.INTERLOCK_TEST_CLI || join(ROOT, 'dist', 'interlock.cjs');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A clean environment: nothing from the test runner (which may itself be an agent) leaks in. */
export function cleanEnv(home: string, extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: join(home, 'home'), INTERLOCK_HOME: join(home, 'state'), LANG: 'C.UTF-8', ...extra };
}

/** Runs `argv` (defaults to the hook) with `input` on stdin. */
export function spawnWith(argv: string[], env: Record<string, string>, input: string | Buffer, cwd?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0], argv.slice(1), { env, cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
    child.stdin.on('error', () => {}); // the hook may exit before reading everything
    child.stdin.end(input);
  });
}

export function runHook(client: string, payload: unknown, env: Record<string, string>, cwd?: string): Promise<Run> {
  const input = typeof payload === 'string' || Buffer.isBuffer(payload) ? payload : JSON.stringify(payload);
  return spawnWith([process.execPath, CLI, 'hook', client], { ...env, ...(client === 'amp' ? { AGENT: 'amp', AGENT_TOOL_NAME: 'Bash' } : {}) }, input, cwd);
}

/** Runs async jobs with at most `limit` in flight (spawned processes cost ~50 ms each). */
export async function pool<T, R>(items: T[], limit: number, job: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await job(items[index]);
      }
    }),
  );
  return results;
}

/** Each client's real payload for one shell command. */
export const payloads: Record<string, (command: string, cwd: string) => unknown> = {
  claude: (command, cwd) => ({ session_id: 's1', transcript_path: '/tmp/t.jsonl', cwd, permission_mode: 'default', hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command, description: 'run it' }, tool_use_id: 'toolu_1' }),
  cursor: (command, cwd) => ({ conversation_id: 'c1', generation_id: 'g1', model: 'gpt-5', hook_event_name: 'beforeShellExecution', cursor_version: '2.1.0', workspace_roots: [cwd], user_email: null, command, cwd }),
  gemini: (command, cwd) => ({ session_id: 's1', transcript_path: '/tmp/t.json', cwd, hook_event_name: 'BeforeTool', timestamp: '2026-01-01T00:00:00Z', tool_name: 'run_shell_command', tool_input: { command, description: 'run it' } }),
  codex: (command, cwd) => ({ session_id: 's1', turn_id: 't1', transcript_path: null, cwd, hook_event_name: 'PreToolUse', model: 'gpt-5-codex', permission_mode: 'default', tool_name: 'Bash', tool_use_id: 'call_1', tool_input: { command } }),
  copilot: (command, cwd) => ({ sessionId: 's1', timestamp: 1704614400000, cwd, toolName: 'bash', toolArgs: JSON.stringify({ command, description: 'run it' }) }),
  windsurf: (command, cwd) => ({ agent_action_name: 'pre_run_command', trajectory_id: 'tr1', execution_id: 'ex1', timestamp: '2026-01-01T00:00:00Z', tool_info: { command_line: command, cwd } }),
  cline: (command, cwd) => ({ clineVersion: '3.40.0', hookName: 'PreToolUse', timestamp: '1736654400000', taskId: 'task1', workspaceRoots: [cwd], userId: 'u1', preToolUse: { toolName: 'execute_command', parameters: { command, requires_approval: 'false' } } }),
  amp: (command, cwd) => ({ cmd: command, cwd }),
  opencode: (command, cwd) => ({ tool: 'bash', sessionID: 'ses_1', callID: 'call_1', cwd, args: { command, description: 'run it' } }),
};

/** A payload for a tool that is not the shell: every client must have no opinion. */
export const otherTool: Record<string, (cwd: string) => unknown> = {
  claude: (cwd) => ({ session_id: 's1', cwd, hook_event_name: 'PreToolUse', tool_name: 'Read', tool_input: { file_path: `${cwd}/a.txt` } }),
  cursor: (cwd) => ({ conversation_id: 'c1', hook_event_name: 'beforeReadFile', workspace_roots: [cwd], file_path: `${cwd}/a.txt`, content: '' }),
  gemini: (cwd) => ({ session_id: 's1', cwd, hook_event_name: 'BeforeTool', tool_name: 'read_file', tool_input: { file_path: 'a.txt' } }),
  codex: (cwd) => ({ session_id: 's1', cwd, hook_event_name: 'PreToolUse', tool_name: 'apply_patch', tool_input: { command: '*** Begin Patch' } }),
  copilot: (cwd) => ({ sessionId: 's1', timestamp: 1, cwd, toolName: 'view', toolArgs: JSON.stringify({ path: 'a.txt' }) }),
  windsurf: (cwd) => ({ agent_action_name: 'pre_read_code', trajectory_id: 'tr1', tool_info: { file_path: `${cwd}/a.txt` } }),
  cline: (cwd) => ({ clineVersion: '3.40.0', hookName: 'PreToolUse', taskId: 'task1', workspaceRoots: [cwd], preToolUse: { toolName: 'read_file', parameters: { path: 'a.txt' } } }),
  amp: () => ({ path: 'a.txt' }), // with AGENT_TOOL_NAME=Read, set by the test
  opencode: (cwd) => ({ tool: 'read', sessionID: 'ses_1', callID: 'c', cwd, args: { filePath: 'a.txt' } }),
};

export const HOOK_CLIENTS = ['claude', 'cursor', 'gemini', 'codex', 'copilot', 'windsurf', 'cline', 'amp', 'opencode'];

/** A hook answer in JSON form: exit 0 and one JSON object on stdout (the form most clients read). */
function jsonAnswer(run: Run, where: string): Record<string, any> {
  expect(run.status, where).toBe(0);
  const value = JSON.parse(run.stdout);
  expect(typeof value, where).toBe('object');
  return value;
}

/** The agent-facing reason of a block, asserting the client's own block form. */
export function blockReason(client: string, run: Run): string {
  const where = `${client}: exit ${run.status}, stdout ${run.stdout.slice(0, 200)}, stderr ${run.stderr.slice(0, 200)}`;
  switch (client) {
    case 'claude': {
      const body = jsonAnswer(run, where);
      expect(body.hookSpecificOutput.hookEventName, where).toBe('PreToolUse');
      expect(body.hookSpecificOutput.permissionDecision, where).toBe('deny');
      return body.hookSpecificOutput.permissionDecisionReason;
    }
    case 'cursor': {
      const body = jsonAnswer(run, where);
      expect(body.permission, where).toBe('deny');
      expect(body.user_message, where).toBeTruthy();
      return body.agent_message;
    }
    case 'gemini': {
      const body = jsonAnswer(run, where);
      expect(body.decision, where).toBe('deny');
      expect(body.systemMessage, where).toBeTruthy();
      return body.reason;
    }
    case 'copilot': {
      const body = jsonAnswer(run, where);
      expect(body.permissionDecision, where).toBe('deny');
      return body.permissionDecisionReason;
    }
    case 'cline': {
      const body = jsonAnswer(run, where);
      expect(body.cancel, where).toBe(true);
      expect(body.errorMessage, where).toBeTruthy();
      return body.contextModification;
    }
    case 'codex':
    case 'windsurf':
    case 'amp':
    case 'opencode':
      // Exit 2 with a non-empty reason on stderr; nothing on stdout (Codex would parse it).
      expect(run.status, where).toBe(2);
      expect(run.stdout, where).toBe('');
      expect(run.stderr.trim(), where).not.toBe('');
      return run.stderr;
    default:
      throw new Error(`unknown client ${client}`);
  }
}

/** Asserts the client's exact "no opinion" form (never an "allow" that skips its own prompt). */
export function expectNoOpinion(client: string, run: Run): void {
  const where = `${client}: exit ${run.status}, stdout ${run.stdout.slice(0, 300)}, stderr ${run.stderr.slice(0, 300)}`;
  expect(run.stderr, where).toBe('');
  switch (client) {
    case 'cursor':
      expect(jsonAnswer(run, where), where).toEqual({});
      return;
    case 'cline':
      expect(jsonAnswer(run, where), where).toEqual({ cancel: false });
      return;
    case 'amp':
      expect(run.status, where).toBe(1); // "ask the operator": never 0, which would skip Amp's prompt
      expect(run.stdout, where).toBe('');
      return;
    default:
      expect(run.status, where).toBe(0);
      expect(run.stdout, where).toBe('');
  }
}
