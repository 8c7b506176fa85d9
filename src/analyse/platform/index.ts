// Platform CLIs, ORMs/frameworks and other data-holding CLIs are mostly declarative rules in
// config/packs/*.yaml, evaluated by the rule set. These analysers cover what data cannot express.
import type { Analyser } from '../../types.js';
import { railwayApi } from './railway-api.js';
import { sqlFromFiles } from './sql-files.js';
import { djangoSqlflush } from './django-sqlflush.js';
import { rawFlush } from './raw-flush.js';

export const analysers: Analyser[] = [railwayApi, sqlFromFiles, djangoSqlflush, rawFlush];
