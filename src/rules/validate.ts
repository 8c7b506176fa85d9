// Validates rule packs and config rules by hand (a schema library costs ~85 ms to load on the
// hook path). Each problem names the key path and what was expected, as a user fixes it.

export interface ValidationIssue {
  /** Key path: 'rules[0].decision'. */
  path: string;
  message: string;
}

const DECISIONS = ['allow', 'confirm', 'deny'];
const MATCH_KEYS = ['command', 'subcommand', 'flags', 'flagValues', 'args', 'env', 'http', 'graphql'];
const SET_KEYS = ['any', 'all', 'none'];
const RULE_KEYS = ['id', 'decision', 'action', 'reason', 'match', 'unless', 'target', 'delegate', 'examples'];

export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value);
  if (typeof value === 'object') return 'an object';
  return String(value);
}

export class Checker {
  readonly issues: ValidationIssue[] = [];

  fail(path: string, expected: string, got: unknown): void {
    this.issues.push({ path, message: `expected ${expected}, got ${describe(got)}` });
  }

  isObject(value: unknown, path: string): value is Record<string, unknown> {
    if (value && typeof value === 'object' && !Array.isArray(value)) return true;
    this.fail(path, 'an object', value);
    return false;
  }

  string(value: unknown, path: string, options: { optional?: boolean; nonEmpty?: boolean } = {}): void {
    if (value === undefined && options.optional) return;
    if (typeof value !== 'string' || (options.nonEmpty !== false && value.trim() === '')) this.fail(path, 'a non-empty string', value);
  }

  patterns(value: unknown, path: string): void {
    if (typeof value === 'string') return this.string(value, path);
    if (!Array.isArray(value) || value.length === 0) return this.fail(path, 'a pattern or a non-empty list of patterns', value);
    value.forEach((item, i) => this.string(item, `${path}[${i}]`));
  }

  stringList(value: unknown, path: string, optional = true): void {
    if (value === undefined && optional) return;
    if (!Array.isArray(value)) return this.fail(path, 'a list of strings', value);
    value.forEach((item, i) => this.string(item, `${path}[${i}]`));
  }

  unknownKeys(value: Record<string, unknown>, allowed: string[], path: string): void {
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) this.issues.push({ path: path ? `${path}.${key}` : key, message: `unknown key (expected one of ${allowed.join(', ')})` });
    }
  }
}

function checkSet(c: Checker, value: unknown, path: string): void {
  if (!c.isObject(value, path)) return;
  c.unknownKeys(value, SET_KEYS, path);
  for (const key of SET_KEYS) c.stringList(value[key], `${path}.${key}`);
}

export function checkMatch(c: Checker, value: unknown, path: string): void {
  if (Array.isArray(value)) {
    if (value.length === 0) c.fail(path, 'a match object or a non-empty list of them', value);
    value.forEach((item, i) => checkMatch(c, item, `${path}[${i}]`));
    return;
  }
  if (!c.isObject(value, path)) return;
  c.unknownKeys(value, MATCH_KEYS, path);
  if (Object.keys(value).length === 0) c.fail(path, `at least one of ${MATCH_KEYS.join(', ')}`, value);
  if (value.command !== undefined) c.patterns(value.command, `${path}.command`);
  if (value.subcommand !== undefined) {
    if (!Array.isArray(value.subcommand)) c.fail(`${path}.subcommand`, 'a list of patterns', value.subcommand);
    else value.subcommand.forEach((item, i) => c.patterns(item, `${path}.subcommand[${i}]`));
  }
  if (value.flags !== undefined) checkSet(c, value.flags, `${path}.flags`);
  if (value.args !== undefined) checkSet(c, value.args, `${path}.args`);
  if (value.flagValues !== undefined && c.isObject(value.flagValues, `${path}.flagValues`)) {
    for (const [flag, pattern] of Object.entries(value.flagValues)) c.patterns(pattern, `${path}.flagValues.${flag}`);
  }
  if (value.env !== undefined && c.isObject(value.env, `${path}.env`)) {
    for (const [name, pattern] of Object.entries(value.env)) c.string(pattern, `${path}.env.${name}`);
  }
  if (value.http !== undefined && c.isObject(value.http, `${path}.http`)) {
    c.unknownKeys(value.http, ['method', 'host', 'path'], `${path}.http`);
    for (const key of ['method', 'host', 'path']) if (value.http[key] !== undefined) c.patterns(value.http[key], `${path}.http.${key}`);
  }
  if (value.graphql !== undefined && c.isObject(value.graphql, `${path}.graphql`)) {
    c.unknownKeys(value.graphql, ['operation', 'field', 'name'], `${path}.graphql`);
    for (const key of ['operation', 'field', 'name']) if (value.graphql[key] !== undefined) c.patterns(value.graphql[key], `${path}.graphql.${key}`);
  }
}

