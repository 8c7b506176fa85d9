// Codex CLI: `PreToolUse` hook in hooks.json (events under the top-level `hooks` key).
// Input on stdin: {session_id, turn_id, cwd, hook_event_name: "PreToolUse", model, permission_mode,
// tool_name, tool_use_id, tool_input}. Shell-like tools are reported as `Bash` with
// {command: "…"}; other builds and tools send `cmd` (exec_command) or an argv array
// (shell / container.exec: ["bash", "-lc", "…"]) and a `workdir`.
// Block: exit 2 with a non-empty reason on stderr. Codex also accepts
// hookSpecificOutput.permissionDecision "deny", but its output schema rejects any unknown field
// and an invalid reply is a *failed* hook that lets the command run; exit 2 + stderr has no shape
// to get wrong. Never `ask` or a bare `allow`: Codex rejects both and then runs the command.
// No opinion: exit 0, no output.
import { commandText, exit2, silent, workingFolder } from '../shared.js';
import { optionalText, record, text, type ClientAdapter } from '../types.js';

/** Tool names Codex has used for running shell commands. */
const SHELL_TOOLS = new Set(['Bash', 'bash', 'shell', 'shell_command', 'local_shell', 'exec_command', 'unified_exec', 'container.exec', 'terminal']);

export const codex: ClientAdapter = {
  client: 'codex',
  parse(payload) {
    const input = record(payload, 'the hook payload');
    if (input.hook_event_name !== undefined && input.hook_event_name !== 'PreToolUse') return null;
    if (!SHELL_TOOLS.has(text(input.tool_name, 'tool_name'))) return null;
    const toolInput = record(input.tool_input, 'tool_input');
    const command = toolInput.command ?? toolInput.cmd;
    return {
      client: 'codex',
      command: commandText(command, 'tool_input.command'),
      cwd: workingFolder(optionalText(input.cwd) ?? process.cwd(), toolInput.workdir),
      session: optionalText(input.session_id),
    };
  },
  reply(outcome) {
    return outcome.kind === 'silent' ? silent : exit2(outcome);
  },
};
