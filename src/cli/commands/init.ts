// interlock init bash|zsh|fish|shim: print shell functions (or the shell shim) to install.
import { parseArgs } from 'node:util';
import type { CliCommand } from '../command.js';
import { GUARDED_TOOL_GROUPS, GUARDED_TOOLS, isToolName } from '../../wrap/guarded-tools.js';
import type { InitShell } from '../../wrap/init-snippet.js';

const HELP = `Usage:
  eval "$(interlock init bash)"        in ~/.bashrc
  eval "$(interlock init zsh)"         in ~/.zshrc
  interlock init fish | source         in ~/.config/fish/config.fish
  interlock init shim > FILE           the \`interlock shell\` shim (see \`interlock shell --help\`)

Prints shell functions that run the guarded tools through \`interlock run -- <tool> "$@"\`: a
destructive command is held until you type its target on your terminal (or, with no terminal,
until a human runs \`interlock approve <id>\`); everything else runs as before. The functions call
this Interlock by absolute path (the Node binary and the bundle), so \`interlock\` need not be on
PATH. \`command <tool> …\` skips the guard for one call.

A function only guards what the shell itself runs: not \`sudo <tool>\`, not programs started by
other programs, not an alias that names a different program. Agents with hooks are better served
by \`interlock install\`; agents without hooks by \`interlock shell\`.

Options:
  --add a,b,…      guard these programs too
  --remove a,b,…   leave these out

Guarded tools (programs the built-in rules know, minus general-purpose ones):
${GUARDED_TOOL_GROUPS.map(([group, tools]) => `  ${group}: ${tools.join(', ')}`).join('\n')}
`;

const list = (value: string | undefined) => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);

export const command: CliCommand = {
  name: 'init',
  summary: 'print shell functions that guard tools (bash, zsh, fish), or the `interlock shell` shim',
  help: HELP,
  async run(args) {
    let parsed;
    try {
      parsed = parseArgs({ args, allowPositionals: true, options: { add: { type: 'string' }, remove: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
    } catch (error) {
      process.stderr.write(`interlock init: ${(error as Error).message}\n\n${HELP}`);
      return 2;
    }
    if (parsed.values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    const [target, ...extra] = parsed.positionals;
    if (!target || extra.length || !['bash', 'zsh', 'fish', 'shim'].includes(target)) {
      process.stderr.write(`interlock init: expected one of bash, zsh, fish, shim\n\n${HELP}`);
      return 2;
    }
    const { initSnippet, shellShim } = await import('../../wrap/init-snippet.js');
    const { selfCommand } = await import('../../wrap/self.js');
    const self = selfCommand();
    if (target === 'shim') {
      process.stdout.write(shellShim(self));
      return 0;
    }
    const added = list(parsed.values.add);
    const bad = added.find((name) => !isToolName(name));
    if (bad !== undefined) {
      process.stderr.write(`interlock init: "${bad}" is not a program name that can be a shell function\n`);
      return 2;
    }
    const removed = new Set(list(parsed.values.remove));
    const tools = [...new Set([...GUARDED_TOOLS, ...added])].filter((t) => !removed.has(t));
    process.stdout.write(initSnippet(target as InitShell, self, tools));
    return 0;
  },
};
