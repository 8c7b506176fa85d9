// The typed check, shared by `interlock approve` and `interlock watch`: show the request in full,
// ask for its target (or a phrase made up now and shown only here), grant on an exact match.
import type { Paths } from '../state/paths.js';
import { appendAudit, type Approver } from '../audit/log.js';
import { typedMatches } from './approve-text.js';
import { requestDetails, remaining } from './format.js';
import { newPhrase } from './ids.js';
import { approveRequest, DEFAULT_GRANT_TTL_MS, denyRequest, RequestError, type ConfirmTimes, type PendingRequest } from './requests.js';
import { ttyName, userName } from './terminal.js';
import { nodeReadline } from '../util/vendor.js';

export interface LineReader {
  /** Resolves with the line typed, or null when input ended (EOF, Ctrl-C, Ctrl-D). */
  ask(prompt: string): Promise<string | null>;
  /** Shows text above a question being asked, then redraws the question and what was typed. */
  interrupt(text: string): void;
  close(): void;
}

export function lineReader(input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): LineReader {
  const rl = nodeReadline().createInterface({ input, output, terminal: (output as { isTTY?: boolean }).isTTY === true });
  let closed = false;
  let asking = false;
  rl.on('close', () => {
    closed = true;
  });
  rl.on('SIGINT', () => rl.close());
  return {
    ask(prompt) {
      if (closed) return Promise.resolve(null);
      asking = true;
      return new Promise((resolve) => {
        const onClose = () => {
          asking = false;
          resolve(null);
        };
        rl.once('close', onClose);
        rl.question(prompt, (answer) => {
          asking = false;
          rl.off('close', onClose);
          resolve(answer);
        });
      });
    },
    interrupt(text) {
      if (!asking || closed) {
        output.write(text);
        return;
      }
      output.write('\r\x1b[K' + text);
      rl.prompt(true);
    },
    close() {
      rl.close();
    },
  };
}

export type ConfirmOutcome = 'approved' | 'wrong' | 'cancelled' | 'unavailable';

/** The prompt line: the text to type, in double quotes, after the word "Type". */
export function typePrompt(expected: string): string {
  return `Type "${expected}" to approve, or press Enter to cancel: `;
}

/**
 * Shows a request and asks the human to type its target. On a match, writes the one-time grant
 * and an audit entry. The caller has already checked that this is a human's terminal.
 */
export async function confirmInteractively(
  paths: Paths,
  request: PendingRequest,
  reader: LineReader,
  write: (text: string) => void,
  options: {
    times?: ConfirmTimes;
    now?: () => Date;
    /** Where the typing happened, appended to the approver's `how` (e.g. 'at the wrapper prompt'). */
    where?: string;
    /** Replaces the closing "the agent may now run it" text (the wrapper runs the command itself). */
    approvedMessage?: string;
  } = {},
): Promise<ConfirmOutcome> {
  const now = options.now ?? (() => new Date());
  const grantTtlMs = options.times?.grantTtlMs ?? DEFAULT_GRANT_TTL_MS;
  write('\n' + requestDetails(request, now()) + '\n');
  const phrase = request.approve.kind === 'phrase' || !request.approve.text;
  const expected = phrase ? newPhrase() : request.approve.text;
  write(
    phrase
      ? 'This command has no target to name; type the phrase below to show you read it.\n'
      : 'To approve, type the target shown below (it names what will be destroyed).\n',
  );
  write(`Approving lets this exact command run once, in ${request.cwd}, within ${Math.round(grantTtlMs / 60000)} minutes.\n`);
  const answer = await reader.ask(typePrompt(expected));
  const how = phrase ? 'typed phrase' : 'typed target';
  const approver: Approver = { user: userName(), tty: ttyName(), how: options.where ? `${how} ${options.where}` : how };
  const refuse = (reason: string): void => {
    try {
      appendAudit(paths, { event: 'approval-refused', decision: 'refused', requestId: request.id, client: request.client, session: request.session, cwd: request.cwd, command: request.command, reason, approver });
    } catch {
      // the refusal stands either way
    }
  };
  if (answer === null || answer.trim() === '') {
    write('\nCancelled: nothing was approved.\n');
    refuse('cancelled');
    return 'cancelled';
  }
  if (!typedMatches(answer, expected)) {
    write(`\nThat does not match "${expected}": nothing was approved.\n`);
    refuse('typed text did not match');
    return 'wrong';
  }
  let approved: PendingRequest;
  try {
    approved = approveRequest(paths, request.id, approver, now(), { grantTtlMs });
  } catch (error) {
    if (error instanceof RequestError) {
      write(`\n${error.message}\n`);
      return 'unavailable';
    }
    throw error;
  }
  try {
    appendAudit(paths, {
      event: 'approval',
      decision: 'approved',
      requestId: approved.id,
      client: approved.client,
      session: approved.session,
      cwd: approved.cwd,
      command: approved.command,
      rules: approved.findings.map((f) => f.rule),
      approver,
      details: { grantExpiresAt: approved.grantExpiresAt },
    });
  } catch (error) {
    // An approval nobody can trace is worse than none: withdraw it.
    denyRequest(paths, approved.id, approver, now());
    write(`\nCould not write the audit log (${error instanceof Error ? error.message : String(error)}); the approval was withdrawn.\n`);
    return 'unavailable';
  }
  if (options.approvedMessage !== undefined) {
    write(options.approvedMessage);
    return 'approved';
  }
  const left = approved.grantExpiresAt ? remaining(approved.grantExpiresAt, now()) : '';
  write(`\nApproved. The agent may now run this exact command once, in ${approved.cwd}${left ? `, within ${left}` : ''}.\nTell it to go ahead.\n`);
  return 'approved';
}
