// interlock explain: what a command line runs, what is only data, how it nests, which rules
// fired and where they come from, and the decision.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { redact } from '../../audit/redact.js';
import { loadEffectiveConfig } from '../../config/load.js';
import { evaluate } from '../../pipeline.js';
import type { ExecCommand } from '../../types.js';
import type { CliCommand } from '../command.js';
import { bold, decisionLabel, describeFinding, dim, redactFinding } from '../format.js';
import { CHECK_EXIT, configLines } from './check.js';

const HELP = `Usage:
  interlock explain [--json] [--cwd DIR] -- <command…>

Shows how Interlock reads a command line: every command that would actually run (after
stripping wrappers like sudo, env, xargs, bash -c, ssh, docker exec), through which wrappers,
with what input, which words are only data, the findings with the rule and the file it comes
from, and the decision. Exit codes as for \`interlock check\`.

Example:
  interlock explain -- 'API=https://backboard.railway.app/graphql/v2; bash -c "curl -s \\$API -d @q.json"'
`;

/** Programs whose arguments are text, not code. */
const DATA_PROGRAMS = new Set(['echo', 'printf', 'cat', 'tee', 'grep', 'egrep', 'fgrep', 'rg', 'ag', 'sed', 'awk', 'jq', 'yq', 'head', 'tail', 'less', 'more', 'wc', 'sort', 'uniq', 'cut', 'tr', 'man', 'history']);

function stdinDescription(cmd: ExecCommand): string | undefined {
  const s = cmd.stdin;
  if (!s) return undefined;
  if (s.kind === 'file') return `file ${s.path}`;
  if (s.kind === 'unknown') return `output of \`${s.from}\` (not known in advance)`;
  const lines = s.text.split('\n').filter(Boolean).length;
  return `${s.kind}${s.kind === 'pipe' && s.from ? ` from \`${s.from}\`` : ''} (${lines} line${lines === 1 ? '' : 's'})`;
}

function describeCommand(cmd: ExecCommand, index: number): string {
  const lines = [`${String(index + 1).padStart(3)}. ${bold(redact(cmd.display))}`];
  if (cmd.via.length) lines.push(`       ${dim('via')}    ${cmd.via.map(redact).join(' › ')}`);
  if (cmd.context !== 'top') lines.push(`       ${dim('where')}  ${cmd.context === 'sub' ? 'inside a command substitution (runs while the line is expanded)' : 'inside a function body'}`);
  if (cmd.remote) lines.push(`       ${dim('on')}     ${cmd.remote}`);
  const stdin = stdinDescription(cmd);
  if (stdin) lines.push(`       ${dim('stdin')}  ${redact(stdin)}`);
  if (cmd.dynamic.some(Boolean)) {
    const unknown = cmd.argv.filter((_, i) => cmd.dynamic[i]).map((a) => redact(a));
    lines.push(`       ${dim('unknown until it runs')}  ${unknown.join('  ')}`);
  }
  if (DATA_PROGRAMS.has(cmd.name) || (cmd.name === 'git' && cmd.argv.includes('commit'))) {
    lines.push(`       ${dim('data')}   its arguments and input are text, not run`);
  }
  return lines.join('\n');
}

export const command: CliCommand = {
  name: 'explain',
  summary: 'show what a command runs, what is data, which rules fired, and why',
  help: HELP,
  async run(args) {
    let parsed;
    try {
      parsed = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, cwd: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
    } catch (error) {
      process.stderr.write(`interlock explain: ${(error as Error).message}\n\n${HELP}`);
      return CHECK_EXIT.usage;
    }
    if (parsed.values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    const text = parsed.positionals.join(' ');
    if (!text.trim()) {
      process.stderr.write(`interlock explain: no command given\n\n${HELP}`);
      return CHECK_EXIT.usage;
    }
    const cwd = resolve(parsed.values.cwd ?? process.cwd());
    const config = await loadEffectiveConfig(cwd);
    const evaluation = evaluate({ command: text, cwd }, { rules: config.rules });
    const source = (rule: string) => {
      const loaded = config.rules.byId.get(rule);
      return loaded ? (loaded.source === 'builtin' ? `built-in pack "${loaded.pack}"` : loaded.source) : 'built-in';
    };
    if (parsed.values.json) {
      process.stdout.write(
        JSON.stringify({
          decision: evaluation.decision,
          commands: evaluation.commands.map((c) => ({ command: redact(c.display), via: c.via.map(redact), context: c.context, remote: c.remote, cwd: c.cwd, stdin: c.stdin?.kind })),
          findings: evaluation.findings.map((f) => ({ ...redactFinding(f), source: source(f.rule) })),
          configErrors: config.errors,
          configNotices: config.notices,
          configSources: config.sources,
        }) + '\n',
      );
      return CHECK_EXIT[evaluation.decision];
    }
    const out: string[] = [];
    out.push(...configLines(config));
    out.push(bold(`What runs (${evaluation.commands.length})`));
    evaluation.commands.forEach((cmd, i) => out.push(describeCommand(cmd, i)));
    if (evaluation.commands.length === 0) out.push('    nothing');
    out.push('', bold(`Findings (${evaluation.findings.length})`));
    for (const f of evaluation.findings) out.push(describeFinding(f), `    ${dim('rule from')} ${source(f.rule)}`);
    if (evaluation.findings.length === 0) out.push('    none');
    out.push('', `${bold('Decision')}: ${decisionLabel(evaluation.decision)}${config.sources.length ? `  ${dim(`(config: ${config.sources.join(', ')})`)}` : ''}`);
    process.stdout.write(out.join('\n') + '\n');
    return CHECK_EXIT[evaluation.decision];
  },
};
