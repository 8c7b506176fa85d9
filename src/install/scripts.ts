// Small executables Interlock writes for clients that run a program rather than a command line
// (Cline's hook files, Amp's delegate program). Each fails closed in its client's own terms and
// carries a marker line, so Interlock only ever replaces or removes files it wrote.
import { existsSync, readFileSync } from 'node:fs';
import type { FileChange } from './changes.js';
import { InstallError } from './json-file.js';
import { shellWord, type Launcher } from './launcher.js';

export const MANAGED_MARK = 'interlock-managed-hook';

export function isManagedFile(text: string | undefined): boolean {
  return text !== undefined && text.includes(MANAGED_MARK);
}

function launch(launcher: Pick<Launcher, 'node' | 'cli'>, client: string): string {
  return `${shellWord(launcher.node)} ${shellWord(launcher.cli)} hook ${client}`;
}

/**
 * Cline reads JSON on stdout whatever the exit code, and treats a hook that prints no JSON as an
 * error rather than a block. So whatever happens to Interlock, this prints JSON, and only a clean
 * answer from Interlock can say {"cancel": false}.
 */
export function clineScript(launcher: Pick<Launcher, 'node' | 'cli'>): string {
  return `#!/bin/sh
# ${MANAGED_MARK} (cline): written by \`interlock install cline\`; \`interlock uninstall cline\` removes it.
out=$(${launch(launcher, 'cline')})
status=$?
if [ "$status" -eq 0 ] && [ -n "$out" ]; then
  printf '%s\\n' "$out"
else
  printf '%s\\n' '{"cancel":true,"errorMessage":"Interlock could not check this command (its hook failed to run), so it is blocked. Run: interlock doctor","contextModification":"Interlock could not check this command, so it was blocked. Stop and tell the user; do not retry or work around it."}'
fi
exit 0
`;
}

/**
 * Amp reads the delegate's exit code: 0 allow, 1 ask the operator, 2+ reject (stderr to the
 * model). Interlock answers 1 or 2; a 0 is turned into 1 so nothing here can ever allow a command
 * without Amp's own prompt, and a launcher that cannot start (126/127) rejects.
 */
export function ampDelegateScript(launcher: Pick<Launcher, 'node' | 'cli'>): string {
  return `#!/bin/sh
# ${MANAGED_MARK} (amp): Amp's delegate program for Bash, written by \`interlock install amp\`.
${launch(launcher, 'amp')}
status=$?
if [ "$status" -eq 0 ]; then exit 1; fi
exit "$status"
`;
}

/** The change that writes an executable Interlock owns, refusing to replace someone else's file. */
export function managedFileChange(path: string, content: string, what: string): FileChange {
  const before = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (before !== undefined && !isManagedFile(before)) {
    throw new InstallError(`${path} already exists and was not written by Interlock (${what}); move it aside or merge it by hand — Interlock will not replace it`);
  }
  return { path, before, after: content, mode: 0o755 };
}
