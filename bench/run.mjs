#!/usr/bin/env node
// npm run bench — Interlock's cost, measured the way it is paid, side by side with a peer guard.
//
//   1. Whole-process latency of `interlock hook <client>` (a new process per command, like every
//      client runs it), interleaved with bare `node -e 0` and with the peer `cc-safety-net hook -cc`
//      in the same run: medians, p90 and ratios to `node -e 0`. Ratios, not absolute times: these
//      machines are noisy, but interleaving exposes every variant to the same noise.
//   2. Peak RSS of one hook run.
//   3. In-process throughput of parse → expand → analyse → policy on the shared corpus.
//   4. Recall and false positives on the shared corpus, for Interlock and for the peer.
//   5. State size: the hook's median with a 100,000-line audit log and 1,000 pending requests.
// Prints a table and writes bench/results.json. Options: --runs N (default 25), --quick (fewer
// runs, skips the peer's corpus pass).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForImport } from '../scripts/bundle-for-import.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const RUNS = Number(args[args.indexOf('--runs') + 1]) || (quick ? 11 : 25);
const WARMUP = 3;
const bin = join(root, 'dist', 'interlock.cjs');
const peer = join(root, 'node_modules', 'cc-safety-net', 'dist', 'bin', 'cc-safety-net.js');
const corpusFile = join(root, '..', 'shared', 'corpus', 'commands.jsonl');

if (!existsSync(bin)) execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });

// ── workloads ──────────────────────────────────────────────────────────────

const INCIDENT = `curl -X POST https://backboard.railway.app/graphql/v2 -H "Authorization: Bearer 7d1f0c2e-aa41-4f6b-9b1e-2a0c5e8d9f13" -d '{"query":"mutation { volumeDelete(volumeId: \\"3d2c42fb-1f0e-4a7b-9c3d-8e5f6a7b8c9d\\") }"}'`;
const SCRIPT_200 = `bash <<'EOF'\nset -euo pipefail\n${Array.from({ length: 198 }, (_, i) => (i % 3 === 0 ? `echo "step ${i}: checking build/${i}"` : i % 3 === 1 ? `grep -n "TODO" src/module${i}.ts || true` : `ls -la dist/chunk-${i} 2>/dev/null | head -5`)).join('\n')}\nEOF`;
let PIPELINE_10K = 'cat logs/app.log';
for (let i = 0; PIPELINE_10K.length < 10 * 1024; i++) PIPELINE_10K += ` | grep -v "noise-${i}" | sed -e 's/secret-${i}/x/g'`;
const COMMANDS = { safe: 'git status', incident: INCIDENT, script200: SCRIPT_200, pipeline10k: PIPELINE_10K };

const work = mkdtempSync(join(tmpdir(), 'interlock-bench-'));
const project = join(work, 'project');
mkdirSync(join(project, '.git'), { recursive: true });

const payloads = {
  claude: (command) => JSON.stringify({ session_id: 'bench', transcript_path: '/dev/null', cwd: project, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command } }),
  cursor: (command) => JSON.stringify({ conversation_id: 'bench', generation_id: 'g', hook_event_name: 'beforeShellExecution', command, cwd: project, workspace_roots: [project] }),
};

function spawnOnce(argv, input, env) {
  const start = process.hrtime.bigint();
  const result = spawnSync(argv[0], argv.slice(1), { input, env, encoding: 'utf8' });
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
}

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};

/** Runs every variant RUNS times, round-robin, after WARMUP rounds. */
function interleaved(variants) {
  const times = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  for (let round = 0; round < WARMUP + RUNS; round++) {
    for (const [name, v] of Object.entries(variants)) {
      const { ms, result } = spawnOnce(v.argv, v.input, v.env);
      if (v.check) v.check(result, name);
      if (round >= WARMUP) times[name].push(ms);
    }
  }
  return Object.fromEntries(Object.entries(times).map(([k, t]) => [k, { median: quantile(t, 0.5), p90: quantile(t, 0.9), runs: t.length }]));
}

const blocked = (result) => /"permissionDecision":"deny"|"permission":"deny"/.test(result.stdout) || result.status === 2;
const expectation = (shouldBlock) => (result, name) => {
  if (blocked(result) !== shouldBlock) throw new Error(`${name}: expected ${shouldBlock ? 'a block' : 'no opinion'}, got exit ${result.status} ${result.stdout.slice(0, 200)} ${result.stderr.slice(0, 200)}`);
};

// ── 1. latency ─────────────────────────────────────────────────────────────

