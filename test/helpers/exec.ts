// Builds executed commands by hand, for analyser unit tests that do not go through the parser.
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AnalysisContext, ExecCommand } from '../../src/types.js';
import { RuleSet } from '../../src/rules/registry.js';
import { builtinPacks } from '../../src/rules/builtin.js';
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

export function testContext(overrides: Partial<AnalysisContext> = {}): AnalysisContext {
  return {
    rules: new RuleSet(builtinPacks),
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
