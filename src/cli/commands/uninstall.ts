// `interlock uninstall <client> [--project] [--dry-run] [--json]`: remove Interlock's entries from a
// client's config, and only those (plus containers the removal leaves empty).
import { parseArgs } from 'node:util';
import { clientNamed, clients } from '../../install/clients/index.js';
import { makeContext, type Scope } from '../../install/context.js';
import { uninstallClient } from '../../install/run.js';
import type { CliCommand } from '../command.js';
import { installError, printReport } from './install.js';

const HELP = `Usage:
  interlock uninstall <client> [--project] [--dry-run] [--json]

Removes Interlock's hook from a client's config: only Interlock's own entries (recognised by their
\`interlock … hook <client>\` command) and the lists or objects that removal leaves empty. The
previous file is kept as <file>.interlock-backup.

Clients: ${clients.map((c) => c.name).join(', ')}

Options:
  --project    remove it from the current repository's config (default: your user-level config)
  --dry-run    show the changes without writing anything
  --json       print the result as JSON
  -h, --help   show this help
`;

export const command: CliCommand = {
  name: 'uninstall',
  summary: "remove Interlock's hook from an agent client's config",
  help: HELP,
  run(args) {
    let parsed;
    try {
      parsed = parseArgs({ args, allowPositionals: true, options: { project: { type: 'boolean' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
    } catch (error) {
      process.stderr.write(`interlock uninstall: ${(error as Error).message}\n\n${HELP}`);
      return 2;
    }
    if (parsed.values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    const [name, ...rest] = parsed.positionals;
    const spec = name ? clientNamed(name) : undefined;
    if (!spec || rest.length) {
      process.stderr.write(`interlock uninstall: ${name ? (spec ? `unexpected argument ${rest[0]}` : `unknown client "${name}"`) : 'name a client'} (clients: ${clients.map((c) => c.name).join(', ')})\n`);
      return 2;
    }
    const scope: Scope = parsed.values.project ? 'project' : 'user';
    try {
      const report = uninstallClient(spec, scope, makeContext(), { dryRun: parsed.values['dry-run'] });
      if (parsed.values.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
      else printReport(report, 'uninstall');
      return 0;
    } catch (error) {
      return installError('uninstall', error);
    }
  },
};