const home = join(work, 'home');
const envFor = (interlockHome) => ({ PATH: process.env.PATH, HOME: home, INTERLOCK_HOME: interlockHome, LANG: 'C.UTF-8' });
const ourEnv = envFor(join(work, 'state'));
const peerEnv = { PATH: process.env.PATH, HOME: join(work, 'peer-home'), LANG: 'C.UTF-8' };
mkdirSync(peerEnv.HOME, { recursive: true });

const clients = /Clients: (.*)/.exec(execFileSync(process.execPath, [bin, 'hook', '--help'], { encoding: 'utf8', env: ourEnv }))?.[1].split(', ') ?? [];
const hasCursor = clients.includes('cursor');
// Every variant gets the same clean environment (an inherited NODE_EXTRA_CA_CERTS alone makes each
// Node start parse a CA bundle).
const variants = { 'node -e 0': { argv: [process.execPath, '-e', '0'], env: ourEnv } };
for (const [workload, command] of Object.entries(COMMANDS)) {
  const shouldBlock = workload === 'incident';
  variants[`interlock claude ${workload}`] = { argv: [process.execPath, bin, 'hook', 'claude'], input: payloads.claude(command), env: ourEnv, check: expectation(shouldBlock) };
  if (hasCursor && (workload === 'safe' || workload === 'incident')) {
    variants[`interlock cursor ${workload}`] = { argv: [process.execPath, bin, 'hook', 'cursor'], input: payloads.cursor(command), env: ourEnv, check: expectation(shouldBlock) };
  }
}
for (const workload of ['safe', 'incident']) {
  variants[`cc-safety-net ${workload}`] = { argv: [process.execPath, peer, 'hook', '-cc'], input: payloads.claude(COMMANDS[workload]), env: peerEnv };
}
process.stderr.write(`latency: ${Object.keys(variants).length} variants × ${RUNS} runs (after ${WARMUP} warm-up rounds)…\n`);
const latency = interleaved(variants);
const floor = latency['node -e 0'].median;
for (const entry of Object.values(latency)) entry.ratio = entry.median / floor;

// ── 2. peak RSS ────────────────────────────────────────────────────────────

function peakRssMb(argv, input, env) {
  // A tiny preload reports the process's own high-water mark as it exits.
  const probe = join(work, 'rss-probe.cjs');
  writeFileSync(probe, "process.on('exit', () => require('fs').writeSync(2, '\\nRSS_KB ' + process.resourceUsage().maxRSS + '\\n'));\n");
  let peak = 0;
  for (let i = 0; i < 5; i++) {
    const r = spawnSync(argv[0], ['-r', probe, ...argv.slice(1)], { input, env, encoding: 'utf8' });
    const kb = Number(/RSS_KB (\d+)/.exec(r.stderr)?.[1] ?? 0);
    peak = Math.max(peak, kb / 1024);
  }
  return peak;
}
const rss = {
  'node -e 0': peakRssMb([process.execPath, '-e', '0'], '', ourEnv),
  'interlock claude safe': peakRssMb([process.execPath, bin, 'hook', 'claude'], payloads.claude(COMMANDS.safe), ourEnv),
  'interlock claude incident': peakRssMb([process.execPath, bin, 'hook', 'claude'], payloads.claude(COMMANDS.incident), ourEnv),
  'interlock claude script200': peakRssMb([process.execPath, bin, 'hook', 'claude'], payloads.claude(COMMANDS.script200), ourEnv),
  'cc-safety-net incident': peakRssMb([process.execPath, peer, 'hook', '-cc'], payloads.claude(COMMANDS.incident), peerEnv),
};

// ── 3. in-process throughput, 4. corpus scores, 5. state size ─────────────

