// Runs command lines through the real parser and expansion, then through the cloud, Kubernetes,
// IaC and container packs and analysers only, so these tests do not depend on other domains.
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { expand } from '../../../src/expand/index.js';
import { validatePack } from '../../../src/rules/validate.js';
import { parse } from '../../../src/parse/index.js';
import { analyseSql } from '../../../src/analyse/database/sql.js';
import { RuleSet } from '../../../src/rules/registry.js';
import type { RulePack } from '../../../src/rules/schema.js';
import type { AnalysisContext, Analyser, ExecCommand, Finding } from '../../../src/types.js';
import { analysers as cloud } from '../../../src/analyse/cloud/index.js';
import { analysers as kubernetes } from '../../../src/analyse/kubernetes/index.js';
import { analysers as iac } from '../../../src/analyse/iac/index.js';
import { analysers as containers } from '../../../src/analyse/containers/index.js';
import aws from '../../../config/packs/aws.yaml';
import gcloud from '../../../config/packs/gcloud.yaml';
import azure from '../../../config/packs/azure.yaml';
import k8s from '../../../config/packs/kubernetes.yaml';
import helm from '../../../config/packs/helm.yaml';
import terraform from '../../../config/packs/terraform.yaml';
import pulumi from '../../../config/packs/pulumi.yaml';
import cdk from '../../../config/packs/cdk.yaml';
import serverless from '../../../config/packs/serverless.yaml';
import sst from '../../../config/packs/sst.yaml';
import docker from '../../../config/packs/docker.yaml';
import podman from '../../../config/packs/podman.yaml';
import { corpusCases as readCorpus } from '../../helpers/corpus.js';

export const PACKS = [aws, gcloud, azure, k8s, helm, terraform, pulumi, cdk, serverless, sst, docker, podman] as unknown as RulePack[];
export const rules = new RuleSet(PACKS);
const ANALYSERS: Analyser[] = [...cloud, ...kubernetes, ...iac, ...containers];

function readSmall(path: string): string | undefined {
  try {
    const stat = statSync(path);
    return stat.isFile() && stat.size <= 256 * 1024 ? readFileSync(path, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

export function context(): AnalysisContext {
  return {
    rules,
    analyseSql,
    readFile: (path, cwd) => readSmall(isAbsolute(path) ? path : resolve(cwd, path)),
  };
}

/** Every executed command of a line, as the expansion stage produces them. */
export function commandsOf(line: string, cwd = '/tmp'): ExecCommand[] {
  const script = parse(line);
  return expand(script, { cwd, home: '/home/agent', readFile: readSmall, parse: (text) => parse(text) }).commands;
}

export function analyseCommand(cmd: ExecCommand, ctx: AnalysisContext = context()): Finding[] {
  const findings = rules.matchCommand(cmd, ctx);
  for (const analyser of ANALYSERS) if (analyser.commands.includes(cmd.name)) findings.push(...analyser.analyse(cmd, ctx));
  return findings;
}

/** Findings of these packs for a whole command line. */
export function findingsFor(line: string, cwd = '/tmp'): Finding[] {
  const ctx = context();
  return commandsOf(line, cwd).flatMap((cmd) => analyseCommand(cmd, ctx));
}

const DECISION_RANK = { allow: 0, confirm: 1, deny: 2 } as const;

/** The strictest decision these packs reach for a line (allow when nothing is found). */
export function decide(line: string, cwd = '/tmp'): 'allow' | 'confirm' | 'deny' {
  let decision: 'allow' | 'confirm' | 'deny' = 'allow';
  for (const finding of findingsFor(line, cwd)) {
    const d = finding.decision ?? rules.byId.get(finding.rule)?.decision ?? 'confirm';
    if (DECISION_RANK[d] > DECISION_RANK[decision]) decision = d;
  }
  return decision;
}

export const ruleIds = (line: string, cwd?: string): string[] => findingsFor(line, cwd).map((f) => f.rule);


/** The pack validates, and each example matches (or does not match) its rule through parse → expand → analyse. */
export function describePackExamples(pack: RulePack): void {
  describe(`pack ${pack.pack}`, () => {
    test('validates', () => {
      expect(validatePack(pack)).toEqual([]);
    });
    for (const rule of pack.rules) {
      for (const example of rule.examples.match) {
        test(`${rule.id} matches: ${example}`, () => {
          expect(ruleIds(example)).toContain(rule.id);
        });
      }
      for (const example of rule.examples.noMatch) {
        test(`${rule.id} does not match: ${example}`, () => {
          expect(ruleIds(example)).not.toContain(rule.id);
        });
      }
    }
  });
}

interface CorpusCase {
  id: string;
  command: string;
  expect: 'allow' | 'confirm';
  category: string;
}

/** Labeled cases from the shared corpus. */
export function corpusCases(filter: (c: CorpusCase) => boolean): CorpusCase[] {
  return readCorpus<CorpusCase>().filter(filter);
}

/**
 * An executed command built by hand (like test/helpers/exec.ts, which loads every pack in the
 * repository; these tests load only their own packs so other packs being edited cannot break them).
 */
export function execCommand(argv: string[], options: Partial<ExecCommand> = {}): ExecCommand {
  return {
    argv,
    dynamic: argv.map((a) => /[$`*?{]/.test(a)),
    name: argv[0]?.split('/').pop() ?? '',
    env: {},
    redirects: [],
    via: [],
    context: 'top',
    cwd: '/tmp',
    display: argv.join(' '),
    ...options,
  };
}
