// The hook path shared by every client: read the payload, decide, consume a grant or hold the
// command for out-of-band confirmation, log, reply in the client's format. Every failure ends in
// a block with a reason, in time (DESIGN.md §3: fail closed).
import { appendAudit } from '../audit/log.js';
import { redact } from '../audit/redact.js';
import { loadEffectiveConfig, type EffectiveConfig } from '../config/load.js';
import { holdMessage } from '../confirm/message.js';
import { consumeGrant, holdRequest } from '../confirm/requests.js';
import { builtinRules, evaluate } from '../pipeline.js';
import { resolvePaths, type Paths } from '../state/paths.js';
import type { Finding } from '../types.js';
import type { ClientAdapter, HookOutcome, HookReply, HookRequest } from './types.js';
import { readStdin } from './stdin.js';

/** Longest wait for the client's payload on stdin. */
const STDIN_TIMEOUT_MS = 1500;
/** Budget for one decision (parse + expand + analyse). */
const DECISION_BUDGET_MS = 1000;

function failClosed(problem: string): HookOutcome {
  const why = redact(problem);
  return {
    kind: 'block',
    decision: 'confirm',
    agentMessage: `Interlock could not check this command (${why}), so it is blocked to be safe. Stop, tell the user what you were trying to run and this message; do not retry or work around it.`,
    userMessage: `Interlock blocked a command it could not check: ${why}`,
  };
}

function denyMessage(findings: Finding[]): HookOutcome {
  const lines = findings
    .filter((f) => f.decision === 'deny')
    .map((f) => `- ${f.action}${f.target ? ` (${f.target})` : ''}: ${f.reason}`);
  const body = redact(lines.join('\n'));
  return {
    kind: 'block',
    decision: 'deny',
    agentMessage: `Interlock denied this command. It is never allowed from an agent and cannot be approved:\n${body}\nDo not retry or work around this. Stop and tell the user what you were trying to do.`,
    userMessage: `Interlock denied an agent command: ${redact(findings.find((f) => f.decision === 'deny')?.action ?? 'policy')}`,
  };
}

