// Bundled by bench/run.mjs to time the pipeline in-process and to fill a big state folder with
// the real code.
export { parse } from '../src/parse/index.js';
export { expand } from '../src/expand/index.js';
export { evaluate, builtinRules } from '../src/pipeline.js';
export { readSmallFile } from '../src/util/files.js';
export { resolvePaths } from '../src/state/paths.js';
export { holdRequest } from '../src/confirm/requests.js';
export { analysersFor, sqlAnalyser } from '../src/analyse/index.js';
