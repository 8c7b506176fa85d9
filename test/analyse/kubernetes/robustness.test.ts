// The code analysers of these domains never throw on odd input: empty or truncated command
// lines, options missing their values, dynamic words, huge manifests.
import { describe, expect, test } from 'vitest';
import { analysers as iac } from '../../../src/analyse/iac/index.js';
import { analysers as kubernetes } from '../../../src/analyse/kubernetes/index.js';
import { kindsInManifest } from '../../../src/analyse/kubernetes/manifests.js';
import { context, execCommand } from '../cloud/harness.js';

const ODD: string[][] = [
  [],
  ['kubectl'],
  ['kubectl', 'delete'],
  ['kubectl', 'delete', '-f'],
  ['kubectl', 'delete', '-k'],
  ['kubectl', 'delete', '--raw'],
  ['kubectl', 'delete', '--raw', '/'],
  ['kubectl', 'delete', '--raw', '/apis'],
  ['kubectl', 'delete', '/'],
  ['kubectl', 'delete', ','],
  ['kubectl', 'delete', '$(', ')'],
  ['kubectl', 'delete', '`kubectl get`'],
  ['kubectl', 'delete', '-f', '-'],
  ['kubectl', 'delete', '-f', ''],
  ['kubectl', 'drain'],
  ['kubectl', 'replace', '--force'],
  ['kubectl', 'apply', '--prune'],
  ['kubectl', 'adm'],
  ['oc', 'adm', 'drain'],
  ['microk8s'],
  ['k3s', 'server'],
  ['terraform'],
  ['terraform', 'apply', '-replace'],
  ['terraform', 'apply', '-replace='],
  ['terraform', 'apply', '-replace=.'],
  ['terraform', 'apply', '-replace=module..x'],
  ['terraform', 'taint'],
  ['terragrunt', 'run', '--'],
  ['terragrunt', 'stack', 'run'],
  ['pulumi'],
  ['pulumi', 'up', '--replace'],
  ['pulumi', 'up', '--replace', 'urn:pulumi:'],
  ['pulumi', 'up', '--target-replace=urn:pulumi:a::b::$c::d'],
];

describe('odd command lines', () => {
  const ctx = context();
  for (const argv of ODD) {
    test(JSON.stringify(argv), () => {
      const cmd = execCommand(argv, { via: ['xargs'], stdin: { kind: 'unknown', from: 'curl' } });
      for (const analyser of [...kubernetes, ...iac]) expect(() => analyser.analyse(cmd, ctx)).not.toThrow();
    });
  }
});

test('a huge manifest is scanned without trouble', () => {
  const doc = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: b\n---\n';
  const kinds = kindsInManifest(doc.repeat(5000));
  expect(kinds).toHaveLength(5000);
  expect(kinds.every((k) => k.name === 'configmap')).toBe(true);
});
