// The shape of one `interlock <command>`.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface CliCommand {
  name: string;
  /** One line for `interlock --help`. */
  summary: string;
  /** Full `--help` text of the command. */
  help: string;
  /** Returns the process exit code. */
  run(args: string[]): number | Promise<number>;
}

export function wantsHelp(args: string[]): boolean {
  return args.includes('--help') || args.includes('-h');
}

/**
 * The common start of a command's run: `-h`/`--help` anywhere prints the help; arguments that
 * parseArgs rejects are reported with the help (exit 2). Returns the parsed arguments, or the exit
 * code when the command has nothing more to do.
 */
export function parseCommandArgs<T extends ParseArgsConfig & { args: string[] }>(
  command: string,
  help: string,
  config: T,
): ReturnType<typeof parseArgs<T>> | number {
  if (wantsHelp(config.args)) {
    process.stdout.write(help);
    return 0;
  }
  try {
    return parseArgs(config);
  } catch (error) {
    process.stderr.write(`interlock ${command}: ${error instanceof Error ? error.message : String(error)}\n\n${help}`);
    return 2;
  }
}
