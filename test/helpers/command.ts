// Executed commands and analysis contexts built by hand, for analyser unit tests that do not go
// through the parser. Pack-free: a domain's tests can pair these with only their own packs, so
// other packs being edited cannot break them (exec.ts adds the context with every built-in pack).
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AnalysisContext, ExecCommand } from '../../src/types.js';
import type { RuleSet } from '../../src/rules/registry.js';
import { analyseSql } from '../../src/analyse/database/sql.js';

export function execCommand(argv: string[], options: Partial<ExecCommand> = {}): ExecCommand {
  const name = argv[0]?.split('/').pop() ?? '';
  return {
    argv,
    dynamic: argv.map((a) => /[$`*?]/.test(a)),
    name,
    env: {},
    redirects: [],
    via: [],
    context: 'top',
    cwd: '/work/project',
    display: argv.join(' '),
    ...options,
  };
}

/** A context with these rules that reads real files (up to 256 KiB, as the hook does). */
export function analysisContext(rules: RuleSet, overrides: Partial<AnalysisContext> = {}): AnalysisContext {
  return {
    rules,
    readFile(path, cwd) {
      try {
        const full = resolve(cwd, path);
        if (statSync(full).size > 256 * 1024) return undefined;
        return readFileSync(full, 'utf8');
      } catch {
        return undefined;
      }
    },
    analyseSql,
    ...overrides,
  };
}
