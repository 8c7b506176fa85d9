// Rule patterns are minimatch globs (matched with `dot: true`). They are compiled by
// src/rules/glob.ts on first use; minimatch itself (~8 ms to load) is loaded only for the syntax
// that compiler leaves to it (negated extglobs `!(…)`).
import { loadMinimatch } from '../util/vendor.js';
import { globSource } from './glob.js';

export type Matcher = (subject: string) => boolean;

const MAGIC = /[*?[\]{}]|^!|[@+!]\(/;
interface PatternState {
  cache: Map<string, Matcher>;
  /** Sources computed at build time for the built-in packs' globs (null: minimatch's syntax). */
  prebuilt: Map<string, string | null>;
}
// In the bundle this module is part of the core and of the analyser files that match rules
// (http, platform); every copy must see the glob sources the core seeds from the packs, so the
// state lives in a process-wide registry rather than in the module.
const registry = globalThis as unknown as Record<symbol, PatternState | undefined>;
const STATE = Symbol.for('interlock.patterns');
const state: PatternState = (registry[STATE] ??= { cache: new Map(), prebuilt: new Map() });
const { cache, prebuilt } = state;

/** Registers glob sources computed ahead of time (by `packGlobSources`) for patterns compiled later. */
export function seedGlobSources(sources: Record<string, string | null>): void {
  for (const [pattern, source] of Object.entries(sources)) prebuilt.set(pattern, source);
}

export function isGlob(pattern: string): boolean {
  return MAGIC.test(pattern);
}

export function compilePattern(pattern: string): Matcher {
  const hit = cache.get(pattern);
  if (hit) return hit;
  let matcher: Matcher;
  if (!isGlob(pattern)) {
    matcher = (subject) => subject === pattern;
  } else {
    const source = prebuilt.has(pattern) ? prebuilt.get(pattern)! : globSource(pattern);
    if (source !== null) {
      const re = new RegExp(source);
      matcher = (subject) => re.test(subject);
    } else {
      const { Minimatch } = loadMinimatch();
      const mm = new Minimatch(pattern, { dot: true });
      matcher = (subject) => mm.match(subject);
    }
  }
  cache.set(pattern, matcher);
  return matcher;
}

/** Any of the patterns (a single pattern or a list of alternatives). */
export function compileAny(patterns: string | string[] | undefined): Matcher | null {
  if (patterns === undefined) return null;
  const list = (Array.isArray(patterns) ? patterns : [patterns]).map(compilePattern);
  if (list.length === 1) return list[0];
  return (subject) => list.some((m) => m(subject));
}
