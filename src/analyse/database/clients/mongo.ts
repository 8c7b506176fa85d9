// mongosh and the legacy mongo shell: JavaScript from --eval (repeatable), -f/--file, positional
// .js files, and standard input; the connection (URI, host/db address or db name) names the
// database that `db` refers to.
import type { Analyser, AnalysisContext, ExecCommand, Finding } from '../../../types.js';
import { endpointHints, hostOf, isVariable, parseEndpoint } from '../connection.js';
import { finding } from '../findings.js';
import { fileReader, stdinText } from '../input.js';
import { hasOption, optionValue, optionValues, parseCommandLine, type OptionSpec } from '../options.js';
import { analyseMongoJs } from './mongo-js.js';

const MONGOSH_OPTIONS: OptionSpec = {
  value: [
    '--host', '--port', '-u', '--username', '-p', '--password', '--authenticationDatabase', '--authenticationMechanism',
    '--eval', '-f', '--file', '--tlsCAFile', '--tlsCertificateKeyFile', '--tlsCertificateKeyFilePassword', '--tlsCRLFile',
    '--tlsCertificateSelector', '--tlsDisabledProtocols', '--apiVersion', '--awsAccessKeyId', '--awsSecretAccessKey',
    '--awsSessionToken', '--gssapiServiceName', '--gssapiHostName', '--sspiHostnameCanonicalization', '--sspiRealmOverride',
    '--keyVaultNamespace', '--kmsURL', '--csfleLibraryPath', '--cryptSharedLibPath', '--oidcFlows', '--oidcRedirectUri',
    '--browser', '--sslCAFile', '--sslPEMKeyFile', '--sslPEMKeyPassword', '--sslCRLFile', '--db',
  ],
};

export const mongoShellAnalyser: Analyser = {
  name: 'database',
  commands: ['mongosh', 'mongo'],
  analyse(cmd, ctx) {
    return analyseMongoShell(cmd, ctx);
  },
};

function analyseMongoShell(cmd: ExecCommand, ctx: AnalysisContext): Finding[] {
  const line = parseCommandLine(cmd.argv.slice(1), MONGOSH_OPTIONS);
  if (hasOption(line, ['--help', '--version', '-h'])) return [];
  const read = fileReader(cmd, ctx);
  const scripts: string[] = [...optionValues(line, ['--eval'])];
  let ranFiles = scripts.length > 0;
  for (const path of optionValues(line, ['-f', '--file'])) {
    ranFiles = true;
    const text = read(path);
    if (text !== undefined) scripts.push(text);
  }
  let address: string | undefined;
  for (const word of line.positionals) {
    if (/\.(js|mjs|cjs|mongodb)$/i.test(word)) {
      ranFiles = true;
      const text = read(word);
      if (text !== undefined) scripts.push(text);
    } else address ??= word;
  }
  if (!ranFiles) {
    const text = stdinText(cmd, read);
    if (text !== undefined) scripts.push(text);
  }
  if (scripts.length === 0) return [];

  // mongodb://host/db, mongodb+srv://…/db, host:port/db, or a bare database name.
  let host = optionValue(line, ['--host']);
  let database = optionValue(line, ['--db']);
  const variables: string[] = [];
  if (address !== undefined) {
    if (isVariable(address)) variables.push(address);
    else if (address.includes('://')) {
      const endpoint = parseEndpoint(address);
      host ??= endpoint.host;
      database ??= endpoint.database;
    } else if (address.includes('/')) {
      host ??= hostOf(address.slice(0, address.indexOf('/')));
      database ??= address.slice(address.indexOf('/') + 1) || undefined;
    } else database ??= address;
  }
  if (host && isVariable(host)) {
    variables.push(host);
    host = undefined;
  }
  const hints = endpointHints({ host, database, variables });
  const findings: Finding[] = [];
  // An address held in a variable still names the database `db` refers to: `$MONGO_URL`.
  const scope = { database: database ?? variables[0] };
  // --eval scripts and files run one after another in the same shell (`use shop` carries over).
  for (const e of analyseMongoJs(scripts.join('\n;\n'), scope)) {
    findings.push(finding(e.rule, e.action, e.target, [...e.hints, ...hints]));
  }
  return findings;
}
