// A small getopt_long / git parse-options reader: short clusters (`-fdx`, `-ofoo`), long options
// with `=value` or a separate value, unique-prefix abbreviations (`--forc`), `--no-<name>`
// negation where the tool supports it, and `--` ending the options. Options may follow
// positionals (GNU permutation) unless the table says otherwise. Used by the filesystem and git
// analysers, each with a table of the options its tool really has.

/** 0: a plain flag; 1: takes a value (attached or the next word); 2: optional value (attached only). */
export type Arity = 0 | 1 | 2;

export interface OptionTable {
  /** Short letter → [canonical name, arity]. */
  short?: Readonly<Record<string, readonly [string, Arity]>>;
  /** Long name → arity; the canonical name is the long name. */
  long?: Readonly<Record<string, Arity>>;
  /** Extra long spellings → canonical long name (`recursive` for `-R`'s long twin, …). */
  alias?: Readonly<Record<string, string>>;
  /** `--no-<name>` switches `<name>` off (git parse-options). */
  negatable?: boolean;
  /** Options end at the first positional (POSIXLY_CORRECT tools, `find`-like grammars). */
  stopAtPositional?: boolean;
}

export interface OptionUse {
  name: string;
  value?: string;
  /** False for a `--no-<name>` occurrence. */
  on: boolean;
  /** Index in the argument list given to `parseOptions`. */
  index: number;
}

export interface ParsedOptions {
  /** Every option occurrence in order (canonical names; unknown short letters are named `-x`). */
  uses: OptionUse[];
  /** Positionals, including the words after `--`. */
  positionals: string[];
  /** Index into the argument list for each positional. */
  positionalIndex: number[];
  /** Index into `positionals` where the words after `--` begin; -1 without `--`. */
  dashDash: number;
}

const EMPTY: OptionTable = {};

function resolveLong(name: string, table: OptionTable): { name: string; arity: Arity; on: boolean } {
  const long = table.long ?? {};
  const alias = table.alias ?? {};
  if (Object.hasOwn(long, name)) return { name, arity: long[name], on: true };
  if (Object.hasOwn(alias, name)) return { name: alias[name], arity: (Object.hasOwn(long, alias[name]) ? long[alias[name]] : undefined) ?? 0, on: true };
  if (table.negatable && name.startsWith('no-') && name.slice(3) in long) return { name: name.slice(3), arity: 0, on: false };
  // Unique prefix (`--forc` → `--force`), as both getopt_long and git accept.
  let found: string | undefined;
  let ambiguous = false;
  for (const candidate of Object.keys(long).concat(Object.keys(alias))) {
    if (!candidate.startsWith(name)) continue;
    const canonical = alias[candidate] ?? candidate;
    if (found !== undefined && found !== canonical) ambiguous = true;
    found = canonical;
  }
  if (found !== undefined && !ambiguous && name.length > 0) return { name: found, arity: long[found] ?? 0, on: true };
  return { name, arity: 0, on: true };
}

export function parseOptions(args: readonly string[], table: OptionTable = EMPTY): ParsedOptions {
  const uses: OptionUse[] = [];
  const positionals: string[] = [];
  const positionalIndex: number[] = [];
  let dashDash = -1;
  const short = table.short ?? {};

  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') {
      dashDash = positionals.length;
      for (let j = i + 1; j < args.length; j++) {
        positionals.push(args[j] ?? '');
        positionalIndex.push(j);
      }
      break;
    }
    if (arg.length < 2 || arg[0] !== '-') {
      positionals.push(arg);
      positionalIndex.push(i);
      if (table.stopAtPositional) {
        for (let j = i + 1; j < args.length; j++) {
          positionals.push(args[j] ?? '');
          positionalIndex.push(j);
        }
        break;
      }
      continue;
    }
    if (arg[1] === '-') {
      const eq = arg.indexOf('=');
      const raw = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
      const spec = resolveLong(raw, table);
      if (eq > 0) uses.push({ name: spec.name, value: arg.slice(eq + 1), on: spec.on, index: i });
      else if (spec.arity === 1 && i + 1 < args.length) {
        uses.push({ name: spec.name, value: args[i + 1], on: spec.on, index: i });
        i++;
      } else uses.push({ name: spec.name, on: spec.on, index: i });
      continue;
    }
    for (let j = 1; j < arg.length; j++) {
      const letter = arg[j];
      const spec = short[letter];
      if (!spec) {
        uses.push({ name: '-' + letter, on: true, index: i });
        continue;
      }
      const [name, arity] = spec;
      if (arity === 0) {
        uses.push({ name, on: true, index: i });
        continue;
      }
      const attached = arg.slice(j + 1);
      if (attached) uses.push({ name, value: attached, on: true, index: i });
      else if (arity === 1 && i + 1 < args.length) {
        uses.push({ name, value: args[i + 1], on: true, index: i });
        i++;
      } else uses.push({ name, on: true, index: i });
      break;
    }
  }
  return { uses, positionals, positionalIndex, dashDash };
}

/** Whether the option is on after its last occurrence (`--force --no-force` is off). */
export function isOn(parsed: ParsedOptions, name: string): boolean {
  let on = false;
  for (const use of parsed.uses) if (use.name === name) on = use.on;
  return on;
}

export function anyOn(parsed: ParsedOptions, names: readonly string[]): boolean {
  return names.some((name) => isOn(parsed, name));
}

/** How many times the option was given and left on (`-ff` counts twice). */
export function countOf(parsed: ParsedOptions, name: string): number {
  let n = 0;
  for (const use of parsed.uses) if (use.name === name) n = use.on ? n + 1 : 0;
  return n;
}

/** Value of the last occurrence that carried one. */
export function valueOf(parsed: ParsedOptions, name: string): string | undefined {
  let value: string | undefined;
  for (const use of parsed.uses) if (use.name === name) value = use.on ? use.value ?? value : undefined;
  return value;
}

/** `--help`, `-h`, `--version`: the tool prints and exits. */
export function asksForHelp(parsed: ParsedOptions, names: readonly string[] = ['help', 'version']): boolean {
  return parsed.uses.some((use) => names.includes(use.name));
}
