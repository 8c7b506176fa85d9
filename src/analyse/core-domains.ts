// The analyser domains that look at every command (commands: ['*']). The bundle keeps them in the
// core rather than in files of their own: every hook run needs them, so a separate file would
// only add a read and a compile.
import type { Analyser } from '../types.js';
import { analysers as selfProtection } from './self-protection/index.js';
import { analysers as unknownCli } from './unknown-cli/index.js';

export const CORE_DOMAINS: Record<string, Analyser[]> = { 'self-protection': selfProtection, 'unknown-cli': unknownCli };
