// Every client `interlock install` knows, in the order they are listed.
import type { ClientSpec } from '../spec.js';
import { amp } from './amp.js';
import { claude } from './claude.js';
import { cline } from './cline.js';
import { codex } from './codex.js';
import { copilot } from './copilot.js';
import { cursor } from './cursor.js';
import { gemini } from './gemini.js';
import { opencode } from './opencode.js';
import { windsurf } from './windsurf.js';

export const clients: ClientSpec[] = [claude, cursor, gemini, codex, copilot, windsurf, cline, amp, opencode];

export function clientNamed(name: string): ClientSpec | undefined {
  return clients.find((client) => client.name === name);
}
