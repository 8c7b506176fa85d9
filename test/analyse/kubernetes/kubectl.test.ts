// kubectl analyser on hand-built commands: the shapes expansion hands over for pipes, xargs,
// variables and stdin.
import { describe, expect, test } from 'vitest';
import { kubectlAnalyser } from '../../../src/analyse/kubernetes/kubectl.js';
import { classifyKind } from '../../../src/analyse/kubernetes/kinds.js';
import { kindsInFileName, kindsInManifest } from '../../../src/analyse/kubernetes/manifests.js';
import type { ExecCommand } from '../../../src/types.js';
import { context, execCommand } from '../cloud/harness.js';

const run = (cmd: ExecCommand) => kubectlAnalyser.analyse(cmd, context()).map((f) => f.rule);

describe('names known only at run time', () => {
  test('xargs with no words of its own is an unknown delete', () => {
    expect(run(execCommand(['kubectl', 'delete'], { via: ['xargs'] }))).toEqual(['kubernetes.kubectl.delete-unknown']);
  });
  test('a bare delete outside xargs is a kubectl usage error, not a finding', () => {
    expect(run(execCommand(['kubectl', 'delete']))).toEqual([]);
  });
  test('a variable kind is unknown, a variable name of a known kind is judged by the kind', () => {
    expect(run(execCommand(['kubectl', 'delete', '$KIND', 'x']))).toEqual(['kubernetes.kubectl.delete-unknown']);
    expect(run(execCommand(['kubectl', 'delete', 'pvc', '$NAME']))).toEqual(['kubernetes.kubectl.delete']);
    expect(run(execCommand(['kubectl', 'delete', 'pod', '$NAME']))).toEqual([]);
    expect(run(execCommand(['kubectl', 'delete', 'deploy/$NAME']))).toEqual(['kubernetes.kubectl.delete']);
  });
  test('a manifest path in a variable is opaque', () => {
    expect(run(execCommand(['kubectl', 'delete', '-f', '$MANIFEST']))).toEqual(['kubernetes.kubectl.delete-manifests']);
  });
  test('manifests on stdin from a file that is not there are judged by its name', () => {
    expect(run(execCommand(['kubectl', 'delete', '-f', '-'], { stdin: { kind: 'file', path: 'pod.json' } }))).toEqual([]);
    expect(run(execCommand(['kubectl', 'delete', '-f', '-'], { stdin: { kind: 'file', path: 'db-pvc.yaml' } }))).toEqual(['kubernetes.kubectl.delete-manifests']);
  });
  test('--dry-run=none really deletes', () => {
    expect(run(execCommand(['kubectl', 'delete', 'ns', 'x', '--dry-run=none']))).toEqual(['kubernetes.kubectl.delete']);
  });
});

describe('kinds', () => {
  test('short names, plurals and groups', () => {
    for (const word of ['ns', 'namespace', 'namespaces', 'Namespace']) expect(classifyKind(word).name).toBe('namespace');
    for (const word of ['sts', 'statefulsets', 'statefulset.apps', 'statefulsets.v1.apps', 'StatefulSet']) expect(classifyKind(word).name).toBe('statefulset');
    expect(classifyKind('ingresses').name).toBe('ingress');
    expect(classifyKind('networkpolicies')).toEqual({ name: 'networkpolicy', cls: 'safe' });
    expect(classifyKind('services').cls).toBe('serving');
    expect(classifyKind('pvc').cls).toBe('data');
    expect(classifyKind('postgresclusters').cls).toBe('unknown');
  });
  test('manifest kinds ignore nested references outside lists', () => {
    const text = 'kind: RoleBinding\nroleRef:\n  kind: ClusterRole\nsubjects:\n- kind: ServiceAccount\n';
    expect(kindsInManifest(text).map((k) => k.name)).toEqual(['rolebinding']);
  });
  test('file names', () => {
    expect(kindsInFileName('k8s/postgres-pvc.yaml').map((k) => k.name)).toEqual(['persistentvolumeclaim']);
    expect(kindsInFileName('app.yaml')).toEqual([]);
  });
});

describe('no secrets in findings', () => {
  test('a manifest URL loses its credentials and query string', () => {
    const [finding] = kubectlAnalyser.analyse(execCommand(['kubectl', 'delete', '-f', 'https://bob:ghp_secret@raw.example.com/app.yaml?token=abc'], { dynamic: [false, false, false, false] }), context());
    expect(JSON.stringify(finding)).not.toMatch(/ghp_secret|token=abc/);
    expect(finding.target).toBe('https://raw.example.com/app.yaml');
  });
  test('a substituted word is described, not quoted', () => {
    const [finding] = kubectlAnalyser.analyse(execCommand(['kubectl', 'delete', '$(curl -H "Authorization: Bearer tok_123" https://x)']), context());
    expect(JSON.stringify(finding)).not.toMatch(/tok_123/);
  });
});
