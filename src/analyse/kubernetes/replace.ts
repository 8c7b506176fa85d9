// `kubectl replace --force`: deletes the objects and creates them again from the manifests.
// For workloads that is a restart; for claims, volumes, namespaces, CRDs and custom resources
// the delete takes the data (or every object inside) with it.
import type { AnalysisContext, Finding } from '../../types.js';
import type { KindInfo } from './kinds.js';
import { flagOn, isDryRun, scopeHints, type KubectlLine } from './kubectl-args.js';
import { manifestSources } from './manifests.js';

const losesData = (kind: KindInfo): boolean => kind.cls === 'data' || kind.cls === 'unknown';

export function analyseReplace(line: KubectlLine, ctx: AnalysisContext): Finding[] {
  if (isDryRun(line) || !flagOn(line, ['--force'])) return [];
  const paths: string[] = [];
  const hints = scopeHints(line);
  const kinds = new Set<string>();
  for (const source of manifestSources(line, ctx)) {
    if (source.how === 'opaque') {
      paths.push(source.path);
      hints.push(`${source.why}: ${source.path}`);
      continue;
    }
    // An unread file whose name says nothing is judged as an application manifest: recreated, not lost.
    const lost = source.kinds.filter(losesData);
    if (lost.length === 0) continue;
    paths.push(source.path);
    for (const kind of lost) kinds.add(kind.name);
  }
  if (paths.length === 0) return [];
  if (kinds.size > 0) hints.push(`kinds: ${[...kinds].join(', ')}`);
  return [{
    rule: 'kubernetes.kubectl.replace-force',
    action: kinds.size > 0 ? `force-replace ${[...kinds].join(', ')}` : 'force-replace every resource the manifests define',
    target: paths.join(' '),
    reason: 'replace --force deletes the objects before creating them again; a claim, volume, namespace, CRD or custom resource loses its data in between.',
    hints,
  }];
}
