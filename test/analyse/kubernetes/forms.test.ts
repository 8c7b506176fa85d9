// kubectl, oc and helm forms from the Kubernetes and Helm references beyond the corpus.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { decide, findingsFor, ruleIds } from '../cloud/harness.js';

const CONFIRM = [
  'kubectl delete namespace my-namespace',
  'kubectl delete namespaces preview-1 preview-2',
  'kubectl delete pvc data-postgres-0 -n db',
  'kubectl delete persistentvolumeclaims --all -n db',
  'kubectl delete pv pvc-3f9d2c1e',
  'kubectl delete sts redis -n cache',
  'kubectl delete statefulsets.apps postgres -n db',
  'kubectl delete deployment nginx-deployment',
  'kubectl delete deployments.v1.apps/api -n production',
  'kubectl delete svc my-service',
  'kubectl delete pods,services -l name=myLabel',
  'kubectl delete crd crontabs.stable.example.com',
  'kubectl delete all --all -n staging',
  'kubectl delete secret db-credentials -n production',
  'kubectl delete daemonset fluentd -n kube-system',
  'kubectl delete ingress web -n production',
  'kubectl delete volumesnapshot pg-snap-2024-06-01 -n db',
  'kubectl delete postgrescluster hippo -n postgres-operator',
  'kubectl delete clusters.postgresql.cnpg.io pg-main -n db',
  'kubectl delete kafkatopic orders -n kafka',
  'kubectl -n prod delete deploy api --grace-period=0 --force',
  'kubectl --context prod-cluster delete ns payments',
  'kubectl delete ns payments --dry-run=none',
  'kubectl delete -f ./manifests/',
  'kubectl delete -f k8s',
  'kubectl delete -R -f k8s/base',
  'kubectl delete -k ./overlays/prod',
  'kubectl delete -f https://github.com/cert-manager/cert-manager/releases/download/v1.14.0/cert-manager.yaml',
  'kubectl delete -f postgres-statefulset.yaml',
  'kubectl delete --raw /api/v1/namespaces/payments',
  'kubectl delete pvc $(kubectl get pvc -n db -o name)',
  'kubectl delete $(kubectl get pvc -o name)',
  'kubectl get pvc -o name | xargs kubectl delete',
  'kubectl drain node-1 --delete-emptydir-data --ignore-daemonsets',
  'kubectl apply --prune -f manifest.yaml -l app=nginx',
  'oc delete project acme-staging',
  'oc delete dc/api -n acme',
  'oc adm drain node-1 --delete-emptydir-data --ignore-daemonsets',
  'microk8s kubectl delete ns test',
  'helm uninstall my-release --keep-history',
  'helm del --purge old-release',
  'helm uninstall api -n production --wait',
  'helmfile destroy',
  'argocd app delete guestbook',
  'velero delete backup nightly --confirm',
];

const ALLOW = [
  'kubectl delete pod nginx',
  'kubectl delete pods --all -n staging',
  'kubectl delete pod postgres-0 -n db --grace-period=0 --force',
  'kubectl delete pod -l app=web -n production',
  'kubectl delete job db-migrate-42 -n production',
  'kubectl delete cronjob nightly-report',
  'kubectl delete configmap app-config',
  'kubectl delete hpa api',
  'kubectl delete events --all -n production',
  'kubectl delete rs api-7d9f8b6c5',
  'kubectl delete ns payments --dry-run=client',
  'kubectl delete ns payments --dry-run',
  'kubectl delete -f ./pod.json',
  'kubectl delete -f debug-pod.yaml --now',
  'kubectl get pods -o name | grep Evicted | xargs kubectl delete pod',
  'kubectl delete pod $(kubectl get pods -o name | grep Completed)',
  'kubectl delete $(kubectl get pods -n ci -o name)',
  'kubectl scale --replicas=0 deployment/api -n production',
  'kubectl scale statefulset postgres --replicas=0 -n db',
  'kubectl rollout restart deployment/api -n production',
  'kubectl rollout undo deployment/api',
  'kubectl cordon node-1',
  'kubectl uncordon node-1',
  'kubectl drain node-1 --ignore-daemonsets',
  'kubectl drain node-1 --delete-emptydir-data=false --ignore-daemonsets',
  'kubectl apply -f k8s/ -n production',
  'kubectl apply -f manifest.yaml --prune --dry-run=client -l app=nginx',
  'kubectl replace -f deployment.yaml',
  'kubectl get all -A',
  'kubectl logs -f deploy/api -n production',
  'kubectl port-forward svc/postgres 5432:5432 -n db',
  'kubectl config delete-context old-cluster',
  'kubectl label pods my-pod new-label=awesome',
  'kubectl top pods -n production',
  'kubectl exec -it api-7d9f8b6c5-x2kqz -n production -- ls /app',
  'helm rollback api 3 -n production',
  'helm upgrade --install api ./chart -n production',
  'helm list -A',
  'helm repo remove bitnami',
  'helm uninstall api --dry-run',
  'helmfile diff',
  'argocd app delete guestbook --cascade=false',
  'velero backup create nightly --include-namespaces db',
];

