// Every command but `hook`, in the order `interlock --help` lists them. The bundle keeps these in
// their own file (dist/interlock-commands.cjs): the hook, which starts for every command an agent
// runs, never loads the installer, the wrapper or the approval prompt.
import type { CliCommand } from '../command.js';
import { command as check } from './check.js';
import { command as explain } from './explain.js';
import { command as approve } from './approve.js';
import { command as deny } from './deny.js';
import { command as pending } from './pending.js';
import { command as watch } from './watch.js';
import { command as log } from './log.js';
import { command as rules } from './rules.js';
import { command as trust } from './trust.js';
import { command as install } from './install.js';
import { command as uninstall } from './uninstall.js';
import { command as doctor } from './doctor.js';
import { command as run } from './run.js';
import { command as shell } from './shell.js';
import { command as init } from './init.js';

export const commands: CliCommand[] = [check, explain, approve, deny, pending, watch, log, rules, trust, install, uninstall, doctor, run, shell, init];
