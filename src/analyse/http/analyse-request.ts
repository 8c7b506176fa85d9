// Judges one request, most specific knowledge first:
//   1. endpoint/payload checks in code (SQL over HTTP, PostgREST filters, data stores, …);
//   2. GraphQL (the executed mutation's root fields);
//   3. declarative `match.http` rules from the packs and the user's config;
//   4. the generic defaults (DELETE to a remote API, destructive RPC endpoints) — only when
//      nothing above recognised the request, so an allow rule (a cache purge) or a recognised
//      harmless call (one Elasticsearch document) is not second-guessed.
import type { AnalysisContext, ExecCommand, Finding } from '../../types.js';
import { analyseGraphql } from './graphql/analyse.js';
import type { HttpRequest } from './model.js';
import { matchingHttpRules } from './rule-match.js';
import type { RequestCheck } from './rest/check.js';
import { defaultFindings } from './rest/defaults.js';
import { resourceTarget, requestHints } from './rest/describe.js';
import { checkDropletAction, checkFirebase, checkGithubForceRef, checkMongoDataApi, checkObjectStorage, checkPostgrest, checkRedisRest } from './rest/providers.js';
import { checkSqlOverHttp } from './rest/sql.js';
import {
  checkAlgolia,
  checkConsul,
  checkCouchdb,
  checkDocker,
  checkElasticsearch,
  checkEtcd,
  checkInfluxdb,
  checkKubernetes,
  checkRabbitmq,
  checkSearchStores,
  checkVault,
} from './rest/stores.js';

const CHECKS: RequestCheck[] = [
  checkSqlOverHttp,
  checkRedisRest,
  checkPostgrest,
  checkFirebase,
  checkMongoDataApi,
  checkObjectStorage,
  checkDropletAction,
  checkGithubForceRef,
  checkDocker,
  checkElasticsearch,
  checkConsul,
  checkEtcd,
  checkCouchdb,
  checkKubernetes,
  checkRabbitmq,
  checkSearchStores,
  checkAlgolia,
  checkInfluxdb,
  checkVault,
];

export function analyseRequest(request: HttpRequest, cmd: ExecCommand, ctx: AnalysisContext): Finding[] {
  const findings: Finding[] = [];
  let recognised = false;
  for (const check of CHECKS) {
    const result = check(request, ctx, cmd);
    if (!result) continue;
    findings.push(...result.findings);
    recognised ||= result.handled;
  }

  const graphql = analyseGraphql(request, cmd, ctx.rules);
  findings.push(...graphql.findings);
  recognised ||= graphql.isGraphql;

  for (const rule of matchingHttpRules(ctx.rules, request, cmd)) {
    findings.push({
      rule: rule.id,
      action: rule.action,
      target: rule.target?.text ?? resourceTarget(request),
      reason: rule.reason,
      hints: requestHints(request),
    });
    recognised = true;
  }

  if (!recognised) findings.push(...defaultFindings(request));
  return findings;
}
