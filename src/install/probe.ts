// Running a hook exactly as its client would — through `sh -c` for a command string, directly for
// an executable, through `import()` for the OpenCode plugin — with the client's own payload on
// stdin, and reading the answer the way that client reads it. `install` uses it to verify a hook
// before writing it; `doctor` to check installed hooks. INTERLOCK_HOME always points at a
// throwaway folder, so a probe leaves no pending request or audit line in the user's state.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** How a client starts Interlock. */
export type Probe =
  | { kind: 'shell'; command: string }
  | { kind: 'exec'; path: string }
  | { kind: 'plugin'; path: string };

/** The incident (DESIGN.md §1), with a dummy token. */
export const INCIDENT = `curl -X POST https://backboard.railway.app/graphql/v2 -H "Authorization: Bearer x" -d '{"query":"mutation { volumeDelete(volumeId: \\"3d2c42fb\\") }"}'`;
export const SAFE = 'git status';

export type Verdict = 'blocked' | 'no-opinion' | 'unexpected';

export interface ProbeResult {
  verdict: Verdict;
  /** What the agent would be told (blocks) or what went wrong. */
  detail: string;
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The client's hook payload for one shell command. */
export function payloadFor(client: string, command: string, cwd: string): unknown {
  switch (client) {
    case 'claude':
      return { session_id: 'interlock-probe', cwd, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command } };
    case 'cursor':
      return { hook_event_name: 'beforeShellExecution', conversation_id: 'interlock-probe', generation_id: 'g', workspace_roots: [cwd], command, cwd };
    case 'gemini':
      return { session_id: 'interlock-probe', cwd, hook_event_name: 'BeforeTool', timestamp: new Date().toISOString(), tool_name: 'run_shell_command', tool_input: { command } };
    case 'codex':
      return { session_id: 'interlock-probe', turn_id: 't', cwd, hook_event_name: 'PreToolUse', model: 'm', permission_mode: 'default', tool_name: 'Bash', tool_use_id: 'c', tool_input: { command } };
    case 'copilot':
      return { sessionId: 'interlock-probe', timestamp: Date.now(), cwd, toolName: 'bash', toolArgs: JSON.stringify({ command, description: 'probe' }) };
    case 'windsurf':
      return { agent_action_name: 'pre_run_command', trajectory_id: 'interlock-probe', execution_id: 'e', timestamp: new Date().toISOString(), tool_info: { command_line: command, cwd } };
    case 'cline':
      return { clineVersion: '3', hookName: 'PreToolUse', timestamp: String(Date.now()), taskId: 'interlock-probe', workspaceRoots: [cwd], userId: 'u', preToolUse: { toolName: 'execute_command', parameters: { command, requires_approval: 'false' } } };
    case 'amp':
      return { cmd: command, cwd };
    case 'opencode':
      return { tool: 'bash', sessionID: 'interlock-probe', callID: 'c', cwd, args: { command } };
    default:
      throw new Error(`no probe payload for client ${client}`);
  }
}

