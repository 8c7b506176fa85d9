// Cline: a `PreToolUse` executable in `.clinerules/hooks/` or `~/Documents/Cline/Hooks/`.
// Input on stdin: {clineVersion, hookName: "PreToolUse", timestamp, taskId, workspaceRoots, userId,
// preToolUse: {toolName (documented also as `tool`), parameters: {command, requires_approval}}}.
// Reply: JSON on stdout, honoured whatever the exit code. Block: {"cancel": true, "errorMessage":
// <shown to the user>, "contextModification": <added to the conversation for the model>}.
// No opinion: {"cancel": false}. A hook that prints no JSON and exits non-zero is a hook error,
// which Cline does not treat as a block — so the installed wrapper always prints JSON.
import { firstText, workingFolder } from '../shared.js';
import { optionalText, record, text, type ClientAdapter } from '../types.js';

export const cline: ClientAdapter = {
  client: 'cline',
  parse(payload) {
    const input = record(payload, 'the hook payload');
    if (input.hookName !== undefined && input.hookName !== 'PreToolUse') return null;
    const pre = record(input.preToolUse, 'preToolUse');
    const tool = text(pre.toolName ?? pre.tool, 'preToolUse.toolName');
    if (tool !== 'execute_command') return null;
    const parameters = record(pre.parameters, 'preToolUse.parameters');
    const base = firstText(input.workspaceRoots) ?? process.cwd();
    return {
      client: 'cline',
      command: text(parameters.command, 'preToolUse.parameters.command'),
      cwd: workingFolder(base, parameters.cwd),
      session: optionalText(input.taskId),
    };
  },
  reply(outcome) {
    if (outcome.kind === 'silent') return { stdout: JSON.stringify({ cancel: false }) + '\n', exitCode: 0 };
    const body = { cancel: true, errorMessage: outcome.userMessage, contextModification: outcome.agentMessage };
    return { stdout: JSON.stringify(body) + '\n', exitCode: 0 };
  },
};
