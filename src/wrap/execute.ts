// Runs the checked command: inherited stdio, the child's own exit status, signals forwarded.
// execa is loaded here and only here, after the decision (it costs ~100 ms to load; DESIGN.md §9).
import { constants } from 'node:os';
import { loadExeca } from '../util/vendor.js';
import { WRAP_EXIT } from './exit-codes.js';

export interface ExecuteOptions {
  /** Bytes fed to the child's stdin instead of inheriting ours (a script read from a pipe). */
  input?: Uint8Array;
  env?: NodeJS.ProcessEnv;
  /** Where problems starting the program are reported. */
  stderr?: (text: string) => void;
}

/**
 * Signals a wrapper passes on. A terminal's Ctrl-C also reaches the child directly (same process
 * group), so a foreground child may see SIGINT twice; programs treat that as one interrupt.
 * SIGUSR1 is left alone: Node reserves it for its inspector.
 */
const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGUSR2'] as const;

/** The status a shell reports for a process a signal ended: 128 + the signal number. */
export function signalStatus(signal: string): number {
  const number = (constants.signals as Record<string, number | undefined>)[signal];
  return 128 + (number ?? 0);
}

/**
 * Runs `file args…` and resolves with the exit status to report: the child's exit code, 128+n when
 * a signal ended it, 127/126 when it could not be started (as bash reports them).
 */
export async function execute(file: string, args: readonly string[], options: ExecuteOptions = {}): Promise<number> {
  const report = options.stderr ?? ((text: string) => process.stderr.write(text));
  const { execa } = await loadExeca();
  const child = execa(file, args, {
    stdin: options.input === undefined ? 'inherit' : 'pipe',
    stdout: 'inherit',
    stderr: 'inherit',
    ...(options.input === undefined ? {} : { input: options.input }),
    env: options.env ?? process.env,
    extendEnv: false,
    reject: false,
    // Forwarded signals are the child's business: never escalate a forwarded Ctrl-C to SIGKILL.
    forceKillAfterDelay: false,
    stripFinalNewline: false,
  });
  const forward = (signal: NodeJS.Signals) => {
    try {
      child.kill(signal);
    } catch {
      // the child is already gone
    }
  };
  for (const signal of FORWARDED) process.on(signal, forward);
  let result;
  try {
    result = await child;
  } finally {
    for (const signal of FORWARDED) process.off(signal, forward);
  }
  if (result.signal) {
    // A child ended by Ctrl-C: end the same way, so that a calling shell's loop stops too (a shell
    // only aborts a loop when the child died of SIGINT, not when it exited 130).
    if (result.signal === 'SIGINT' || result.signal === 'SIGQUIT') process.kill(process.pid, result.signal);
    return signalStatus(result.signal);
  }
  if (typeof result.exitCode === 'number') return result.exitCode;
  const code = (result as { code?: string }).code;
  if (code === 'ENOENT') {
    report(`interlock: ${file}: command not found\n`);
    return WRAP_EXIT.notFound;
  }
  if (code === 'EACCES' || code === 'ENOEXEC' || code === 'EISDIR') {
    report(`interlock: ${file}: cannot execute (${code})\n`);
    return WRAP_EXIT.cannotExecute;
  }
  report(`interlock: ${file}: could not run it (${result.shortMessage ?? result.message})\n`);
  return WRAP_EXIT.internal;
}
