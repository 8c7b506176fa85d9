// Cursor (IDE agent and cursor-agent CLI): `beforeShellExecution` hook in hooks.json.
// Input on stdin: {hook_event_name, conversation_id, generation_id, workspace_roots, command, cwd}.
// `cwd` can be empty (the agent's default folder): the first workspace root stands in for it.
// Block: exit 0 with {"permission":"deny","user_message":…,"agent_message":…}. Cursor also
// treats exit 2 as deny, but only the JSON form carries both a user- and an agent-facing message.
// No opinion: `{}` (valid JSON without a permission). The installer sets `failClosed: true`, under
// which Cursor blocks on a crash, a time-out or *invalid JSON* — so even silence is answered as
// JSON, and "allow" (which could skip Cursor's own approval) is never sent.
import { firstText } from '../shared.js';
import { optionalText, record, text, type ClientAdapter } from '../types.js';

export const cursor: ClientAdapter = {
  client: 'cursor',
  parse(payload) {
    const input = record(payload, 'the hook payload');
    if (input.hook_event_name !== undefined && input.hook_event_name !== 'beforeShellExecution') return null;
    return {
      client: 'cursor',
      command: text(input.command, 'command'),
      cwd: optionalText(input.cwd) ?? firstText(input.workspace_roots) ?? process.cwd(),
      session: optionalText(input.conversation_id),
    };
  },
  reply(outcome) {
    if (outcome.kind === 'silent') return { stdout: '{}\n', exitCode: 0 };
    const body = { permission: 'deny', user_message: outcome.userMessage, agent_message: outcome.agentMessage };
    return { stdout: JSON.stringify(body) + '\n', exitCode: 0 };
  },
};
