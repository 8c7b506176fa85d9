// The commands other than `hook` (see all.ts). The bundle swaps this for registry.bundle.ts.
import type { CliCommand } from '../command.js';
import { commands } from './all.js';

export function otherCommands(): CliCommand[] {
  return commands;
}
