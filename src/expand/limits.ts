// Bounds on expansion. The parser bounds the text (src/parse/limits.ts); expansion can still grow
// it: variables built from variables (`b=$a$a$a…`), substitutions whose output is known, decoded
// base64, brace and array expansion. Each bound ends the expansion with a limit finding (the
// command is held, with a reason that names the limit), never with a crash or an allow.

/** Thrown anywhere in expansion; `expand` turns it into an `exec.limit` finding. */
export class LimitReached extends Error {}

/** Longest single value (a variable, a word, a substitution's or a producer's output): the parser's input limit. */
export const MAX_VALUE_LENGTH = 1024 * 1024;

export function checkValueLength(length: number, max: number = MAX_VALUE_LENGTH): void {
  if (length > max) throw new LimitReached(`a value grew longer than ${max} characters (variables, substitutions or decoded text)`);
}
