// `kubectl apply --prune`: after applying, deletes every live object that matches the selector
// (or, with --all, every object of the pruned kinds in the namespace) and is not in the manifests.
import type { Finding } from '../../types.js';
import { firstFlagValue, flagOn, isDryRun, scopeHints, type KubectlLine } from './kubectl-args.js';

export function analyseApplyPrune(line: KubectlLine): Finding[] {
  if (isDryRun(line) || !flagOn(line, ['--prune'])) return [];
  const selector = firstFlagValue(line, ['-l', '--selector']);
  const applyset = firstFlagValue(line, ['--applyset']);
  const files = line.parsed.flags.filter((f) => (f.name === '-f' || f.name === '--filename' || f.name === '-k' || f.name === '--kustomize') && f.value);
  const hints = scopeHints(line);
  if (files.length > 0) hints.push(`manifests: ${files.map((f) => f.value).join(' ')}`);
  return [{
    rule: 'kubernetes.kubectl.apply-prune',
    action: 'prune resources missing from the manifests',
    target: applyset ?? selector ?? (flagOn(line, ['--all']) ? 'all' : undefined),
    reason: '--prune deletes every live object matching the selector that is not in the applied manifests; a partial manifest set deletes the rest of the application, claims included.',
    hints,
  }];
}
