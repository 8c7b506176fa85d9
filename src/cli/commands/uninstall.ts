// `interlock uninstall <client> [--project] [--dry-run] [--json]`: remove Interlock's entries from a
// client's config, and only those (plus containers the removal leaves empty).
import { clients } from '../../install/clients/index.js';
import { uninstallClient } from '../../install/run.js';
import type { CliCommand } from '../command.js';
import { runClientCommand } from './install.js';

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
  run: (args) => runClientCommand('uninstall', HELP, args, uninstallClient),
};
