// Character codes and a classification table, so the scanners compare small integers instead of
// allocating one-character strings in their hot loops.

export const TAB = 9;
export const NL = 10;
export const SPACE = 32;
export const BANG = 33;
export const DQUOTE = 34;
export const HASH = 35;
export const DOLLAR = 36;
export const AMP = 38;
export const SQUOTE = 39;
export const LPAREN = 40;
export const RPAREN = 41;
export const STAR = 42;
export const PLUS = 43;
export const PERCENT = 37;
export const COMMA = 44;
export const MINUS = 45;
export const DOT = 46;
export const SLASH = 47;
export const DIGIT0 = 48;
export const DIGIT7 = 55;
export const DIGIT9 = 57;
export const COLON = 58;
export const SEMI = 59;
export const LT = 60;
export const EQ = 61;
export const GT = 62;
export const QUESTION = 63;
export const AT = 64;
export const LBRACKET = 91;
export const BACKSLASH = 92;
export const RBRACKET = 93;
export const CARET = 94;
export const UNDERSCORE = 95;
export const BACKTICK = 96;
export const LBRACE = 123;
export const PIPE = 124;
export const RBRACE = 125;
export const TILDE = 126;

/** Blank: space or tab. */
export const C_BLANK = 1;
/** Ends an unquoted word: blanks, newline and `; & | < > ( )`. */
export const C_META = 2;
/** Needs a look inside an unquoted word (quotes, expansions, globs, braces, tilde …). */
export const C_WORD_SPECIAL = 4;
/** May start or continue a shell identifier. */
export const C_IDENT_START = 8;
export const C_IDENT = 16;
/** Special one-character parameters: `$@ $* $# $? $- $$ $!` (and `$0`…`$9` via digits). */
export const C_SPECIAL_PARAM = 32;
/** Characters of a login name after `~`. */
export const C_LOGIN = 64;

export const CLASS = new Uint8Array(128);

function mark(chars: string, flag: number): void {
  for (let i = 0; i < chars.length; i++) CLASS[chars.charCodeAt(i)] |= flag;
}

mark(' \t', C_BLANK);
mark(' \t\n;&|<>()', C_META | C_WORD_SPECIAL);
mark('\'"\\$`*?[]{}~:', C_WORD_SPECIAL);
for (let c = 65; c <= 90; c++) CLASS[c] |= C_IDENT_START | C_IDENT | C_LOGIN;
for (let c = 97; c <= 122; c++) CLASS[c] |= C_IDENT_START | C_IDENT | C_LOGIN;
CLASS[UNDERSCORE] |= C_IDENT_START | C_IDENT | C_LOGIN;
for (let c = DIGIT0; c <= DIGIT9; c++) CLASS[c] |= C_IDENT | C_LOGIN;
mark('@*#?-$!', C_SPECIAL_PARAM);
mark('.-+', C_LOGIN);

export function isIdentStart(c: number): boolean {
  return c < 128 && (CLASS[c] & C_IDENT_START) !== 0;
}

export function isIdent(c: number): boolean {
  return c < 128 && (CLASS[c] & C_IDENT) !== 0;
}

export function isDigit(c: number): boolean {
  return c >= DIGIT0 && c <= DIGIT9;
}

export function isMeta(c: number): boolean {
  return c < 128 && (CLASS[c] & C_META) !== 0;
}

export function isBlank(c: number): boolean {
  return c === SPACE || c === TAB;
}
