// The config file format, and its validation. Every problem names the key path and what was
// expected: `.interlockrc.json: rules[0].decision: expected allow | confirm | deny, got "sometimes"`.
import { Checker, checkRule, type ValidationIssue } from '../rules/validate.js';
import type { RuleSpec } from '../rules/schema.js';

export interface InterlockConfig {
  /** Presets: relative paths or npm package names, applied before this file. */
  extends?: string | string[];
  /** Extra rules (same format as the built-in packs; examples recommended). */
  rules?: RuleSpec[];
  /** Rule ids or pack names to switch off. */
  disable?: string[];
  confirm?: {
    /** Seconds the hook waits for a grant before blocking (default 0, at most 25). */
    waitSeconds?: number;
    /** How long an approval stays valid (default 10). */
    grantTtlMinutes?: number;
  };
  audit?: {
    /** Rotate the audit log above this size (default 10 MiB). */
    maxBytes?: number;
  };
}

const TOP_KEYS = ['extends', 'rules', 'disable', 'confirm', 'audit', '$schema'];

function number(c: Checker, value: unknown, path: string, min: number, max: number): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) c.fail(path, `a number from ${min} to ${max}`, value);
}

export function validateConfig(value: unknown): ValidationIssue[] {
  const c = new Checker();
  if (!c.isObject(value, '(top level)')) return c.issues;
  c.unknownKeys(value, TOP_KEYS, '');
  if (value.extends !== undefined) {
    if (typeof value.extends === 'string') c.string(value.extends, 'extends');
    else c.stringList(value.extends, 'extends', false);
  }
  if (value.rules !== undefined) {
    if (!Array.isArray(value.rules)) c.fail('rules', 'a list of rules', value.rules);
    else {
      value.rules.forEach((rule, i) => {
        // `action` may be left out in config rules; it defaults from the id.
        const withAction = rule && typeof rule === 'object' && !Array.isArray(rule) && (rule as Record<string, unknown>).action === undefined ? { ...rule, action: (rule as Record<string, unknown>).id } : rule;
        checkRule(c, withAction, `rules[${i}]`, { requireExamples: false });
      });
    }
  }
  c.stringList(value.disable, 'disable');
  if (value.confirm !== undefined && c.isObject(value.confirm, 'confirm')) {
    c.unknownKeys(value.confirm, ['waitSeconds', 'grantTtlMinutes'], 'confirm');
    number(c, value.confirm.waitSeconds, 'confirm.waitSeconds', 0, 25);
    number(c, value.confirm.grantTtlMinutes, 'confirm.grantTtlMinutes', 1, 1440);
  }
  if (value.audit !== undefined && c.isObject(value.audit, 'audit')) {
    c.unknownKeys(value.audit, ['maxBytes'], 'audit');
    number(c, value.audit.maxBytes, 'audit.maxBytes', 64 * 1024, 1024 * 1024 * 1024);
  }
  return c.issues;
}
