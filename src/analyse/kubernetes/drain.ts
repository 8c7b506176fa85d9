// `kubectl drain NODE --delete-emptydir-data`: eviction alone is availability-only (pods are
// rescheduled), but emptyDir volumes live on the node and are deleted with their pods.
import type { Finding } from '../../types.js';
import { flagOn, isDryRun, scopeHints, type KubectlLine } from './kubectl-args.js';

export function analyseDrain(line: KubectlLine): Finding[] {
  if (isDryRun(line) || !flagOn(line, ['--delete-emptydir-data', '--delete-local-data'])) return [];
  const nodes = line.operands.map((o) => o.value);
  const selector = line.parsed.flags.find((f) => (f.name === '-l' || f.name === '--selector') && f.value !== undefined)?.value;
  return [{
    rule: 'kubernetes.kubectl.drain-delete-emptydir',
    action: 'drain node deleting emptyDir data',
    target: nodes.length > 0 ? nodes.join(' ') : selector,
    reason: 'Evicts every pod on the node and deletes the data in their emptyDir volumes, which is not stored anywhere else.',
    hints: scopeHints(line),
  }];
}
