// The contract between the hook runner and each agent client's adapter (src/adapters/<client>).

/** What an adapter extracts from a client's payload. */
export interface HookRequest {
  command: string;
  cwd: string;
  client: string;
  session?: string;
}

export type HookOutcome =
  /** Nothing destructive, or a one-time grant was consumed: no opinion, the client's own flow goes on. */
  | { kind: 'silent' }
  /** Blocked: held for out-of-band confirmation (`confirm`) or never acceptable (`deny`), or fail-closed. */
  | { kind: 'block'; decision: 'confirm' | 'deny'; agentMessage: string; userMessage: string; requestId?: string };

export interface HookReply {
  stdout?: string;
  stderr?: string;
  exitCode: number;
}

export interface ClientAdapter {
  client: string;
  /** The shell command in the payload, or null when the payload is for another tool (no opinion). Throws on malformed payloads. */
  parse(payload: unknown): HookRequest | null;
  /** The client's own way to say "no opinion" or "blocked, because …". */
  reply(outcome: HookOutcome): HookReply;
}

/** Thrown by adapters for payloads that do not have the client's shape. */
export class PayloadError extends Error {}

export function record(value: unknown, what: string): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new PayloadError(`${what} is not a JSON object`);
  return value as Record<string, unknown>;
}

export function text(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new PayloadError(`${what} is missing or not a string`);
  return value;
}

export function optionalText(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
