// Public entry point of the shell parser: `parse` turns command text into the AST of ast.ts.
// It throws ParseError and nothing else: syntax errors as bash reports them, and limit errors
// (ParseLimits) checked before the work they guard.

import type { ParseLimits, Script } from './ast.js';
import { parseSource } from './entry.js';

export * from './ast.js';
export { DEFAULT_LIMITS } from './limits.js';
export { listHeredocs, listSimpleCommands, listSimpleCommandsOf, type CommandContext, type ListedCommand, type ListOptions } from './walk.js';

export function parse(src: string, limits?: Partial<ParseLimits>): Script {
  return parseSource(src, limits, false);
}
