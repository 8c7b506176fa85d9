// Claude Code: PreToolUse hook, matcher Bash. Input on stdin:
//   {session_id, cwd, hook_event_name: "PreToolUse", tool_name: "Bash", tool_input: {command}}
// Block: exit 0 with hookSpecificOutput.permissionDecision "deny" and a reason Claude reads;
// systemMessage is shown to the human. Safe: exit 0 and no output (never "allow", which would skip
// the user's own permission prompt).
import { optionalText, record, text, type ClientAdapter } from '../types.js';

export const claude: ClientAdapter = {
  client: 'claude',
  parse(payload) {
    const input = record(payload, 'the hook payload');
    if (input.hook_event_name !== undefined && input.hook_event_name !== 'PreToolUse') return null;
    if (text(input.tool_name, 'tool_name') !== 'Bash') return null;
    const toolInput = record(input.tool_input, 'tool_input');
    return {
      client: 'claude',
      command: text(toolInput.command, 'tool_input.command'),
      cwd: optionalText(input.cwd) ?? process.env.CLAUDE_PROJECT_DIR ?? process.cwd(),
      session: optionalText(input.session_id),
    };
  },
  reply(outcome) {
    if (outcome.kind === 'silent') return { exitCode: 0 };
    const body = {
      hookSpecificOutput: {
        hookEventName: 'PreToolUse',
        permissionDecision: 'deny',
        permissionDecisionReason: outcome.agentMessage,
      },
      systemMessage: outcome.userMessage,
    };
    return { stdout: JSON.stringify(body) + '\n', exitCode: 0 };
  },
};
