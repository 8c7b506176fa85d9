// The shape of one `interlock <command>`.
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
