// Gemini CLI: `BeforeTool` hook, matcher `run_shell_command`, configured in settings.json.
// Input on stdin: {session_id, transcript_path, cwd, hook_event_name: "BeforeTool", timestamp,
// tool_name: "run_shell_command", tool_input: {command, description?, dir_path?}}.
// Block: exit 0 with {"decision":"deny","reason":…,"systemMessage":…} — `reason` goes to the model
// as the tool error, `systemMessage` to the user's terminal. (Exit 2 with stderr also blocks, but
// carries only one message.) No opinion: exit 0 with empty stdout. Never plain text on stdout:
// Gemini turns non-JSON stdout on exit 0 into an "allow".
import { workingFolder } from '../shared.js';
import { optionalText, record, text, type ClientAdapter } from '../types.js';

export const gemini: ClientAdapter = {
  client: 'gemini',
  parse(payload) {
    const input = record(payload, 'the hook payload');
    if (input.hook_event_name !== undefined && input.hook_event_name !== 'BeforeTool') return null;
    if (text(input.tool_name, 'tool_name') !== 'run_shell_command') return null;
    const toolInput = record(input.tool_input, 'tool_input');
    const base = optionalText(input.cwd) ?? process.env.GEMINI_PROJECT_DIR ?? process.cwd();
    return {
      client: 'gemini',
      command: text(toolInput.command, 'tool_input.command'),
      // The shell tool may run in a sub-folder of the project (`dir_path`, formerly `directory`).
      cwd: workingFolder(base, toolInput.dir_path ?? toolInput.directory),
      session: optionalText(input.session_id),
    };
  },
  reply(outcome) {
    if (outcome.kind === 'silent') return { exitCode: 0 };
    const body = { decision: 'deny', reason: outcome.agentMessage, systemMessage: outcome.userMessage };
    return { stdout: JSON.stringify(body) + '\n', exitCode: 0 };
  },
};
