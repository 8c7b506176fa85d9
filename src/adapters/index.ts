// Client adapters by the name used in `interlock hook <client>`.
import { claude } from './claude/index.js';
import type { ClientAdapter } from './types.js';

export const adapters: Record<string, ClientAdapter> = { claude };
