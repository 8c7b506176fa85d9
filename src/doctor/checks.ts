// `interlock doctor`'s checks. General: the CLI can name itself, the config loads, the state
// folder takes writes. Per installed hook: the programs its command names exist, and the hook —
// run exactly as its client runs it, with the client's payload and a throwaway INTERLOCK_HOME —
// blocks the incident command with `interlock approve <id>` and stays silent on `git status`.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadEffectiveConfig } from '../config/load.js';
import { clients } from '../install/clients/index.js';
import type { InstallContext, Scope } from '../install/context.js';
import { commandPaths, type Launcher } from '../install/launcher.js';
import { canary, type Probe } from '../install/probe.js';
import type { ClientSpec } from '../install/spec.js';
import { isExecutable, which } from '../util/path-lookup.js';
import { resolvePaths } from '../state/paths.js';

export interface Check {
  ok: boolean;
  message: string;
}

export interface HookReport {
  client: string;
  title: string;
  scope: Scope;
  target: string;
  hook: string;
  checks: Check[];
}

export interface DoctorReport {
  ok: boolean;
  general: Check[];
  hooks: HookReport[];
  /** Clients with no Interlock hook, for the listing. */
  notInstalled: { client: string; title: string }[];
}

function describe(probe: Probe): string {
  return probe.kind === 'shell' ? probe.command : probe.path;
}

/** The paths a probe depends on, each checked to exist (the program also to be executable). */
export function resolves(probe: Probe, env: NodeJS.ProcessEnv): Check {
  const missing: string[] = [];
  if (probe.kind === 'shell') {
    const paths = commandPaths(probe.command);
    if (paths.length === 0) {
      const program = /^\s*"?([^\s"]+)/.exec(probe.command)?.[1] ?? '';
      if (!which(program, env)) missing.push(`${program} (not on PATH)`);
    } else {
      if (!isExecutable(paths[0])) missing.push(paths[0]);
      for (const path of paths.slice(1)) if (!existsSync(path)) missing.push(path);
    }
  } else if (!existsSync(probe.path)) missing.push(probe.path);
  else {
    if (probe.kind === 'exec' && !isExecutable(probe.path)) missing.push(`${probe.path} (not executable)`);
    // Scripts and the plugin launch Node and the CLI by absolute path too.
    const text = readFileSync(probe.path, 'utf8');
    const launcher = /const INTERLOCK = (\[.*\]);/.exec(text)?.[1];
    const named = launcher ? (JSON.parse(launcher) as string[]) : [...text.matchAll(/"(\/[^"]+)"/g)].map((m) => m[1]);
    for (const path of named.filter((p) => p.startsWith('/'))) if (!existsSync(path)) missing.push(path);
  }
  return missing.length
    ? { ok: false, message: `the hook names something that does not exist: ${missing.join(', ')} — reinstall with \`interlock install\`` }
    : { ok: true, message: 'the hook command resolves' };
}

export function hookChecks(spec: ClientSpec, scope: Scope, probe: Probe, ctx: InstallContext): Check[] {
  const checks = [resolves(probe, ctx.env)];
  const result = canary(spec.name, probe, { env: ctx.env });
  checks.push(
    result.ok
      ? { ok: true, message: 'blocks the incident command with `interlock approve <id>`; no opinion on `git status`' }
      : { ok: false, message: `canary failed: ${result.problems.join('; ')}` },
  );
  for (const finding of spec.checks?.(scope, ctx) ?? []) checks.push(finding);
  return checks;
}

function stateWritable(env: NodeJS.ProcessEnv): Check {
  const paths = resolvePaths(env);
  const probe = join(paths.state, `.doctor-${process.pid}`);
  try {
    mkdirSync(paths.state, { recursive: true });
    writeFileSync(probe, 'ok');
    rmSync(probe);
    return { ok: true, message: `state folder is writable: ${paths.state}` };
  } catch (error) {
    return { ok: false, message: `state folder is not writable (${paths.state}): ${(error as Error).message} — held commands cannot be recorded, so every destructive command would be blocked without an approval path` };
  }
}

export async function runDoctor(ctx: InstallContext, cwd: string, only?: string): Promise<DoctorReport> {
  const general: Check[] = [];
  const launcher: Launcher = ctx.launcher;
  general.push({ ok: true, message: `Interlock CLI: ${launcher.cli} (Node ${launcher.node})` });
  const config = await loadEffectiveConfig(cwd, ctx.env);
  general.push(
    config.errors.length
      ? { ok: false, message: `config errors (built-in rules still protect): ${config.errors.map((e) => `${e.file}: ${e.message}`).join('; ')}` }
      : { ok: true, message: 'config loads without errors' },
  );
  general.push(stateWritable(ctx.env));

  const hooks: HookReport[] = [];
  const notInstalled: DoctorReport['notInstalled'] = [];
  for (const spec of clients.filter((c) => !only || c.name === only)) {
    let found = 0;
    // Run from the home folder, the project's config is the user's: check it once.
    const scopes: Scope[] = spec.target('user', ctx) === spec.target('project', ctx) ? ['user'] : ['user', 'project'];
    for (const scope of scopes) {
      let probes: Probe[] = [];
      try {
        probes = spec.installed(scope, ctx);
      } catch {
        probes = [];
      }
      for (const probe of probes) {
        found++;
        hooks.push({ client: spec.name, title: spec.title, scope, target: spec.target(scope, ctx), hook: describe(probe), checks: hookChecks(spec, scope, probe, ctx) });
      }
    }
    if (!found) notInstalled.push({ client: spec.name, title: spec.title });
  }
  if (hooks.length === 0) general.push({ ok: false, message: only ? `Interlock is not installed for ${only}` : 'Interlock is not installed in any agent client (run `interlock install`)' });
  const ok = [...general, ...hooks.flatMap((h) => h.checks)].every((c) => c.ok);
  return { ok, general, hooks, notInstalled };
}
