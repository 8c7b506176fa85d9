// Splits a program's arguments into flags and positionals the way most CLIs read them
// (GNU/POSIX conventions), so rules can ask "is --force present?" and "what is the subcommand?".
import type { ToolSpec } from './schema.js';

export interface ParsedFlag {
  /** '--force', '-f', '-destroy' (single-dash long when the tool says so). */
  name: string;
  /** Value from `--x=y`, an attached short value (`-nprod`), or the next word for a known value flag. */
  value?: string;
  /** Index in the argument list (argv without the program name). */
  index: number;
  /** A boolean flag of the tool: the next word is never its value. */
  bool?: boolean;
}

export interface ParsedPositional {
  value: string;
  index: number;
  /** Directly follows a flag of unknown arity without `=`: it may be that flag's value. */
  maybeFlagValue: boolean;
}

export interface ParsedArgs {
  flags: ParsedFlag[];
  positionals: ParsedPositional[];
  /** Everything after a literal `--`. */
  rest: string[];
}

const NO_TOOL: ToolSpec = {};

export function parseArgs(args: readonly string[], tool: ToolSpec = NO_TOOL): ParsedArgs {
  const valueFlags = tool.valueFlags ?? [];
  const flags: ParsedFlag[] = [];
  const positionals: ParsedPositional[] = [];
  let rest: string[] = [];
  let previousFlagUnknownArity = false;

  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      rest = args.slice(i + 1);
      break;
    }
    if (arg.length < 2 || arg[0] !== '-') {
      positionals.push({ value: arg, index: i, maybeFlagValue: previousFlagUnknownArity });
      previousFlagUnknownArity = false;
      continue;
    }
    previousFlagUnknownArity = false;
    const eq = arg.indexOf('=');
    if (arg[1] === '-' || tool.singleDashLong) {
      if (eq > 0) {
        flags.push({ name: arg.slice(0, eq), value: arg.slice(eq + 1), index: i });
      } else if (valueFlags.includes(arg) && i + 1 < args.length) {
        flags.push({ name: arg, value: args[i + 1], index: i });
        i++;
      } else if (tool.boolFlags?.includes(arg)) {
        flags.push({ name: arg, index: i, bool: true });
      } else {
        flags.push({ name: arg, index: i });
        previousFlagUnknownArity = !valueFlags.includes(arg);
      }
      continue;
    }
    // Short cluster: -rf → -r -f; a value flag inside takes the rest of the cluster or the next word.
    for (let j = 1; j < arg.length; j++) {
      const name = '-' + arg[j];
      if (valueFlags.includes(name)) {
        const attached = arg.slice(j + 1);
        if (attached) flags.push({ name, value: attached.startsWith('=') ? attached.slice(1) : attached, index: i });
        else if (i + 1 < args.length) {
          flags.push({ name, value: args[i + 1], index: i });
          i++;
        } else flags.push({ name, index: i });
        break;
      }
      flags.push({ name, index: i });
      if (j === arg.length - 1) previousFlagUnknownArity = arg.length === 2;
    }
  }
  return { flags, positionals, rest };
}

/** Value of the first of `names` present (`--name x`, `--name=x`, `-n x`); undefined if absent or valueless. */
export function flagValue(parsed: ParsedArgs, args: readonly string[], names: readonly string[]): string | undefined {
  for (const flag of parsed.flags) {
    if (!names.includes(flag.name)) continue;
    if (flag.value !== undefined) return flag.value;
    if (flag.bool) continue;
    const next = args[flag.index + 1];
    if (next !== undefined && !next.startsWith('-')) return next;
  }
  return undefined;
}

export function hasFlag(parsed: ParsedArgs, names: readonly string[]): boolean {
  return parsed.flags.some((flag) => names.includes(flag.name));
}
