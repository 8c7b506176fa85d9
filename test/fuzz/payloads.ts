// Hook payloads a client could send, for any adapter in src/adapters/index.ts: well-formed ones
// for the clients we know (with fields dropped, retyped or replaced), objects built from every
// client's field names with values of every type, and plain garbage. Plus what a correct reply
// looks like: a block in the client's own blocking form, silence in its "no opinion" form, and
// never an "allow" or "ask" (those skip the user's own prompts or, in Codex, run the command).
import fc from 'fast-check';
import type { HookOutcome, HookReply } from '../../src/adapters/types.js';

export const DESTRUCTIVE = ['git push --force origin main', 'rm -rf /srv/data', 'railway volume delete --volume pg-data --yes', "psql -c 'DROP TABLE users'", 'echo cm0gLXJmIC9zcnYvZGF0YQ== | base64 -d | sh', 'interlock approve k7m2xq'];
export const SAFE = ['ls -la', 'git status', 'npm test', 'echo hello'];

const commands = fc.oneof(
  { arbitrary: fc.constantFrom(...DESTRUCTIVE), weight: 3 },
  { arbitrary: fc.constantFrom(...SAFE), weight: 2 },
  { arbitrary: fc.string({ maxLength: 40 }), weight: 1 },
  { arbitrary: fc.constantFrom("echo 'unterminated", '$(' .repeat(300), '', ' ', '\u0000', 'x'.repeat(3000)), weight: 1 },
);

const NAMES = ['PreToolUse', 'preToolUse', 'BeforeTool', 'beforeShellExecution', 'pre_run_command', 'Bash', 'bash', 'run_shell_command', 'execute_command', 'exec_command', 'shell', 'local_shell', 'Edit', 'Write', 'PostToolUse', ''];
const KEYS = [
  'hook_event_name', 'hookEventName', 'hookName', 'tool_name', 'toolName', 'tool', 'tool_input', 'toolArgs', 'args', 'tool_info', 'preToolUse', 'parameters',
  'command', 'cmd', 'command_line', 'cwd', 'workdir', 'dir_path', 'directory', 'workspace_roots', 'workspaceRoots', 'session_id', 'sessionId', 'sessionID',
  'conversation_id', 'trajectory_id', 'taskId', 'agent_action_name', 'transcript_path', 'permission_mode',
];

const scalar = fc.oneof(commands, fc.constantFrom(...NAMES), fc.constantFrom('/tmp', '/', '.', 'relative/dir', '~', ''), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));

/** Objects made of client field names, nested, with values of any type (JSON strings included). */
const shaped: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', maxDepth: 3 },
    scalar,
    fc.array(scalar, { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie('node'), { maxKeys: 6 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie('node'), { maxKeys: 4 }).map((o) => JSON.stringify(o)),
  ),
})).node;

/** Well-formed payloads of the clients we know, for a command and a folder. */
function templates(command: unknown, cwd: unknown): Record<string, Record<string, unknown>> {
  return {
    claude: { session_id: 's1', cwd, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command } },
    cursor: { hook_event_name: 'beforeShellExecution', conversation_id: 'c1', command, cwd, workspace_roots: [cwd] },
    gemini: { hook_event_name: 'BeforeTool', session_id: 's1', cwd, tool_name: 'run_shell_command', tool_input: { command } },
    codex: { hook_event_name: 'PreToolUse', session_id: 's1', cwd, tool_name: 'Bash', tool_input: { command } },
    copilot: { toolName: 'bash', toolArgs: JSON.stringify({ command }), cwd, sessionId: 's1' },
    windsurf: { agent_action_name: 'pre_run_command', trajectory_id: 't1', tool_info: { command_line: command, cwd } },
    cline: { hookName: 'PreToolUse', taskId: 't1', workspaceRoots: [cwd], preToolUse: { toolName: 'execute_command', parameters: { command } } },
    amp: { cmd: command, cwd },
    opencode: { tool: 'bash', sessionID: 's1', cwd, args: { command } },
  };
}

/** A known client's payload, or for any client the union of all of them. */
export function validPayload(client: string, command: unknown, cwd: unknown): Record<string, unknown> {
  const all = templates(command, cwd);
  return all[client] ?? Object.assign({}, ...Object.values(all));
}

/** Drops, retypes or replaces one field (at any depth) of a well-formed payload. */
const damaged = (client: string) =>
  fc.tuple(commands, fc.constantFrom('/tmp', '/', 'relative', '', 42, null), fc.nat(), fc.oneof(scalar, shaped, fc.constant(undefined))).map(([command, cwd, pick, value]) => {
    const payload = structuredClone(validPayload(client, command, cwd)) as Record<string, unknown>;
    const paths: string[][] = [];
    const walk = (o: Record<string, unknown>, path: string[]) => {
      for (const [k, v] of Object.entries(o)) {
        paths.push([...path, k]);
        if (v && typeof v === 'object' && !Array.isArray(v)) walk(v as Record<string, unknown>, [...path, k]);
      }
    };
    walk(payload, []);
    const path = paths[pick % paths.length];
    let target = payload;
    for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
    if (value === undefined) delete target[path.at(-1)!];
    else target[path.at(-1)!] = value;
    return payload;
  });

