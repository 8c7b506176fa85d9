// What a client reads besides its arguments: files named on the command line, and standard input
// (a heredoc, a here-string, piped text, a redirected file, or the output of another program).
import type { AnalysisContext, ExecCommand, Finding } from '../../types.js';
import { destructiveVerbIn } from '../verbs.js';
import { finding } from './findings.js';
import { parseCommandLine, hasOption } from './options.js';
import { RULE } from './rules.js';

export type Reader = (path: string) => string | undefined;

export function fileReader(cmd: ExecCommand, ctx: AnalysisContext): Reader {
  return (path) => {
    if (!path || path.includes('$')) return undefined;
    return ctx.readFile(path, cmd.cwd);
  };
}

/** Text arriving on standard input when the guard can know it (heredoc, here-string, pipe, readable `< file`). */
export function stdinText(cmd: ExecCommand, read: Reader): string | undefined {
  const stdin = cmd.stdin;
  if (!stdin) return undefined;
  if (stdin.kind === 'file') return read(stdin.path);
  if (stdin.kind === 'unknown') {
    const file = catFile(stdin.from);
    return file === undefined ? undefined : read(file);
  }
  return stdin.text;
}

/** The file of `cat FILE | client`: its contents are the input. */
export function catFile(from: string): string | undefined {
  const words = from.trim().split(/\s+/);
  if (words.length !== 2 || !/(^|\/)cat$/.test(words[0]) || words[1].startsWith('-')) return undefined;
  return words[1].replace(/^(['"])(.*)\1$/, '$2');
}

/** Standard input the guard cannot read but whose origin is a named file (`< f`, `cat f |`). */
export function stdinFile(cmd: ExecCommand): string | undefined {
  const stdin = cmd.stdin;
  if (stdin?.kind === 'file') return stdin.path;
  if (stdin?.kind === 'unknown') return catFile(stdin.from);
  return undefined;
}

const SCRIPT_VERBS = new Set(['drop', 'truncate', 'wipe', 'purge', 'destroy', 'nuke', 'teardown', 'flush', 'erase', 'reset', 'delete', 'obliterate']);

/**
 * A SQL file the guard cannot read (missing, too big, a variable): judged by its name, since
 * `drop_all_tables.sql` plausibly does what it says. Any other name is allowed.
 */
export function unreadableScript(path: string): Finding[] {
  const verb = destructiveScriptVerb(path);
  return verb ? [finding(RULE.scriptName, 'run unreadable destructive script', path, [`file name says "${verb}"`])] : [];
}

/** The destructive verb in a script's file name (`drop_all.sql` → drop), if any. */
export function destructiveScriptVerb(path: string): string | undefined {
  const base = path.split('/').pop() ?? path;
  return destructiveVerbIn(base.replace(/\.[a-z0-9]+$/i, ''), SCRIPT_VERBS);
}

/** A SQL file argument read, or judged by name when unreadable. */
export function readScript(path: string, read: Reader): { text?: string; findings: Finding[] } {
  const text = read(path);
  return text === undefined ? { findings: unreadableScript(path) } : { text, findings: [] };
}

const PG_DUMP_VALUES = ['-f', '--file', '-F', '--format', '-j', '--jobs', '-n', '--schema', '-N', '--exclude-schema', '-t', '--table', '-T', '--exclude-table', '-d', '--dbname', '-h', '--host', '-p', '--port', '-U', '--username', '-Z', '--compress', '-E', '--encoding', '-S', '--superuser', '--role', '-l', '--lock-wait-timeout'];

/**
 * Standard input produced by a dump program: the text is unknown, but its shape is not. mysqldump
 * writes `DROP TABLE IF EXISTS` before every table by default; pg_dump and pg_dumpall do with
 * `-c/--clean`. Piped into a client, that replaces the target's tables.
 */
export function pipedDump(cmd: ExecCommand, target: string | undefined): Finding[] {
  const stdin = cmd.stdin;
  if (!stdin || stdin.kind !== 'unknown') return [];
  const words = stdin.from.trim().split(/\s+/);
  const index = words.findIndex((w) => /(^|\/)(mysqldump|mariadb-dump|pg_dump|pg_dumpall)$/.test(w));
  if (index < 0) return [];
  const program = words[index].split('/').pop() ?? '';
  const args = words.slice(index + 1);
  let drops: boolean;
  if (program === 'mysqldump' || program === 'mariadb-dump') {
    drops = !args.some((a) => ['--skip-add-drop-table', '--no-create-info', '-t', '--skip-opt', '--compact', '--add-drop-table=false'].includes(a));
  } else {
    const line = parseCommandLine(args, { value: PG_DUMP_VALUES });
    drops = hasOption(line, ['-c', '--clean']);
  }
  if (!drops) return [];
  return [finding(RULE.pipedDump, 'restore dump over existing tables', target ?? 'target database', [`input from ${program} drops existing tables first`])];
}

/** Clients whose query output is commonly fed back into a client, and their inline-SQL options. */
const QUERY_OPTIONS: Record<string, { short: string; long: string[] }> = {
  psql: { short: 'c', long: ['--command'] },
  mysql: { short: 'e', long: ['--execute'] },
  mariadb: { short: 'e', long: ['--execute'] },
  'clickhouse-client': { short: 'q', long: ['--query'] },
  sqlite3: { short: '', long: [] },
};

/**
 * `psql -Atc "SELECT 'DROP TABLE ' || tablename || ';' FROM pg_tables" | psql`: the piped input is
 * unknown, but it is whatever the producing query builds, and the statements it builds are
 * spelled out in its string literals. Returns the producer's SQL, to read its literals as SQL.
 */
export function generatingQuery(cmd: ExecCommand, ctx: AnalysisContext): string | undefined {
  const stdin = cmd.stdin;
  if (!stdin || stdin.kind !== 'unknown') return undefined;
  const words = ctx.commandWords?.(stdin.from);
  if (!words) return undefined;
  const program = words[0]?.split('/').pop() ?? '';
  const spec = Object.hasOwn(QUERY_OPTIONS, program) ? QUERY_OPTIONS[program] : undefined;
  if (!spec) return undefined;
  if (program === 'sqlite3') return words.slice(1).filter((w) => !w.startsWith('-')).at(1);
  for (let i = 1; i < words.length; i++) {
    const word = words[i];
    for (const long of spec.long) if (word.startsWith(`${long}=`)) return word.slice(long.length + 1);
    if (spec.long.includes(word) || (spec.short && /^-[A-Za-z]+$/.test(word) && word.endsWith(spec.short))) return words[i + 1];
    if (spec.short && word.startsWith(`-${spec.short}`) && word.length > 2) return word.slice(2);
  }
  return undefined;
}
