// `interlock log`: the audit trail, newest last.
import { parseCommandArgs, type CliCommand } from '../command.js';
import { resolvePaths } from '../../state/paths.js';
import type { AuditEntry } from '../../audit/log.js';
import { parseSince, readAudit } from '../../audit/read.js';
import { oneLine } from '../../confirm/format.js';

const help = `Usage: interlock log [--json] [--since <time|duration>] [--decision <d>] [--limit <n>]

Show Interlock's audit trail: every decision, approval, denial, expiry and self-protection block,
with secrets redacted. Rotated log files are read when needed.

Options:
      --json               One JSON object per line
      --since <when>       Only entries since a time (2025-06-01, 2025-06-01T12:00Z) or a duration ago (30m, 2h, 7d)
      --decision <d>       Only this decision, event or outcome: allow, confirm, deny, approved, denied, expired,
                           refused, granted, held, approval, denial, expiry
      --limit <n>          At most n entries, the newest (default 50; 0 for all)
  -h, --help               Show this help
`;

function describe(entry: AuditEntry): string {
  const time = (entry.time ?? '').replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  const label = (entry.decision ?? entry.event ?? '').padEnd(9);
  const parts = [time, label];
  if (typeof entry.outcome === 'string') parts.push(entry.outcome.padEnd(8)); // the hook's: allowed, held, granted, denied
  if (entry.client) parts.push(entry.client);
  if (entry.requestId) parts.push(`req ${entry.requestId}`);
  if (entry.command) parts.push(oneLine(entry.command, 90));
  if (entry.rules?.length) parts.push(`[${entry.rules.join(', ')}]`);
  if (entry.approver && (entry.event === 'approval' || entry.event === 'denial' || entry.event === 'approval-refused')) {
    parts.push(`by ${entry.approver.user}${entry.approver.tty ? ` on ${entry.approver.tty}` : ''} (${entry.approver.how})`);
  }
  if (entry.reason && entry.event !== 'decision') parts.push(`: ${oneLine(entry.reason, 80)}`);
  return parts.join('  ');
}

export const command: CliCommand = {
  name: 'log',
  summary: 'show the audit trail (decisions, approvals, denials, blocks)',
  help,
  run(args) {
    const parsed = parseCommandArgs('log', help, {
      args,
      options: { json: { type: 'boolean' }, since: { type: 'string' }, decision: { type: 'string' }, limit: { type: 'string' } },
    });
    if (typeof parsed === 'number') return parsed;
    const { values } = parsed;
    let since: Date | undefined;
    if (values.since !== undefined) {
      since = parseSince(values.since);
      if (!since) {
        process.stderr.write(`interlock log: --since expects a time (2025-06-01T12:00Z) or a duration (30m, 2h, 7d), got "${values.since}"\n`);
        return 2;
      }
    }
    const limit = values.limit === undefined ? 50 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 0) {
      process.stderr.write(`interlock log: --limit expects a whole number, got "${values.limit}"\n`);
      return 2;
    }
    const { entries, corrupt } = readAudit(resolvePaths(process.env), { since, decision: values.decision, limit });
    if (values.json) {
      for (const entry of entries) process.stdout.write(JSON.stringify(entry) + '\n');
    } else if (entries.length === 0) {
      process.stdout.write('No audit entries.\n');
    } else {
      for (const entry of entries) process.stdout.write(describe(entry) + '\n');
    }
    if (corrupt) process.stderr.write(`interlock log: skipped ${corrupt} unreadable line${corrupt === 1 ? '' : 's'}\n`);
    return 0;
  },
};
