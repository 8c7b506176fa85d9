// Claude Code's CLAUDE_CODE_SHELL_PREFIX hands the prefix program one argument: the whole command
// line it built around the agent's command, e.g.
//
//   source ~/.claude/shell-snapshots/snapshot-bash-….sh 2>/dev/null || true && { shopt -u extglob
//   || setopt NO_EXTENDED_GLOB; } >/dev/null 2>&1 || true && eval 'git push --force' \< /dev/null
//   && pwd -P >| /tmp/claude-13a4-cwd
//
// (anthropics/claude-code#4399 shows a logged example; the construction is bashProvider.ts's
// buildExecCommand + formatShellPrefixCommand in Claude Code's source.) The last file name carries
// a fresh random id on every call, so the same agent command never has the same text twice, and a
// grant bound to the exact text could never be used. The key Interlock checks and binds a grant to
// therefore replaces that id with a fixed placeholder. Nothing else changes, and the two texts run
// the same commands: `pwd -P` writing into a file of the same folder.
import { parse, ParseError, type Script } from '../parse/index.js';

const CWD_FILE = /^(.*\/)(?:claude-[0-9A-Za-z]+-cwd|cwd-[0-9A-Za-z]+)$/;
export const CWD_PLACEHOLDER = 'claude-ID-cwd';

function parsed(text: string): Script | undefined {
  try {
    return parse(text);
  } catch (error) {
    if (error instanceof ParseError) return undefined;
    throw error;
  }
}

/** The script with the per-call id of a trailing `&& pwd -P >| …/claude-<id>-cwd` made constant. */
export function stableScriptKey(script: string): string {
  if (!script.includes('pwd -P')) return script;
  const tree = parsed(script);
  if (!tree || tree.statements.length !== 1 || tree.statements[0].background) return script;
  const last = tree.statements[0].body.rest.at(-1);
  if (!last || last.op !== '&&' || last.pipeline.commands.length !== 1 || last.pipeline.negated) return script;
  const command = last.pipeline.commands[0];
  if (command.type !== 'SimpleCommand' || command.assignments.length || command.redirects.length !== 1) return script;
  if (command.words.length !== 2 || command.words[0].value !== 'pwd' || command.words[1].value !== '-P') return script;
  const redirect = command.redirects[0];
  if (redirect.op !== '>|' || redirect.fd !== null || !redirect.target.literal) return script;
  const match = CWD_FILE.exec(redirect.target.value);
  if (!match) return script;
  // The target is the last word of the script: rewrite it, single-quoted (the folder may need it).
  const stable = `'${(match[1] + CWD_PLACEHOLDER).replace(/'/g, `'\\''`)}'`;
  return script.slice(0, redirect.target.span.start) + stable + script.slice(redirect.target.span.end);
}
