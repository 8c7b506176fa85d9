// Verbs that destroy, found inside identifiers of any casing: `volumeDelete`, `delete_users`,
// `project-delete`, `db:drop`, `DeleteBucket`. Shared by GraphQL, REST and CLI analysis.

/** Splits camelCase, PascalCase, snake_case, kebab-case, colon:separated and dotted names into lower-case words. */
export function splitIdentifier(name: string): string[] {
  const words: string[] = [];
  let current = '';
  for (let i = 0; i < name.length; i++) {
    const ch = name[i];
    const code = name.charCodeAt(i);
    const isUpper = code >= 65 && code <= 90;
    const isLower = (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
    if (!isUpper && !isLower) {
      if (current) words.push(current);
      current = '';
      continue;
    }
    if (isUpper && current) {
      const prev = name.charCodeAt(i - 1);
      const prevLower = (prev >= 97 && prev <= 122) || (prev >= 48 && prev <= 57);
      const next = name.charCodeAt(i + 1);
      const nextLower = next >= 97 && next <= 122;
      // volumeDelete → volume|Delete; HTTPServer → HTTP|Server
      if (prevLower || nextLower) {
        words.push(current);
        current = '';
      }
    }
    current += ch.toLowerCase();
  }
  if (current) words.push(current);
  return words;
}

/** Verbs whose object is lost for good when it holds data. */
export const DESTRUCTIVE_VERBS: ReadonlySet<string> = new Set([
  'delete', 'deletes', 'destroy', 'drop', 'purge', 'wipe', 'erase', 'truncate', 'remove', 'rm', 'nuke',
  'flush', 'flushall', 'flushdb', 'obliterate', 'terminate', 'expunge', 'empty', 'clear', 'reset',
]);

/** The first destructive verb among the words of `name`, if any. */
export function destructiveVerbIn(name: string, verbs: ReadonlySet<string> = DESTRUCTIVE_VERBS): string | undefined {
  for (const word of splitIdentifier(name)) if (verbs.has(word)) return word;
  return undefined;
}
