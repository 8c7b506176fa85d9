// `interlock install [<client>] [--project] [--dry-run] [--json]`: write Interlock's hook into a
// client's own config, after checking that the hook, run exactly as the client will run it, blocks
// the incident command and stays silent on a safe one. Without a client: what is detected and
// what is installed.
import { parseArgs } from 'node:util';
import { clientNamed, clients } from '../../install/clients/index.js';
import { makeContext, type Scope } from '../../install/context.js';
import { InstallError } from '../../install/json-file.js';
import { LauncherError } from '../../install/launcher.js';
import { clientStatus, installClient, type InstallReport } from '../../install/run.js';
import type { CliCommand } from '../command.js';
import { bold, dim } from '../format.js';

const HELP = `Usage:
  interlock install                      list the agent clients found here and where Interlock is installed
  interlock install <client> [options]   add Interlock's hook to a client's config

Clients: ${clients.map((c) => c.name).join(', ')}

Options:
  --project    install into the current repository's config (default: your user-level config)
  --dry-run    show the changes without writing anything
  --json       print the result as JSON
  -h, --help   show this help

The hook runs Node and the Interlock CLI by absolute path, with an explicit timeout longer than
Interlock's own ~2 s deadline. Before writing, the hook is run the way the client runs it, with the
client's payload: it must block the incident command (a Railway volumeDelete) with an
\`interlock approve <id>\` message and stay silent on \`git status\`. Installing twice changes
nothing; everything else in the file is kept; the previous file is kept as <file>.interlock-backup.
A config file that is not valid JSON is refused, never overwritten.

Examples:
  interlock install
  interlock install claude
  interlock install cursor --project --dry-run
`;

function printReport(report: InstallReport, verb: string): void {
  const lines: string[] = [];
  const where = report.scope === 'project' ? 'project' : 'user';
  const touched = report.changes.filter((c) => c.action !== 'unchanged');
  if (touched.length === 0) lines.push(`${report.title} (${where}): ${verb === 'install' ? 'already installed, nothing to change' : 'nothing of Interlock\'s to remove'} — ${report.target}`);
  else {
    lines.push(`${report.dryRun ? 'Would change' : verb === 'install' ? 'Installed for' : 'Removed from'} ${bold(report.title)} (${where}):`);
    for (const change of touched) {
      lines.push(`  ${change.action.padEnd(6)} ${change.path}`);
      if (report.dryRun && change.diff) lines.push(change.diff.replace(/^/gm, '    ').trimEnd());
    }
    for (const backup of report.backups) lines.push(dim(`  backup ${backup}`));
  }
  if (verb === 'install' && !report.dryRun) lines.push('  ✓ checked: the hook blocks the incident command and is silent on `git status`');
  for (const warning of report.warnings) lines.push(`  ✗ ${warning}`);
  for (const note of report.notes) lines.push(`  note: ${note}`);
  process.stdout.write(lines.join('\n') + '\n');
}

function list(json: boolean): number {
  const ctx = makeContext();
  const statuses = clients.map((spec) => clientStatus(spec, ctx));
  if (json) {
    process.stdout.write(JSON.stringify({ project: ctx.project, clients: statuses }, null, 2) + '\n');
    return 0;
  }
  const lines = [`Agent clients (project: ${ctx.project}):`, ''];
  const width = Math.max(...statuses.map((s) => s.title.length));
  for (const s of statuses) {
    const installed = [s.installed.user && 'user', s.installed.project && 'project'].filter(Boolean).join(' + ');
    const state = installed ? `✓ installed (${installed})` : s.detected ? '– not installed' : dim('– not found');
    lines.push(`  ${s.title.padEnd(width)}  ${s.client.padEnd(8)}  ${state}${s.detected ? dim(`  found: ${s.evidence.join(', ')}`) : ''}`);
  }
  lines.push('', 'Install with: interlock install <client> [--project]');
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
}

function installError(verb: string, error: unknown): number {
  if (error instanceof InstallError || error instanceof LauncherError) {
    process.stderr.write(`interlock ${verb}: ${error.message}\n`);
    return 1;
  }
  throw error;
}

/**
 * `install <client>` and `uninstall <client>` take the same options, name clients the same way and
 * report alike; only the change they make differs. Without a client, `noClient` answers (install
 * lists the clients); when it is absent, naming one is required.
 */
export function runClientCommand(
  verb: 'install' | 'uninstall',
  help: string,
  args: string[],
  change: typeof installClient,
  noClient?: (json: boolean) => number,
): number {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { project: { type: 'boolean' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    process.stderr.write(`interlock ${verb}: ${(error as Error).message}\n\n${help}`);
    return 2;
  }
  if (parsed.values.help) {
    process.stdout.write(help);
    return 0;
  }
  const [name, ...rest] = parsed.positionals;
  if (!name && noClient) return noClient(!!parsed.values.json);
  const spec = name ? clientNamed(name) : undefined;
  if (!spec || rest.length) {
    process.stderr.write(`interlock ${verb}: ${name ? (spec ? `unexpected argument ${rest[0]}` : `unknown client "${name}"`) : 'name a client'} (clients: ${clients.map((c) => c.name).join(', ')})\n`);
    return 2;
  }
  const scope: Scope = parsed.values.project ? 'project' : 'user';
  try {
    const report = change(spec, scope, makeContext(), { dryRun: parsed.values['dry-run'] });
    if (parsed.values.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
    else printReport(report, verb);
    return 0;
  } catch (error) {
    return installError(verb, error);
  }
}

export const command: CliCommand = {
  name: 'install',
  summary: "add Interlock's hook to an agent client's config (no client: list clients)",
  help: HELP,
  run: (args) => runClientCommand('install', HELP, args, installClient, list),
};
