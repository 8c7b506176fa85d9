// Domain analysers, dispatched by program name. Declarative rules from the packs are evaluated
// by the rule set itself (src/rules/registry.ts); these are the domains that need code. In the
// bundle this module is replaced by index.bundle.ts, which loads each domain's file on first use.
import type { Analyser, ExecCommand, Finding } from '../types.js';
import { analysers as git } from './git/index.js';
import { analysers as filesystem } from './filesystem/index.js';
import { analysers as database, analyseSql } from './database/index.js';
import { analysers as http } from './http/index.js';
import { analysers as platform } from './platform/index.js';
import { analysers as cloud } from './cloud/index.js';
import { analysers as kubernetes } from './kubernetes/index.js';
import { analysers as containers } from './containers/index.js';
import { analysers as iac } from './iac/index.js';
import { analysers as selfProtection } from './self-protection/index.js';
import { analysers as unknownCli } from './unknown-cli/index.js';
import { dispatchTable, type DispatchTable } from './dispatch.js';

/** Domains in evaluation order: self-protection first, then alphabetical (the build's order too). */
export const DOMAINS: Record<string, Analyser[]> = {
  'self-protection': selfProtection,
  cloud,
  containers,
  database,
  filesystem,
  git,
  http,
  iac,
  kubernetes,
  platform,
  'unknown-cli': unknownCli,
};

export const allAnalysers: Analyser[] = Object.values(DOMAINS).flat();

let table: DispatchTable | undefined;

export function analysersFor(cmd: ExecCommand): Analyser[] {
  table ??= dispatchTable(allAnalysers);
  return table.select(cmd);
}

export function sqlAnalyser(): (text: string, cmd: ExecCommand) => Finding[] {
  return analyseSql;
}
