// interlock rules [list|show <id>|test]: the effective rules, where each comes from, and proof
// that each does what its examples say.
import { parseArgs } from 'node:util';
import { loadEffectiveConfig } from '../../config/load.js';
import { builtinExamples } from '../../rules/builtin.js';
import { runExamples } from '../../rules/examples.js';
import type { CliCommand } from '../command.js';
import { bold, decisionLabel, dim } from '../format.js';
import { configLines } from './check.js';

const HELP = `Usage:
  interlock rules [list] [--json] [--pack NAME]   the effective rules and where each comes from
  interlock rules show <id> [--json]              one rule: match, decision, reason, examples
  interlock rules test [--json]                   run every rule's examples; exit 1 on a failure

Rules come from the built-in packs (config/packs/*.yaml), your user config, and project configs
(see README "Configuration"). Every rule carries commands it must match and must not match;
\`rules test\` runs them all, built-in and yours.

Examples:
  interlock rules list --pack git
  interlock rules show git.push.force
  interlock rules test
`;

export const command: CliCommand = {
  name: 'rules',
  summary: 'list, show and test the effective rules',
  help: HELP,
  async run(args) {
    let parsed;
    try {
      parsed = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, pack: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
    } catch (error) {
      process.stderr.write(`interlock rules: ${(error as Error).message}\n\n${HELP}`);
      return 2;
    }
    if (parsed.values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    const [action = 'list', id] = parsed.positionals;
    const config = await loadEffectiveConfig(process.cwd());
    const notes = configLines(config);
    if (notes.length && !parsed.values.json) process.stderr.write(notes.join('\n') + '\n');
    const rules = [...config.rules.byId.values()].filter((r) => !parsed.values.pack || r.pack === parsed.values.pack);

    if (action === 'list') {
      if (parsed.values.json) {
        process.stdout.write(JSON.stringify(rules.map((r) => ({ id: r.id, pack: r.pack, source: r.source, decision: r.decision, action: r.action, disabled: config.rules.isDisabled(r) }))) + '\n');
        return 0;
      }
      let pack = '';
      const out: string[] = [];
      for (const r of rules) {
        if (r.pack !== pack) {
          pack = r.pack;
          out.push('', bold(`${pack}`) + dim(`  (${r.source === 'builtin' ? 'built-in' : r.source})`));
        }
        out.push(`  ${decisionLabel(r.decision).padEnd(7)}  ${r.id.padEnd(40)} ${r.action}${config.rules.isDisabled(r) ? dim('  (switched off)') : ''}`);
      }
      process.stdout.write(out.join('\n').trimStart() + `\n\n${rules.length} rules\n`);
      return 0;
    }

    if (action === 'show') {
      const rule = id ? config.rules.byId.get(id) : undefined;
      if (!rule) {
        process.stderr.write(`interlock rules: no rule "${id ?? ''}" (see \`interlock rules list\`)\n`);
        return 2;
      }
      if (parsed.values.json) process.stdout.write(JSON.stringify({ ...rule, examples: rule.examples ?? builtinExamples(rule.id) }) + '\n');
      else {
        const out = [
          `${bold(rule.id)}  ${decisionLabel(rule.decision)}${config.rules.isDisabled(rule) ? '  (switched off)' : ''}`,
          `  from     ${rule.source === 'builtin' ? `built-in pack "${rule.pack}"` : rule.source}`,
          `  action   ${rule.action}`,
          `  reason   ${rule.reason.trim()}`,
        ];
        if (rule.match) out.push(`  match    ${JSON.stringify(rule.match)}`);
        else out.push(`  match    (in code: src/analyse)`);
        if (rule.unless) out.push(`  unless   ${JSON.stringify(rule.unless)}`);
        const examples = rule.examples ?? builtinExamples(rule.id);
        for (const c of examples?.match ?? []) out.push(`  ${dim('matches')}      ${c}`);
        for (const c of examples?.noMatch ?? []) out.push(`  ${dim('does not')}     ${c}`);
        process.stdout.write(out.join('\n') + '\n');
      }
      return 0;
    }

    if (action === 'test') {
      const report = runExamples(config.rules, (r) => !parsed.values.pack || r.pack === parsed.values.pack);
      if (parsed.values.json) process.stdout.write(JSON.stringify(report) + '\n');
      else {
        const out: string[] = [];
        for (const f of report.failures) {
          out.push(`✗ ${f.rule} (${f.source === 'builtin' ? 'built-in' : f.source}): expected ${f.expected === 'match' ? 'to match' : 'not to match'}\n    $ ${f.command}\n    reported: ${f.reported.join(', ') || 'nothing'}`);
        }
        for (const r of report.withoutExamples) out.push(`! ${r}: no examples (add "examples: {match: [...], noMatch: [...]}")`);
        out.push(`${report.failures.length ? '✗' : '✓'} ${report.examples} examples of ${report.rules} rules, ${report.failures.length} failing`);
        process.stdout.write(out.join('\n') + '\n');
      }
      return report.failures.length ? 1 : 0;
    }

    process.stderr.write(`interlock rules: unknown action "${action}"\n\n${HELP}`);
    return 2;
  },
};
