// Skips a wrapper's own options to find where the wrapped command starts.
import type { Value } from './scope.js';

export interface OptionScan {
  /** Index of the first word that is not an option (or args.length). */
  index: number;
  /** Options seen, with their values (true for flags). */
  found: Map<string, string | true>;
  /** A literal `--` ended the options. */
  dashDash: boolean;
}

/**
 * Scans options from `from`. `valueOptions` lists options that take a value (`-u`, `--user`);
 * a short one may carry it attached (`-uroot`) or take the next word.
 */
export function scanOptions(args: readonly Value[], from: number, valueOptions: readonly string[]): OptionScan {
  const found = new Map<string, string | true>();
  let i = from;
  while (i < args.length) {
    const word = args[i].text;
    if (word === '--') return { index: i + 1, found, dashDash: true };
    if (word.length < 2 || word[0] !== '-') break;
    if (word[1] === '-') {
      const eq = word.indexOf('=');
      if (eq > 0) found.set(word.slice(0, eq), word.slice(eq + 1));
      else if (valueOptions.includes(word) && i + 1 < args.length) {
        found.set(word, args[i + 1].text);
        i++;
      } else found.set(word, true);
      i++;
      continue;
    }
    if (valueOptions.includes(word) && i + 1 < args.length) {
      found.set(word, args[i + 1].text);
      i += 2;
      continue;
    }
    for (let j = 1; j < word.length; j++) {
      const name = '-' + word[j];
      if (valueOptions.includes(name)) {
        const attached = word.slice(j + 1);
        if (attached) found.set(name, attached);
        else if (i + 1 < args.length) {
          found.set(name, args[i + 1].text);
          i++;
        }
        break;
      }
      found.set(name, true);
    }
    i++;
  }
  return { index: i, found, dashDash: false };
}

export function has(scan: OptionScan, ...names: string[]): boolean {
  return names.some((n) => scan.found.has(n));
}

export function optionValue(scan: OptionScan, ...names: string[]): string | undefined {
  for (const n of names) {
    const v = scan.found.get(n);
    if (typeof v === 'string') return v;
  }
  return undefined;
}

/** The Value of an option as given (keeps its known flag), found by re-scanning. */
export function optionWord(args: readonly Value[], from: number, to: number, names: readonly string[]): Value | undefined {
  for (let i = from; i < to; i++) {
    const word = args[i].text;
    for (const name of names) {
      if (word === name && i + 1 < args.length) return args[i + 1];
      if (name.startsWith('--') && word.startsWith(name + '=')) return { text: word.slice(name.length + 1), known: args[i].known };
      if (!name.startsWith('--') && word.startsWith(name) && word.length > name.length && word[1] !== '-') {
        return { text: word.slice(name.length), known: args[i].known };
      }
      // A cluster ending in the option (`-qc 'cmd'`) takes the next word.
      if (name.length === 2 && /^-[A-Za-z]+$/.test(word) && word.endsWith(name[1]) && i + 1 < args.length) return args[i + 1];
    }
  }
  return undefined;
}
