// `kubectl delete`: by kind and name (`sts postgres`, `deploy/api`, `deploy,sts,svc -l app=x`,
// `pvc --all`), by manifest (`-f`, `-k`), by raw API path (`--raw`), or with names that only exist
// at run time (`xargs kubectl delete`, `$(…)`).
import type { AnalysisContext, Finding } from '../../types.js';
import { classifyKind, deletionCosts, type KindInfo } from './kinds.js';
import { fedByXargs, firstFlagValue, flagOn, isDryRun, scopeHints, type KubectlLine } from './kubectl-args.js';
import { manifestSources } from './manifests.js';

const REASON: Record<string, string> = {
  namespace: 'Deleting a namespace deletes every object in it: workloads, Secrets, and claims together with their volumes.',
  storage: 'Deleting a claim or volume releases the disk; under the usual Delete reclaim policy the data on it is destroyed.',
  crd: 'Deleting a CRD deletes every object of that kind in the whole cluster.',
  snapshot: 'Deleting a volume snapshot deletes the backup it holds.',
  custom: 'A custom resource is often an operator-managed database, queue or cluster; deleting it makes the operator tear that down with its data.',
  serving: "Deleting the workload or its Service takes the application down until it is re-created, and state such as a load balancer's address or generated Secrets does not come back.",
};

function reasonFor(kinds: KindInfo[]): string {
  const names = new Set(kinds.map((k) => k.name));
  if (names.has('namespace') || names.has('project')) return REASON.namespace;
  if (names.has('persistentvolumeclaim') || names.has('persistentvolume')) return REASON.storage;
  if (names.has('customresourcedefinition')) return REASON.crd;
  if (names.has('volumesnapshot') || names.has('volumesnapshotcontent')) return REASON.snapshot;
  if (kinds.some((k) => k.cls === 'unknown')) return REASON.custom;
  return REASON.serving;
}

const unique = <T>(items: T[]): T[] => [...new Set(items)];

