// redis-cli (and its forks valkey-cli, keydb-cli): the command comes from the positionals after
// the options, from standard input (one command per line, or raw RESP with --pipe), from a Lua
// script (--eval file, EVAL "…"), or from `--cluster call host:port CMD` on every node.
// FLUSHALL/FLUSHDB and SHUTDOWN NOSAVE lose data; DEL/UNLINK of named keys is a targeted delete.
import type { Analyser, AnalysisContext, ExecCommand, Finding } from '../../../types.js';
import { endpointHints, isVariable, parseEndpoint, redactConnection } from '../connection.js';
import { finding } from '../findings.js';
import { fileReader, stdinText } from '../input.js';
import { hasOption, optionValue, parseCommandLine, type OptionSpec } from '../options.js';
import { RULE } from '../rules.js';

const REDIS_OPTIONS: OptionSpec = {
  value: [
    '-h', '-p', '-s', '-a', '-u', '-r', '-i', '-n', '-d', '-D', '-t', '-X', '--user', '--pass', '--sni', '--cacert',
    '--cacertdir', '--tls-ciphers', '--tls-ciphersuites', '--cert', '--key', '--show-pushes', '--lru-test', '--rdb',
    '--functions-rdb', '--pipe-timeout', '--memkeys-samples', '--keystats-samples', '--pattern', '--quoted-pattern',
    '--count', '--cursor', '--top', '--intrinsic-latency', '--eval', '--cluster', '--cluster-replicas',
    '--cluster-from', '--cluster-to', '--cluster-slots', '--cluster-pipeline', '--cluster-weight', '--cluster-timeout',
  ],
  stopAtPositional: true,
};

interface RedisState {
  host: string;
  db: string;
  findings: Finding[];
  hints: string[];
}

export const redisAnalyser: Analyser = {
  name: 'database',
  commands: ['redis-cli', 'valkey-cli', 'keydb-cli'],
  analyse(cmd, ctx) {
    return analyseRedisCli(cmd, ctx);
  },
};

function analyseRedisCli(cmd: ExecCommand, ctx: AnalysisContext): Finding[] {
  const line = parseCommandLine(cmd.argv.slice(1), REDIS_OPTIONS);
  if (hasOption(line, ['--help', '--version'])) return [];
  const uri = optionValue(line, ['-u']);
  const endpoint = uri && !isVariable(uri) ? parseEndpoint(uri) : {};
  const hostOption = optionValue(line, ['-h']);
  // Without -h/-u the server is the local one — inside the pod or container when run there.
  const host = (hostOption && !isVariable(hostOption) ? hostOption : endpoint.host) ?? hostOption ?? (uri ? redactConnection(uri) : cmd.remote ?? 'localhost');
  const variables = [uri, hostOption].filter((v): v is string => !!v && isVariable(v));
  const state: RedisState = {
    host,
    db: optionValue(line, ['-n']) ?? endpoint.database ?? '0',
    findings: [],
    hints: endpointHints({ host: endpoint.host ?? hostOption, variables }),
  };
  const read = fileReader(cmd, ctx);

  const cluster = optionValue(line, ['--cluster']);
  if (cluster !== undefined) {
    // --cluster call host:port COMMAND args… runs the command on every node.
    if (cluster.toLowerCase() === 'call' && line.positionals.length > 1) {
      state.host = line.positionals[0];
      command(line.positionals.slice(1), state, 'on every node of the cluster');
    }
    return state.findings;
  }
  const script = optionValue(line, ['--eval']);
  if (script !== undefined) {
    const text = read(script);
    if (text !== undefined) lua(text, state, `script ${script}`);
    return state.findings;
  }
  if (line.positionals.length > 0) {
    command(line.positionals, state);
    const verb = line.positionals[0].toUpperCase();
    // `redis-cli --scan --pattern 'x*' | xargs redis-cli DEL`: the keys are another command's output.
    if ((verb === 'DEL' || verb === 'UNLINK') && cmd.via.some((v) => /^(xargs|parallel)\b/.test(v))) {
      state.findings.push(finding(RULE.redisDeletePattern, 'delete keys listed by another command', state.host, ['keys come from the output of another command (xargs)', ...state.hints]));
    }
    return state.findings;
  }
  const text = stdinText(cmd, read);
  if (text !== undefined) for (const words of stdinCommands(text)) command(words, state);
  return state.findings;
}

