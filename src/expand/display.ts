// Shows an executed command as a human would type it. Known words are quoted with shell-quote;
// words holding unresolved expansions are shown double-quoted as written, so `$TOKEN` stays a
// reference instead of turning into a literal.
import quote from 'shell-quote/quote';

const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

export function displayArgv(argv: readonly string[], dynamic: readonly boolean[]): string {
  return argv
    .map((word, i) => {
      if (SAFE.test(word)) return word;
      if (dynamic[i]) return `"${word.replace(/(["\\])/g, '\\$1')}"`;
      return quote([word]);
    })
    .join(' ');
}
