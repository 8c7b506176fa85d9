// The syntax tree produced by src/parse. It follows bash's grammar (the subset an agent types,
// which is nearly all of it). Every node keeps its source span so later stages can quote it back.

export interface Span {
  start: number;
  end: number;
}

/** A piece of a word. `quoted` says how the piece was quoted in the source. */
export type WordPart =
  /** Literal text after quote removal. */
  | { kind: 'text'; value: string; quoted: 'none' | 'single' | 'double' | 'ansi' | 'escape' }
  /** `$x`, `${x}`, `${x:-default}`, `$1`, `$@`, `${#x}` … `operand` holds the words inside `${x:-…}` when there are any. */
  | {
      kind: 'param';
      source: string;
      name: string;
      operator?: string;
      operand?: Word;
      quoted: boolean;
      /** `${#x}` (length) or `${!x}` (indirection). Added by the parser; absent for plain `${x}`. */
      prefix?: '#' | '!';
      /** `${a[i]}`: the subscript, parsed as a word (it may hold substitutions). */
      subscript?: Word;
    }
  /** `$(…)` or `` `…` ``. */
  | { kind: 'command'; source: string; body: Script; backtick: boolean; quoted: boolean }
  /** `$((…))`; substitutions inside the expression are parsed into `commands`. */
  | { kind: 'arith'; source: string; commands: Script[]; quoted: boolean }
  /** `<(…)` or `>(…)`. */
  | { kind: 'process'; source: string; body: Script; direction: '<' | '>' }
  /** Unquoted `*`, `?`, `[…]`, extglob `@(…)` etc. */
  | { kind: 'glob'; source: string }
  /** Unquoted leading `~` or `~user`. */
  | { kind: 'tilde'; source: string; user: string }
  /** Unquoted brace expansion `{a,b}` / `{1..3}`; `items` are the alternatives' source texts. */
  | { kind: 'brace'; source: string; items: string[] };

export interface Word {
  span: Span;
  /** Exact source text of the word. */
  raw: string;
  /**
   * Quote-removed value with every expansion kept as its source text, e.g. `"$(pwd)"/*` → `$(pwd)/*`,
   * `'a'"b"c` → `abc`, `$'a\tb'` → `a<TAB>b`. This is the `argv` form of ../shared/corpus/parser-cases.mjs.
   */
  value: string;
  parts: WordPart[];
  /** True when no part is a param/command/arith/process/glob/tilde/brace: the value is exactly what runs. */
  literal: boolean;
}

export interface Assignment {
  span: Span;
  name: string;
  /** `+=` */
  append: boolean;
  /** Scalar value (may be null for `x=`). */
  value: Word | null;
  /** `arr=(a b c)`: element words. */
  array?: Word[];
  /** `arr[3]=x`: the subscript source. */
  index?: string;
}

export interface Heredoc {
  /** Delimiter word after quote removal. */
  delimiter: string;
  /** Any quoting in the delimiter makes the body literal (no expansion). */
  quoted: boolean;
  /** `<<-` strips leading tabs from body lines and the delimiter line. */
  stripTabs: boolean;
  /**
   * Body lines as written in the source, each ending in \n, delimiter line excluded. For `<<-` the
   * leading tabs are kept here (that is what ../shared/corpus/parser-cases.mjs expects); `text`
   * holds what the command actually receives.
   */
  body: string;
  /**
   * Body as the command receives it before expansion: leading tabs stripped for `<<-`, and in
   * unquoted bodies `\`-newline joined. Set by the parser; equals `body` when neither applies.
   */
  text?: string;
  /** For unquoted heredocs: `text` parsed as a double-quoted word (expansions and substitutions inside). */
  word?: Word;
}

export interface Redirect {
  span: Span;
  /** File-descriptor number written before the operator (`2>`), or `{var}` name, if any. */
  fd: number | null;
  fdVar?: string;
  op: '<' | '>' | '>>' | '>|' | '<>' | '<&' | '>&' | '&>' | '&>>' | '<<' | '<<-' | '<<<';
  /** Target word (file, fd number, here-string word, or heredoc delimiter as written). */
  target: Word;
  heredoc?: Heredoc;
}

