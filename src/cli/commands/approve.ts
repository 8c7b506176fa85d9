// `interlock approve [id]`: a human, in their own terminal, reads what a held command would
// destroy and types its target; the agent may then run that exact command once.
import { parseArgs } from 'node:util';
import type { CliCommand } from '../command.js';
import { wantsHelp } from '../command.js';
import { resolvePaths, type Paths } from '../../state/paths.js';
import { appendAudit } from '../../audit/log.js';
import { checkHumanTerminal, ttyName, userName } from '../../confirm/terminal.js';
import { confirmInteractively, lineReader, type LineReader } from '../../confirm/prompt.js';
import { openRequest, pendingRequests, pruneState, RequestError, type PendingRequest } from '../../confirm/requests.js';
import { age, oneLine, summary } from '../../confirm/format.js';
import { confirmTimesFor } from '../../confirm/times.js';

const help = `Usage: interlock approve [<id>]

Approve a command that Interlock held. Run it yourself, in your own terminal: it shows the full
command, what it would destroy and where it was asked, then asks you to type the target (the
volume id or a distinctive part of it, the database, the branch, the bucket), or a short random
phrase when there is no target to name. The agent may then run that exact command once, in the
same folder, within the grant time (10 minutes by default).

Without <id>, pick from the requests waiting for approval.

Refuses to run without an interactive terminal on stdin and stdout, and inside an AI agent's
environment. Wrong text or Enter approves nothing and exits non-zero.

Options:
  -h, --help   Show this help
`;

const out = (text: string) => process.stdout.write(text);
const err = (text: string) => process.stderr.write(text);

function recordRefusal(paths: Paths, id: string | undefined, reason: string): void {
  try {
    appendAudit(paths, {
      event: 'approval-refused',
      decision: 'refused',
      ...(id ? { requestId: id } : {}),
      reason,
      approver: { user: userName(), tty: ttyName(), how: 'refused before asking' },
    });
  } catch {
    // the refusal stands either way
  }
}

async function pick(paths: Paths, reader: LineReader): Promise<PendingRequest | undefined> {
  const now = new Date();
  const open = pendingRequests(paths, now);
  if (open.length === 0) {
    err('No requests are waiting for approval.\n');
    return undefined;
  }
  if (open.length === 1) return open[0];
  out('Requests waiting for approval:\n\n');
  open.forEach((request, i) => {
    out(`  ${String(i + 1).padStart(2)}. ${request.id}  ${age(request.createdAt, now).padEnd(8)} ${request.client}  ${request.cwd}\n`);
    out(`      ${oneLine(summary(request), 90)}\n`);
    out(`      ${oneLine(request.command, 90)}\n`);
  });
  const answer = await reader.ask(`\nChoose a request [1-${open.length}], or press Enter to cancel: `);
  const choice = answer === null ? NaN : Number(answer.trim());
  if (!Number.isInteger(choice) || choice < 1 || choice > open.length) {
    err('Cancelled: nothing was approved.\n');
    return undefined;
  }
  return open[choice - 1];
}

export const command: CliCommand = {
  name: 'approve',
  summary: 'approve a held command by typing its target (human only, in your own terminal)',
  help,
  async run(args) {
    if (wantsHelp(args)) {
      out(help);
      return 0;
    }
    let positionals: string[];
    try {
      positionals = parseArgs({ args, allowPositionals: true, options: {} }).positionals;
    } catch (error) {
      err(`interlock approve: ${error instanceof Error ? error.message : String(error)}\n\n${help}`);
      return 2;
    }
    if (positionals.length > 1) {
      err(`interlock approve: expected at most one request id\n\n${help}`);
      return 2;
    }
    const id = positionals[0];
    const paths = resolvePaths(process.env);

    const check = checkHumanTerminal();
    if (!check.ok) {
      err(`interlock approve: refused. ${check.reason}\nNothing was approved.\n`);
      recordRefusal(paths, id, check.reason ?? 'not a human terminal');
      return 1;
    }

    try {
      pruneState(paths);
    } catch {
      // housekeeping only
    }
    const reader = lineReader();
    try {
      let request: PendingRequest | undefined;
      if (id) {
        try {
          request = openRequest(paths, id);
        } catch (error) {
          if (!(error instanceof RequestError)) throw error;
          err(`interlock approve: ${error.message}\n`);
          return 1;
        }
      } else {
        request = await pick(paths, reader);
        if (!request) return 1;
      }
      const outcome = await confirmInteractively(paths, request, reader, out, { times: await confirmTimesFor(request.cwd) });
      return outcome === 'approved' ? 0 : 1;
    } finally {
      reader.close();
    }
  },
};
