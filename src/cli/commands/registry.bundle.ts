// Bundle-time replacement for registry.ts: the commands other than `hook` are their own file.
import type { CliCommand } from '../command.js';
import { loadChunk } from '../../util/vendor.js';

export function otherCommands(): CliCommand[] {
  return loadChunk<{ commands: CliCommand[] }>('interlock-commands.cjs').commands;
}
