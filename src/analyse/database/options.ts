// Command-line reading for database clients. They differ from the generic GNU shape in ways that
// matter here: mysql's `-p` takes a password only when attached (`-pSECRET`; `-p shop` is a
// prompt and a database name), sqlite3/duckdb/influx use single-dash long options (`-cmd`,
// `-execute`), and a value flag may swallow the next word (`-h prod-db`), so positionals (the
// database, the SQL) are only right when every value flag is known.

export interface OptionSpec {
  /** Flags that take a value: attached (`-hhost`, `--host=x`) or as the next word. */
  value?: readonly string[];
  /** Flags whose value must be attached (`-pSECRET`, `--password=SECRET`); alone they take none. */
  optional?: readonly string[];
  /** Options are single-dash words (`-cmd`, `-execute`, `-recurse`); `--x` is accepted too. */
  singleDashLong?: boolean;
  /** Options end at the first positional (redis-cli: `LRANGE k 0 -1` is all command words). */
  stopAtPositional?: boolean;
}

export interface ParsedOption {
  name: string;
  value?: string;
}

export interface CommandLine {
  options: ParsedOption[];
  positionals: string[];
}

export function parseCommandLine(args: readonly string[], spec: OptionSpec): CommandLine {
  const value = new Set(spec.value ?? []);
  const optional = new Set(spec.optional ?? []);
  const options: ParsedOption[] = [];
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (arg.length < 2 || arg[0] !== '-') {
      if (spec.stopAtPositional) {
        positionals.push(...args.slice(i));
        break;
      }
      positionals.push(arg);
      continue;
    }
    if (arg[1] === '-' || spec.singleDashLong) {
      const eq = arg.indexOf('=');
      if (eq > 0) {
        options.push({ name: arg.slice(0, eq), value: arg.slice(eq + 1) });
        continue;
      }
      // Single-dash tools accept `--name` too; normalise to the spelling the spec uses.
      const name = spec.singleDashLong && arg.startsWith('--') && !value.has(arg) && value.has(arg.slice(1)) ? arg.slice(1) : arg;
      if (value.has(name) && i + 1 < args.length) options.push({ name, value: args[++i] });
      else options.push({ name });
      continue;
    }
    // Short cluster: -Atc → -A -t -c; a value flag takes the rest of the cluster or the next word.
    for (let j = 1; j < arg.length; j++) {
      const name = '-' + arg[j];
      if (value.has(name)) {
        const attached = arg.slice(j + 1);
        if (attached) options.push({ name, value: attached });
        else if (i + 1 < args.length) options.push({ name, value: args[++i] });
        else options.push({ name });
        break;
      }
      if (optional.has(name)) {
        const attached = arg.slice(j + 1);
        options.push(attached ? { name, value: attached } : { name });
        break;
      }
      options.push({ name });
    }
  }
  return { options, positionals };
}

/** Value of the last of `names` given (clients let a later flag override an earlier one). */
export function optionValue(line: CommandLine, names: readonly string[]): string | undefined {
  let found: string | undefined;
  for (const option of line.options) if (names.includes(option.name) && option.value !== undefined) found = option.value;
  return found;
}

/** Every value of `names`, in order (repeatable flags such as psql `-c`). */
export function optionValues(line: CommandLine, names: readonly string[]): string[] {
  const out: string[] = [];
  for (const option of line.options) if (names.includes(option.name) && option.value !== undefined) out.push(option.value);
  return out;
}

export function hasOption(line: CommandLine, names: readonly string[]): boolean {
  return line.options.some((option) => names.includes(option.name));
}

/** `--flag`, `--flag=true`, `--flag=false` (Go/pflag booleans). */
export function booleanOption(line: CommandLine, names: readonly string[]): boolean {
  let on = false;
  for (const option of line.options) {
    if (!names.includes(option.name)) continue;
    on = option.value === undefined || !/^(false|0|no|off)$/i.test(option.value);
  }
  return on;
}
