// Databases: SQL (any client, and `ctx.analyseSql` for other domains), MongoDB, Redis and other
// data-store clients, and the admin tools that drop or overwrite whole databases.
import type { Analyser } from '../../types.js';
import { adminAnalyser } from './clients/admin.js';
import { cypherShellAnalyser } from './clients/cypher.js';
import { kvAnalyser } from './clients/kv.js';
import { mongoShellAnalyser } from './clients/mongo.js';
import { redisAnalyser } from './clients/redis.js';
import { sqlShellAnalyser } from './clients/sql-shell.js';

export const analysers: Analyser[] = [sqlShellAnalyser, mongoShellAnalyser, redisAnalyser, adminAnalyser, kvAnalyser, cypherShellAnalyser];

// Other domains reach SQL analysis through the pipeline's ctx.analyseSql.
export { analyseSql } from './sql.js';