export interface RuleCheckOptions {
  /** Built-in rules must carry ≥ 2 must-match and ≥ 1 must-not-match examples; config rules may omit them. */
  requireExamples: boolean;
  /** Prefix every id must start with, e.g. 'git.' for the git pack. */
  idPrefix?: string;
}

export function checkRule(c: Checker, value: unknown, path: string, options: RuleCheckOptions): void {
  if (!c.isObject(value, path)) return;
  c.unknownKeys(value, RULE_KEYS, path);
  if (typeof value.id !== 'string' || !/^[a-z0-9][a-z0-9_-]*(\.[a-z0-9_-]+)+$/i.test(value.id)) {
    c.fail(`${path}.id`, 'a dotted id like "team.curl.billing-api"', value.id);
  } else if (options.idPrefix && !value.id.startsWith(options.idPrefix)) {
    c.fail(`${path}.id`, `an id starting with "${options.idPrefix}"`, value.id);
  }
  if (typeof value.decision !== 'string' || !DECISIONS.includes(value.decision)) c.fail(`${path}.decision`, DECISIONS.join(' | '), value.decision);
  c.string(value.action, `${path}.action`);
  c.string(value.reason, `${path}.reason`);
  if (value.match !== undefined) checkMatch(c, value.match, `${path}.match`);
  if (value.unless !== undefined) checkMatch(c, value.unless, `${path}.unless`);
  if (value.target !== undefined && c.isObject(value.target, `${path}.target`)) {
    c.unknownKeys(value.target, ['flag', 'positional', 'text'], `${path}.target`);
    c.stringList(value.target.flag, `${path}.target.flag`);
    if (value.target.positional !== undefined && !(Number.isInteger(value.target.positional) && (value.target.positional as number) >= 0)) {
      c.fail(`${path}.target.positional`, 'a whole number ≥ 0', value.target.positional);
    }
    c.string(value.target.text, `${path}.target.text`, { optional: true });
  }
  if (value.delegate !== undefined && c.isObject(value.delegate, `${path}.delegate`)) {
    c.unknownKeys(value.delegate, ['sql'], `${path}.delegate`);
    if (value.delegate.sql !== undefined && c.isObject(value.delegate.sql, `${path}.delegate.sql`)) {
      c.unknownKeys(value.delegate.sql, ['flags', 'positional', 'stdin'], `${path}.delegate.sql`);
      c.stringList(value.delegate.sql.flags, `${path}.delegate.sql.flags`);
    }
  }
  if (value.examples === undefined) {
    if (options.requireExamples) c.fail(`${path}.examples`, '{match: [...], noMatch: [...]}', undefined);
  } else if (c.isObject(value.examples, `${path}.examples`)) {
    c.unknownKeys(value.examples, ['match', 'noMatch'], `${path}.examples`);
    c.stringList(value.examples.match, `${path}.examples.match`, !options.requireExamples);
    c.stringList(value.examples.noMatch, `${path}.examples.noMatch`, !options.requireExamples);
    if (options.requireExamples) {
      const match = value.examples.match;
      const noMatch = value.examples.noMatch;
      if (Array.isArray(match) && match.length < 2) c.fail(`${path}.examples.match`, 'at least 2 commands', match);
      if (Array.isArray(noMatch) && noMatch.length < 1) c.fail(`${path}.examples.noMatch`, 'at least 1 command', noMatch);
    }
  }
}

/** Validates a built-in pack (config/packs/*.yaml). */
export function validatePack(value: unknown): ValidationIssue[] {
  const c = new Checker();
  if (!c.isObject(value, '')) return c.issues;
  c.unknownKeys(value, ['pack', 'description', 'tools', 'rules'], '');
  if (typeof value.pack !== 'string' || !/^[a-z0-9-]+$/.test(value.pack)) c.fail('pack', 'a lower-case pack name', value.pack);
  c.string(value.description, 'description');
  if (value.tools !== undefined && c.isObject(value.tools, 'tools')) {
    for (const [name, tool] of Object.entries(value.tools)) {
      if (!c.isObject(tool, `tools.${name}`)) continue;
      c.unknownKeys(tool, ['valueFlags', 'singleDashLong', 'boolFlags'], `tools.${name}`);
      c.stringList(tool.valueFlags, `tools.${name}.valueFlags`);
      c.stringList(tool.boolFlags, `tools.${name}.boolFlags`);
    }
  }
  if (!Array.isArray(value.rules)) c.fail('rules', 'a list of rules', value.rules);
  else value.rules.forEach((rule, i) => checkRule(c, rule, `rules[${i}]`, { requireExamples: true, idPrefix: `${value.pack}.` }));
  return c.issues;
}
