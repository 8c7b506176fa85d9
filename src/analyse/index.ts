// Domain analysers, dispatched by program name. Declarative rules from the packs are evaluated
// by the rule set itself (src/rules/registry.ts); these are the domains that need code.
import type { Analyser } from '../types.js';
import { analysers as git } from './git/index.js';
import { analysers as filesystem } from './filesystem/index.js';
import { analysers as database } from './database/index.js';
import { analysers as http } from './http/index.js';
import { analysers as platform } from './platform/index.js';
import { analysers as cloud } from './cloud/index.js';
import { analysers as kubernetes } from './kubernetes/index.js';
import { analysers as containers } from './containers/index.js';
import { analysers as iac } from './iac/index.js';
import { analysers as selfProtection } from './self-protection/index.js';

export const allAnalysers: Analyser[] = [
  ...selfProtection,
  ...git,
  ...filesystem,
  ...database,
  ...http,
  ...platform,
  ...cloud,
  ...kubernetes,
  ...containers,
  ...iac,
];

let table: Map<string, Analyser[]> | null = null;
/** Analysers that run on every command, whatever its name ('*' in `commands`). */
let everyCommand: Analyser[] = [];

export function analysersFor(name: string): Analyser[] {
  if (!table) {
    table = new Map();
    everyCommand = allAnalysers.filter((a) => a.commands.includes('*'));
    for (const analyser of allAnalysers) {
      for (const command of analyser.commands) {
        if (command !== '*') table.set(command, [...(table.get(command) ?? []), analyser]);
      }
    }
  }
  const specific = table.get(name);
  return specific ? [...everyCommand, ...specific] : everyCommand;
}