// Inside node_modules, so the bundle resolves its dependencies (graphql, minimatch) as the CLI does.
const library = join(root, 'node_modules', '.cache', 'interlock-bench', 'pipeline.mjs');
await bundleForImport(join(root, 'bench', 'stages-entry.ts'), library, 'bench');
const lib = await import(library);
const corpus = readFileSync(corpusFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

const rules = lib.builtinRules();
const repeat = Math.ceil(10_000 / corpus.length);
// Steady state: the optimising compiler needs a few batches before every path is compiled (the
// first batch runs at about two thirds of the steady rate), so three batches warm up, then the
// best of five is kept.
const WARM_BATCHES = 3;
const BATCHES = 5;
let best = 0;
for (let batch = 0; batch < WARM_BATCHES + BATCHES; batch++) {
  const start = process.hrtime.bigint();
  for (let k = 0; k < repeat; k++) for (const c of corpus) lib.evaluate({ command: c.command, cwd: project }, { rules });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (batch >= WARM_BATCHES) best = Math.max(best, (repeat * corpus.length) / seconds);
}
const throughput = { commandsPerSecond: Math.round(best), commands: repeat * corpus.length, warmBatches: WARM_BATCHES, batches: BATCHES };

function score(decide) {
  let tp = 0, fn = 0, fp = 0, tn = 0;
  for (const c of corpus) {
    const held = decide(c.command);
    if (c.expect === 'confirm') held ? tp++ : fn++;
    else held ? fp++ : tn++;
  }
  return { recall: tp / (tp + fn), falsePositiveRate: fp / (fp + tn), caught: tp, missed: fn, falsePositives: fp, allowed: tn };
}
const scores = { interlock: score((command) => lib.evaluate({ command, cwd: project }, { rules }).decision !== 'allow') };
if (!quick) {
  process.stderr.write(`peer corpus pass: ${corpus.length} hook runs…\n`);
  scores['cc-safety-net'] = score((command) => blocked(spawnSync(process.execPath, [peer, 'hook', '-cc'], { input: payloads.claude(command), env: peerEnv, encoding: 'utf8' })));
}

// A big state folder: 100,000 audit lines and 1,000 pending requests, written by the real code.
const bigState = join(work, 'big-state');
const paths = lib.resolvePaths({ INTERLOCK_HOME: bigState });
const lines = [];
for (let i = 0; i < 100_000; i++) lines.push(JSON.stringify({ time: new Date().toISOString(), event: 'decision', client: 'claude', cwd: project, command: `git log -n ${i}`, decision: 'allow', rules: [] }));
mkdirSync(bigState, { recursive: true });
writeFileSync(paths.audit, lines.join('\n') + '\n');
for (let i = 0; i < 1000; i++) lib.holdRequest(paths, { command: `terraform destroy -target=module.m${i}`, cwd: project, client: 'claude', findings: [{ rule: 'terraform.destroy', action: 'destroy infrastructure', reason: 'bench' }] });
const stateVariants = {
  'empty state, safe': { argv: [process.execPath, bin, 'hook', 'claude'], input: payloads.claude(COMMANDS.safe), env: ourEnv, check: expectation(false) },
  'big state, safe': { argv: [process.execPath, bin, 'hook', 'claude'], input: payloads.claude(COMMANDS.safe), env: envFor(bigState), check: expectation(false) },
  'empty state, incident': { argv: [process.execPath, bin, 'hook', 'claude'], input: payloads.claude(COMMANDS.incident), env: ourEnv, check: expectation(true) },
  'big state, incident': { argv: [process.execPath, bin, 'hook', 'claude'], input: payloads.claude(COMMANDS.incident), env: envFor(bigState), check: expectation(true) },
};
process.stderr.write('state size: interleaved runs with an empty and a big state folder…\n');
const state = interleaved(stateVariants);
const stateEffect = {
  safe: state['big state, safe'].median / state['empty state, safe'].median - 1,
  incident: state['big state, incident'].median / state['empty state, incident'].median - 1,
};

// ── report ─────────────────────────────────────────────────────────────────

const pct = (x) => `${(x * 100).toFixed(1)}%`;
const out = [];
out.push(`Node ${process.version}, ${RUNS} interleaved runs per variant (median, p90, ratio to node -e 0 = ${floor.toFixed(1)} ms)\n`);
out.push(`${'variant'.padEnd(34)} ${'median'.padStart(8)} ${'p90'.padStart(8)} ${'ratio'.padStart(7)}`);
for (const [name, e] of Object.entries(latency)) out.push(`${name.padEnd(34)} ${e.median.toFixed(1).padStart(8)} ${e.p90.toFixed(1).padStart(8)} ${e.ratio.toFixed(2).padStart(7)}`);
out.push('', 'peak RSS (MB)');
for (const [name, mb] of Object.entries(rss)) out.push(`  ${name.padEnd(32)} ${mb.toFixed(1)}`);
out.push('', `in-process pipeline: ${throughput.commandsPerSecond.toLocaleString('en')} commands/s (${throughput.commands.toLocaleString('en')} corpus commands, best of ${BATCHES} after ${WARM_BATCHES} warm-up batches)`);
out.push('', `corpus (${corpus.length} labeled commands)    recall   false positives`);
for (const [name, s] of Object.entries(scores)) out.push(`  ${name.padEnd(28)} ${pct(s.recall).padStart(7)}   ${pct(s.falsePositiveRate).padStart(7)}  (${s.caught} caught, ${s.missed} missed, ${s.falsePositives} false positives)`);
out.push('', 'state size (100,000 audit lines, 1,000 pending requests): median change');
out.push(`  safe ${pct(stateEffect.safe)}, incident ${pct(stateEffect.incident)}`);
console.log(out.join('\n'));

const results = { date: new Date().toISOString(), node: process.version, runs: RUNS, latency, rss, throughput, scores, state, stateEffect };
writeFileSync(join(root, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
rmSync(work, { recursive: true, force: true });
