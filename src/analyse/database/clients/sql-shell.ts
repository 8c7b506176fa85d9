// The SQL a client runs — from its options, its positionals, the files it reads and its standard
// input — analysed in the client's dialect, with the connection's production hints attached.
import type { Analyser, AnalysisContext, ExecCommand, Finding } from '../../../types.js';
import { endpointHints, isVariable, parseEndpoint, type Endpoint } from '../connection.js';
import { sqlFinding } from '../findings.js';
import { fileReader, generatingQuery, pipedDump, readScript, stdinFile, stdinText, unreadableScript } from '../input.js';
import { hasOption, parseCommandLine } from '../options.js';
import { analyseSqlText } from '../sql.js';
import { DIALECTS } from '../sql/dialect.js';
import type { SqlEffect } from '../sql/effect.js';
import { analyseStringLiterals } from '../sql/script.js';
import { shellFor, SQL_SHELL_PROGRAMS, type PositionalRole, type SqlShell } from './sql-shells.js';

interface Connection extends Endpoint {
  variables: string[];
}

export const sqlShellAnalyser: Analyser = {
  name: 'database',
  commands: SQL_SHELL_PROGRAMS,
  analyse(cmd, ctx) {
    const shell = shellFor(cmd.name, cmd.argv);
    return shell ? analyseShell(shell, cmd, ctx) : [];
  },
};

function analyseShell(shell: SqlShell, cmd: ExecCommand, ctx: AnalysisContext): Finding[] {
  const line = parseCommandLine(cmd.argv.slice(1 + (shell.subcommand?.length ?? 0)), shell.options);
  if (hasOption(line, ['--help', '--version'])) return [];
  const dialect = DIALECTS[typeof shell.dialect === 'function' ? shell.dialect(line) : shell.dialect];
  const read = fileReader(cmd, ctx);
  const connection: Connection = { variables: [] };
  const texts: string[] = [];
  const generating: string[] = [];
  const findings: Finding[] = [];
  let exits = false;
  let stdinAsFile = false;

  for (const option of line.options) {
    const value = option.value;
    if (value === undefined) continue;
    if (shell.sql?.includes(option.name)) {
      texts.push(value);
      exits = true;
    } else if (shell.before?.includes(option.name)) texts.push(value);
    else if (shell.files?.includes(option.name)) {
      exits = true;
      for (const path of shell.fileLists ? value.split(',') : [value]) {
        if (path === '-') stdinAsFile = true;
        else addScript(path.trim(), read, texts, findings);
      }
    }
    if (shell.host?.includes(option.name)) setHost(connection, value);
    if (shell.url?.includes(option.name)) setEndpoint(connection, value);
    else if (shell.database?.includes(option.name)) setDatabase(connection, value);
  }

  line.positionals.forEach((word, i) => {
    const role = roleAt(shell.positionals, i);
    switch (role) {
      case 'sql*':
        texts.push(word);
        exits = true;
        break;
      case 'endpoint':
        setEndpoint(connection, word);
        break;
      case 'database':
      case 'file':
        setDatabase(connection, word);
        break;
      case 'host':
        setHost(connection, word);
        break;
      case 'logon': {
        // sqlplus user/password@connect — only the part after @ is shown.
        const at = word.lastIndexOf('@');
        if (at >= 0) setEndpoint(connection, word.slice(at + 1));
        break;
      }
      case 'script*':
        if (word.startsWith('@')) {
          addScript(word.replace(/^@+/, ''), read, texts, findings);
          exits = true;
        }
        break;
    }
  });

  // Options win over the environment: fill only what they left open.
  for (const name of shell.env?.url ?? []) if (cmd.env[name]) setEndpoint(connection, cmd.env[name]);
  for (const name of shell.env?.host ?? []) if (cmd.env[name]) setHost(connection, cmd.env[name]);
  for (const name of shell.env?.database ?? []) if (cmd.env[name]) setDatabase(connection, cmd.env[name]);

  if ((shell.readsStdin !== false && !exits) || stdinAsFile) {
    const text = stdinText(cmd, read);
    const file = stdinFile(cmd);
    if (text !== undefined) texts.push(text);
    else if (file !== undefined) findings.push(...unreadableScript(file));
    else {
      findings.push(...pipedDump(cmd, connection.database));
      const query = generatingQuery(cmd, ctx);
      if (query !== undefined) generating.push(query);
    }
  }

  const options = { dialect, readFile: read, database: connection.database };
  const inStrings = shell.sqlInStrings?.(line) ?? false;
  const effects: SqlEffect[] = [];
  for (const text of texts) effects.push(...(inStrings ? analyseStringLiterals(text, options) : analyseSqlText(text, options)));
  // Statements another query builds and pipes in are the ones its string literals spell out.
  // A literal ends where the query splices in a name (`'DROP TABLE ' || tablename`): a stand-in
  // name completes it.
  for (const query of generating) effects.push(...analyseStringLiterals(query, options, ' tables_named_by_the_query'));
  if (effects.length === 0 && findings.length === 0) return [];

  const hints = endpointHints({ host: connection.host, variables: connection.variables });
  const withHints = findings.map((f) => ({ ...f, hints: [...new Set([...(f.hints ?? []), ...hints])] }));
  return [...withHints, ...effects.map((e) => sqlFinding(e, hints))];
}

function roleAt(roles: PositionalRole[], i: number): PositionalRole | undefined {
  if (i < roles.length) return roles[i];
  const last = roles[roles.length - 1];
  return last?.endsWith('*') ? last : undefined;
}

function addScript(path: string, read: (p: string) => string | undefined, texts: string[], findings: Finding[]): void {
  if (!path) return;
  const script = readScript(path, read);
  if (script.text !== undefined) texts.push(script.text);
  findings.push(...script.findings);
}

function setHost(connection: Connection, value: string): void {
  if (isVariable(value)) connection.variables.push(value);
  else if (/:\/\/|[;=]/.test(value)) setEndpoint(connection, value);
  else connection.host ??= value.replace(/^tcp:/i, '').replace(/^.*@/, '').replace(/[,:]\d+$/, '');
}

function setDatabase(connection: Connection, value: string): void {
  if (isVariable(value)) connection.variables.push(value);
  else connection.database ??= value;
}

/** A URL, a `key=value` connection string, or a bare database name. */
function setEndpoint(connection: Connection, value: string): void {
  if (isVariable(value)) {
    connection.variables.push(value);
    return;
  }
  if (value.includes('://') || value.includes('=')) {
    const endpoint = parseEndpoint(value);
    connection.host ??= endpoint.host;
    connection.database ??= endpoint.database;
    return;
  }
  connection.database ??= value;
}

