// Bundled by bench/ scripts to time the pipeline in-process, stage by stage.
export { parse } from '../src/parse/index.js';
export { expand } from '../src/expand/index.js';
export { evaluate, builtinRules } from '../src/pipeline.js';
export { readSmallFile } from '../src/util/files.js';
export { analysersFor, allAnalysers } from '../src/analyse/index.js';
export { analyseSql } from '../src/analyse/database/sql.js';