function json(text: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(text.trim());
    return value && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Reads a reply the way the client does. */
export function judge(client: string, status: number | null, stdout: string, stderr: string): { verdict: Verdict; detail: string } {
  const out = stdout.trim();
  const err = stderr.trim();
  const body = out ? json(out) : undefined;
  const blocked = (detail: unknown) => ({ verdict: 'blocked' as const, detail: typeof detail === 'string' && detail ? detail : err || out });
  const quiet = { verdict: 'no-opinion' as const, detail: '' };
  const odd = (why: string) => ({ verdict: 'unexpected' as const, detail: `${why} (exit ${status ?? 'signal'}${err ? `; stderr: ${err.slice(0, 300)}` : ''})` });
  switch (client) {
    case 'amp':
      if (status === 1) return quiet;
      if (status !== null && status >= 2) return blocked(err);
      return odd(status === 0 ? 'exit 0 would tell Amp to run the command without asking' : 'no exit code');
    case 'windsurf':
      if (status === 2) return blocked(err);
      return status === 0 ? quiet : odd('Windsurf runs the command on this exit code');
    case 'opencode':
      if (status === 0) return quiet;
      return blocked(err); // the plugin throws on any non-zero exit
    case 'cline':
      if (body?.cancel === true) return blocked(body.contextModification ?? body.errorMessage);
      if (body && body.cancel !== true) return quiet;
      return odd('no JSON reply: Cline treats that as an error, not a block');
    default:
      break;
  }
  if (status === 2) return err ? blocked(err) : odd('exit 2 without a reason on stderr');
  if (status !== 0) return odd('the client runs the command on this exit code');
  if (!out) return quiet;
  if (!body) return odd('stdout is not JSON');
  const specific = (body.hookSpecificOutput ?? {}) as Record<string, unknown>;
  switch (client) {
    case 'claude':
    case 'codex':
      if (specific.permissionDecision === 'deny') return blocked(specific.permissionDecisionReason);
      return specific.permissionDecision === undefined ? quiet : odd(`permissionDecision "${String(specific.permissionDecision)}"`);
    case 'cursor':
      if (body.permission === 'deny') return blocked(body.agent_message);
      return body.permission === undefined ? quiet : odd(`permission "${String(body.permission)}"`);
    case 'gemini':
      if (body.decision === 'deny' || body.decision === 'block') return blocked(body.reason);
      return body.decision === undefined ? quiet : odd(`decision "${String(body.decision)}"`);
    case 'copilot':
      if (body.permissionDecision === 'deny') return blocked(body.permissionDecisionReason);
      return body.permissionDecision === undefined ? quiet : odd(`permissionDecision "${String(body.permissionDecision)}"`);
    default:
      return odd(`unknown client ${client}`);
  }
}

const PLUGIN_RUNNER = `
const [path, payload] = [process.argv[2], JSON.parse(process.argv[3])];
const mod = await import(path);
const plugins = Object.values(mod).filter((f) => typeof f === 'function');
try {
  for (const plugin of plugins) {
    const hooks = await plugin({ directory: payload.cwd, worktree: payload.cwd });
    await hooks['tool.execute.before']?.({ tool: payload.tool, sessionID: payload.sessionID, callID: payload.callID }, { args: payload.args });
  }
  process.exit(0);
} catch (error) {
  process.stderr.write(String(error && error.message || error));
  process.exit(2);
}`;

export interface ProbeOptions {
  env?: NodeJS.ProcessEnv;
  /** Folder the command is judged in (also the hook's working folder). */
  cwd?: string;
  timeoutMs?: number;
}

/** Runs a hook once with `command` and reads the reply. */
export function runProbe(client: string, probe: Probe, command: string, options: ProbeOptions = {}): ProbeResult {
  const scratch = mkdtempSync(join(tmpdir(), 'interlock-probe-'));
  try {
    const cwd = options.cwd ?? scratch;
    const payload = payloadFor(client, command, cwd);
    const env: NodeJS.ProcessEnv = { ...(options.env ?? process.env), INTERLOCK_HOME: join(scratch, 'state') };
    if (client === 'amp') Object.assign(env, { AGENT: 'amp', AGENT_TOOL_NAME: 'Bash', AMP_THREAD_ID: 'interlock-probe' });
    let result;
    const common = { cwd, env, encoding: 'utf8' as const, timeout: options.timeoutMs ?? 15_000 };
    if (probe.kind === 'shell') result = spawnSync('/bin/sh', ['-c', probe.command], { ...common, input: JSON.stringify(payload) });
    else if (probe.kind === 'exec') result = spawnSync(probe.path, [], { ...common, input: JSON.stringify(payload) });
    else {
      // Node < 22 only loads ES modules from .mjs files outside a "type": "module" package.
      const copy = join(scratch, 'plugin.mjs');
      copyFileSync(probe.path, copy);
      writeFileSync(join(scratch, 'runner.mjs'), PLUGIN_RUNNER);
      result = spawnSync(process.execPath, [join(scratch, 'runner.mjs'), copy, JSON.stringify(payload)], common);
    }
    const stdout = result.stdout ?? '';
    const stderr = result.stderr ?? '';
    if (result.error) return { verdict: 'unexpected', detail: `could not run the hook: ${result.error.message}`, status: null, stdout, stderr };
    return { ...judge(client, result.status, stdout, stderr), status: result.status, stdout, stderr };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The canary check: the incident is blocked with `interlock approve <id>`, and `git status` is not. */
export function canary(client: string, probe: Probe, options: ProbeOptions = {}): { ok: boolean; problems: string[]; incident: ProbeResult; safe: ProbeResult } {
  const incident = runProbe(client, probe, INCIDENT, options);
  const safe = runProbe(client, probe, SAFE, options);
  const problems: string[] = [];
  if (incident.verdict !== 'blocked') problems.push(`the incident command was not blocked: ${incident.detail || incident.verdict}`);
  else if (!/interlock approve [A-Za-z0-9-]+/.test(incident.detail)) problems.push(`the block does not name \`interlock approve <id>\`: ${incident.detail.slice(0, 200)}`);
  if (safe.verdict !== 'no-opinion') problems.push(`\`git status\` got ${safe.verdict}: ${safe.detail || '(no detail)'}`);
  return { ok: problems.length === 0, problems, incident, safe };
}