function command(words: string[], state: RedisState, scope?: string): void {
  const name = words[0]?.toUpperCase();
  const hints = scope ? [scope, ...state.hints] : state.hints;
  switch (name) {
    case 'FLUSHALL':
      state.findings.push(finding(RULE.redisFlush, 'flush all Redis databases', state.host, ['every key in every database', ...hints]));
      return;
    case 'FLUSHDB':
      state.findings.push(finding(RULE.redisFlush, 'flush Redis database', `${state.host} db ${state.db}`, [`every key in database ${state.db}`, ...hints]));
      return;
    case 'SHUTDOWN':
      if (words.some((w) => w.toUpperCase() === 'NOSAVE')) {
        state.findings.push(finding(RULE.redisShutdownNosave, 'shut down Redis without saving', state.host, hints));
      }
      return;
    case 'SELECT':
      if (words[1]) state.db = words[1];
      return;
    case 'XTRIM': {
      // XTRIM key MAXLEN [=|~] 0: every entry of the stream.
      const at = words.findIndex((w) => w.toUpperCase() === 'MAXLEN');
      const limit = at > 0 ? words[at + 1] === '=' || words[at + 1] === '~' ? words[at + 2] : words[at + 1] : undefined;
      if (limit !== undefined && /^0+$/.test(limit)) state.findings.push(finding(RULE.redisTrimStream, 'empty Redis stream', words[1] ?? state.host, ['MAXLEN 0', ...hints]));
      return;
    }
    case 'EVAL':
    case 'EVAL_RO':
      if (words[1]) lua(words[1], state, 'EVAL script');
      return;
  }
}

/** Commands a Lua script sends: redis.call('FLUSHALL'), and KEYS/SCAN feeding DEL/UNLINK. */
function lua(script: string, state: RedisState, where: string): void {
  const called = new Set<string>();
  for (const m of script.matchAll(/\b(?:redis|server)\s*\.\s*p?call\s*\(\s*(['"])([A-Za-z_.]+)\1/g)) called.add(m[2].toUpperCase());
  if (called.has('FLUSHALL') || called.has('FLUSHDB')) {
    command([called.has('FLUSHALL') ? 'FLUSHALL' : 'FLUSHDB'], state, `via ${where}`);
    return;
  }
  if ((called.has('DEL') || called.has('UNLINK')) && (called.has('KEYS') || called.has('SCAN'))) {
    state.findings.push(finding(RULE.redisDeletePattern, 'delete keys by pattern', state.host, [`${where} deletes every key KEYS/SCAN returns`, ...state.hints]));
  }
}

/** Standard input: raw RESP (`*1\r\n$8\r\nFLUSHALL\r\n`) or one inline command per line. */
export function stdinCommands(text: string): string[][] {
  const lines = text.split(/\r?\n/);
  if (text.trimStart().startsWith('*')) return resp(lines);
  const commands: string[][] = [];
  for (const raw of lines) {
    const words = splitRedisWords(raw);
    // Interactive mode repeats a command given a count first: `5 INCR counter`.
    if (words.length > 1 && /^\d+$/.test(words[0])) words.shift();
    if (words.length > 0) commands.push(words);
  }
  return commands;
}

function resp(lines: string[]): string[][] {
  const commands: string[][] = [];
  let current: string[] | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('*')) {
      current = [];
      commands.push(current);
    } else if (line.startsWith('$') && current) {
      current.push(lines[++i] ?? '');
    } else if (line.trim() && !current) commands.push(splitRedisWords(line));
  }
  return commands;
}

/** redis-cli splits inline commands on blanks; "…" (with escapes) and '…' group words. */
function splitRedisWords(line: string): string[] {
  const words: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && /\s/.test(line[i])) i++;
    if (i >= line.length) break;
    let word = '';
    const quote = line[i] === '"' || line[i] === "'" ? line[i] : '';
    if (quote) {
      i++;
      while (i < line.length && line[i] !== quote) {
        if (line[i] === '\\' && i + 1 < line.length) i++;
        word += line[i++];
      }
      i++;
    } else while (i < line.length && !/\s/.test(line[i])) word += line[i++];
    words.push(word);
  }
  return words;
}
