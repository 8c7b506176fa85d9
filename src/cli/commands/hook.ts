// interlock hook <client>: the pre-tool hook an agent client runs for every shell command.
import { adapters } from '../../adapters/index.js';
import { runHook } from '../../adapters/run.js';
import { stdinStillOpen } from '../../adapters/stdin.js';
import { writeStderr, writeStdout } from '../../util/output.js';
import type { CliCommand } from '../command.js';
import { own } from '../../util/own.js';

const HELP = `Usage:
  interlock hook <client>

Reads the client's hook payload (JSON) on stdin and answers in the client's own format:
nothing for safe commands (the client's own permission flow goes on), a block with the reason
and the \`interlock approve <id>\` command for destructive ones. Malformed payloads, internal
errors and time-outs are blocked too (fail closed). Normally written into the client's settings
by \`interlock install <client>\`.

Clients: ${Object.keys(adapters).join(', ')}

Example:
  echo '{"tool_name":"Bash","tool_input":{"command":"git push --force"},"cwd":"/tmp"}' | interlock hook claude
`;

export const command: CliCommand = {
  name: 'hook',
  summary: 'the pre-tool hook a client runs (JSON on stdin, reply in the client format)',
  help: HELP,
  async run(args) {
    const client = args[0];
    if (client === '--help' || client === '-h') {
      process.stdout.write(HELP);
      return 0;
    }
    const adapter = client ? own(adapters, client) : undefined;
    if (!adapter) {
      // Exit 2 with a reason on stderr blocks in every client that honours hooks.
      writeStderr(`Interlock blocked this command: unknown hook client "${client ?? ''}" (known: ${Object.keys(adapters).join(', ')}).\n`);
      return 2;
    }
    const reply = await runHook(adapter);
    if (reply.stderr) writeStderr(reply.stderr);
    if (reply.stdout) writeStdout(reply.stdout);
    // A read of stdin still blocked in the thread pool would keep the process alive.
    if (stdinStillOpen) process.exit(reply.exitCode);
    return reply.exitCode;
  },
};
