// `interlock install` / `uninstall`: plan the file changes, verify the hook by running it the way
// the client will (before anything is written), then apply the changes with backups.
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { applyChanges, changed, type FileChange } from './changes.js';
import type { InstallContext, Scope } from './context.js';
import { unifiedDiff } from './diff.js';
import { InstallError } from './json-file.js';
import { canary, type Probe } from './probe.js';
import type { ClientSpec } from './spec.js';
import { which } from '../util/path-lookup.js';

export interface ChangeReport {
  path: string;
  action: 'create' | 'update' | 'delete' | 'unchanged';
  diff: string;
}

export interface InstallReport {
  client: string;
  title: string;
  scope: Scope;
  target: string;
  dryRun: boolean;
  changes: ChangeReport[];
  backups: string[];
  notes: string[];
  /** Problems the client's own settings would cause (hooks switched off…). */
  warnings: string[];
}

function report(change: FileChange): ChangeReport {
  const action = !changed(change) ? 'unchanged' : change.before === undefined ? 'create' : change.after === undefined ? 'delete' : 'update';
  return { path: change.path, action, diff: unifiedDiff(change.path, change.before, change.after) };
}

/** The probe, with files it needs that are not written yet put in a scratch folder. */
function materialize(probe: Probe, changes: FileChange[], scratch: string): Probe {
  if (probe.kind === 'shell') return probe;
  const pending = changes.find((c) => c.path === probe.path && c.after !== undefined && changed(c));
  if (!pending) return probe;
  const path = join(scratch, basename(probe.path));
  writeFileSync(path, pending.after!);
  if (probe.kind === 'exec') chmodSync(path, 0o755);
  return { ...probe, path };
}

/** Runs the incident and a safe command through the hook; throws when it would not protect. */
export function verifyProbe(spec: ClientSpec, probe: Probe, changes: FileChange[], env: NodeJS.ProcessEnv): void {
  const scratch = mkdtempSync(join(tmpdir(), 'interlock-verify-'));
  try {
    const result = canary(spec.name, materialize(probe, changes, scratch), { env });
    if (!result.ok) throw new InstallError(`the hook did not pass its check, so nothing was written:\n  - ${result.problems.join('\n  - ')}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export function installClient(spec: ClientSpec, scope: Scope, ctx: InstallContext, options: { dryRun?: boolean } = {}): InstallReport {
  const plan = spec.plan(scope, ctx);
  verifyProbe(spec, plan.probe, plan.changes, ctx.env);
  const backups = options.dryRun ? [] : applyChanges(plan.changes);
  return {
    client: spec.name,
    title: spec.title,
    scope,
    target: spec.target(scope, ctx),
    dryRun: !!options.dryRun,
    changes: plan.changes.map(report),
    backups,
    notes: plan.notes,
    warnings: (spec.checks?.(scope, ctx) ?? []).filter((f) => !f.ok).map((f) => f.message),
  };
}

export function uninstallClient(spec: ClientSpec, scope: Scope, ctx: InstallContext, options: { dryRun?: boolean } = {}): InstallReport {
  const changes = spec.unplan(scope, ctx);
  const backups = options.dryRun ? [] : applyChanges(changes);
  return { client: spec.name, title: spec.title, scope, target: spec.target(scope, ctx), dryRun: !!options.dryRun, changes: changes.map(report), backups, notes: [], warnings: [] };
}

export interface ClientStatus {
  client: string;
  title: string;
  detected: boolean;
  /** Why it counts as detected: a binary on PATH and/or a config folder. */
  evidence: string[];
  installed: { user: boolean; project: boolean };
  targets: { user: string; project: string };
}

export function clientStatus(spec: ClientSpec, ctx: InstallContext): ClientStatus {
  const evidence = [
    ...spec.binaries.map((b) => which(b, ctx.env)).filter((p): p is string => !!p),
    ...spec.configDirs(ctx).filter((dir) => existsSync(dir)),
  ];
  const safe = (scope: Scope) => {
    try {
      return spec.installed(scope, ctx).length > 0;
    } catch {
      return false;
    }
  };
  return {
    client: spec.name,
    title: spec.title,
    detected: evidence.length > 0,
    evidence,
    installed: { user: safe('user'), project: safe('project') },
    targets: { user: spec.target('user', ctx), project: spec.target('project', ctx) },
  };
}
