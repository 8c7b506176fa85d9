// Runs the filesystem analysers on a hand-built executed command.
import type { ExecCommand, Finding } from '../../../src/types.js';
import { analysers } from '../../../src/analyse/filesystem/index.js';
import { dispatchTable } from '../../../src/analyse/dispatch.js';
import { execCommand, testContext } from '../../helpers/exec.js';

const ctx = testContext();
const table = dispatchTable(analysers);

export function findings(argv: string[], options: Partial<ExecCommand> = {}): Finding[] {
  const cmd = execCommand(argv, options);
  return table.select(cmd).flatMap((a) => a.analyse(cmd, ctx));
}

/** The strictest outcome: the rule's pack decision is confirm except where a finding overrides it. */
export function outcome(argv: string[], options: Partial<ExecCommand> = {}): 'allow' | 'confirm' | 'deny' {
  const found = findings(argv, options);
  if (found.some((f) => f.decision === 'deny')) return 'deny';
  return found.length ? 'confirm' : 'allow';
}

export const rules = (argv: string[], options: Partial<ExecCommand> = {}): string[] => findings(argv, options).map((f) => f.rule);

/** Splits a simple command line on spaces and drops double quotes (tests only; quote removal is the expansion stage's job). */
export const words = (line: string): string[] => line.split(' ').filter(Boolean).map((w) => w.replaceAll('"', ''));
