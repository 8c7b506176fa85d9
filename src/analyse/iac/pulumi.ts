// Pulumi: `up --replace URN` / `--target-replace URN` destroy the resource and create it again
// empty; the type in the URN decides whether data goes with it. destroy, stack rm and
// state delete are declarative rules (pulumi pack).
import { parseArgs } from '../../rules/argv.js';
import type { ToolSpec } from '../../rules/schema.js';
import type { Analyser, Finding } from '../../types.js';
import { holdsData, pulumiUrnType } from './data-store-types.js';

const PULUMI: ToolSpec = {
  valueFlags: ['--stack', '-s', '--cwd', '-C', '--config-file', '--message', '-m', '--target', '-t', '--replace', '--target-replace',
    '--exclude', '-x', '--parallel', '-p', '--color', '--secrets-provider', '--policy-pack', '--policy-pack-config', '-c', '--config'],
};

export const pulumiAnalyser: Analyser = {
  name: 'iac',
  commands: ['pulumi'],
  analyse(cmd) {
    const parsed = parseArgs(cmd.argv.slice(1), PULUMI);
    const verb = parsed.positionals[0]?.value;
    if (verb !== 'up' && verb !== 'update') return [];
    const findings: Finding[] = [];
    for (const flag of parsed.flags) {
      if ((flag.name !== '--replace' && flag.name !== '--target-replace') || !flag.value) continue;
      const urn = flag.value;
      const dynamic = urn.includes('$') || urn.includes('`');
      const type = dynamic ? undefined : pulumiUrnType(urn);
      if (!dynamic && !(type && holdsData(type))) continue;
      findings.push({
        rule: 'pulumi.up.replace-data-store',
        action: 'force replacement of a data store',
        target: urn,
        reason: type
          ? `The ${type} resource is destroyed and created again empty; the data it holds is lost.`
          : 'The resource to replace is only known at run time; if it is a database, bucket or volume its data is destroyed.',
        hints: type ? [`resource type ${type}`] : ['resource not known until run time'],
      });
    }
    return findings;
  },
};
