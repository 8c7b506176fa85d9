// HTTP clients and the APIs they call: REST (method + endpoint + payload) and GraphQL (the executed
// mutation). `gh`/`glab` are handled here only for their `api` subcommand; their other
// subcommands belong to the platform CLI pack.
import type { Analyser, AnalysisContext, ExecCommand, Finding } from '../../types.js';
import { analyseRequest } from './analyse-request.js';
import { HTTP_CLIENTS, extractRequests } from './clients/index.js';

// For `explain`: the requests a command sends, how each is judged, and the GraphQL inside them.
export type { HttpRequest, RequestBody, HeaderEntry, QueryParam, FormField, HttpClient } from './model.js';
export { extractRequests } from './clients/index.js';
export { analyseRequest } from './analyse-request.js';
export { detectGraphql, type GraphqlPayload } from './graphql/detect.js';
export { parseOperations, type Operation, type RootField } from './graphql/parse.js';

/** Requests per command beyond this are not analysed one by one (curl URL lists); the first ones are. */
const MAX_REQUESTS = 32;

export const httpAnalyser: Analyser = {
  name: 'http',
  commands: HTTP_CLIENTS,
  analyse(cmd: ExecCommand, ctx: AnalysisContext): Finding[] {
    if (cmd.argv.length < 2) return [];
    if ((cmd.name === 'gh' || cmd.name === 'glab') && cmd.argv[1] !== 'api') return [];
    const findings: Finding[] = [];
    for (const request of extractRequests(cmd, ctx).slice(0, MAX_REQUESTS)) findings.push(...analyseRequest(request, cmd, ctx));
    return findings;
  },
};

export const analysers: Analyser[] = [httpAnalyser];
