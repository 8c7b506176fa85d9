#!/usr/bin/env node
// Builds dist/interlock.cjs (the whole CLI, one CommonJS file) and dist/vendor/*.cjs: heavy
// libraries loaded only on the paths that need them, so the hook's start-up stays at Node's floor.
import { build } from 'esbuild';
import { mkdirSync, rmSync, writeFileSync, chmodSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { yamlEsbuild } from './yaml-plugin.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
rmSync(dist, { recursive: true, force: true });
mkdirSync(join(dist, 'vendor'), { recursive: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
  legalComments: 'none',
};

// Vendor bundles: each is `require`d by src/util/vendor.bundle.ts on first use.
const vendors = {
  minimatch: "module.exports = require('minimatch');",
  graphql: "const l = require('graphql/language'); module.exports = { parse: l.parse, Kind: l.Kind, visit: l.visit, print: l.print };",
  cosmiconfig: "module.exports = require('cosmiconfig');",
  execa: "export * from 'execa';",
};
await Promise.all(
  Object.entries(vendors).map(([name, contents]) =>
    build({
      ...common,
      stdin: { contents, resolveDir: root, loader: 'js', sourcefile: `vendor-${name}.js` },
      outfile: join(dist, 'vendor', `${name}.cjs`),
      external: ['typescript'],
      minify: true,
    }),
  ),
);

// Swap the dev-time vendor loader (createRequire of node_modules) for the bundled one.
const vendorSwap = {
  name: 'vendor-swap',
  setup(b) {
    b.onResolve({ filter: /\/util\/vendor\.js$/ }, (args) => ({
      path: resolve(args.resolveDir, args.path.replace(/vendor\.js$/, 'vendor.bundle.ts')),
    }));
  },
};

await build({
  ...common,
  entryPoints: [join(root, 'src', 'cli', 'main.ts')],
  outfile: join(dist, 'interlock.cjs'),
  banner: { js: '#!/usr/bin/env node' },
  define: { __BUNDLED__: 'true', __VERSION__: JSON.stringify(pkg.version) },
  plugins: [yamlEsbuild, vendorSwap],
  // INTERLOCK_BUILD_READABLE=1 keeps the bundle readable (profiling, debugging).
  minifySyntax: !process.env.INTERLOCK_BUILD_READABLE,
  minifyWhitespace: !process.env.INTERLOCK_BUILD_READABLE,
  keepNames: false,
});
chmodSync(join(dist, 'interlock.cjs'), 0o755);
writeFileSync(join(dist, 'package.json'), JSON.stringify({ type: 'commonjs' }) + '\n');
console.log('built dist/interlock.cjs');
