// GitHub Copilot CLI: hooks in `.github/hooks/*.json` / `~/.copilot/hooks/*.json` ("version": 1).
// Two payload shapes, chosen by the event name in the config:
//   camelCase `preToolUse`: {sessionId, timestamp, cwd, toolName: "bash", toolArgs} where toolArgs
//     is the tool's arguments — a JSON *string* in older builds, an object in newer ones;
//   PascalCase `PreToolUse` (VS Code / Claude compatible): {hook_event_name, session_id, cwd,
//     tool_name: "Bash", tool_input}.
// Block: exit 0 with {"permissionDecision":"deny","permissionDecisionReason":…}; the Claude-style
// hookSpecificOutput is added for the PascalCase configuration. Exit 0 + JSON is chosen over exit 2
// because older builds logged non-zero exits and let the tool run, while every build honours the
// JSON deny. No opinion: exit 0, no output ("empty output uses default behavior").
// PowerShell (`powershell` tool, Windows) is not parsed: no opinion.
import { silent, workingFolder } from '../shared.js';
import { optionalText, PayloadError, record, text, type ClientAdapter } from '../types.js';

function toolArguments(value: unknown, what: string): Record<string, unknown> {
  if (typeof value === 'string') {
    try {
      return record(JSON.parse(value), what);
    } catch (error) {
      if (error instanceof PayloadError) throw error;
      throw new PayloadError(`${what} is a string that is not valid JSON`);
    }
  }
  return record(value, what);
}

export const copilot: ClientAdapter = {
  client: 'copilot',
  parse(payload) {
    const input = record(payload, 'the hook payload');
    const camel = input.toolName !== undefined || input.toolArgs !== undefined;
    if (!camel && input.hook_event_name !== undefined && input.hook_event_name !== 'PreToolUse') return null;
    const tool = camel ? text(input.toolName, 'toolName') : text(input.tool_name, 'tool_name');
    if (tool !== 'bash' && tool !== 'Bash') return null;
    const args = camel ? toolArguments(input.toolArgs, 'toolArgs') : toolArguments(input.tool_input, 'tool_input');
    const base = optionalText(input.cwd) ?? process.cwd();
    return {
      client: 'copilot',
      command: text(args.command, camel ? 'toolArgs.command' : 'tool_input.command'),
      cwd: workingFolder(base, args.cwd ?? args.workdir),
      session: optionalText(camel ? input.sessionId : input.session_id),
    };
  },
  reply(outcome) {
    if (outcome.kind === 'silent') return silent;
    const body = {
      permissionDecision: 'deny',
      permissionDecisionReason: outcome.agentMessage,
      hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'deny', permissionDecisionReason: outcome.agentMessage },
    };
    return { stdout: JSON.stringify(body) + '\n', exitCode: 0 };
  },
};
