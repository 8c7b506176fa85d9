// Evaluates the command part of a declarative rule (command, subcommand, flags, args, env)
// against one executed command, and finds the rule's target in it.
import type { ExecCommand } from '../types.js';
import { parseArgs, flagValue, type ParsedArgs } from './argv.js';
import { compileAny, type Matcher } from './pattern.js';
import type { MatchSpec, TargetSpec, ToolSpec } from './schema.js';

/** A command split for matching: computed once per (command, tool spec). */
export interface CommandView {
  cmd: ExecCommand;
  args: string[];
  parsed: ParsedArgs;
}

export function viewCommand(cmd: ExecCommand, tool: ToolSpec | undefined): CommandView {
  const args = cmd.argv.slice(1);
  return { cmd, args, parsed: parseArgs(args, tool) };
}

interface SetMatcher {
  any: Matcher[];
  all: Matcher[];
  none: Matcher[];
}

export interface CompiledCommandMatch {
  /** Index of the first positional after the subcommand path, or -1 when the match fails. */
  match(view: CommandView): number;
}

function compileSet(set: { any?: string[]; all?: string[]; none?: string[] } | undefined): SetMatcher | null {
  if (!set) return null;
  const list = (patterns: string[] | undefined) => (patterns ?? []).map((p) => compileAny(p) as Matcher);
  return { any: list(set.any), all: list(set.all), none: list(set.none) };
}

function setHolds(set: SetMatcher, values: string[]): boolean {
  if (set.any.length && !set.any.some((m) => values.some(m))) return false;
  if (!set.all.every((m) => values.some(m))) return false;
  return !set.none.some((m) => values.some(m));
}

/** Returns the positional index just past the subcommand path, or -1. */
function matchPath(path: Matcher[], view: CommandView): number {
  const positionals = view.parsed.positionals;
  let k = 0;
  for (const element of path) {
    for (;;) {
      const p = positionals[k];
      if (!p) return -1;
      if (element(p.value)) {
        k++;
        break;
      }
      // A word right after a flag of unknown arity may be that flag's value (`-n db delete`).
      if (p.maybeFlagValue) {
        k++;
        continue;
      }
      return -1;
    }
  }
  return k;
}

export function compileCommandMatch(spec: MatchSpec): CompiledCommandMatch {
  const command = compileAny(spec.command);
  const path = (spec.subcommand ?? []).map((element) => compileAny(element) as Matcher);
  const flags = compileSet(spec.flags);
  const args = compileSet(spec.args);
  const env = spec.env ? Object.entries(spec.env).map(([name, pattern]) => [name, compileAny(pattern) as Matcher] as const) : [];
  const flagValues = spec.flagValues ? Object.entries(spec.flagValues).map(([flag, pattern]) => [flag, compileAny(pattern) as Matcher] as const) : [];

  return {
    match(view) {
      if (command && !command(view.cmd.name)) return -1;
      const end = matchPath(path, view);
      if (end < 0) return -1;
      if (flags && !setHolds(flags, view.parsed.flags.map((f) => f.name))) return -1;
      for (const [flag, matcher] of flagValues) {
        const value = flagValue(view.parsed, view.args, [flag]);
        if (value === undefined || !matcher(value)) return -1;
      }
      if (args) {
        const rest = view.parsed.positionals.slice(end).map((p) => p.value).concat(view.parsed.rest);
        if (!setHolds(args, rest)) return -1;
      }
      for (const [name, matcher] of env) {
        const value = view.cmd.env[name];
        if (value === undefined || !matcher(value)) return -1;
      }
      return end;
    },
  };
}

/** Flags that usually name the thing a command acts on, tried when a rule names no target. */
const NAMING_FLAGS = [
  '--name', '--app', '-a', '--project', '--project-id', '--id', '--volume', '--database', '--db',
  '--bucket', '--cluster', '--instance', '--service', '--stack', '--environment', '--table-name',
];

export function extractTarget(view: CommandView, pathEnd: number, spec: TargetSpec | undefined): string | undefined {
  if (spec?.text) return spec.text;
  if (spec?.flag) {
    const value = flagValue(view.parsed, view.args, spec.flag);
    if (value !== undefined) return value;
  }
  const positionals = view.parsed.positionals;
  if (spec?.positional !== undefined) {
    const p = positionals[pathEnd + spec.positional];
    if (p) return p.value;
  }
  if (!spec?.flag || spec.positional !== undefined) {
    const first = positionals.slice(pathEnd).find((p) => !p.maybeFlagValue) ?? positionals[pathEnd];
    if (first) return first.value;
  }
  return flagValue(view.parsed, view.args, NAMING_FLAGS);
}
