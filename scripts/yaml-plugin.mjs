// Rule packs are YAML in config/ (data a human reviews). Both the bundle (esbuild) and the tests
// (vite) import them as plain objects, so the hook never parses YAML at run time.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** Rule examples, collected while bundling (the hook does not need them; `rules test` does). */
export const bundledExamples = {};

/** A pack file as data; with stripExamples its examples move to bundledExamples. */
export function readPack(text, file, { stripExamples = false } = {}) {
  let data;
  try {
    data = parse(text, { prettyErrors: true });
  } catch (error) {
    throw new Error(`${file}: ${error.message}`);
  }
  if (stripExamples && data && Array.isArray(data.rules)) {
    for (const rule of data.rules) {
      if (rule && typeof rule === 'object' && rule.examples) {
        bundledExamples[rule.id] = rule.examples;
        delete rule.examples;
      }
    }
  }
  return data;
}

export function yamlToModule(text, file, { stripExamples = false } = {}) {
  const data = readPack(text, file, { stripExamples });
  return `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});`;
}

// `import packs from 'virtual:packs'` yields every config/packs/*.yaml, sorted by file name, so
// adding a pack is adding a file.
const PACKS_ID = 'virtual:packs';
export const packsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'config', 'packs');

function packsModule() {
  const files = readdirSync(packsDir).filter((f) => /\.ya?ml$/.test(f)).sort();
  const imports = files.map((f, i) => `import p${i} from ${JSON.stringify(join(packsDir, f))};`);
  return `${imports.join('\n')}\nexport default [${files.map((_, i) => `p${i}`).join(', ')}];\n`;
}

/** Vite/Vitest plugin. */
export function yamlPacks() {
  return {
    name: 'interlock-yaml',
    resolveId(id) {
      return id === PACKS_ID ? '\0' + PACKS_ID : null;
    },
    load(id) {
      return id === '\0' + PACKS_ID ? packsModule() : null;
    },
    transform(code, id) {
      if (!id.endsWith('.yaml') && !id.endsWith('.yml')) return null;
      return { code: yamlToModule(code, id), map: null };
    },
  };
}

/** esbuild plugin (the bundle: examples go to a separate file, see bundledExamples). */
export const yamlEsbuild = {
  name: 'interlock-yaml',
  setup(build) {
    build.onResolve({ filter: /^virtual:packs$/ }, () => ({ path: PACKS_ID, namespace: 'interlock-packs' }));
    build.onLoad({ filter: /.*/, namespace: 'interlock-packs' }, () => ({ contents: packsModule(), loader: 'js', resolveDir: packsDir }));
    build.onLoad({ filter: /\.ya?ml$/ }, (args) => ({
      contents: yamlToModule(readFileSync(args.path, 'utf8'), args.path, { stripExamples: true }),
      loader: 'js',
    }));
  },
};
