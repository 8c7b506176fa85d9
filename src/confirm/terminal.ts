// The human side of a confirmation: approving needs an interactive terminal on stdin and stdout
// that is not an agent's. Agents' shell tools run without one (Claude Code documents it), and an
// agent that fakes one (script, expect, a pty library) still shows up in the environment or
// among the ancestors.
import { readlinkSync } from 'node:fs';
import { userInfo } from 'node:os';
import { detectAgent, type ProcessInfo } from './agent-detect.js';
import { childProcess } from '../util/vendor.js';

export interface TerminalCheck {
  ok: boolean;
  /** Why approving is refused, for the human. */
  reason?: string;
}

export interface TerminalProbe {
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  env: NodeJS.ProcessEnv;
  ancestors?: readonly ProcessInfo[];
}

function currentProbe(): TerminalProbe {
  return { stdinIsTTY: process.stdin.isTTY === true, stdoutIsTTY: process.stdout.isTTY === true, env: process.env };
}

/** Whether a human can approve from here. */
export function checkHumanTerminal(probe: TerminalProbe = currentProbe()): TerminalCheck {
  if (!probe.stdinIsTTY || !probe.stdoutIsTTY) {
    const which = !probe.stdinIsTTY && !probe.stdoutIsTTY ? 'stdin and stdout are' : !probe.stdinIsTTY ? 'stdin is' : 'stdout is';
    return {
      ok: false,
      reason: `Approving needs an interactive terminal, and ${which} not one. Run this yourself in a terminal window; approvals cannot be piped or scripted.`,
    };
  }
  const sign = detectAgent(probe.env, probe.ancestors);
  if (sign) {
    const where = sign.kind === 'environment' ? `the environment variable ${sign.evidence}` : `${sign.evidence} among this command's parent processes`;
    return {
      ok: false,
      reason: `This terminal belongs to an AI agent (${sign.agent}: ${where}). Only a human may approve: run it in a terminal of your own, outside the agent.`,
    };
  }
  return { ok: true };
}

/** The terminal device of stdin (`/dev/pts/3`), when it can be told. */
export function ttyName(): string | undefined {
  if (process.platform === 'linux') {
    try {
      const target = readlinkSync('/proc/self/fd/0');
      if (target.startsWith('/dev/')) return target;
    } catch {
      // fall through
    }
  }
  if (process.platform === 'win32') return undefined;
  try {
    const out = childProcess().execFileSync('tty', [], { encoding: 'utf8', stdio: ['inherit', 'pipe', 'ignore'], timeout: 2000 }).trim();
    return out.startsWith('/dev/') ? out : undefined;
  } catch {
    return undefined;
  }
}

export function userName(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER || process.env.USERNAME || 'unknown';
  }
}
