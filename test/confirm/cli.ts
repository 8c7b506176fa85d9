// Running the built CLI for the confirmation tests: on a pipe, or on a real pseudo-terminal
// (pty-drive.py), always with a private INTERLOCK_HOME and HOME and no inherited agent markers.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
/** The built CLI (global-setup builds it); INTERLOCK_TEST_CLI points elsewhere, e.g. at a private copy. */
export const CLI = process.env.INTERLOCK_TEST_CLI || join(ROOT, 'dist', 'interlock.cjs');
const DRIVER = join(import.meta.dirname, 'pty-drive.py');

/** A clean environment: nothing from the test runner (which may be an agent) leaks in. */
export function cleanEnv(home: string, extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: join(home, 'home'), INTERLOCK_HOME: join(home, 'state'), TERM: 'xterm', LANG: 'C.UTF-8', ...extra };
}

export function runPiped(args: string[], env: Record<string, string>, input = ''): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { env, input, encoding: 'utf8', timeout: 20_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export interface Step {
  /** Regex to wait for on the screen (searched after the previous match). */
  expect: string;
  /** Keys to type then. */
  send: string;
  /** Type this group of the match first (answer what the screen asked for). */
  sendGroup?: number;
}

export interface Driven {
  exit: number | null;
  output: string;
  timedOut: boolean;
}

/** Runs `interlock <args>` on a pseudo-terminal, answering each `expect` regex with `send`. */
export function onTerminal(args: string[], env: Record<string, string>, steps: Step[], timeout = 12): Promise<Driven> {
  return argvOnTerminal([process.execPath, CLI, ...args], env, steps, timeout);
}

/** Runs any argv on a pseudo-terminal (detached from the test runner's process tree). */
export function argvOnTerminal(argv: string[], env: Record<string, string>, steps: Step[], timeout = 12): Promise<Driven> {
  const spec = { argv, env, steps, timeout, detach: true };
  return new Promise((resolve, reject) => {
    const child = spawn('python3', [DRIVER, JSON.stringify(spec)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', () => {
      try {
        resolve(JSON.parse(out) as Driven);
      } catch {
        reject(new Error(`pty driver failed: ${err || out}`));
      }
    });
  });
}
