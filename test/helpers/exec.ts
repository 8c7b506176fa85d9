// Builds executed commands by hand, for analyser unit tests that do not go through the parser,
// with a context holding every built-in pack.
import type { AnalysisContext } from '../../src/types.js';
import { RuleSet } from '../../src/rules/registry.js';
import { builtinPacks } from '../../src/rules/builtin.js';
import { analysisContext } from './command.js';

export { execCommand } from './command.js';

export function testContext(overrides: Partial<AnalysisContext> = {}): AnalysisContext {
  return analysisContext(new RuleSet(builtinPacks), overrides);
}
