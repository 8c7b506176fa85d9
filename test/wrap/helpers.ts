// Shared set-up for the wrapper's end-to-end tests: a private INTERLOCK_HOME and HOME, fake tools
// first on PATH that leave a marker file when they run (no network, nothing real is touched), and
// the built CLI run on pipes (stdin is not a terminal) or on a pseudo-terminal.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, cleanEnv } from '../confirm/cli.js';

export { CLI };

export interface Sandbox {
  root: string;
  bin: string;
  marks: string;
  env: Record<string, string>;
  /** Writes a fake program into bin: it records its arguments in marks/<name> and says it ran. */
  fake(name: string, body?: string): void;
  ran(name: string): boolean;
  ranWith(name: string): string;
  cleanup(): void;
}

export function sandbox(): Sandbox {
  const root = mkdtempSync(join(tmpdir(), 'interlock-wrap-'));
  const bin = join(root, 'bin');
  const marks = join(root, 'marks');
  for (const dir of [bin, marks, join(root, 'home'), join(root, 'work')]) mkdirSync(dir);
  const base = cleanEnv(root);
  const env = { ...base, PATH: `${bin}:${base.PATH}` };
  return {
    root,
    bin,
    marks,
    env,
    fake(name, body = '') {
      const path = join(bin, name);
      writeFileSync(path, `#!/bin/sh\nprintf '%s\\n' "$*" >> '${join(marks, name)}'\necho "fake ${name} ran: $*"\n${body}\n`);
      chmodSync(path, 0o755);
    },
    ran: (name) => existsSync(join(marks, name)),
    ranWith: (name) => (existsSync(join(marks, name)) ? readFileSync(join(marks, name), 'utf8') : ''),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

export interface Result {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** `interlock <args>` with stdin a pipe (not a terminal). */
export function cli(args: string[], env: Record<string, string>, options: { cwd?: string; input?: string } = {}): Result {
  const result = spawnSync(process.execPath, [CLI, ...args], { env, cwd: options.cwd, input: options.input ?? '', encoding: 'utf8', timeout: 20_000 });
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** Any program, with stdin a pipe. */
export function program(file: string, args: string[], env: Record<string, string>, options: { cwd?: string; input?: string } = {}): Result {
  const result = spawnSync(file, args, { env, cwd: options.cwd, input: options.input ?? '', encoding: 'utf8', timeout: 20_000 });
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** The request id in a hold message. */
export function approveId(text: string): string | undefined {
  return /interlock approve ([a-z0-9]+)/.exec(text)?.[1];
}

export { spawn };
