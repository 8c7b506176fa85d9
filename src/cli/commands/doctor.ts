// `interlock doctor [--json] [--client <name>]`: is Interlock actually protecting this machine?
import { parseArgs } from 'node:util';
import { runDoctor, type Check } from '../../doctor/checks.js';
import { clientNamed, clients } from '../../install/clients/index.js';
import { makeContext } from '../../install/context.js';
import { LauncherError } from '../../install/launcher.js';
import type { CliCommand } from '../command.js';
import { bold, dim } from '../format.js';

const HELP = `Usage:
  interlock doctor [--json] [--client <name>]

Checks that Interlock is protecting this machine:
  - the CLI, its config (errors are listed; built-in rules still protect) and the state folder;
  - for every client where Interlock's hook is installed (user level and this repository): that
    the programs the hook names exist, and that the hook — run exactly as the client runs it,
    with the client's payload — blocks the incident command (a Railway volumeDelete) with an
    \`interlock approve <id>\` message and has no opinion on \`git status\`. These runs use a
    throwaway INTERLOCK_HOME, so they leave nothing in your pending requests or audit log;
  - client settings that would keep the hook from running (Codex or Gemini hooks switched off…).

Exit code: 0 when everything passes, 1 otherwise.

Options:
  --json            print the report as JSON
  --client <name>   check one client (${clients.map((c) => c.name).join(', ')})
  -h, --help        show this help
`;

const mark = (check: Check) => (check.ok ? '✓' : '✗');

export const command: CliCommand = {
  name: 'doctor',
  summary: 'check that the installed hooks really block destructive commands',
  help: HELP,
  async run(args) {
    let parsed;
    try {
      parsed = parseArgs({ args, options: { json: { type: 'boolean' }, client: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
    } catch (error) {
      process.stderr.write(`interlock doctor: ${(error as Error).message}\n\n${HELP}`);
      return 2;
    }
    if (parsed.values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    const only = parsed.values.client;
    if (only && !clientNamed(only)) {
      process.stderr.write(`interlock doctor: unknown client "${only}"\n`);
      return 2;
    }
    let ctx;
    try {
      ctx = makeContext();
    } catch (error) {
      if (!(error instanceof LauncherError)) throw error;
      process.stderr.write(`interlock doctor: ${error.message}\n`);
      return 1;
    }
    const report = await runDoctor(ctx, process.cwd(), only);
    if (parsed.values.json) {
      process.stdout.write(JSON.stringify(report, null, 2) + '\n');
      return report.ok ? 0 : 1;
    }
    const lines = [bold('Interlock'), ...report.general.map((c) => `  ${mark(c)} ${c.message}`)];
    for (const hook of report.hooks) {
      lines.push('', `${bold(hook.title)} (${hook.scope}) ${dim(hook.target)}`, dim(`  hook: ${hook.hook}`));
      for (const check of hook.checks) lines.push(`  ${mark(check)} ${check.message}`);
    }
    if (report.notInstalled.length) lines.push('', dim(`Not installed: ${report.notInstalled.map((c) => c.client).join(', ')}`));
    lines.push('', report.ok ? '✓ All checks passed.' : '✗ Some checks failed.');
    process.stdout.write(lines.join('\n') + '\n');
    return report.ok ? 0 : 1;
  },
};
