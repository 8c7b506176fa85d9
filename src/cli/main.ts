// interlock <command> …
import type { CliCommand } from './command.js';
import { command as hook } from './commands/hook.js';
import { otherCommands } from './commands/registry.js';

/** All commands, `hook` first (loading the others costs the hook nothing unless asked for). */
const allCommands = (): CliCommand[] => [hook, ...otherCommands()].sort((a, b) => ORDER.indexOf(a.name) - ORDER.indexOf(b.name));
const ORDER = ['check', 'explain', 'hook', 'approve', 'deny', 'pending', 'watch', 'log', 'rules', 'trust', 'install', 'uninstall', 'doctor', 'run', 'shell', 'init'];

function usage(): string {
  const commands = allCommands();
  const width = Math.max(...commands.map((c) => c.name.length));
  return `Interlock ${__VERSION__} — holds the destructive shell commands AI agents run until a human confirms them.

Usage: interlock <command> [options]

Commands:
${commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Run \`interlock <command> --help\` for a command's options and examples.
`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? allCommands().find((c) => c.name === args[0]) : undefined;
    process.stdout.write(topic ? topic.help : usage());
    return 0;
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    process.stdout.write(`${__VERSION__}\n`);
    return 0;
  }
  const cmd = name === 'hook' ? hook : allCommands().find((c) => c.name === name);
  if (!cmd) {
    process.stderr.write(`interlock: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  return cmd.run(args);
}

const argv = process.argv.slice(2);
// On the hook path nothing may escape as a crash: most clients let the command run when a hook
// fails with an unexpected exit code. Exit 2 with a reason on stderr blocks in all of them.
const failure = argv[0] === 'hook' ? 2 : 1;
const fail = (error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(failure === 2 ? `Interlock blocked this command: internal error (${message}).\n` : `interlock: ${message}\n`);
  process.exitCode = failure;
};
if (failure === 2) {
  process.on('uncaughtException', (error) => {
    fail(error);
    process.exit(failure);
  });
}
main(argv).then((code) => {
  process.exitCode = code;
}, fail);
