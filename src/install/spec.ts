// What Interlock knows about installing into one client.
import type { FileChange } from './changes.js';
import type { InstallContext, Scope } from './context.js';
import type { Probe } from './probe.js';

export interface InstallPlan {
  /** File changes in the order they must be applied (a script before the config naming it). */
  changes: FileChange[];
  /** How the client will start Interlock once this is installed. */
  probe: Probe;
  /** Things the user must know or do after installing (trust prompts, feature switches). */
  notes: string[];
}

export interface Finding {
  ok: boolean;
  message: string;
}

export interface ClientSpec {
  /** The adapter name, as in `interlock hook <name>`. */
  name: string;
  title: string;
  /** Executables whose presence on PATH means the client is installed. */
  binaries: string[];
  /** User-level folders whose presence means the client is installed. */
  configDirs(ctx: InstallContext): string[];
  /** The file Interlock writes its hook into. */
  target(scope: Scope, ctx: InstallContext): string;
  plan(scope: Scope, ctx: InstallContext): InstallPlan;
  unplan(scope: Scope, ctx: InstallContext): FileChange[];
  /** Interlock hooks currently configured at this scope. */
  installed(scope: Scope, ctx: InstallContext): Probe[];
  /** Client settings that would keep an installed hook from running. */
  checks?(scope: Scope, ctx: InstallContext): Finding[];
}
