// cypher-shell (Neo4j): `MATCH (n) DETACH DELETE n` with no WHERE and no property filter deletes
// every node the pattern matches; `DROP DATABASE` / `CREATE OR REPLACE DATABASE` read as in SQL.
// Batched forms (`CALL { … } IN TRANSACTIONS`, `apoc.periodic.iterate("MATCH …", "DELETE …")`)
// delete the same rows in pieces.
import type { Analyser, AnalysisContext, ExecCommand, Finding } from '../../../types.js';
import { endpointHints, hostOf, isVariable } from '../connection.js';
import { finding, sqlFinding } from '../findings.js';
import { fileReader, readScript, stdinText } from '../input.js';
import { hasOption, optionValue, optionValues, parseCommandLine, type OptionSpec } from '../options.js';
import { RULE } from '../rules.js';
import { analyseSqlText } from '../sql.js';
import { DIALECTS, type Dialect } from '../sql/dialect.js';
import { scanSql, type Token } from '../sql/scanner.js';

const CYPHER: Dialect = { ...DIALECTS.generic, name: 'cypher', slashComments: true, dollarQuotes: false, transactions: false };

const OPTIONS: OptionSpec = {
  value: ['-a', '--address', '--uri', '-u', '--username', '-p', '--password', '-d', '--database', '--encryption', '--format', '-f', '--file', '-P', '--param', '--access-mode', '--driver-version', '--sample-rows', '--wrap', '--impersonate', '--log', '--idle-timeout', '--history', '--error-format', '--notifications'],
};

export const cypherShellAnalyser: Analyser = {
  name: 'database',
  commands: ['cypher-shell'],
  analyse(cmd, ctx) {
    return analyseCypherShell(cmd, ctx);
  },
};

function analyseCypherShell(cmd: ExecCommand, ctx: AnalysisContext): Finding[] {
  const line = parseCommandLine(cmd.argv.slice(1), OPTIONS);
  if (hasOption(line, ['--help', '-h', '--version', '-v'])) return [];
  const read = fileReader(cmd, ctx);
  const texts = [...line.positionals];
  const findings: Finding[] = [];
  for (const path of optionValues(line, ['-f', '--file'])) {
    const script = readScript(path, read);
    if (script.text !== undefined) texts.push(script.text);
    findings.push(...script.findings);
  }
  if (texts.length === 0 && findings.length === 0) {
    const text = stdinText(cmd, read);
    if (text !== undefined) texts.push(text);
  }
  const address = optionValue(line, ['-a', '--address', '--uri']);
  const database = optionValue(line, ['-d', '--database']);
  const hints = endpointHints({ host: hostOf(address), database, variables: address && isVariable(address) ? [address] : [] });
  for (const text of texts) findings.push(...analyseCypher(text, database, hints));
  return findings;
}

export function analyseCypher(text: string, database: string | undefined, hints: string[]): Finding[] {
  const findings: Finding[] = [];
  scanSql(text, CYPHER, (item) => {
    if (item.kind !== 'sql' || item.tokens.length === 0) return;
    const tokens = item.tokens;
    const first = tokens[0].up;
    if (first === 'DROP' || first === 'CREATE') {
      const source = tokens.map((t) => (t.kind === 'string' ? `'${t.text}'` : t.kind === 'ident' ? `"${t.text}"` : t.text)).join(' ');
      for (const e of analyseSqlText(source, { dialect: DIALECTS.generic, database })) findings.push(sqlFinding(e, hints));
      return;
    }
    const periodic = tokens.some((t, i) => t.up === 'PERIODIC' && tokens[i - 2]?.up === 'APOC');
    if (periodic) {
      // apoc.periodic.iterate("MATCH (n) RETURN n", "DETACH DELETE n", {…}): the queries are strings.
      const joined = tokens.filter((t) => t.kind === 'string' || t.kind === 'ident').map((t) => t.text).join(' ');
      findings.push(...analyseCypher(joined, database, hints));
      return;
    }
    const deleteAt = tokens.findIndex((t) => t.kind === 'word' && t.up === 'DELETE');
    if (deleteAt < 0) return;
    const target = unfilteredMatch(tokens, deleteAt);
    if (target) findings.push(finding(RULE.cypherDeleteAll, 'delete all matching nodes', target, ['MATCH has no WHERE and no property filter', ...hints]));
  });
  return findings;
}

/** The pattern's labels when the MATCH before DELETE filters nothing; undefined when it filters. */
function unfilteredMatch(tokens: Token[], deleteAt: number): string | undefined {
  let depth = 0;
  let matched = false;
  const labels: string[] = [];
  for (let k = 0; k < deleteAt; k++) {
    const t = tokens[k];
    if (t.kind === 'punct' && t.text === '(') depth++;
    else if (t.kind === 'punct' && t.text === ')') depth--;
    else if (t.kind === 'punct' && t.text === '{' && depth > 0) return undefined; // (n:User {id: 5})
    else if (t.kind === 'word' && (t.up === 'WHERE' || t.up === 'UNWIND')) return undefined;
    else if (t.kind === 'word' && t.up === 'MATCH') matched = true;
    else if (t.kind === 'op' && t.text === ':' && depth > 0 && (tokens[k + 1]?.kind === 'word' || tokens[k + 1]?.kind === 'ident')) labels.push(tokens[k + 1].text);
  }
  if (!matched) return undefined;
  return labels.length ? `every ${labels.map((l) => `:${l}`).join(', ')} node` : 'every node';
}
