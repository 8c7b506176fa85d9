#!/usr/bin/env node
// npm run fuzz: ≥ 1,000,000 generated inputs (grammar-generated shell, garbage, deep nesting)
// through parse + evaluate in-process, a no-op-rewrite check on a sample of held ones, and hook
// payloads for every client adapter through the decision flow. Zero exceptions and zero
// timeouts (a decision over the 1000 ms budget) are required; prints counts and the slowest input.
//
//   npm run fuzz                        1,000,000 inputs, seed 1, one worker per CPU
//   npm run fuzz -- --inputs=50000 --seed=7 --workers=2 --payloads=500
import { availableParallelism } from 'node:os';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { bundleForImport } from './bundle-for-import.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CHUNK = 5000;

if (!isMainThread) {
  // Worker: run the chunks it is given, report each.
  const fuzz = await import(pathToFileURL(workerData.bundle).href);
  for (const chunk of workerData.chunks) parentPort.postMessage({ type: 'chunk', stats: fuzz.fuzzChunk(workerData.seed, chunk, CHUNK) });
  if (workerData.payloads > 0) parentPort.postMessage({ type: 'chunk', stats: await fuzz.fuzzPayloads(workerData.seed, workerData.index, workerData.payloads) });
  parentPort.postMessage({ type: 'done' });
} else {
  const arg = (name, fallback) => Number(process.argv.slice(2).find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
  const inputs = arg('inputs', 1_000_000);
  const seed = arg('seed', 1);
  const workers = Math.max(1, arg('workers', availableParallelism()));
  const payloads = arg('payloads', 1000); // per client, per worker

  const outDir = join(root, 'node_modules', '.cache', 'interlock-fuzz');
  mkdirSync(outDir, { recursive: true });
  const bundle = join(outDir, `run-${process.pid}.mjs`);
  await bundleForImport(join(root, 'test', 'fuzz', 'run.ts'), bundle, 'fuzz');

  const chunks = Math.ceil(inputs / CHUNK);
  const total = { inputs: 0, parseErrors: 0, decisions: { allow: 0, confirm: 0, deny: 0 }, noOpChecks: 0, payloads: 0, failures: [], slowest: { ms: -1 }, slowestPayload: { ms: -1 } };
  const started = Date.now();
  let done = 0;
  let lastPrint = 0;
  await Promise.all(
    Array.from({ length: workers }, (_, index) => {
      const mine = Array.from({ length: chunks }, (_, c) => c).filter((c) => c % workers === index);
      return new Promise((resolve, reject) => {
        const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { bundle, seed, chunks: mine, payloads, index } });
        worker.on('message', (message) => {
          if (message.type === 'done') return resolve();
          const s = message.stats;
          total.inputs += s.inputs;
          total.parseErrors += s.parseErrors;
          for (const [k, v] of Object.entries(s.decisions)) total.decisions[k] = (total.decisions[k] ?? 0) + v;
          total.noOpChecks += s.noOpChecks;
          total.payloads += s.payloads;
          total.failures.push(...s.failures);
          if (s.payloads) {
            if (s.slowest.ms > total.slowestPayload.ms) total.slowestPayload = s.slowest;
          } else if (s.slowest.ms > total.slowest.ms) total.slowest = s.slowest;
          done++;
          if (Date.now() - lastPrint > 10_000) {
            lastPrint = Date.now();
            process.stderr.write(`  … ${total.inputs.toLocaleString('en')} inputs, ${total.failures.length} failures, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
          }
        });
        worker.on('error', reject);
        worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker exited with ${code}`))));
      });
    }),
  );
  rmSync(bundle, { force: true });

  const seconds = (Date.now() - started) / 1000;
  const count = (kind) => total.failures.filter((f) => f.kind === kind).length;
  console.log(`Fuzzed ${total.inputs.toLocaleString('en')} generated inputs (seed ${seed}, ${workers} workers) in ${seconds.toFixed(0)} s`);
  console.log(`  decisions: allow ${total.decisions.allow.toLocaleString('en')}, confirm ${total.decisions.confirm.toLocaleString('en')}, deny ${total.decisions.deny.toLocaleString('en')}; inputs that do not parse: ${total.parseErrors.toLocaleString('en')}`);
  console.log(`  no-op rewrites of held inputs checked: ${total.noOpChecks.toLocaleString('en')}; hook payloads through every adapter: ${total.payloads.toLocaleString('en')}`);
  console.log(`  exceptions: ${count('exception')}, timeouts (> 1000 ms): ${count('timeout')}, lowered decisions: ${count('lowered')}, bad replies: ${count('reply')}, no decision: ${count('no-decision')}`);
  console.log(`  slowest input: ${total.slowest.ms.toFixed(1)} ms (seed ${total.slowest.seed}, chunk ${total.slowest.chunk}): ${JSON.stringify(total.slowest.input)}`);
  if (total.slowestPayload.ms >= 0) console.log(`  slowest payload: ${total.slowestPayload.ms.toFixed(1)} ms: ${JSON.stringify(total.slowestPayload.input).slice(0, 300)}`);
  for (const f of total.failures.slice(0, 20)) console.log(`  FAIL ${f.kind} (seed ${f.seed}, chunk ${f.chunk}): ${f.detail}\n    ${JSON.stringify(f.input)}`);
  process.exit(total.failures.length === 0 && total.inputs >= inputs ? 0 : 1);
}