function audit(paths: Paths, request: HookRequest, fields: Record<string, unknown>, maxBytes?: number): string | undefined {
  try {
    appendAudit(paths, {
      time: new Date().toISOString(),
      event: 'decision',
      client: request.client,
      session: request.session,
      cwd: request.cwd,
      command: request.command,
      ...fields,
    }, { maxBytes });
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * The configuration, or the built-in rules alone when it cannot even be looked for (a config
 * folder under a regular file, an unreadable HOME): the hook keeps deciding, and says why.
 */
async function configFor(request: HookRequest, env: NodeJS.ProcessEnv, paths: Paths): Promise<EffectiveConfig> {
  try {
    return await loadEffectiveConfig(request.cwd, env);
  } catch (error) {
    const message = `could not look for configuration in ${paths.config} (${error instanceof Error ? error.message : String(error)})`;
    return { rules: builtinRules(), errors: [{ file: paths.config, message }], notices: [], sources: [], files: [], waitSeconds: 0, maxWaitMs: 8000, grantTtlMinutes: 10, auditMaxBytes: 10 * 1024 * 1024 };
  }
}

/** Decides one hook request. Throws only on programming errors; the caller turns those into blocks. */
export async function decideHook(request: HookRequest, env: NodeJS.ProcessEnv = process.env): Promise<HookOutcome> {
  const paths = resolvePaths(env);
  const config = await configFor(request, env, paths);
  const evaluation = evaluate({ command: request.command, cwd: request.cwd }, { rules: config.rules, budgetMs: DECISION_BUDGET_MS });
  const rules = evaluation.findings.map((f) => f.rule);
  const configNote = config.errors.length ? ` Interlock's config is broken (${config.errors.map((e) => e.message).join('; ')}); built-in rules are protecting.` : '';

  if (evaluation.decision === 'allow') {
    audit(paths, request, { decision: 'allow', outcome: 'allowed', rules }, config.auditMaxBytes);
    return { kind: 'silent' };
  }
  if (evaluation.decision === 'deny') {
    const problem = audit(paths, request, { decision: 'deny', outcome: 'denied', rules, findings: evaluation.findings }, config.auditMaxBytes);
    const outcome = denyMessage(evaluation.findings) as Extract<HookOutcome, { kind: 'block' }>;
    if (problem) outcome.agentMessage += ` (Interlock could not write its audit log: ${problem}.)`;
    outcome.agentMessage += configNote;
    return outcome;
  }

  // confirm: a valid one-time grant lets this exact command through, silently.
  let granted: ReturnType<typeof consumeGrant> = null;
  let stateProblem: string | undefined;
  try {
    granted = consumeGrant(paths, request.command, request.cwd);
  } catch (error) {
    stateProblem = error instanceof Error ? error.message : String(error);
  }
  if (granted) {
    audit(paths, request, { decision: 'confirm', outcome: 'granted', rules, requestId: granted.request.id }, config.auditMaxBytes);
    return { kind: 'silent' };
  }

  let held;
  try {
    held = holdRequest(paths, { command: request.command, cwd: request.cwd, client: request.client, session: request.session, findings: evaluation.findings });
  } catch (error) {
    stateProblem ??= error instanceof Error ? error.message : String(error);
  }
  if (held && config.waitSeconds > 0) {
    const until = Date.now() + Math.min(config.waitSeconds * 1000, config.maxWaitMs);
    while (Date.now() < until) {
      await new Promise((r) => setTimeout(r, 250));
      const late = consumeGrant(paths, request.command, request.cwd);
      if (late) {
        audit(paths, request, { decision: 'confirm', outcome: 'granted', rules, requestId: late.request.id }, config.auditMaxBytes);
        return { kind: 'silent' };
      }
    }
  }
  const problem = audit(paths, request, { decision: 'confirm', outcome: 'held', rules, requestId: held?.id, findings: evaluation.findings }, config.auditMaxBytes);
  if (!held) {
    const what = evaluation.findings.map((f) => `${f.action}${f.target ? ` ${f.target}` : ''}`).join('; ');
    const outcome = failClosed(`it would ${what}, and the approval request could not be recorded in Interlock's state folder ${paths.state} (${stateProblem}); a human must fix that folder (it must be a writable directory with free space) before anything can be approved`);
    return outcome;
  }
  const message = holdMessage(held);
  return {
    kind: 'block',
    decision: 'confirm',
    agentMessage: message.agent + configNote + (problem ? ` (Interlock could not write its audit log: ${redact(problem)}.)` : ''),
    userMessage: message.user,
    requestId: held.id,
  };
}

/**
 * The outcome for one raw payload (the text the client sent on stdin), failing closed: malformed
 * JSON, a payload of the wrong shape and any internal error end in a block with the reason.
 */
export async function outcomeFor(adapter: ClientAdapter, raw: string, env: NodeJS.ProcessEnv = process.env): Promise<HookOutcome> {
  try {
    let payload: unknown;
    try {
      payload = JSON.parse(raw);
    } catch {
      throw new Error(raw.trim() === '' ? 'the hook payload was empty' : 'the hook payload is not valid JSON');
    }
    const request = adapter.parse(payload);
    return request ? await decideHook(request, env) : { kind: 'silent' };
  } catch (error) {
    return failClosed(error instanceof Error ? error.message : String(error));
  }
}

/** The client's reply for an outcome; when the client's shape fails to build, exit 2 with the reason. */
export function replyFor(adapter: ClientAdapter, outcome: HookOutcome): HookReply {
  try {
    return adapter.reply(outcome);
  } catch (error) {
    // Exit 2 with a reason on stderr blocks in every client that has hooks.
    return { stderr: `Interlock blocked this command: ${error instanceof Error ? error.message : String(error)}\n`, exitCode: 2 };
  }
}

/**
 * Tells the entry loader (scripts/loader.cjs) what kind of run this was, so that its code cache
 * comes to hold the code of both kinds.
 */
function markRunKind(outcome: HookOutcome): void {
  (globalThis as Record<symbol, unknown>)[Symbol.for('interlock.runKind')] = outcome.kind === 'silent' ? 'allow' : 'block';
}

/** Runs one hook invocation for a client and returns what to print and the exit code. */
export async function runHook(adapter: ClientAdapter, env: NodeJS.ProcessEnv = process.env): Promise<HookReply> {
  let outcome: HookOutcome;
  try {
    outcome = await outcomeFor(adapter, await readStdin(STDIN_TIMEOUT_MS), env);
  } catch (error) {
    outcome = failClosed(error instanceof Error ? error.message : String(error));
  }
  markRunKind(outcome);
  return replyFor(adapter, outcome);
}