/** What a client could send on stdin, as text: valid, damaged, shaped, JSON garbage, non-JSON. */
export function payloadText(client: string): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.tuple(commands, fc.constantFrom('/tmp', '/work/project')).map(([c, cwd]) => JSON.stringify(validPayload(client, c, cwd))), weight: 4 },
    { arbitrary: damaged(client).map((p) => JSON.stringify(p)), weight: 4 },
    { arbitrary: shaped.map((p) => JSON.stringify(p) ?? 'null'), weight: 2 },
    { arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)), weight: 1 },
    { arbitrary: fc.oneof(fc.string({ maxLength: 50 }), fc.constantFrom('', ' ', '{', '{"tool_name":', 'null', '[]', '"Bash"', '\u0000', '{}{}')), weight: 1 },
  );
}

// ── replies ────────────────────────────────────────────────────────────────

function json(stdout: string | undefined): Record<string, unknown> | undefined {
  if (stdout === undefined || stdout.trim() === '') return undefined;
  const value: unknown = JSON.parse(stdout); // throws: stdout must be JSON when present
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** A reply some client would treat as a block. */
export function isBlocking(reply: HookReply): boolean {
  if (reply.exitCode === 2 && (reply.stderr ?? '').trim() !== '') return true;
  const body = json(reply.stdout);
  if (!body || reply.exitCode !== 0) return false;
  const hso = body.hookSpecificOutput as Record<string, unknown> | undefined;
  return body.permissionDecision === 'deny' || body.permission === 'deny' || body.decision === 'deny' || body.cancel === true || hso?.permissionDecision === 'deny';
}

/** Clients whose exact block and silence forms we know (DESIGN.md §8); others get the generic check. */
const KNOWN: Record<string, { block(reply: HookReply): boolean; silent(reply: HookReply): boolean }> = {
  claude: {
    block: (r) => r.exitCode === 0 && (json(r.stdout)?.hookSpecificOutput as Record<string, unknown>)?.permissionDecision === 'deny' && typeof (json(r.stdout)?.hookSpecificOutput as Record<string, unknown>).permissionDecisionReason === 'string',
    silent: (r) => r.exitCode === 0 && !r.stdout,
  },
  cursor: { block: (r) => r.exitCode === 0 && json(r.stdout)?.permission === 'deny', silent: (r) => r.exitCode === 0 && json(r.stdout)?.permission === undefined },
  gemini: { block: (r) => r.exitCode === 0 && json(r.stdout)?.decision === 'deny' && typeof json(r.stdout)?.reason === 'string', silent: (r) => r.exitCode === 0 && !r.stdout },
  codex: { block: (r) => r.exitCode === 2 && (r.stderr ?? '').trim() !== '', silent: (r) => r.exitCode === 0 && !r.stdout },
  copilot: { block: (r) => r.exitCode === 0 && json(r.stdout)?.permissionDecision === 'deny', silent: (r) => r.exitCode === 0 && !r.stdout },
  windsurf: { block: (r) => r.exitCode === 2 && (r.stderr ?? '').trim() !== '', silent: (r) => r.exitCode === 0 },
  cline: { block: (r) => r.exitCode === 0 && json(r.stdout)?.cancel === true, silent: (r) => r.exitCode === 0 && json(r.stdout)?.cancel !== true },
  amp: { block: (r) => r.exitCode >= 2 && (r.stderr ?? '').trim() !== '', silent: (r) => r.exitCode < 2 },
  opencode: { block: (r) => r.exitCode === 2 && (r.stderr ?? '').trim() !== '', silent: (r) => r.exitCode === 0 },
};

/** Problems with a reply for an outcome, in the client's terms ([] when it is right). */
export function replyProblems(client: string, outcome: HookOutcome, reply: HookReply): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(reply.exitCode)) problems.push(`exit code ${reply.exitCode} is not an integer`);
  let body: Record<string, unknown> | undefined;
  try {
    body = json(reply.stdout);
  } catch {
    problems.push(`stdout is not JSON: ${JSON.stringify(reply.stdout?.slice(0, 80))}`);
  }
  if (reply.stdout && reply.stdout.trim().split('\n').length !== 1) problems.push('stdout is more than one line');
  const text = JSON.stringify(body ?? {});
  if (/"(permissionDecision|decision|permission)":"(allow|ask|approve)"/.test(text)) problems.push(`the reply says allow/ask: ${text.slice(0, 120)}`);
  const known = KNOWN[client];
  const blocks = known ? known.block(reply) : isBlocking(reply);
  if (outcome.kind === 'block' && !blocks) problems.push(`a block was not answered as one: ${JSON.stringify(reply).slice(0, 200)}`);
  if (outcome.kind === 'silent' && (known ? !known.silent(reply) || known.block(reply) : isBlocking(reply))) problems.push(`silence was answered as a block or in the wrong form: ${JSON.stringify(reply).slice(0, 200)}`);
  return problems;
}
