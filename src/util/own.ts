// Lookups in plain-object tables by keys that come from outside (program names, flags, URL
// segments, ids typed by a user). `table[key]` would also find Object.prototype's members: a
// command named `constructor` or `toString` must be an unknown program, not a crash.

/** The table's own entry for `key`, or undefined. */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
