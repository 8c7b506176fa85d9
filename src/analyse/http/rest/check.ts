// The shape of a payload- or endpoint-specific check on one request.
import type { AnalysisContext, ExecCommand, Finding } from '../../../types.js';
import type { HttpRequest } from '../model.js';

export interface CheckResult {
  findings: Finding[];
  /**
   * The check recognised the endpoint and judged it (possibly harmless: a single Elasticsearch
   * document, one Consul key), so the generic REST defaults must not judge it again.
   */
  handled: boolean;
}

export type RequestCheck = (request: HttpRequest, ctx: AnalysisContext, cmd: ExecCommand) => CheckResult | undefined;

export const HANDLED_SAFE: CheckResult = { findings: [], handled: true };

export const handled = (...findings: Finding[]): CheckResult => ({ findings, handled: true });

const parsedBodies = new WeakMap<HttpRequest, unknown>();

/** Parsed JSON body (once per request), or undefined when the body is not JSON text. */
export function jsonBody(request: HttpRequest): unknown {
  if (request.body.kind !== 'text') return undefined;
  if (parsedBodies.has(request)) return parsedBodies.get(request);
  let value: unknown;
  const text = request.body.text.trim();
  if (text.startsWith('{') || text.startsWith('[')) {
    try {
      value = JSON.parse(text);
    } catch {
      value = undefined;
    }
  }
  parsedBodies.set(request, value);
  return value;
}
