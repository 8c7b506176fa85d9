// `interlock pending`: the requests waiting for a human.
import { parseCommandArgs, type CliCommand } from '../command.js';
import { resolvePaths } from '../../state/paths.js';
import { isOpen, listRequests, pruneState, type PendingRequest } from '../../confirm/requests.js';
import { age, oneLine, summary } from '../../confirm/format.js';

const help = `Usage: interlock pending [--json] [--all]

List the commands Interlock held that wait for approval, oldest first.

Options:
      --json   Print the requests as a JSON array
      --all    Include approved, denied and expired requests (newest first)
  -h, --help   Show this help
`;

export function formatRequestList(requests: readonly PendingRequest[], now: Date): string {
  let text = '';
  for (const request of requests) {
    const status = request.status === 'pending' ? '' : `  [${request.status}]`;
    text += `  ${request.id}  ${age(request.createdAt, now).padEnd(8)} ${request.client}  ${request.cwd}${status}\n`;
    text += `          ${oneLine(summary(request), 100)}\n`;
    text += `          ${oneLine(request.command, 100)}\n`;
    if (isOpen(request, now)) text += `          approve: interlock approve ${request.id}\n`;
    text += '\n';
  }
  return text;
}

export const command: CliCommand = {
  name: 'pending',
  summary: 'list held commands waiting for approval',
  help,
  run(args) {
    const parsed = parseCommandArgs('pending', help, { args, options: { json: { type: 'boolean' }, all: { type: 'boolean' } } });
    if (typeof parsed === 'number') return parsed;
    const { values } = parsed;
    const paths = resolvePaths(process.env);
    const now = new Date();
    try {
      pruneState(paths, now);
    } catch {
      // housekeeping only
    }
    const all = listRequests(paths, now);
    const requests = values.all ? all : all.filter((r) => isOpen(r, now)).reverse();
    if (values.json) {
      process.stdout.write(JSON.stringify(requests, null, 2) + '\n');
      return 0;
    }
    if (requests.length === 0) {
      process.stdout.write(values.all ? 'No requests.\n' : 'No requests are waiting for approval.\n');
      return 0;
    }
    const open = requests.filter((r) => isOpen(r, now)).length;
    process.stdout.write(values.all ? `${requests.length} requests (${open} waiting):\n\n` : `${open} request${open === 1 ? '' : 's'} waiting for approval:\n\n`);
    process.stdout.write(formatRequestList(requests, now));
    return 0;
  },
};
