#!/usr/bin/env node
// npm run mutants: the evasion mutation report (issue 6). Bundles test/mutants/suite.ts with the
// pipeline (esbuild, in-process: the same code `npm test` checks), runs every mutant of every
// confirm case in ../shared/corpus/commands.jsonl through `evaluate`, and prints held/passed per
// mutation kind and the overall rates. Exit code 1 when a threshold is missed.
//
//   npm run mutants                 report
//   npm run mutants -- --json       the full result as JSON (every failure with its rules)
//   npm run mutants -- --failures=N print up to N failures (default 40)
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleForImport } from './bundle-for-import.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const json = args.includes('--json');
const failures = Number(args.find((a) => a.startsWith('--failures='))?.split('=')[1] ?? 40);

const corpusPath = join(root, '..', 'shared', 'corpus', 'commands.jsonl');
let corpusText;
try {
  corpusText = readFileSync(corpusPath, 'utf8');
} catch (error) {
  console.error(`mutants: cannot read the corpus at ${corpusPath}: ${error.message}`);
  process.exit(2);
}

// Inside node_modules so the bundle resolves the same packages the sources do.
const outDir = join(root, 'node_modules', '.cache', 'interlock-mutants');
mkdirSync(outDir, { recursive: true });
const outfile = join(outDir, `suite-${process.pid}.mjs`);
await bundleForImport(join(root, 'test', 'mutants', 'suite.ts'), outfile, 'mutants');
let suite;
try {
  suite = await import(pathToFileURL(outfile).href);
} finally {
  rmSync(outfile, { force: true });
}

const report = suite.runMutationSuite(suite.readCorpus(corpusText));
if (json) {
  process.stdout.write(JSON.stringify(report, null, 2) + '\n');
} else {
  console.log(suite.formatReport(report, { failures }));
}
const { destructive, data } = report;
const ok =
  destructive.held / destructive.total >= 0.99 &&
  data.held / data.total <= 0.01 &&
  report.safeWrapped.held / report.safeWrapped.total <= 0.01 &&
  report.parseErrors.length === 0;
process.exit(ok ? 0 : 1);
