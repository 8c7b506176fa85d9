// OpenCode: the plugin hooks/opencode/interlock.js (`tool.execute.before`) runs
// `interlock hook opencode` for every tool call and throws — which blocks the call — unless this
// exits 0. Input on stdin (built by the plugin): {tool, sessionID, callID, cwd, args: {command,
// workdir?, …}}. Block: exit 2 with the reason on stderr; the plugin throws it as the Error the
// model sees. No opinion: exit 0, no output (OpenCode's own permission rules then apply).
import { exit2, silent, workingFolder } from '../shared.js';
import { optionalText, record, text, type ClientAdapter } from '../types.js';

export const opencode: ClientAdapter = {
  client: 'opencode',
  parse(payload) {
    const input = record(payload, 'the hook payload');
    if (text(input.tool, 'tool') !== 'bash') return null;
    const args = record(input.args, 'args');
    return {
      client: 'opencode',
      command: text(args.command, 'args.command'),
      cwd: workingFolder(optionalText(input.cwd) ?? process.cwd(), args.workdir),
      session: optionalText(input.sessionID),
    };
  },
  reply(outcome) {
    return outcome.kind === 'silent' ? silent : exit2(outcome);
  },
};
