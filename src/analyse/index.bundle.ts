// Bundle-time replacement for index.ts: each domain is its own file (dist/analyse-<domain>.cjs),
// loaded the first time a command names one of its programs. dist/analyse-index.json, written by
// scripts/build.mjs from the domains' own `commands` lists, says which file serves which program.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Analyser, ExecCommand, Finding } from '../types.js';
import { loadChunk } from '../util/vendor.js';
import { writesThroughRedirect } from './dispatch.js';
import { CORE_DOMAINS } from './core-domains.js';
import { own } from '../util/own.js';

declare const __dirname: string;

interface AnalyserIndex {
  /** Domains in evaluation order. */
  domains: string[];
  /** Program name (or '*', '>') → domains with an analyser for it. */
  commands: Record<string, string[]>;
}

interface DomainModule {
  analysers: Analyser[];
  analyseSql?: (text: string, cmd: ExecCommand) => Finding[];
}

let index: AnalyserIndex | undefined;
// The domains every command needs (core-domains.ts) are in this bundle; the others are files.
const domains = new Map<string, DomainModule>(Object.entries(CORE_DOMAINS).map(([name, analysers]) => [name, { analysers }]));
const selected = new Map<string, Analyser[]>();

function domain(name: string): DomainModule {
  let module = domains.get(name);
  if (!module) domains.set(name, (module = loadChunk<DomainModule>(`analyse-${name}.cjs`)));
  return module;
}

function forKey(key: string): Analyser[] {
  let list = selected.get(key);
  if (list) return list;
  index ??= JSON.parse(readFileSync(join(__dirname, 'analyse-index.json'), 'utf8')) as AnalyserIndex;
  const names = own(index.commands, key) ?? [];
  list = index.domains.filter((d) => names.includes(d)).flatMap((d) => domain(d).analysers.filter((a) => a.commands.includes(key)));
  selected.set(key, list);
  return list;
}

const combined = new Map<string, Analyser[]>();

export function analysersFor(cmd: ExecCommand): Analyser[] {
  const writes = writesThroughRedirect(cmd);
  const key = writes ? `>${cmd.name}` : cmd.name;
  let list = combined.get(key);
  if (!list) {
    list = [...forKey('*'), ...(cmd.name ? forKey(cmd.name) : []), ...(writes ? forKey('>') : [])];
    combined.set(key, list);
  }
  return list;
}

export function sqlAnalyser(): (text: string, cmd: ExecCommand) => Finding[] {
  return domain('database').analyseSql!;
}
