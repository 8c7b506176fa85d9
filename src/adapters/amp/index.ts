// Amp: a `delegate` rule in `amp.permissions` ({"tool": "Bash", "action": "delegate", "to": <program>}).
// Amp runs the program with the tool's arguments as JSON on stdin ({"cmd": "…", "cwd"?: "…"} for
// Bash) and AGENT=amp, AGENT_TOOL_NAME, AMP_THREAD_ID in the environment, and reads the exit code:
// 0 = allow (run without asking), 1 = ask the operator, ≥ 2 = reject with stderr shown to the model.
// Never widen: exit 0 would run the command *without* the prompt Amp would otherwise have shown
// (our rule comes first, so Amp's own rules and built-ins never get a say). So a command Interlock
// finds safe answers 1 — "ask the operator", Amp's own default — and a blocked one answers 2.
import { exit2, workingFolder } from '../shared.js';
import { optionalText, record, text, type ClientAdapter } from '../types.js';

/** Exit code for "no opinion": let Amp ask its operator, as it does when no rule matches. */
export const AMP_ASK = 1;

export const amp: ClientAdapter = {
  client: 'amp',
  parse(payload) {
    const args = record(payload, 'the tool arguments');
    const tool = process.env.AGENT_TOOL_NAME;
    if (tool !== undefined && tool !== '' && tool !== 'Bash') return null;
    return {
      client: 'amp',
      command: text(args.cmd ?? args.command, 'cmd'),
      cwd: workingFolder(process.cwd(), args.cwd),
      session: optionalText(process.env.AMP_THREAD_ID),
    };
  },
  reply(outcome) {
    return outcome.kind === 'silent' ? { exitCode: AMP_ASK } : exit2(outcome);
  },
};
