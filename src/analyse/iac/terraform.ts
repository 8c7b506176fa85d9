// Terraform, OpenTofu and Terragrunt: forced replacement (`apply -replace=ADDR`) and tainting
// (`taint ADDR`) destroy the object and create a new, empty one. That costs nothing for a
// stateless server and everything for a database, so the resource type in the address decides.
// destroy, apply -destroy, state rm and workspace delete are declarative rules (terraform pack).
import { parseArgs, type ParsedArgs } from '../../rules/argv.js';
import type { ToolSpec } from '../../rules/schema.js';
import type { Analyser, ExecCommand, Finding } from '../../types.js';
import { holdsData, terraformAddressType } from './data-store-types.js';

const TERRAFORM: ToolSpec = {
  singleDashLong: true,
  valueFlags: ['-target', '-var', '-var-file', '-replace', '-state', '-state-out', '-backup', '-lock-timeout', '-parallelism', '-out', '-chdir',
    '--terragrunt-working-dir', '--working-dir', '--terragrunt-config', '--config'],
};

const dynamicText = (word: string): boolean => word.includes('$') || word.includes('`');

interface TerraformCall {
  verb: string | undefined;
  operands: string[];
  flags: ParsedArgs['flags'];
}

/** The Terraform command a line runs: `terraform apply …`, `terragrunt run-all apply …`, `terragrunt run --all -- apply …`. */
function terraformCall(cmd: ExecCommand): TerraformCall {
  const parsed = parseArgs(cmd.argv.slice(1), TERRAFORM);
  let words = parsed.positionals.map((p) => p.value);
  let flags = parsed.flags;
  if (cmd.name === 'terragrunt') {
    if (words[0] === 'stack' && words[1] === 'run') words = words.slice(2);
    else if (words[0] === 'run-all' || words[0] === 'run') words = words.slice(1);
    if (words.length === 0 && parsed.rest.length > 0) {
      const inner = parseArgs(parsed.rest, TERRAFORM);
      words = inner.positionals.map((p) => p.value);
      flags = [...flags, ...inner.flags];
    }
  }
  return { verb: words[0], operands: words.slice(1), flags };
}

function replacementFinding(rule: string, action: string, address: string): Finding | null {
  if (dynamicText(address)) {
    return { rule, action, target: address, reason: 'The resource to replace is only known at run time; if it is a database, bucket or volume its data is destroyed.', hints: ['resource address not known until run time'] };
  }
  const type = terraformAddressType(address);
  if (!type || !holdsData(type)) return null;
  return {
    rule,
    action,
    target: address,
    reason: `The ${type} is destroyed and created again empty; the data it holds is lost.`,
    hints: [`resource type ${type}`],
  };
}

export const terraformAnalyser: Analyser = {
  name: 'iac',
  commands: ['terraform', 'tofu', 'terragrunt'],
  analyse(cmd) {
    const call = terraformCall(cmd);
    const findings: Finding[] = [];
    if (call.verb === 'apply') {
      for (const flag of call.flags) {
        if ((flag.name !== '-replace' && flag.name !== '--replace') || !flag.value) continue;
        const finding = replacementFinding('terraform.apply.replace-data-store', 'force replacement of a data store', flag.value);
        if (finding) findings.push(finding);
      }
    } else if (call.verb === 'taint') {
      const address = call.operands[0];
      const finding = address ? replacementFinding('terraform.taint.data-store', 'taint a data store for replacement', address) : null;
      if (finding) findings.push(finding);
    }
    return findings;
  },
};
