// `interlock deny <id>`: refuse a held command (or withdraw an approval not used yet).
import { parseCommandArgs, type CliCommand } from '../command.js';
import { resolvePaths } from '../../state/paths.js';
import { appendAudit, type Approver } from '../../audit/log.js';
import { denyRequest, RequestError } from '../../confirm/requests.js';
import { ttyName, userName } from '../../confirm/terminal.js';
import { summary } from '../../confirm/format.js';

const help = `Usage: interlock deny <id> [--json]

Refuse a command that Interlock held. If it was approved and not run yet, the approval is
withdrawn. The agent is blocked again if it retries.

Options:
      --json   Print the denied request as JSON
  -h, --help   Show this help
`;

export const command: CliCommand = {
  name: 'deny',
  summary: 'refuse a held command (or withdraw an unused approval)',
  help,
  run(args) {
    const parsed = parseCommandArgs('deny', help, { args, allowPositionals: true, options: { json: { type: 'boolean' } } });
    if (typeof parsed === 'number') return parsed;
    if (parsed.positionals.length !== 1) {
      process.stderr.write(`interlock deny: expected one request id\n\n${help}`);
      return 2;
    }
    const paths = resolvePaths(process.env);
    const by: Approver = { user: userName(), tty: ttyName(), how: 'interlock deny' };
    try {
      const request = denyRequest(paths, parsed.positionals[0], by);
      appendAudit(paths, {
        event: 'denial',
        decision: 'denied',
        requestId: request.id,
        client: request.client,
        session: request.session,
        cwd: request.cwd,
        command: request.command,
        rules: request.findings.map((f) => f.rule),
        approver: by,
      });
      if (parsed.values.json) process.stdout.write(JSON.stringify(request, null, 2) + '\n');
      else process.stdout.write(`Denied ${request.id}: ${summary(request)}.\n`);
      return 0;
    } catch (error) {
      if (!(error instanceof RequestError)) throw error;
      process.stderr.write(`interlock deny: ${error.message}\n`);
      return 1;
    }
  },
};
