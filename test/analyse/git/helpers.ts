// Runs the git analysers on a hand-built executed command.
import type { ExecCommand, Finding } from '../../../src/types.js';
import { analysers } from '../../../src/analyse/git/index.js';
import { execCommand, testContext } from '../../helpers/exec.js';

const ctx = testContext();

export function findings(argv: string[], options: Partial<ExecCommand> = {}): Finding[] {
  const cmd = execCommand(argv, options);
  return analysers.filter((a) => a.commands.includes(cmd.name)).flatMap((a) => a.analyse(cmd, ctx));
}

export const rules = (argv: string[], options: Partial<ExecCommand> = {}): string[] => findings(argv, options).map((f) => f.rule);

/** `git push -f origin main` → argv (tests only; no quoting). */
export const git = (line: string): string[] => ['git', ...line.split(' ').filter(Boolean)];