/** Kinds named by a `$(kubectl get pvc -o name)` substitution, when the word is one. */
function kindsFromSubstitution(word: string): KindInfo[] | undefined {
  const tokens = word.replace(/^\$\(|^`|\)$|`$/g, '').split(/\s+/);
  for (let i = 1; i < tokens.length; i++) {
    if (tokens[i] !== 'get' || !/(^|\/)(kubectl|oc)$/.test(tokens[i - 1])) continue;
    for (let j = i + 1; j < tokens.length; j++) {
      const token = tokens[j];
      if (token.startsWith('-')) {
        if (/^-(n|l|o|-namespace|-selector|-output|-context)$/.test(token)) j++;
        continue;
      }
      if (token.startsWith('$') || token === '|') return undefined;
      return token.split(',').filter(Boolean).map(classifyKind);
    }
  }
  return undefined;
}

/**
 * Where run-time resource words come from, for the reason. The word itself is not quoted: after
 * variable substitution it may carry a credential.
 */
function origin(line: KubectlLine, word: string): string {
  if (word === '{}' && fedByXargs(line.cmd)) return 'names piped in through xargs';
  if (word.startsWith('$(') || word.startsWith('`')) return 'names printed by a command substitution';
  return word.includes('$') ? 'names held in a variable' : 'names known only at run time';
}

interface Resources {
  kinds: KindInfo[];
  names: string[];
  /** Set when some kind cannot be known before the command runs. */
  unknown?: string;
}

function resourcesOf(line: KubectlLine): Resources {
  const operands = line.operands;
  const first = operands[0];
  const slashForm = operands.some((o) => o.value.includes('/') && !o.value.startsWith('$') && !o.value.startsWith('`'));
  const kinds: KindInfo[] = [];
  const names: string[] = [];
  if (!slashForm) {
    if (first.dynamic && !/^[\w.,-]+$/.test(first.value)) {
      const inferred = kindsFromSubstitution(first.value);
      if (!inferred) return { kinds, names, unknown: origin(line, first.value) };
      kinds.push(...inferred);
    } else {
      kinds.push(...first.value.split(',').filter(Boolean).map(classifyKind));
    }
    for (const o of operands.slice(1)) if (!o.dynamic) names.push(o.value);
    return { kinds, names };
  }
  for (const o of operands) {
    const slash = o.value.indexOf('/');
    const kind = slash > 0 ? o.value.slice(0, slash) : '';
    if (kind && !kind.includes('$') && !kind.includes('`')) {
      kinds.push(classifyKind(kind));
      names.push(o.value);
      continue;
    }
    if (!o.dynamic) continue; // kubectl rejects a bare word among kind/name forms
    const inferred = kindsFromSubstitution(o.value);
    if (!inferred) return { kinds, names, unknown: origin(line, o.value) };
    kinds.push(...inferred);
  }
  return { kinds, names };
}

function unknownFinding(line: KubectlLine, why: string): Finding {
  return {
    rule: 'kubernetes.kubectl.delete-unknown',
    action: 'delete Kubernetes resources chosen at run time',
    reason: `The resources to delete are not known until the command runs (${why}); they may be namespaces, claims or workloads.`,
    hints: scopeHints(line),
  };
}

function byKindAndName(line: KubectlLine): Finding[] {
  if (line.operands.length === 0) {
    return fedByXargs(line.cmd) ? [unknownFinding(line, 'names piped in through xargs')] : [];
  }
  const { kinds, names, unknown } = resourcesOf(line);
  if (unknown) return [unknownFinding(line, unknown)];
  const costly = kinds.filter(deletionCosts);
  if (costly.length === 0) return [];
  const kindNames = unique(costly.map((k) => k.name));
  const selector = firstFlagValue(line, ['-l', '--selector']);
  const all = flagOn(line, ['--all']);
  const hints = scopeHints(line);
  if (selector) hints.push(`selector ${selector}`);
  if (all) hints.push('every object of the kind');
  if (costly.some((k) => k.cls === 'unknown')) hints.push('custom resource');
  if (names.length === 0 && fedByXargs(line.cmd)) hints.push('names piped in through xargs');
  const target = names.length > 0 ? names.join(' ') : (selector ?? (all ? `all ${kindNames.join(', ')}` : kindNames.join(', ')));
  return [{ rule: 'kubernetes.kubectl.delete', action: `delete ${kindNames.join(', ')}`, target, reason: reasonFor(costly), hints }];
}

/** `--raw /api/v1/namespaces/db/persistentvolumeclaims/data`: the kind is in the path. */
function byRawPath(line: KubectlLine, path: string): Finding[] {
  const segments = path.split('?')[0].split('/').filter(Boolean);
  let rest: string[] | undefined;
  if (segments[0] === 'api' && segments.length >= 3) rest = segments.slice(2);
  else if (segments[0] === 'apis' && segments.length >= 4) rest = segments.slice(3);
  if (!rest || rest.length === 0) return [unknownFinding(line, `raw path ${path}`)];
  let kind: string;
  let name: string | undefined;
  if (rest[0] === 'namespaces' && rest.length <= 2) [kind, name] = ['namespace', rest[1]];
  else if (rest[0] === 'namespaces') [kind, name] = [rest[2], rest[3]];
  else [kind, name] = [rest[0], rest[1]];
  const info = classifyKind(kind);
  if (!deletionCosts(info)) return [];
  return [{ rule: 'kubernetes.kubectl.delete', action: `delete ${info.name}`, target: name ?? path, reason: reasonFor([info]), hints: scopeHints(line) }];
}

function byManifests(line: KubectlLine, ctx: AnalysisContext): Finding[] {
  const costly: KindInfo[] = [];
  const why: string[] = [];
  const paths: string[] = [];
  for (const source of manifestSources(line, ctx)) {
    if (source.how === 'opaque') {
      why.push(`${source.why}: ${source.path}`);
      paths.push(source.path);
      continue;
    }
    const found = source.kinds.filter(deletionCosts);
    if (source.kinds.length === 0) {
      why.push(`${source.how === 'read' ? 'no kinds found in' : 'unread manifest'} ${source.path}`);
      paths.push(source.path);
    } else if (found.length > 0) {
      costly.push(...found);
      paths.push(source.path);
    }
  }
  if (paths.length === 0) return [];
  const kindNames = unique(costly.map((k) => k.name));
  const hints = [...scopeHints(line), ...why];
  if (kindNames.length > 0) hints.push(`kinds: ${kindNames.join(', ')}`);
  return [{
    rule: 'kubernetes.kubectl.delete-manifests',
    action: kindNames.length > 0 && why.length === 0 ? `delete ${kindNames.join(', ')} defined in manifests` : 'delete every resource the manifests define',
    target: paths.join(' '),
    reason: costly.length > 0 && why.length === 0 ? reasonFor(costly) : 'Deletes every object the manifests define, which for an application usually includes its Deployments, Services, claims and namespace.',
    hints,
  }];
}

export function analyseDelete(line: KubectlLine, ctx: AnalysisContext): Finding[] {
  if (isDryRun(line)) return [];
  const raw = firstFlagValue(line, ['--raw']);
  if (raw !== undefined) return byRawPath(line, raw);
  if (line.parsed.flags.some((f) => ['-f', '--filename', '-k', '--kustomize'].includes(f.name))) return byManifests(line, ctx);
  return byKindAndName(line);
}
