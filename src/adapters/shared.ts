// Small pieces several adapters share: reading a command that may come as text or as an argv
// array, resolving a working folder given relative to another, and the two reply shapes that
// most clients understand (silence, and exit 2 with the reason on stderr).
import { isAbsolute, resolve } from 'node:path';
import quote from 'shell-quote/quote';
import { PayloadError, type HookOutcome, type HookReply } from './types.js';

/**
 * The command a tool call will run. Some clients send a string, others an argv array (Codex's
 * `shell` tool sends `["bash", "-lc", "…"]`); an array is joined with shell quoting so the parser
 * sees exactly the words that will be executed, never a naive space-join.
 */
export function commandText(value: unknown, what: string): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.length > 0 && value.every((word) => typeof word === 'string')) return quote(value as string[]);
  throw new PayloadError(`${what} is missing or is neither a string nor an array of strings`);
}

/** `dir` taken relative to `base` when it is not absolute; `base` when `dir` is absent. */
export function workingFolder(base: string, dir: unknown): string {
  if (typeof dir !== 'string' || dir === '') return base;
  return isAbsolute(dir) ? dir : resolve(base, dir);
}

/** The first non-empty string of an array (workspace roots), if any. */
export function firstText(value: unknown): string | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.find((item): item is string => typeof item === 'string' && item !== '');
}

/** Exit 2 with the agent-facing reason on stderr: the block every exit-code client honours. */
export function exit2(outcome: Extract<HookOutcome, { kind: 'block' }>): HookReply {
  const reason = outcome.agentMessage.trim() || outcome.userMessage.trim() || 'Interlock blocked this command.';
  return { stderr: reason + '\n', exitCode: 2 };
}

/** No output and exit 0: "no opinion" for clients that treat silence as "carry on with your own flow". */
export const silent: HookReply = { exitCode: 0 };