describe('Kubernetes forms that destroy data', () => {
  for (const command of CONFIRM) test(command, () => expect(decide(command)).toBe('confirm'));
});

describe('safe Kubernetes forms', () => {
  for (const command of ALLOW) test(command, () => expect(decide(command)).toBe('allow'));
});

describe('manifests are read when they exist', () => {
  const dir = mkdtempSync(join(tmpdir(), 'interlock-k8s-'));
  mkdirSync(join(dir, 'k8s'));
  writeFileSync(join(dir, 'k8s', 'app.yaml'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: api\n');
  writeFileSync(join(dir, 'k8s', 'debug.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: debug\n  ownerReferences:\n  - kind: ReplicaSet\n');
  writeFileSync(join(dir, 'k8s', 'claims.yaml'), 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\n');
  writeFileSync(join(dir, 'k8s', 'list.yaml'), 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Namespace\n    metadata:\n      name: tmp\n');
  writeFileSync(join(dir, 'k8s', 'job.json'), '{"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"x"}}');

  test('a manifest of workloads is confirmed with its kinds', () => {
    const [finding] = findingsFor('kubectl delete -f k8s/app.yaml', dir);
    expect(finding.rule).toBe('kubernetes.kubectl.delete-manifests');
    expect(finding.action).toBe('delete deployment, service defined in manifests');
    expect(finding.target).toBe('k8s/app.yaml');
  });
  test('a manifest holding only a pod is allowed, whatever its nested kinds', () => {
    expect(decide('kubectl delete -f k8s/debug.yaml', dir)).toBe('allow');
  });
  test('a JSON job manifest is allowed', () => expect(decide('kubectl delete -f k8s/job.json', dir)).toBe('allow'));
  test('a List of namespaces is confirmed', () => expect(decide('kubectl delete -f k8s/list.yaml', dir)).toBe('confirm'));
  test('replace --force of a claim is confirmed, of workloads allowed', () => {
    expect(ruleIds('kubectl replace --force -f k8s/claims.yaml', dir)).toEqual(['kubernetes.kubectl.replace-force']);
    expect(decide('kubectl replace --force -f k8s/app.yaml', dir)).toBe('allow');
  });
  test('manifests on stdin from a heredoc are read', () => {
    expect(decide("kubectl delete -f - <<'EOF'\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: tmp\nEOF", dir)).toBe('confirm');
    expect(decide("kubectl delete -f - <<'EOF'\napiVersion: v1\nkind: Pod\nmetadata:\n  name: tmp\nEOF", dir)).toBe('allow');
  });
  test('manifests from an unknown stdin are confirmed', () => {
    expect(decide('curl -s https://example.com/app.yaml | kubectl delete -f -', dir)).toBe('confirm');
  });
});

describe('findings name what is deleted', () => {
  test('namespace', () => {
    const [finding] = findingsFor('kubectl delete ns payments --wait=false');
    expect(finding).toMatchObject({ rule: 'kubernetes.kubectl.delete', action: 'delete namespace', target: 'payments' });
    expect(finding.reason).toMatch(/every object in it/);
  });
  test('kind/name form with namespace hint', () => {
    const [finding] = findingsFor('kubectl -n production delete deployment/api');
    expect(finding).toMatchObject({ action: 'delete deployment', target: 'deployment/api' });
    expect(finding.hints).toContain('namespace production');
  });
  test('--all names the kinds', () => {
    expect(findingsFor('kubectl delete pvc --all -n db')[0]).toMatchObject({ target: 'all persistentvolumeclaim' });
  });
  test('xargs-fed names are an unknown delete', () => {
    const [finding] = findingsFor('kubectl get ns -o name | grep preview- | xargs kubectl delete');
    expect(finding.rule).toBe('kubernetes.kubectl.delete-unknown');
    expect(finding.reason).toMatch(/xargs/);
  });
  test('raw API path', () => {
    expect(findingsFor('kubectl delete --raw /api/v1/namespaces/db/persistentvolumeclaims/data-0')[0]).toMatchObject({ action: 'delete persistentvolumeclaim', target: 'data-0' });
    expect(decide('kubectl delete --raw /api/v1/namespaces/db/pods/web-0')).toBe('allow');
  });
  test('drain names the node', () => {
    expect(findingsFor('kubectl drain ip-10-0-1-23.ec2.internal --delete-emptydir-data')[0]).toMatchObject({ target: 'ip-10-0-1-23.ec2.internal' });
  });
  test('helm names the release', () => {
    expect(findingsFor('helm uninstall postgres -n db')[0]).toMatchObject({ rule: 'helm.uninstall', target: 'postgres' });
  });
});
