// kubectl's option table and the questions every kubectl analyser asks of a command line:
// which subcommand, is it a dry run, which namespace and context, does it look like production.
import { parseArgs, type ParsedArgs } from '../../rules/argv.js';
import type { ToolSpec } from '../../rules/schema.js';
import type { ExecCommand } from '../../types.js';

// Options that take the next word as their value. Options whose value must be attached with `=`
// (--dry-run, --cascade, --wait, --validate) are deliberately absent: `--cascade foreground` makes
// `foreground` a positional, as kubectl itself reads it.
const KUBECTL: ToolSpec = {
  valueFlags: [
    '-n', '--namespace', '--context', '--cluster', '--user', '--kubeconfig', '-s', '--server', '--token',
    '--as', '--as-group', '--as-uid', '--certificate-authority', '--client-certificate', '--client-key',
    '--tls-server-name', '--request-timeout', '--cache-dir', '--profile', '--profile-output', '-v',
    '--log-file', '--vmodule', '-l', '--selector', '-f', '--filename', '-k', '--kustomize', '-o', '--output',
    '--field-selector', '--grace-period', '--timeout', '-c', '--container', '--template', '--sort-by', '-L',
    '--label-columns', '--chunk-size', '--field-manager', '--pod-selector', '--skip-wait-for-delete-timeout',
    '--replicas', '--patch', '--patch-file', '--type', '--prune-allowlist', '--prune-whitelist', '--applyset',
    '--subresource', '--for', '--raw',
  ],
};

export interface KubectlLine {
  cmd: ExecCommand;
  /** Arguments after the program (and after `kubectl` for `microk8s kubectl …`). */
  args: string[];
  /** Offset of args[0] in cmd.argv, to look up whether a word is dynamic. */
  offset: number;
  parsed: ParsedArgs;
  /** Subcommand path: ['delete'], ['drain'], ['adm', 'drain'] for oc. */
  verb: string;
  /** Positionals after the verb. */
  operands: Array<{ value: string; dynamic: boolean }>;
}

/** Splits a kubectl-like command line; null when it has no subcommand. */
export function readKubectl(cmd: ExecCommand): KubectlLine | null {
  let offset = 1;
  // `microk8s kubectl …`, `k3s kubectl …`: the real kubectl starts one word later.
  if (cmd.name === 'microk8s' || cmd.name === 'k3s') {
    if (cmd.argv[1] !== 'kubectl') return null;
    offset = 2;
  }
  const args = cmd.argv.slice(offset);
  const parsed = parseArgs(args, KUBECTL);
  const positionals = parsed.positionals;
  if (positionals.length === 0) return null;
  let first = 0;
  // `oc adm drain …`
  if (positionals[0].value === 'adm' && positionals.length > 1) first = 1;
  const verb = positionals[first].value;
  const operands = positionals.slice(first + 1).map((p) => ({ value: p.value, dynamic: !!cmd.dynamic[p.index + offset] }));
  return { cmd, args, offset, parsed, verb, operands };
}

/** Every value given to one of these options (`-f a -f b`, `--filename=c`). */
export function flagValues(line: KubectlLine, names: readonly string[]): Array<{ value: string; dynamic: boolean }> {
  const values: Array<{ value: string; dynamic: boolean }> = [];
  for (const flag of line.parsed.flags) {
    if (!names.includes(flag.name) || flag.value === undefined) continue;
    // A value given as the next word sits at flag.index + 1; an attached one in the flag's own word.
    const nextWord = !line.args[flag.index].includes('=') && line.args[flag.index + 1] === flag.value;
    const index = line.offset + flag.index + (nextWord ? 1 : 0);
    values.push({ value: flag.value, dynamic: !!line.cmd.dynamic[index] });
  }
  return values;
}

export function firstFlagValue(line: KubectlLine, names: readonly string[]): string | undefined {
  return line.parsed.flags.find((f) => names.includes(f.name) && f.value !== undefined)?.value;
}

export function hasFlag(line: KubectlLine, names: readonly string[]): boolean {
  return line.parsed.flags.some((f) => names.includes(f.name));
}

/** A boolean option that is on: present without a value, or with a value other than false. */
export function flagOn(line: KubectlLine, names: readonly string[]): boolean {
  return line.parsed.flags.some((f) => names.includes(f.name) && (f.value === undefined || !/^(false|0)$/i.test(f.value)));
}

/** `--dry-run`, `--dry-run=client`, `--dry-run=server` send nothing destructive; `--dry-run=none` does. */
export function isDryRun(line: KubectlLine): boolean {
  return line.parsed.flags.some((f) => f.name === '--dry-run' && f.value !== 'none' && f.value !== 'false');
}

/** Namespace and context of a finding (production-looking names are flagged by the pipeline). */
export function scopeHints(line: KubectlLine): string[] {
  const hints: string[] = [];
  const namespace = firstFlagValue(line, ['-n', '--namespace']);
  const context = firstFlagValue(line, ['--context', '--cluster']);
  if (hasFlag(line, ['-A', '--all-namespaces'])) hints.push('all namespaces');
  else if (namespace) hints.push(`namespace ${namespace}`);
  if (context) hints.push(`context ${context}`);
  return hints;
}

/** The command's names came from a pipe (`… | xargs kubectl delete`): kubectl gets more words at run time. */
export function fedByXargs(cmd: ExecCommand): boolean {
  return cmd.via.some((wrapper) => /^(xargs|parallel)\b/.test(wrapper));
}
