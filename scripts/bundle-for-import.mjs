// Bundles a TypeScript entry of this repository (rule packs included) into one ESM file for a
// script to import in-process: bench, fuzz and mutants run the very sources `npm test` checks,
// without vitest. Put `outfile` under node_modules, so the bundle resolves the packages the
// sources use (graphql, minimatch) the way the CLI does.
import { build } from 'esbuild';
import { yamlEsbuild } from './yaml-plugin.mjs';

/** `version` becomes __VERSION__ (the caller's name); esbuild creates the output folder. */
export async function bundleForImport(entry, outfile, version) {
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    plugins: [yamlEsbuild],
    define: { __BUNDLED__: 'false', __VERSION__: JSON.stringify(version) },
    // Bundled CommonJS dependencies call require(); an ESM file has none of its own.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'error',
  });
}
