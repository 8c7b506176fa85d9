// Client adapters by the name used in `interlock hook <client>`.
import { amp } from './amp/index.js';
import { claude } from './claude/index.js';
import { cline } from './cline/index.js';
import { codex } from './codex/index.js';
import { copilot } from './copilot/index.js';
import { cursor } from './cursor/index.js';
import { gemini } from './gemini/index.js';
import { opencode } from './opencode/index.js';
import { windsurf } from './windsurf/index.js';
import type { ClientAdapter } from './types.js';

export const adapters: Record<string, ClientAdapter> = { claude, cursor, gemini, codex, copilot, windsurf, cline, amp, opencode };
