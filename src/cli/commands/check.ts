// interlock check: decide one command (or a batch of them) without running anything.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadEffectiveConfig } from '../../config/load.js';
import { evaluate, type Evaluation } from '../../pipeline.js';
import { redact } from '../../audit/redact.js';
import type { CliCommand } from '../command.js';
import { bold, decisionLabel, describeFinding, redactFinding } from '../format.js';

/** Exit codes of `interlock check`: scripts can run the command when it exits 0. */
export const CHECK_EXIT = { allow: 0, confirm: 3, deny: 4, usage: 2 } as const;

const HELP = `Usage:
  interlock check [--json] [--cwd DIR] -- <command…>
  interlock check --batch            one JSON object per line on stdin

Decides whether a shell command would be allowed, held for typed confirmation, or denied, and
says which rule, action and target decided it. Nothing is run and nothing is recorded.

Options:
  --json       print one JSON object: {"decision", "findings", "commands", "configErrors"}
  --cwd DIR    judge the command as if run in DIR (default: the current folder)
  --batch      read {"command": "...", "cwd": "..."} lines on stdin, write one decision object
               per line in the same order (used to score labeled corpora)

Exit codes: 0 allow, 3 confirm, 4 deny, 2 usage error.

Examples:
  interlock check -- git push --force origin main
  interlock check --json -- 'curl -X DELETE https://api.heroku.com/apps/acme-prod'
`;

async function batch(): Promise<number> {
  const input = readFileSync(0, 'utf8');
  const out: string[] = [];
  const configs = new Map<string, Awaited<ReturnType<typeof loadEffectiveConfig>>>();
  for (const line of input.split('\n')) {
    if (!line.trim()) continue;
    let result: object;
    try {
      const item = JSON.parse(line) as { command?: unknown; cwd?: unknown };
      if (typeof item.command !== 'string') throw new Error('"command" must be a string');
      const cwd = typeof item.cwd === 'string' && item.cwd ? item.cwd : process.cwd();
      let config = configs.get(cwd);
      if (!config) configs.set(cwd, (config = await loadEffectiveConfig(cwd)));
      const evaluation = evaluate({ command: item.command, cwd }, { rules: config.rules });
      result = {
        decision: evaluation.decision,
        findings: evaluation.findings.map((f) => ({ rule: f.rule, action: f.action, target: f.target === undefined ? undefined : redact(f.target), decision: f.decision })),
      };
    } catch (error) {
      result = { decision: 'confirm', error: `could not check this line: ${error instanceof Error ? error.message : String(error)}` };
    }
    out.push(JSON.stringify(result));
  }
  process.stdout.write(out.length ? out.join('\n') + '\n' : '');
  return 0;
}

export function configLines(config: { errors: { file: string; message: string }[]; notices: string[] }): string[] {
  return [
    ...config.errors.map((e) => `config error: ${e.file}: ${e.message} (built-in rules still apply)`),
    ...config.notices.map((n) => `config notice: ${n}`),
  ];
}

export function printEvaluation(evaluation: Evaluation, config: { errors: { file: string; message: string }[]; notices: string[] }): void {
  const lines: string[] = configLines(config);
  const summary = {
    allow: 'nothing destructive found',
    confirm: 'held until a human confirms it out of band',
    deny: 'never allowed from an agent',
  }[evaluation.decision];
  lines.push(`${bold(decisionLabel(evaluation.decision))} — ${summary}`);
  for (const finding of evaluation.findings) lines.push(describeFinding(finding));
  process.stdout.write(lines.join('\n') + '\n');
}

export const command: CliCommand = {
  name: 'check',
  summary: 'decide a command without running it (allow / confirm / deny)',
  help: HELP,
  async run(args) {
    let parsed;
    try {
      parsed = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, cwd: { type: 'string' }, batch: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
    } catch (error) {
      process.stderr.write(`interlock check: ${(error as Error).message}\n\n${HELP}`);
      return CHECK_EXIT.usage;
    }
    if (parsed.values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    if (parsed.values.batch) return batch();
    const text = parsed.positionals.join(' ');
    if (!text.trim()) {
      process.stderr.write(`interlock check: no command given\n\n${HELP}`);
      return CHECK_EXIT.usage;
    }
    const cwd = resolve(parsed.values.cwd ?? process.cwd());
    const config = await loadEffectiveConfig(cwd);
    const evaluation = evaluate({ command: text, cwd }, { rules: config.rules });
    if (parsed.values.json) {
      process.stdout.write(
        JSON.stringify({
          decision: evaluation.decision,
          findings: evaluation.findings.map(redactFinding),
          commands: evaluation.commands.map((c) => redact(c.display)),
          configErrors: config.errors,
          configNotices: config.notices,
        }) + '\n',
      );
    } else printEvaluation(evaluation, config);
    return CHECK_EXIT[evaluation.decision];
  },
};
