// The decision in front of a wrapped command, shared by `interlock run` and `interlock shell`.
// It is the hook's own decision flow (decideHook: policy, one-time grants, pending requests,
// audit), so a command held through a wrapper is approved, logged and re-run exactly like one held
// through a client's hook. What a wrapper adds: when a human runs the command in their own
// terminal, the typed confirmation is asked right there (molly-guard style).
import { isatty } from 'node:tty';
import { decideHook } from '../adapters/run.js';
import { appendAudit } from '../audit/log.js';
import { redact } from '../audit/redact.js';
import { confirmInteractively, lineReader } from '../confirm/prompt.js';
import { agentFromEnvironment } from '../confirm/agent-detect.js';
import { consumeGrant, openRequest } from '../confirm/requests.js';
import { checkHumanTerminal } from '../confirm/terminal.js';
import { confirmTimesFor } from '../confirm/times.js';
import { resolvePaths } from '../state/paths.js';
import { WRAP_EXIT } from './exit-codes.js';

export interface GuardRequest {
  /** The exact text checked, and what a grant is bound to (with cwd). */
  command: string;
  cwd: string;
  /** Shown in `interlock pending` and the audit log: 'interlock run', 'interlock shell'. */
  client: string;
}

export type GuardVerdict = { run: true } | { run: false; status: number };

export interface GuardIo {
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  /** Whether stdin and stdout are terminals (a human may be there). */
  terminal(): boolean;
}

export const processIo = (): GuardIo => ({
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  // isatty on the descriptors: touching process.stdin would set up a stream (~10 ms) on every call.
  terminal: () => isatty(0) && isatty(1),
});

const WHERE = 'at the wrapper prompt';

/** Asks the human at this terminal to type the target; runs the command once on a match. */
async function confirmHere(request: GuardRequest, requestId: string, io: GuardIo): Promise<GuardVerdict> {
  const paths = resolvePaths(io.env);
  const held = openRequest(paths, requestId);
  const reader = lineReader(process.stdin, process.stdout);
  let outcome;
  try {
    outcome = await confirmInteractively(paths, held, reader, (text) => process.stdout.write(text), {
      times: await confirmTimesFor(request.cwd, io.env),
      where: WHERE,
      approvedMessage: '\nApproved: running it now.\n\n',
    });
  } finally {
    // Hands the terminal back (cooked mode, no reads from our side) before the command gets it.
    reader.close();
  }
  if (outcome !== 'approved') {
    io.stderr('Interlock: the command did not run.\n');
    return { run: false, status: WRAP_EXIT.refused };
  }
  // The approval wrote a one-time grant for this exact command and folder; use it now.
  const granted = consumeGrant(paths, request.command, request.cwd);
  if (!granted) {
    io.stderr('Interlock: the approval was used or withdrawn before the command could run; nothing ran.\n');
    return { run: false, status: WRAP_EXIT.internal };
  }
  appendAudit(paths, {
    event: 'decision',
    decision: 'confirm',
    outcome: 'granted',
    client: request.client,
    cwd: request.cwd,
    command: request.command,
    requestId: granted.request.id,
    reason: `approved ${WHERE}`,
  });
  return { run: true };
}

/** Decides whether the wrapped command may run. Never throws: every failure is a "do not run". */
export async function guard(request: GuardRequest, io: GuardIo = processIo()): Promise<GuardVerdict> {
  // Name the agent when its environment gives it away: `interlock pending` then says who asked.
  const sign = agentFromEnvironment(io.env);
  if (sign) request = { ...request, client: `${request.client} (${sign.agent})` };
  try {
    const outcome = await decideHook({ command: request.command, cwd: request.cwd, client: request.client }, io.env);
    if (outcome.kind === 'silent') return { run: true };
    if (outcome.decision === 'deny') {
      io.stderr(outcome.agentMessage + '\n');
      return { run: false, status: WRAP_EXIT.refused };
    }
    if (!outcome.requestId) {
      // decideHook could not record the request: it already says why (fail closed).
      io.stderr(outcome.agentMessage + '\n');
      return { run: false, status: WRAP_EXIT.internal };
    }
    if (io.terminal() && checkHumanTerminal({ stdinIsTTY: true, stdoutIsTTY: true, env: io.env }).ok) {
      return await confirmHere(request, outcome.requestId, io);
    }
    io.stderr(outcome.agentMessage + '\n');
    return { run: false, status: WRAP_EXIT.held };
  } catch (error) {
    const message = redact(error instanceof Error ? error.message : String(error));
    io.stderr(`Interlock could not check this command (${message}), so it did not run it.\n`);
    return { run: false, status: WRAP_EXIT.internal };
  }
}
