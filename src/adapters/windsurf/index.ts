// Windsurf (Cascade hooks): `pre_run_command` in hooks.json.
// Input on stdin: {agent_action_name: "pre_run_command", trajectory_id, execution_id, timestamp,
// tool_info: {command_line, cwd}}.
// Block: exit 2; Cascade shows stderr to the agent (and to the user when `show_output` is on).
// Windsurf ignores stdout for decisions, and every other exit code lets the command run.
// No opinion: exit 0, no output.
import { exit2, silent } from '../shared.js';
import { optionalText, record, text, type ClientAdapter } from '../types.js';

export const windsurf: ClientAdapter = {
  client: 'windsurf',
  parse(payload) {
    const input = record(payload, 'the hook payload');
    if (input.agent_action_name !== undefined && input.agent_action_name !== 'pre_run_command') return null;
    const info = record(input.tool_info, 'tool_info');
    return {
      client: 'windsurf',
      command: text(info.command_line, 'tool_info.command_line'),
      cwd: optionalText(info.cwd) ?? process.cwd(),
      session: optionalText(input.trajectory_id),
    };
  },
  reply(outcome) {
    return outcome.kind === 'silent' ? silent : exit2(outcome);
  },
};