export interface SimpleCommand {
  type: 'SimpleCommand';
  span: Span;
  assignments: Assignment[];
  /** Command name and arguments (may be empty for assignment-only or redirect-only commands). */
  words: Word[];
  redirects: Redirect[];
}

export interface Subshell {
  type: 'Subshell';
  span: Span;
  body: Script;
  redirects: Redirect[];
}

export interface BraceGroup {
  type: 'BraceGroup';
  span: Span;
  body: Script;
  redirects: Redirect[];
}

export interface IfClause {
  type: 'If';
  span: Span;
  /** `if`/`elif` branches in order. */
  branches: { condition: Script; body: Script }[];
  elseBody: Script | null;
  redirects: Redirect[];
}

export interface ForLoop {
  type: 'For';
  span: Span;
  variable: string;
  /** null when `in …` is omitted (iterates over "$@"). */
  items: Word[] | null;
  body: Script;
  redirects: Redirect[];
}

export interface ArithForLoop {
  type: 'ArithFor';
  span: Span;
  /** init; test; update — expression source plus any substitutions parsed out of them. */
  expressions: [string, string, string];
  commands: Script[];
  body: Script;
  redirects: Redirect[];
}

export interface WhileLoop {
  type: 'While' | 'Until';
  span: Span;
  condition: Script;
  body: Script;
  redirects: Redirect[];
}

export interface SelectLoop {
  type: 'Select';
  span: Span;
  variable: string;
  items: Word[] | null;
  body: Script;
  redirects: Redirect[];
}

export interface CaseClause {
  type: 'Case';
  span: Span;
  subject: Word;
  items: { patterns: Word[]; body: Script; terminator: ';;' | ';&' | ';;&' | null }[];
  redirects: Redirect[];
}

export interface FunctionDef {
  type: 'FunctionDef';
  span: Span;
  name: string;
  body: Command;
  redirects: Redirect[];
}

/** `(( expr ))` */
export interface ArithCommand {
  type: 'ArithCommand';
  span: Span;
  expression: string;
  commands: Script[];
  redirects: Redirect[];
}

/** `[[ … ]]` — its words may hold substitutions that run. */
export interface TestCommand {
  type: 'TestCommand';
  span: Span;
  words: Word[];
  redirects: Redirect[];
}

/** `coproc [NAME] command` */
export interface Coproc {
  type: 'Coproc';
  span: Span;
  name: string | null;
  body: Command;
  redirects: Redirect[];
}

export type Command =
  | SimpleCommand
  | Subshell
  | BraceGroup
  | IfClause
  | ForLoop
  | ArithForLoop
  | WhileLoop
  | SelectLoop
  | CaseClause
  | FunctionDef
  | ArithCommand
  | TestCommand
  | Coproc;

export interface Pipeline {
  type: 'Pipeline';
  span: Span;
  /** Leading `!`. */
  negated: boolean;
  /** `time` / `time -p` prefix. */
  timed: boolean;
  commands: Command[];
  /** For each `|` between commands[i] and commands[i+1]: true when it was `|&`. */
  stderrPiped: boolean[];
}

export interface AndOr {
  type: 'AndOr';
  span: Span;
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
}

export interface Statement {
  type: 'Statement';
  span: Span;
  body: AndOr;
  /** Ended with `&`. */
  background: boolean;
}

export interface Script {
  type: 'Script';
  span: Span;
  statements: Statement[];
}

export interface ParseLimits {
  /** Max input length in characters (default 1 MiB). */
  maxLength: number;
  /** Max nesting depth of substitutions, compound commands and quotes (default 100). */
  maxDepth: number;
  /** Max number of words in the whole input (default 50,000). */
  maxWords: number;
  /** Max number of simple commands (default 5,000). */
  maxCommands: number;
  /** Max characters in one heredoc body (default 256 KiB, the most the guard reads of a script file). */
  maxHeredoc: number;
}

export class ParseError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    /** 'syntax' for malformed shell, 'limit' when a ParseLimits bound was hit (message names the limit). */
    readonly kind: 'syntax' | 'limit',
  ) {
    super(message);
    this.name = 'ParseError';
  }
}
