// The shell text Interlock checks for an argv it will execute directly (no shell in between).
// Checking must see exactly what runs, so the text is verified by parsing it back: it must be one
// simple command whose words are literal and equal to the argv. shell-quote's `quote` leaves a
// few words that a shell reads differently (a leading `if`, `FOO=bar` as the first word is fine
// only because it escapes `=`), so anything that does not round-trip falls back to quoting every
// word in single quotes, which bash always reads back verbatim.
import quote from 'shell-quote/quote';
import { parse, ParseError } from '../parse/index.js';

/** Single-quotes one word: `it's` → `'it'\''s'`. */
export function singleQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Whether `text` parses to exactly one simple command with exactly these literal words. */
export function readsBackAs(text: string, argv: readonly string[]): boolean {
  let script;
  try {
    script = parse(text);
  } catch (error) {
    if (error instanceof ParseError) return false;
    throw error;
  }
  if (script.statements.length !== 1) return false;
  const statement = script.statements[0];
  if (statement.background || statement.body.rest.length) return false;
  const pipeline = statement.body.first;
  if (pipeline.negated || pipeline.timed || pipeline.commands.length !== 1) return false;
  const command = pipeline.commands[0];
  if (command.type !== 'SimpleCommand' || command.assignments.length || command.redirects.length) return false;
  if (command.words.length !== argv.length) return false;
  return command.words.every((word, i) => word.literal && word.value === argv[i]);
}

/** The shell text for an argv, as a human would type it when possible. */
export function commandText(argv: readonly string[]): string {
  if (argv.length === 0) throw new Error('no command to run');
  const pretty = quote(argv);
  if (readsBackAs(pretty, argv)) return pretty;
  const strict = argv.map(singleQuote).join(' ');
  if (readsBackAs(strict, argv)) return strict;
  // Only text the parser cannot hold (a NUL byte, limits): refuse rather than check something else.
  throw new Error('the command cannot be written as shell text that Interlock can check');
}
