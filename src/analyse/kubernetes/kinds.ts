// What deleting a Kubernetes resource kind costs. Kinds are named the way kubectl accepts them
// (short names, singular, plural, `kind.group`) or the way manifests spell them (`StatefulSet`).

/**
 * - `data`: the object is or contains the data (a claim takes its volume, a namespace everything in it,
 *   a CRD every object of its kind).
 * - `serving`: a workload or the way traffic reaches it; deleting it takes the application down until
 *   someone re-creates it, and some state goes with it (a Service's load-balancer address, a
 *   Secret's generated credentials).
 * - `safe`: re-created by a controller, or configuration whose loss costs nothing (pods, jobs, config maps, RBAC, events).
 * - `unknown`: not a built-in kind: a custom resource, often an operator's database, queue or cluster.
 */
export type KindClass = 'data' | 'serving' | 'safe' | 'unknown';

export interface KindInfo {
  /** Canonical singular name, lower case: 'statefulset'. */
  name: string;
  cls: KindClass;
}

// Canonical name → class and the aliases kubectl accepts besides the name and its plural.
const TABLE: Array<[string, Exclude<KindClass, 'unknown'>, string[]]> = [
  ['namespace', 'data', ['ns']],
  ['project', 'data', []], // OpenShift: a namespace
  ['persistentvolumeclaim', 'data', ['pvc']],
  ['persistentvolume', 'data', ['pv']],
  ['customresourcedefinition', 'data', ['crd']],
  ['volumesnapshot', 'data', []],
  ['volumesnapshotcontent', 'data', []],
  ['statefulset', 'serving', ['sts']],
  ['deployment', 'serving', ['deploy']],
  ['deploymentconfig', 'serving', ['dc']],
  ['daemonset', 'serving', ['ds']],
  ['replicationcontroller', 'serving', ['rc']],
  ['service', 'serving', ['svc']],
  ['ingress', 'serving', ['ing']],
  ['route', 'serving', []],
  ['secret', 'serving', []],
  ['all', 'serving', []], // kubectl's category: deployments, statefulsets, services, …
  ['pod', 'safe', ['po']],
  ['replicaset', 'safe', ['rs']],
  ['job', 'safe', []],
  ['cronjob', 'safe', ['cj']],
  ['configmap', 'safe', ['cm']],
  ['event', 'safe', ['ev']],
  ['endpoints', 'safe', ['ep']],
  ['endpointslice', 'safe', []],
  ['horizontalpodautoscaler', 'safe', ['hpa']],
  ['verticalpodautoscaler', 'safe', ['vpa']],
  ['poddisruptionbudget', 'safe', ['pdb']],
  ['networkpolicy', 'safe', ['netpol']],
  ['serviceaccount', 'safe', ['sa']],
  ['role', 'safe', []],
  ['rolebinding', 'safe', []],
  ['clusterrole', 'safe', []],
  ['clusterrolebinding', 'safe', []],
  ['limitrange', 'safe', ['limits']],
  ['resourcequota', 'safe', ['quota']],
  ['lease', 'safe', []],
  ['node', 'safe', ['no']],
  ['certificatesigningrequest', 'safe', ['csr']],
  ['priorityclass', 'safe', ['pc']],
  ['storageclass', 'safe', ['sc']],
  ['ingressclass', 'safe', []],
  ['runtimeclass', 'safe', []],
  ['podtemplate', 'safe', []],
  ['controllerrevision', 'safe', []],
  ['mutatingwebhookconfiguration', 'safe', []],
  ['validatingwebhookconfiguration', 'safe', []],
  ['volumeattachment', 'safe', []],
  // cert-manager and Prometheus operator objects: re-issued or re-read, nothing stored in them.
  ['certificate', 'safe', ['cert', 'certs']],
  ['certificaterequest', 'safe', []],
  ['issuer', 'safe', []],
  ['clusterissuer', 'safe', []],
  ['servicemonitor', 'safe', []],
  ['podmonitor', 'safe', []],
  ['prometheusrule', 'safe', []],
];

let lookup: Map<string, KindInfo> | null = null;

function table(): Map<string, KindInfo> {
  if (lookup) return lookup;
  lookup = new Map();
  for (const [name, cls, aliases] of TABLE) {
    const info = { name, cls };
    lookup.set(name, info);
    for (const alias of aliases) lookup.set(alias, info);
  }
  return lookup;
}

/**
 * Classifies a kind as written on a kubectl command line (`sts`, `deployments.apps`,
 * `statefulset.v1.apps`) or in a manifest (`PersistentVolumeClaim`).
 */
export function classifyKind(word: string): KindInfo {
  const lower = word.toLowerCase();
  const dot = lower.indexOf('.');
  const base = dot > 0 ? lower.slice(0, dot) : lower;
  const known = table();
  const hit =
    known.get(base) ??
    (base.endsWith('ies') ? known.get(base.slice(0, -3) + 'y') : undefined) ??
    (base.endsWith('es') ? known.get(base.slice(0, -2)) : undefined) ??
    (base.endsWith('s') ? known.get(base.slice(0, -1)) : undefined);
  return hit ?? { name: base, cls: 'unknown' };
}

/** Whether deleting this kind loses something (anything but `safe`). */
export function deletionCosts(info: KindInfo): boolean {
  return info.cls !== 'safe';
}
