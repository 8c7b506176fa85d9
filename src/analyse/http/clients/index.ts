// Requests an executed command sends, by client.
import type { AnalysisContext, ExecCommand } from '../../../types.js';
import type { HttpRequest } from '../model.js';
import { curlRequests } from './curl.js';
import { forgeApiRequests } from './forge-api.js';
import { httpieRequests } from './httpie.js';
import { wgetRequests } from './wget.js';

export const HTTP_CLIENTS = ['curl', 'wget', 'http', 'https', 'xh', 'xhs', 'gh', 'glab'];

export function extractRequests(cmd: ExecCommand, ctx: AnalysisContext): HttpRequest[] {
  switch (cmd.name) {
    case 'curl':
      return curlRequests(cmd, ctx);
    case 'wget':
      return wgetRequests(cmd, ctx);
    case 'http':
    case 'https':
    case 'xh':
    case 'xhs':
      return httpieRequests(cmd, ctx);
    case 'gh':
    case 'glab':
      return forgeApiRequests(cmd, ctx);
    default:
      return [];
  }
}
