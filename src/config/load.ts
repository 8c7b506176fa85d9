// Effective configuration for one decision: built-in packs, the user's config, and project
// configs that may only tighten (add rules, raise decisions) until the user trusts them.
import { builtinRules } from '../pipeline.js';
import { builtinPackSource } from '../rules/builtin.js';
import { RuleSet, type LoadedRule } from '../rules/registry.js';
import { DECISION_RANK } from '../types.js';
import { homeDir, resolvePaths } from '../state/paths.js';
import { findProjectConfigs, findUserConfig } from './discover.js';
import { readConfigFile, type ConfigProblem, type LoadedConfigFile } from './read.js';
import { isTrusted, readTrust } from './trust.js';

export type ConfigError = ConfigProblem;

export interface EffectiveConfig {
  rules: RuleSet;
  /** Broken files: their content is not applied; built-in rules keep protecting. */
  errors: ConfigError[];
  /** Entries ignored because an untrusted project file tried to loosen the guard. */
  notices: string[];
  /** Config files applied, in order. */
  sources: string[];
  /** Files found, with their content hash (for `interlock trust`). */
  files: LoadedConfigFile[];
  waitSeconds: number;
  /** Never wait longer than this, whatever the config says (clients' hook timeouts are longer). */
  maxWaitMs: number;
  grantTtlMinutes: number;
  auditMaxBytes: number;
}

const DEFAULTS = { waitSeconds: 0, maxWaitMs: 8000, grantTtlMinutes: 10, auditMaxBytes: 10 * 1024 * 1024 };
/** The guard's own protection cannot be switched off by any config. */
const PROTECTED_PACKS = new Set(['self']);

function defaults(rules: RuleSet): EffectiveConfig {
  return { rules, errors: [], notices: [], sources: [], files: [], ...DEFAULTS };
}

export async function loadEffectiveConfig(cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<EffectiveConfig> {
  const paths = resolvePaths(env);
  const home = homeDir(env);
  const user = findUserConfig(paths.config);
  const projects = findProjectConfigs(cwd, [paths.config, home]);
  if (!user && projects.length === 0) return defaults(builtinRules());

  const trust = readTrust(paths);
  const files: LoadedConfigFile[] = [];
  for (const found of [...(user ? [user] : []), ...projects]) {
    files.push(await readConfigFile(found, paths.cache, { trusted: (hash) => isTrusted(trust, found.path, hash) }));
  }

  const result = defaults(builtinRules());
  result.files = files;
  for (const file of files) result.errors.push(...file.problems);
  // A broken user config: run on built-ins alone rather than half a config. A broken project file
  // is skipped on its own, so that breaking a repository file cannot switch off the user's rules.
  const userBroken = files.some((f) => f.level === 'user' && f.problems.length > 0);
  if (userBroken) return result;

  const disabled = new Set<string>();
  const overrides = new Map<string, LoadedRule['decision']>();
  const added: LoadedRule[] = [];
  const builtin = result.rules;

  for (const file of files) {
    if (file.problems.length) continue;
    const trusted = file.level === 'user' || isTrusted(trust, file.path, file.hash);
    const ignore = (what: string) => result.notices.push(`${file.path}: ${what} ignored — a project config may only tighten the guard until you run \`interlock trust\` in your own terminal`);
    const { config } = file;
    for (const id of config.disable ?? []) {
      if (PROTECTED_PACKS.has(id) || PROTECTED_PACKS.has(id.split('.')[0])) result.notices.push(`${file.path}: disable "${id}" ignored — Interlock's self-protection cannot be switched off`);
      else if (trusted) disabled.add(id);
      else ignore(`disable "${id}"`);
    }
    for (const rule of config.rules ?? []) {
      const existing = builtin.byId.get(rule.id);
      if (existing && !rule.match) {
        // Same id, no match: a new decision for a built-in rule.
        const loosens = DECISION_RANK[rule.decision] < DECISION_RANK[overrides.get(rule.id) ?? existing.decision];
        if (loosens && (!trusted || PROTECTED_PACKS.has(existing.pack))) ignore(`rule "${rule.id}" (lowers a built-in decision)`);
        else overrides.set(rule.id, rule.decision);
        continue;
      }
      if (existing) {
        result.errors.push({ file: file.path, message: `rules: id "${rule.id}" is a built-in rule; give a new rule its own id, or leave out "match" to change the built-in rule's decision` });
        continue;
      }
      if (!rule.match) {
        result.errors.push({ file: file.path, message: `rules: "${rule.id}" has no "match" and is not a built-in rule id` });
        continue;
      }
      if (rule.decision === 'allow' && !trusted) {
        ignore(`allow rule "${rule.id}"`);
        continue;
      }
      added.push({ ...rule, pack: file.level, source: rule.source ?? file.path });
    }
    if (config.confirm?.waitSeconds !== undefined) result.waitSeconds = config.confirm.waitSeconds;
    if (config.confirm?.grantTtlMinutes !== undefined) {
      if (trusted || config.confirm.grantTtlMinutes <= result.grantTtlMinutes) result.grantTtlMinutes = config.confirm.grantTtlMinutes;
      else ignore('a longer confirm.grantTtlMinutes');
    }
    if (config.audit?.maxBytes !== undefined && file.level === 'user') result.auditMaxBytes = config.audit.maxBytes;
    result.sources.push(file.path);
  }

  if (disabled.size === 0 && overrides.size === 0 && added.length === 0) return result;
  const rules = new RuleSet(builtinPackSource(), { disabled, overrides });
  for (const rule of added) rules.addRule(rule);
  result.rules = rules;
  return result;
}
