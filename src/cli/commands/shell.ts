// interlock shell [bash options] -c '<script>' …: a bash-compatible entry point for agents without
// hooks. Checks the whole script, then runs the real shell with the same arguments.
// The wrapper's modules load on use: main.ts imports every command, and the hook's start-up must
// not pay for this one.
import type { CliCommand } from '../command.js';
import { WRAP_EXIT } from '../../wrap/exit-codes.js';

const HELP = `Usage:
  interlock shell [bash options] -c '<script>' [name [args…]]
  interlock shell [bash options] <script-file> [args…]
  interlock shell '<command line>'              (as Claude Code's CLAUDE_CODE_SHELL_PREFIX)
  <script> | interlock shell [-s] [args…]

A bash-compatible shell for agents without hooks: it checks the whole script, then runs the real
shell with the same arguments. Bash's option forms are accepted (-lc, -l -c, -ec, -euo pipefail -c,
-o pipefail -c, --login, --norc, --rcfile FILE …); arguments bash would reject run nothing.

  - a script given with -c, a script file (read and checked; at most 256 KiB) and a script piped
    on stdin are checked; functions exported into the environment and the BASH_ENV file are
    checked with them.
  - nothing is checked when nothing runs (--version, -n) or for a human's interactive shell
    (stdin is a terminal and there is no script).
  - held or denied scripts behave as with \`interlock run\`: typed confirmation on your own
    terminal; otherwise nothing runs, \`interlock approve <id>\` is printed on stderr, exit 75
    (held) or 77 (denied); 70 when Interlock could not check it.
  - one argument that is not a file and reads as a command line is run as \`-c <it>\`: that is
    how Claude Code calls CLAUDE_CODE_SHELL_PREFIX (\`<prefix> '<command line>'\`).

The real shell: $INTERLOCK_REAL_SHELL when set, else the first bash on PATH that is not
Interlock's shim (see \`interlock init shim\`), else /bin/bash, /usr/bin/bash, /usr/local/bin/bash.
Installed as \`sh\` or \`zsh\` through the shim, it looks for that shell instead.

Set up (the shim is a two-line /bin/sh script that runs \`interlock shell "$@"\`):
  interlock init shim > ~/.local/share/interlock/bin/bash && chmod +x ~/.local/share/interlock/bin/bash
  - first bash on an agent's PATH:  PATH=~/.local/share/interlock/bin:$PATH <agent>
  - an agent's SHELL:                SHELL=~/.local/share/interlock/bin/bash <agent>
  - Claude Code:                     CLAUDE_CODE_SHELL_PREFIX=~/.local/share/interlock/bin/bash claude
`;

/** Nested shells each pass through here; this many levels means a shim is calling itself. */
const MAX_DEPTH = 32;

export const command: CliCommand = {
  name: 'shell',
  summary: 'a bash-compatible shell that checks each script before the real shell runs it',
  help: HELP,
  async run(args) {
    // Through the shim (`bash --help`) the real shell answers; `interlock shell --help` is ours.
    if (args.length === 1 && args[0] === '--help' && !process.env.INTERLOCK_SHIM) {
      process.stdout.write(HELP);
      return 0;
    }
    const env = process.env;
    const depth = Number(env.INTERLOCK_SHELL_DEPTH) || 0;
    if (depth >= MAX_DEPTH) {
      process.stderr.write(`interlock shell: ${depth} shells deep, probably a shim that runs itself; nothing ran. Set INTERLOCK_REAL_SHELL to the real shell.\n`);
      return WRAP_EXIT.internal;
    }
    const { findRealShell, ShellNotFound } = await import('../../wrap/real-shell.js');
    const { planShell, readAllStdin, stdinIsTerminal } = await import('../../wrap/shell-plan.js');
    const { guard } = await import('../../wrap/guard.js');
    let shell: string;
    try {
      shell = findRealShell({ env, self: process.argv[1] });
    } catch (error) {
      if (!(error instanceof ShellNotFound)) throw error;
      process.stderr.write(`interlock shell: ${error.message}; nothing ran\n`);
      return WRAP_EXIT.internal;
    }
    const cwd = process.cwd();
    let plan;
    try {
      plan = planShell(args, { cwd, env, shell, stdinIsTTY: stdinIsTerminal(), readStdin: readAllStdin });
    } catch (error) {
      process.stderr.write(`interlock shell: could not read the command (${(error as Error).message}); nothing ran\n`);
      return WRAP_EXIT.internal;
    }
    if ('error' in plan) {
      process.stderr.write(plan.error + '\n');
      return plan.status;
    }
    if (plan.check !== undefined) {
      const verdict = await guard({ command: plan.check, cwd, client: 'interlock shell' });
      if (!verdict.run) return verdict.status;
    }
    // The shim's own path is for this process only (a nested shim sets it afresh); the depth is
    // what lets a shim that finds itself stop instead of looping.
    const { INTERLOCK_SHIM: _shim, ...inherited } = env;
    try {
      const { execute } = await import('../../wrap/execute.js');
      return await execute(shell, plan.args, { input: plan.input, env: { ...inherited, INTERLOCK_SHELL_DEPTH: String(depth + 1) } });
    } catch (error) {
      process.stderr.write(`interlock shell: could not start ${shell} (${(error as Error).message})\n`);
      return WRAP_EXIT.internal;
    }
  },
};
