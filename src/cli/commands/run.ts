// interlock run -- <command…>: check a command, then run it (or hold it for a typed confirmation).
// The wrapper's modules load on use: main.ts imports every command, and the hook's start-up must
// not pay for this one.
import type { CliCommand } from '../command.js';
import { WRAP_EXIT } from '../../wrap/exit-codes.js';

const HELP = `Usage:
  interlock run -- <command> [args…]

Checks the command, then runs it with your terminal (stdin, stdout, stderr), its own exit status
and the signals Interlock receives (SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR2) passed on.

  - nothing destructive: it just runs.
  - destructive (confirm): on your own terminal you are asked to type its target, and it runs if
    what you type matches. Without a terminal, or inside an AI agent, it does not run: a request is
    recorded and \`interlock approve <id>\` is printed on stderr; once a human has approved it, the
    same command in the same folder runs once.
  - never allowed from an agent (deny): it does not run, and stderr says why.

The check sees the words exactly as they will run: they are joined into shell text that parses
back to the same words. The command is executed directly, not through a shell, so shell
functions (such as those of \`interlock init\`) are not involved.

Exit status: the command's own (128+n when a signal ended it; 127 not found, 126 not executable).
When Interlock does not run it: 75 held for approval, 77 denied or declined at the prompt,
70 Interlock could not check or start it (fail closed), 2 usage error.

Examples:
  interlock run -- terraform destroy -auto-approve
  interlock run -- psql "$DATABASE_URL" -c 'drop table users'
`;

export const command: CliCommand = {
  name: 'run',
  summary: 'check a command, then run it (typed confirmation on your terminal, else hold it)',
  help: HELP,
  async run(args) {
    let argv = args;
    if (argv[0] === '--help' || argv[0] === '-h') {
      process.stdout.write(HELP);
      return 0;
    }
    if (argv[0] === '--') argv = argv.slice(1);
    else if (argv[0]?.startsWith('-')) {
      process.stderr.write(`interlock run: unknown option "${argv[0]}" (put the command after --)\n\n${HELP}`);
      return WRAP_EXIT.usage;
    }
    if (argv.length === 0 || argv[0] === '') {
      process.stderr.write(`interlock run: no command given\n\n${HELP}`);
      return WRAP_EXIT.usage;
    }
    const { commandText } = await import('../../wrap/command-text.js');
    const { guard } = await import('../../wrap/guard.js');
    let text: string;
    try {
      text = commandText(argv);
    } catch (error) {
      process.stderr.write(`interlock run: ${(error as Error).message}; nothing ran\n`);
      return WRAP_EXIT.internal;
    }
    const verdict = await guard({ command: text, cwd: process.cwd(), client: 'interlock run' });
    if (!verdict.run) return verdict.status;
    try {
      const { execute } = await import('../../wrap/execute.js');
      return await execute(argv[0], argv.slice(1));
    } catch (error) {
      process.stderr.write(`interlock run: could not start ${argv[0]} (${(error as Error).message})\n`);
      return WRAP_EXIT.internal;
    }
  },
};
