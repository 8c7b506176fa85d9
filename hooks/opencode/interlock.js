// Interlock for OpenCode: holds destructive shell commands until a human approves them out of band.
//
// Install with `interlock install opencode` (copies this file into OpenCode's plugins folder with
// the absolute paths of Node and the Interlock CLI filled in), or copy it by hand into
// `.opencode/plugins/` or `~/.config/opencode/plugins/` and keep `interlock` on PATH.
//
// How it decides: for every shell tool call, `tool.execute.before` runs `interlock hook opencode` with
// the call as JSON on stdin. Exit 0 means "no opinion" (OpenCode's own permission rules apply);
// anything else — a held or denied command, a crash, a time-out, a missing CLI — throws, and a
// throw blocks the call with the message the model sees. It fails closed by construction: the
// only path that lets a call through is a clean exit 0.
//
// Why the hook and not `interlock check --json`: `check` only judges; the hook also records the
// pending request that `interlock approve <id>` grants, consumes a one-time grant when the
// approved command is re-run, and writes the audit log.
import { spawnSync } from 'node:child_process';

// interlock-command: the installer replaces this line with absolute paths.
const INTERLOCK = ['interlock'];
/** Longer than Interlock's slowest answer (~2 s; 8 s more when it waits for an approval); slower is a failure (block). */
const TIMEOUT_MS = 15_000;

function check(payload) {
  const [program, ...args] = INTERLOCK;
  const result = spawnSync(program, [...args, 'hook', 'opencode'], {
    input: JSON.stringify(payload),
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
    maxBuffer: 4 * 1024 * 1024,
  });
  if (result.error) {
    throw new Error(`Interlock blocked this command: its hook could not run (${result.error.message}). Stop and tell the user; do not work around this.`);
  }
  if (result.status === 0) return;
  const reason = (result.stderr || '').trim();
  throw new Error(reason || `Interlock blocked this command: its hook ended with ${result.signal ?? `exit code ${result.status}`}. Stop and tell the user; do not work around this.`);
}

// OpenCode registers every exported function as a plugin: export exactly one.
export const InterlockPlugin = async ({ directory }) => ({
  'tool.execute.before': async (input, output) => {
    // Only the shell tool runs commands; skipping the others saves a process per file read.
    if (input.tool !== 'bash') return;
    check({ tool: input.tool, sessionID: input.sessionID, callID: input.callID, cwd: directory, args: output.args });
  },
});
