// The fuzz loop behind `npm run fuzz` (scripts/fuzz.mjs bundles this file and runs it in worker
// threads). Each chunk is reproducible from (seed, chunk index): the report names both for the
// slowest input and for every failure.
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adapters } from '../../src/adapters/index.js';
import { outcomeFor, replyFor } from '../../src/adapters/run.js';
import { parse, ParseError } from '../../src/parse/index.js';
import { evaluate } from '../../src/pipeline.js';
import { DECISION_RANK } from '../../src/types.js';
import { payloadText, replyProblems } from './payloads.js';
import { anyInput, NO_OP_KINDS, noOp } from './shell-arb.js';

export const BUDGET_MS = 1000;

export interface Failure {
  kind: 'exception' | 'timeout' | 'no-decision' | 'lowered' | 'reply';
  input: string;
  detail: string;
  seed: number;
  chunk: number;
}

export interface ChunkStats {
  inputs: number;
  parseErrors: number;
  decisions: Record<string, number>;
  noOpChecks: number;
  payloads: number;
  failures: Failure[];
  slowest: { ms: number; input: string; seed: number; chunk: number };
  ms: number;
}

const clip = (s: string) => (s.length > 400 ? `${s.slice(0, 400)}… [${s.length} characters]` : s);

/** Runs `size` generated inputs of chunk `chunk`: parse, evaluate, and every 20th a no-op rewrite check. */
export function fuzzChunk(seed: number, chunk: number, size: number): ChunkStats {
  const started = Date.now();
  const stats: ChunkStats = { inputs: 0, parseErrors: 0, decisions: { allow: 0, confirm: 0, deny: 0 }, noOpChecks: 0, payloads: 0, failures: [], slowest: { ms: -1, input: '', seed, chunk }, ms: 0 };
  const inputs = fc.sample(anyInput, { seed: seed * 1_000_003 + chunk, numRuns: size });
  const fail = (kind: Failure['kind'], input: string, detail: string) => {
    if (stats.failures.length < 20) stats.failures.push({ kind, input: clip(input), detail, seed, chunk });
  };
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i];
    stats.inputs++;
    const t0 = performance.now();
    let decision: string | undefined;
    try {
      try {
        parse(input);
      } catch (error) {
        if (!(error instanceof ParseError)) throw error;
        stats.parseErrors++;
      }
      decision = evaluate({ command: input, cwd: '/home/agent/project' }, { home: '/home/agent' }).decision;
    } catch (error) {
      fail('exception', input, error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    }
    const ms = performance.now() - t0;
    if (ms > stats.slowest.ms) stats.slowest = { ms, input: clip(input), seed, chunk };
    if (ms > BUDGET_MS) fail('timeout', input, `${ms.toFixed(0)} ms`);
    if (decision === undefined) continue;
    if (!(decision in stats.decisions)) {
      fail('no-decision', input, String(decision));
      continue;
    }
    stats.decisions[decision]++;
    // Every 20th input that is held: a no-op rewrite must not lower it.
    if (i % 20 === 0 && decision !== 'allow') {
      let mutated = input;
      for (let k = 0; k < 3; k++) mutated = noOp(mutated, NO_OP_KINDS[(i + k) % NO_OP_KINDS.length], i + k) ?? mutated;
      if (mutated !== input) {
        stats.noOpChecks++;
        try {
          const after = evaluate({ command: mutated, cwd: '/home/agent/project' }, { home: '/home/agent' }).decision;
          if (DECISION_RANK[after] < DECISION_RANK[decision as 'confirm']) fail('lowered', input, `${decision} → ${after} for ${clip(mutated)}`);
        } catch (error) {
          fail('exception', mutated, String(error));
        }
      }
    }
  }
  stats.ms = Date.now() - started;
  return stats;
}

/** Hook payloads for every adapter, through the in-process decision flow, in a temporary INTERLOCK_HOME. */
export async function fuzzPayloads(seed: number, chunk: number, perClient: number): Promise<ChunkStats> {
  const started = Date.now();
  const stats: ChunkStats = { inputs: 0, parseErrors: 0, decisions: {}, noOpChecks: 0, payloads: 0, failures: [], slowest: { ms: -1, input: '', seed, chunk }, ms: 0 };
  const home = mkdtempSync(join(tmpdir(), 'interlock-fuzz-'));
  const env = { ...process.env, INTERLOCK_HOME: home, HOME: home };
  try {
    for (const [client, adapter] of Object.entries(adapters)) {
      for (const raw of fc.sample(payloadText(client), { seed: seed * 7919 + chunk, numRuns: perClient })) {
        stats.payloads++;
        const t0 = performance.now();
        try {
          const outcome = await outcomeFor(adapter, raw, env);
          const problems = replyProblems(client, outcome, replyFor(adapter, outcome));
          if (problems.length && stats.failures.length < 20) stats.failures.push({ kind: 'reply', input: `${client}: ${clip(raw)}`, detail: problems.join('; '), seed, chunk });
        } catch (error) {
          if (stats.failures.length < 20) stats.failures.push({ kind: 'exception', input: `${client}: ${clip(raw)}`, detail: String(error), seed, chunk });
        }
        const ms = performance.now() - t0;
        if (ms > stats.slowest.ms) stats.slowest = { ms, input: `${client}: ${clip(raw)}`, seed, chunk };
        if (ms > BUDGET_MS * 2 && stats.failures.length < 20) stats.failures.push({ kind: 'timeout', input: `${client}: ${clip(raw)}`, detail: `${ms.toFixed(0)} ms`, seed, chunk });
      }
    }
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
  stats.ms = Date.now() - started;
  return stats;
}
