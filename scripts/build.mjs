#!/usr/bin/env node
// Builds Interlock into dist/:
//   interlock.cjs            the bin: a small loader that runs the bundle with V8's code cache
//   interlock-core.cjs       the CLI, one CommonJS bundle: dispatch and everything the hook runs
//   interlock-commands.cjs   every other command, loaded when one of them is run
//   analyse-<domain>.cjs     each analyser domain, loaded when a command names one of its programs
//                            (the domains that see every command are in the core instead)
//   analyse-index.json       which domain serves which program
//   packs/<pack>.json        the built-in rule packs (config/packs/*.yaml) with their globs compiled,
//                            and packs/index.json
//   rule-examples.json       the rules' examples, for `interlock rules test|show`
//   vendor/*.cjs             heavy libraries, loaded only on the paths that need them
// The hook is a new process per command: what it does not load, it does not pay for.
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledExamples, packsDir, readPack, yamlEsbuild } from './yaml-plugin.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const requireBuilt = createRequire(import.meta.url);
rmSync(dist, { recursive: true, force: true });
mkdirSync(join(dist, 'vendor'), { recursive: true });
mkdirSync(join(dist, 'packs'), { recursive: true });

const readable = !!process.env.INTERLOCK_BUILD_READABLE; // readable bundles for profiling
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
  legalComments: 'none',
  minifySyntax: !readable,
  minifyWhitespace: !readable,
};

// Vendor bundles: each is `require`d by src/util/vendor.bundle.ts on first use.
const vendors = {
  minimatch: "module.exports = require('minimatch');",
  graphql: "module.exports = { parse: require('graphql/language/parser').parse };",
  cosmiconfig: "module.exports = require('cosmiconfig');",
  execa: "export * from 'execa';",
};
const vendorBuilds = Object.entries(vendors).map(([name, contents]) =>
  build({
    ...common,
    minifySyntax: true,
    minifyWhitespace: true,
    minifyIdentifiers: true,
    stdin: { contents, resolveDir: root, loader: 'js', sourcefile: `vendor-${name}.js` },
    outfile: join(dist, 'vendor', `${name}.cjs`),
    external: ['typescript'],
  }),
);

// In the bundle, a module `x.ts` with a sibling `x.bundle.ts` is replaced by it: the bundle-time
// version reads its data or code from the files above instead of importing everything.
const bundleSwap = {
  name: 'bundle-swap',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\/.*\.js$/ }, (args) => {
      const swapped = resolve(args.resolveDir, args.path.replace(/\.js$/, '.bundle.ts'));
      return existsSync(swapped) ? { path: swapped } : undefined;
    });
  },
};
const define = { __BUNDLED__: 'true', __VERSION__: JSON.stringify(pkg.version) };
const plugins = [yamlEsbuild, bundleSwap];

// Analyser domains: self-protection first (it must see every command), then alphabetical.
const domains = readdirSync(join(root, 'src', 'analyse'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(root, 'src', 'analyse', d.name, 'index.ts')))
  .map((d) => d.name)
  .sort((a, b) => (a === 'self-protection' ? -1 : b === 'self-protection' ? 1 : a.localeCompare(b)));

await Promise.all([
  ...vendorBuilds,
  build({ ...common, entryPoints: [join(root, 'src', 'cli', 'main.ts')], outfile: join(dist, 'interlock-core.cjs'), define, plugins }),
  build({ ...common, entryPoints: [join(root, 'src', 'cli', 'commands', 'all.ts')], outfile: join(dist, 'interlock-commands.cjs'), define, plugins }),
  ...domains.map((domain) =>
    build({ ...common, entryPoints: [join(root, 'src', 'analyse', domain, 'index.ts')], outfile: join(dist, `analyse-${domain}.cjs`), define, plugins }),
  ),
  build({ ...common, entryPoints: [join(root, 'src', 'rules', 'pack-source.ts')], outfile: join(dist, 'pack-source.tmp.cjs'), define, plugins }),
  build({ ...common, entryPoints: [join(root, 'src', 'analyse', 'core-domains.ts')], outfile: join(dist, 'core-domains.tmp.cjs'), define, plugins }),
]);

// Which domain serves which program, from the domains' own `commands` lists. The domains that see
// every command are part of the core bundle (src/analyse/index.bundle.ts imports them): their
// own files only served to compute this index.
const { CORE_DOMAINS } = requireBuilt(join(dist, 'core-domains.tmp.cjs'));
rmSync(join(dist, 'core-domains.tmp.cjs'));
const analyserIndex = { domains, commands: {} };
for (const domain of domains) {
  const file = join(dist, `analyse-${domain}.cjs`);
  for (const analyser of requireBuilt(file).analysers) {
    for (const key of analyser.commands) {
      const list = (analyserIndex.commands[key] ??= []);
      if (!list.includes(domain)) list.push(domain);
    }
  }
  if (domain in CORE_DOMAINS) rmSync(file);
}
writeFileSync(join(dist, 'analyse-index.json'), JSON.stringify(analyserIndex));

// Packs, one file each, and the index the rule set loads them by (computed by the same code).
const packs = readdirSync(packsDir)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort()
  .map((f) => readPack(readFileSync(join(packsDir, f), 'utf8'), join(packsDir, f), { stripExamples: true }));
const { indexPacks, packGlobSources } = requireBuilt(join(dist, 'pack-source.tmp.cjs'));
rmSync(join(dist, 'pack-source.tmp.cjs'));
// Each pack carries its globs' regular-expression sources, so the hook does not compile them.
for (const pack of packs) writeFileSync(join(dist, 'packs', `${pack.pack}.json`), JSON.stringify({ ...pack, globs: packGlobSources(pack) }));
writeFileSync(join(dist, 'packs', 'index.json'), JSON.stringify(indexPacks(packs)));
writeFileSync(join(dist, 'rule-examples.json'), JSON.stringify(bundledExamples));

copyFileSync(join(root, 'scripts', 'loader.cjs'), join(dist, 'interlock.cjs'));
chmodSync(join(dist, 'interlock.cjs'), 0o755);
writeFileSync(join(dist, 'package.json'), JSON.stringify({ type: 'commonjs' }) + '\n');
console.log(`built dist/ (core, ${domains.length} analyser domains, ${packs.length} rule packs)`);
