// Expansion: from the syntax tree to the commands that will actually run (DESIGN.md §4.3).
// Wrappers are followed (sudo, env, xargs, find -exec, bash -c, ssh, docker exec …), variables
// assigned earlier on the line are substituted, text fed to shells is parsed and expanded in turn,
// and data stays data. What runs but cannot be known is itself a finding.
import { isAbsolute, resolve } from 'node:path';
import type { Command, Pipeline, Redirect, Script, SimpleCommand, Word } from '../parse/index.js';
import { ParseError } from '../parse/index.js';
import type { ExecCommand, ExecRedirect, Finding, StdinSource } from '../types.js';
import type { FileProblem } from '../util/files.js';
import { displayArgv } from './display.js';
import { inlineCodeEffects } from './interpreters.js';
import { producedOutput } from './producers.js';
import { checkValueLength, LimitReached } from './limits.js';
import { assignedNames } from './assigned.js';
import { cwdAlternatives, eitherCwd, Scope, type Value, type VirtualFile } from './scope.js';
import { resolveFields, resolveWord, type WordContext } from './words.js';
import { unwrappersFor, type Unwrapped, type UnwrapIO } from './wrappers/index.js';
import { GIT_COMMAND_VARIABLES, GIT_VALUE_OPTIONS } from './wrappers/git.js';
import { lit } from './wrappers/types.js';

export interface ExpandLimits {
  /** Shell-in-shell depth (bash -c, eval, ssh, scripts …). */
  maxNesting: number;
  /** Executed commands in total. */
  maxCommands: number;
  /** Script files read (bash x.sh, source, package.json scripts). */
  maxScripts: number;
  /** Words after expansion (field splitting, "$@", arrays, braces), in total. */
  maxWords: number;
  /** Characters of all expanded words and known outputs, in total. */
  maxExpandedChars: number;
}

export const DEFAULT_EXPAND_LIMITS: ExpandLimits = { maxNesting: 12, maxCommands: 2_000, maxScripts: 16, maxWords: 50_000, maxExpandedChars: 16 * 1024 * 1024 };

export interface ExpandOptions {
  cwd: string;
  home: string;
  /** Reads a file by absolute path; undefined when missing, unreadable or over the size limit. */
  readFile(path: string): string | undefined;
  /**
   * Why `readFile` gave nothing for a path that exists (too large, not a regular file,
   * unreadable); undefined when it does not exist. A script that will run but cannot be read is a
   * finding, never a pass.
   */
  fileProblem?(path: string): FileProblem | undefined;
  /** Parses nested shell text (bash -c '…', scripts). Throws ParseError. */
  parse(text: string): Script;
  limits?: Partial<ExpandLimits>;
  /** Date.now() value after which expansion stops with a limit finding. */
  deadline?: number;
}

export interface Expansion {
  commands: ExecCommand[];
  findings: Finding[];
  /** Files written earlier on the line, by absolute path. */
  files: Map<string, VirtualFile>;
  /** Reads a file as the line sees it (written earlier on the line, else on disk), relative to `cwd`. */
  readFile(path: string, cwd: string): string | undefined;
}

interface Frame {
  via: string[];
  context: ExecCommand['context'];
  remote?: string;
  depth: number;
  /** Standard input the enclosing construct gives commands that have none of their own. */
  stdin?: StdinSource;
  /**
   * Output redirections of enclosing compound commands and wrappers (`{ …; } > f`,
   * `bash -c '…' > f`): every command inside writes there unless it redirects that fd itself.
   */
  redirects?: ExecRedirect[];
}

/** Programs whose output the line itself determines (src/expand/producers.ts). */
const PRODUCERS = new Set(['echo', 'printf', 'cat', 'tee', 'base64', 'base32', 'openssl', 'xxd', 'rev', 'mktemp']);

/** What a command gives the next one in a pipeline: its output when known, and how to name it. */
class Ran {
  constructor(
    readonly output: string | undefined,
    private readonly source: ExecCommand | string,
  ) {}

  get display(): string {
    return typeof this.source === 'string' ? this.source : this.source.display;
  }
}

const NOTHING = new Ran(undefined, '…');

/** Where an executed command sits: one shape for every call, so the hot path stays monomorphic. */
interface Placement {
  scope: Scope;
  frame: Frame;
  env: [string, Value][];
  stdin: StdinSource | undefined;
  redirects: ExecRedirect[];
  cwd: string;
  via: string[];
  remote: string | undefined;
}

/** An executed command; its display text is built only when someone reads it. */
class Executed implements ExecCommand {
  private shown?: string;
  remote?: string;
  constructor(
    readonly argv: string[],
    readonly dynamic: boolean[],
    readonly name: string,
    readonly env: Record<string, string>,
    readonly stdin: StdinSource | undefined,
    readonly redirects: ExecRedirect[],
    readonly via: string[],
    readonly context: ExecCommand['context'],
    readonly cwd: string,
    remote: string | undefined,
  ) {
    if (remote) this.remote = remote;
  }

  get display(): string {
    return (this.shown ??= displayArgv(this.argv, this.dynamic));
  }
}

/** Paths that name the process's own standard input. */
const STDIN_PATHS = new Set(['/dev/stdin', '/dev/fd/0', '/proc/self/fd/0']);

interface Redirections {
  list: ExecRedirect[];
  stdin?: StdinSource;
}

/** Shared by every command without redirections (never written to). */
const NO_REDIRECTS: Redirections = { list: [] };

const WRITE_OPS = new Set(['>', '>>', '>|', '&>', '&>>', '<>']);
const ASSIGNMENT_WORD = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=([\s\S]*)$/;

const basename = (path: string) => path.slice(path.lastIndexOf('/') + 1);
/** A variable's value as the line set it, when known. */
const knownValue = (scope: Scope) => (name: string) => {
  const value = scope.get(name);
  return value?.known ? value.text : undefined;
};

/**
 * An unknown folder followed by a literal program name (`$VIRTUAL_ENV/bin/python`,
 * `$(go env GOPATH)/bin/golangci-lint`). Only a plain variable or a command that prints a folder:
 * unquoted, other unknown text could split into words and be a command of its own.
 */
const LITERAL_PROGRAM = /^(?:\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|\$\((?:go env [A-Z]+|npm root(?: -g)?|npm bin|yarn bin|yarn global bin|pnpm bin|pnpm root|brew --prefix(?: [\w@.-]+)?|git rev-parse --show-toplevel|pwd|rustc --print sysroot|python3? -m site --user-base|pyenv root|rbenv root|go env GOPATH)\))(?:\/[A-Za-z0-9._+-]+)*\/([A-Za-z0-9][A-Za-z0-9._+-]*)$/;

const MAX_LOOP_ITEMS = 16;
const MAX_LOOP_PASSES = 64;
/** Words that run the next one inside the same shell, so `command eval …` still sets variables here. */
const IN_SHELL_PREFIXES = new Set(['command', 'builtin', 'time']);

function stdinText(stdin: StdinSource | undefined, read: (path: string) => string | undefined): string | undefined {
  if (!stdin) return undefined;
  if (stdin.kind === 'file') return read(stdin.path);
  return stdin.kind === 'unknown' ? undefined : stdin.text;
}

/** The file descriptors a redirection sets (`&>` sets both stdout and stderr). */
function fdsOf(r: ExecRedirect): number[] {
  if (r.op === '&>' || r.op === '&>>') return [1, 2];
  return [r.fd ?? (r.op.startsWith('<') ? 0 : 1)];
}

/** A frame whose commands also get these output redirections. */
function inheritRedirects(frame: Frame, list: ExecRedirect[]): Frame {
  const outputs = list.filter((r) => r.op !== '<' && r.op !== '<&');
  if (outputs.length === 0) return frame;
  return { ...frame, redirects: frame.redirects ? mergeRedirects(frame.redirects, outputs) : outputs };
}

/** Inherited redirections, minus those a command's own redirections override, then its own. */
function mergeRedirects(inherited: ExecRedirect[], own: ExecRedirect[]): ExecRedirect[] {
  if (own.length === 0) return inherited;
  const set = new Set(own.flatMap(fdsOf));
  return [...inherited.filter((r) => !fdsOf(r).every((fd) => set.has(fd))), ...own];
}

class Expander {
  readonly commands: ExecCommand[] = [];
  readonly findings: Finding[] = [];
  private scriptsRead = 0;
  /** Loop bodies checked once per item, for the whole line (nested loops multiply). */
  private loopPasses = MAX_LOOP_PASSES;
  /** Inherited output redirections that reached at least one executed command. */
  private readonly delivered = new Set<ExecRedirect>();
  /** git shell aliases (`!…`) being expanded, across nested shells. */
  private readonly gitAliasesExpanding = new Set<string>();
  private readonly limits: ExpandLimits;

  constructor(private readonly options: ExpandOptions, readonly files: Map<string, VirtualFile>) {
    this.limits = { ...DEFAULT_EXPAND_LIMITS, ...options.limits };
  }

  // ── files ────────────────────────────────────────────────────────────────

  private absolute(path: string, cwd: string): string {
    if (path === '~' || path.startsWith('~/')) return this.options.home + path.slice(1);
    if (isAbsolute(path)) return path;
    if (isAbsolute(cwd)) return resolve(cwd, path);
    // One of several directories (a `cd` that may not have run): the path is under each of them.
    const alternatives = cwdAlternatives(cwd);
    if (alternatives.length > 1 && alternatives.every((dir) => isAbsolute(dir))) return alternatives.map((dir) => resolve(dir, path)).reduce(eitherCwd);
    // After `cd "$D"` the working directory is unknown: so is the path (not the guard's own cwd).
    return `${cwd}/${path}`;
  }

  /** Reads a file as the line would see it: written earlier on the line, else on disk. */
  readFile(path: string, cwd: string): string | undefined {
    const full = this.absolute(path, cwd);
    const written = this.files.get(full);
    if (written) return written.text;
    return isAbsolute(full) ? this.options.readFile(full) : undefined;
  }

  // ── tree walk ────────────────────────────────────────────────────────────

  /** Expands a script; returns what it prints (known when every part's output is) for a pipe. */
  script(script: Script, scope: Scope, frame: Frame): Ran {
    let output: string | undefined = '';
    let last: Ran = NOTHING;
    const ran = (r: Ran) => {
      output = output !== undefined && r.output !== undefined ? output + r.output : undefined;
      if (output !== undefined) checkValueLength(output.length);
      last = r;
    };
    for (const statement of script.statements) {
      // A background job (`… &`) runs in a subshell: what it sets does not reach the next command.
      const own = statement.background ? scope.child() : scope;
      const { first, rest } = statement.body;
      ran(this.pipeline(first, own, frame));
      if (rest.length) {
        // What follows `&&`/`||` may not run: it sees what ran before it, but afterwards what it
        // set is uncertain (`x=/; false && x=./build; rm -rf $x` deletes /).
        const tail = own.child();
        for (const { pipeline } of rest) ran(this.pipeline(pipeline, tail, frame));
        own.mergeUncertain(tail);
      }
    }
    return last === NOTHING ? NOTHING : new Ran(output, last.display);
  }

  private pipeline(pipeline: Pipeline, scope: Scope, frame: Frame): Ran {
    const alone = pipeline.commands.length === 1;
    let previous: Ran = NOTHING;
    for (const [i, command] of pipeline.commands.entries()) {
      const stdin: StdinSource | undefined = i > 0
        ? previous.output !== undefined
          ? { kind: 'pipe', text: previous.output, from: previous.display }
          : { kind: 'unknown', from: previous.display }
        : frame.stdin;
      // Each part of a real pipeline runs in its own subshell: its assignments do not last.
      previous = this.command(command, alone ? scope : scope.child(), frame, stdin);
    }
    return previous;
  }

  private command(node: Command, scope: Scope, frame: Frame, stdin: StdinSource | undefined): Ran {
    const none = NOTHING;
    switch (node.type) {
      case 'SimpleCommand':
        return this.simple(node, scope, frame, stdin);
      case 'Subshell':
      case 'BraceGroup': {
        // What the group prints is what its commands print: `(exec cat <<EOF) | mongosh`.
        const inner = this.compoundFrame(node.redirects, scope, frame, stdin);
        const ran = this.script(node.body, node.type === 'Subshell' ? scope.child() : scope, inner);
        this.afterCompound(inner.own, ran.output, scope, frame);
        return inner.own.some((r) => WRITE_OPS.has(r.op) && (r.fd === null || r.fd === 1)) ? none : ran;
      }
      case 'If': {
        const inner = this.compoundFrame(node.redirects, scope, frame, stdin);
        // Only the first condition surely runs; each branch after it is an alternative.
        const [first, ...others] = node.branches;
        this.script(first.condition, scope, inner);
        this.branches(scope, [
          (s) => this.script(first.body, s, inner),
          ...others.map((branch) => (s: Scope) => {
            this.script(branch.condition, s, inner);
            this.script(branch.body, s, inner);
          }),
          ...(node.elseBody ? [(s: Scope) => this.script(node.elseBody!, s, inner)] : []),
        ]);
        this.afterCompound(inner.own, undefined, scope, frame);
        return none;
      }
      case 'For':
      case 'Select': {
        const inner = this.compoundFrame(node.redirects, scope, frame, stdin);
        const items = (node.items ?? []).flatMap((w) => this.fields(w, scope, inner));
        // A later pass sees what an earlier one assigned: `x=./build; for …; do rm -rf $x; x=/; done`.
        scope.forget(assignedNames(node, (name) => scope.functionAssigns(name), knownValue(scope)));
        // A short list of known items (`for d in dist build; do rm -rf "$d"; done`): each pass is
        // checked with its item, within a budget for the whole line; otherwise the variable is unknown.
        const passes = node.type === 'For' && items.length > 1 && items.length <= MAX_LOOP_ITEMS && items.every((i) => i.known) && this.loopPasses >= items.length;
        if (passes) {
          this.loopPasses -= items.length;
          this.branches(scope, items.map((item) => (s: Scope) => {
            s.set(node.variable, item);
            this.script(node.body, s, inner);
          }));
        } else {
          const single = items.length === 1 ? items[0] : undefined;
          scope.set(node.variable, single ?? { text: `$${node.variable}`, known: false });
          this.branches(scope, [(s) => this.script(node.body, s, inner)]);
        }
        this.afterCompound(inner.own, undefined, scope, frame);
        return none;
      }
      case 'ArithFor':
      case 'ArithCommand': {
        const inner = this.compoundFrame(node.redirects, scope, frame, stdin);
        if (node.type === 'ArithFor') scope.forget(assignedNames(node, (name) => scope.functionAssigns(name), knownValue(scope)));
        for (const script of node.commands) this.script(script, scope.child(), { ...inner, context: 'sub' });
        if (node.type === 'ArithFor') this.branches(scope, [(s) => this.script(node.body, s, inner)]);
        this.afterCompound(inner.own, undefined, scope, frame);
        return none;
      }
      case 'While':
      case 'Until': {
        const inner = this.compoundFrame(node.redirects, scope, frame, stdin);
        scope.forget(assignedNames(node, (name) => scope.functionAssigns(name), knownValue(scope)));
        this.script(node.condition, scope, inner);
        this.branches(scope, [(s) => this.script(node.body, s, inner)]);
        this.afterCompound(inner.own, undefined, scope, frame);
        return none;
      }
      case 'Case': {
        const inner = this.compoundFrame(node.redirects, scope, frame, stdin);
        this.word(node.subject, scope, inner);
        for (const item of node.items) for (const pattern of item.patterns) this.word(pattern, scope, inner);
        this.branches(scope, node.items.map((item) => (s: Scope) => this.script(item.body, s, inner)));
        this.afterCompound(inner.own, undefined, scope, frame);
        return none;
      }
      case 'FunctionDef': {
        // Bodies are analysed where they are defined: a function defined on the line is there to run.
        const inner = this.compoundFrame(node.redirects, scope, frame, undefined);
        this.command(node.body, scope.child(), { ...inner, context: 'fn' }, undefined);
        // Its assignments are global: after each call they are unknown to the caller.
        scope.setFunction(node.name, assignedNames(node.body, (name) => scope.functionAssigns(name), knownValue(scope)));
        this.afterCompound(inner.own, undefined, scope, frame);
        return none;
      }
      case 'TestCommand':
        for (const word of node.words) this.word(word, scope, frame);
        return none;
      case 'Coproc':
        return this.command(node.body, scope.child(), frame, stdin);
    }
  }

  /**
   * Bodies that may or may not run (if/elif/else, case items, loop bodies): each sees the scope
   * as it was before them, and afterwards what any of them set is uncertain.
   */
  private branches(scope: Scope, bodies: ((branch: Scope) => void)[]): void {
    const ran = bodies.map((body) => {
      const branch = scope.child();
      body(branch);
      return branch;
    });
    for (const branch of ran) scope.mergeUncertain(branch);
  }

  /**
   * After a compound command or wrapper with output redirections ran: the files hold what it
   * printed, and a truncating redirection that no command inside received (`{ echo a > x; } >
   * prod.db`) still empties its file when the shell opens it: that is analysed as a bare `> file`.
   */
  private afterCompound(own: ExecRedirect[], output: string | undefined, scope: Scope, frame: Frame): void {
    if (own.length === 0) return;
    const unused = own.filter((r) => WRITE_OPS.has(r.op) && !this.delivered.has(r));
    if (unused.length) this.emit([], { scope, frame, env: [], stdin: undefined, redirects: unused, cwd: scope.cwd, via: frame.via, remote: frame.remote });
    this.recordWrites(own, output, scope.cwd);
  }

  /**
   * Frame for the body of a compound command: its own input redirection feeds the commands
   * inside, and its output redirections apply to them (`own` lists them, for the caller to record).
   */
  private compoundFrame(redirects: Redirect[], scope: Scope, frame: Frame, stdin: StdinSource | undefined): Frame & { own: ExecRedirect[] } {
    if (redirects.length === 0) return { ...frame, stdin, own: [] };
    const own = this.redirects(redirects, scope, frame);
    return { ...inheritRedirects({ ...frame, stdin: own.stdin ?? stdin }, own.list), own: own.list };
  }

  private wordContext(scope: Scope, frame: Frame): WordContext {
    return {
      scope,
      home: this.options.home,
      onScript: (script) => this.script(script, scope.child(), { ...frame, context: 'sub', stdin: undefined }).output,
    };
  }

  private word(word: Word, scope: Scope, frame: Frame, context?: WordContext): Value {
    if (word.literal) return { text: word.value, known: true };
    const value = resolveWord(word, context ?? this.wordContext(scope, frame));
    this.charge(1, value.text.length);
    return value;
  }

  /** The arguments a word becomes after field splitting (`$cmd` holding `git push --force` is three). */
  private fields(word: Word, scope: Scope, frame: Frame, context?: WordContext): Value[] {
    if (word.literal) return [{ text: word.value, known: true }];
    const fields = resolveFields(word, context ?? this.wordContext(scope, frame));
    let chars = 0;
    for (const f of fields) chars += f.text.length;
    this.charge(fields.length, chars);
    return fields;
  }

  private expandedWords = 0;
  private expandedChars = 0;

  /** Counts what expansion produced (literal words are bounded by the parser already). */
  private charge(words: number, chars: number): void {
    this.expandedWords += words;
    this.expandedChars += chars;
    if (this.expandedWords > this.limits.maxWords) throw new LimitReached(`more than ${this.limits.maxWords} words after expansion`);
    if (this.expandedChars > this.limits.maxExpandedChars) throw new LimitReached(`more than ${this.limits.maxExpandedChars} characters after expansion`);
    // Expanding one word can be slow too (`$big` split into many fields): watch the clock here as well.
    if (this.options.deadline !== undefined && (this.expandedWords & 255) < words && Date.now() > this.options.deadline) {
      throw new LimitReached('the time budget for one decision ran out');
    }
  }

  private redirects(redirects: Redirect[], scope: Scope, frame: Frame): Redirections {
    const list: ExecRedirect[] = [];
    let stdin: StdinSource | undefined;
    for (const r of redirects) {
      if (r.op === '<<' || r.op === '<<-') {
        const body = r.heredoc ? (r.heredoc.quoted || !r.heredoc.word ? (r.heredoc.text ?? r.heredoc.body) : this.word(r.heredoc.word, scope, frame).text) : '';
        if (r.fd === null || r.fd === 0) stdin = { kind: 'heredoc', text: body };
        continue;
      }
      const target = this.word(r.target, scope, frame);
      if (r.op === '<<<') {
        if (r.fd === null || r.fd === 0) stdin = { kind: 'herestring', text: target.text + '\n' };
        continue;
      }
      list.push({ op: r.op, fd: r.fd, target: target.text, dynamic: !target.known });
      if (r.op === '<' && (r.fd === null || r.fd === 0)) {
        stdin = target.known ? { kind: 'file', path: target.text } : target.content !== undefined ? { kind: 'pipe', text: target.content, from: target.text } : { kind: 'unknown', from: target.text };
      }
    }
    return { list, stdin };
  }

  // ── simple commands ──────────────────────────────────────────────────────

  private simpleCount = 0;

  private checkBudget(): void {
    if (this.commands.length >= this.limits.maxCommands) throw new LimitReached(`more than ${this.limits.maxCommands} commands to analyse`);
    // The clock is read every 64 commands: cheap, and still well inside the budget.
    if (this.options.deadline !== undefined && (this.simpleCount++ & 63) === 0 && Date.now() > this.options.deadline) {
      throw new LimitReached('the time budget for one decision ran out');
    }
  }

  private simple(node: SimpleCommand, scope: Scope, frame: Frame, pipeStdin: StdinSource | undefined): Ran {
    this.checkBudget();
    // Most commands are plain words: build the word context only when something can expand.
    const context = node.assignments.length > 0 || node.words.some((w) => !w.literal) ? this.wordContext(scope, frame) : undefined;
    const assignments = node.assignments.map((a) => {
      if (a.array) {
        // `a=(git push --force)`: the elements, for "${a[@]}" (an indexed element assignment is not followed).
        const elements = a.array.flatMap((w) => this.fields(w, scope, frame, context));
        const known = a.index === undefined && elements.every((e) => e.known);
        const value: Value = known ? { text: elements.map((e) => e.text).join(' '), known: true, elements } : { text: `(${a.array.map((w) => w.raw).join(' ')})`, known: false };
        return { name: a.name, value, append: a.append };
      }
      const value = a.value ? this.word(a.value, scope, frame, context) : lit('');
      return { name: a.name, value, append: a.append };
    });
    const words: Value[] = [];
    for (const word of node.words) {
      if (word.literal) words.push({ text: word.value, known: true });
      else words.push(...this.fields(word, scope, frame, context));
    }
    const redirects = node.redirects.length === 0 ? NO_REDIRECTS : this.redirects(node.redirects, scope, frame);
    const stdin = redirects.stdin ?? pipeStdin ?? frame.stdin;

    if (words.length === 0) {
      for (const a of assignments) {
        const previous = a.append ? scope.get(a.name) : undefined;
        if (!previous) scope.set(a.name, a.value);
        else if (a.value.elements || previous.elements) {
          const elements = previous.elements && a.value.elements ? [...previous.elements, ...a.value.elements] : undefined;
          scope.set(a.name, elements ? { text: elements.map((e) => e.text).join(' '), known: elements.every((e) => e.known), elements } : { text: `${previous.text} ${a.value.text}`, known: false });
        } else scope.set(a.name, { text: previous.text + a.value.text, known: previous.known && a.value.known });
      }
      // `> prod.db` alone still empties the file: analysers that judge redirections must see it.
      if (redirects.list.some((r) => WRITE_OPS.has(r.op))) {
        return this.emit([], { scope, frame, env: [], stdin, redirects: redirects.list, cwd: scope.cwd, via: frame.via, remote: frame.remote });
      }
      this.recordWrites(redirects.list, '', scope.cwd);
      return new Ran(undefined, node.assignments.map((a) => a.name + '=…').join(' '));
    }

    const env: [string, Value][] = assignments.map((a) => [a.name, a.value]);
    if (this.builtin(words, scope)) return new Ran(undefined, words.map((w) => w.text).join(' '));
    const called = words[0].known ? scope.functionAssigns(words[0].text) : undefined;
    if (called) scope.forget(called);

    const alias = words[0].known ? scope.alias(words[0].text) : undefined;
    if (alias !== undefined) {
      // A shell expands aliases only with expand_aliases on and only on lines read after the
      // definition; the guard knows neither, so the command is checked as expanded and as written.
      const inner = scope.child();
      inner.setAlias(words[0].text, null); // an alias is not expanded inside itself
      const text = [alias, ...node.words.slice(1).map((w) => w.raw)].join(' ');
      this.nested({ text, known: true }, inner, { ...frame, via: [...frame.via, `alias ${words[0].text}`] }, stdin, undefined, true);
      // Whether it was expanded is unknown, so what its text assigned is uncertain afterwards.
      scope.mergeUncertain(inner);
    }

    return this.run(words, { scope, frame, env, stdin, redirects: redirects.list });
  }

  /** Shell builtins that change what later commands see. Returns true when fully handled. */
  private builtin(words: Value[], scope: Scope): boolean {
    const name = words[0].text;
    if (!words[0].known) return false;
    if (name === 'cd' || name === 'pushd') {
      const target = words.find((w, i) => i > 0 && !w.text.startsWith('-'));
      const dir = target ? target.text : this.options.home;
      scope.cwd = target && !target.known ? dir : this.absolute(dir, scope.cwd);
      return true;
    }
    if (name === 'export' || name === 'declare' || name === 'typeset' || name === 'local' || name === 'readonly') {
      for (const word of words.slice(1)) {
        const m = ASSIGNMENT_WORD.exec(word.text);
        if (m) scope.set(m[1], { text: m[3], known: word.known });
      }
      return true;
    }
    if (name === 'unset') {
      for (const word of words.slice(1)) scope.unset(word.text);
      return true;
    }
    if (name === 'alias') {
      for (const word of words.slice(1)) {
        const eq = word.text.indexOf('=');
        if (eq > 0) scope.setAlias(word.text.slice(0, eq), word.text.slice(eq + 1));
      }
      return true;
    }
    if (name === 'unalias') {
      for (const word of words.slice(1)) scope.setAlias(word.text, null);
      return true;
    }
    return false;
  }

  private io(argv: Value[], stdin: StdinSource | undefined, cwd: string): UnwrapIO {
    return {
      stdinText: () => stdinText(stdin, (path) => this.readFile(path, cwd)),
      hasPackageScript: (name) => this.packageScript(name, cwd) !== undefined,
    };
  }

  private packageScript(name: string, cwd: string): string | undefined {
    const text = this.readFile('package.json', cwd);
    if (!text) return undefined;
    try {
      const scripts = (JSON.parse(text) as { scripts?: Record<string, unknown> }).scripts;
      const script = scripts?.[name];
      return typeof script === 'string' ? script : undefined;
    } catch {
      return undefined;
    }
  }

  /** Follows wrappers until a plain command remains, then records it. */
  private run(
    initial: Value[],
    state: { scope: Scope; frame: Frame; env: [string, Value][]; stdin: StdinSource | undefined; redirects: ExecRedirect[]; ownProcess?: boolean },
  ): Ran {
    let argv = initial;
    const via = [...state.frame.via];
    const env = [...state.env];
    let remote = state.frame.remote;
    let cwd = state.scope.cwd;
    /** git aliases already expanded in this command: an alias is not expanded inside itself. */
    const expanding = new Set<string>();
    // A wrapper that runs something else (bash -c, bash x.sh, xargs …) passes its output
    // redirections to what it runs (see Frame.redirects); the file then holds what that printed.
    const finish = (ran: Ran): Ran => {
      if (state.redirects.length) this.afterCompound(state.redirects, ran.output, this.scopeAt(state.scope, cwd), state.frame);
      return ran;
    };
    /** Nothing but `command`/`builtin`/`time` before it: an `eval` or `source` runs in this shell. */
    let inThisShell = !state.ownProcess;
    for (let hops = 0; hops < 64 && argv.length > 0; hops++) {
      // `$(go env GOPATH)/bin/golangci-lint`, `"$VIRTUAL_ENV/bin/python"`: the folder is unknown but
      // the program is named; it is analysed (and unwrapped) as that program.
      const tail = argv[0].known ? undefined : LITERAL_PROGRAM.exec(argv[0].text)?.[1];
      if (tail) argv = [{ text: tail, known: true }, ...argv.slice(1)];
      if (!argv[0].known) break;
      const name = basename(argv[0].text);
      if (name === 'git') {
        const rewritten = this.gitAlias(argv, state.scope, expanding);
        if (rewritten) {
          argv = rewritten.argv;
          via.push(rewritten.via);
          if (rewritten.shell) {
            // A shell alias that calls itself (`!git x`) is not expanded again inside itself.
            this.gitAliasesExpanding.add(rewritten.name);
            try {
              this.nested(rewritten.shell, state.scope, { ...inheritRedirects(state.frame, state.redirects), via, remote }, state.stdin);
            } finally {
              this.gitAliasesExpanding.delete(rewritten.name);
            }
            return finish(new Ran(undefined, rewritten.via));
          }
          expanding.add(rewritten.name);
          continue;
        }
      }
      if (name === 'git') {
        // `GIT_SSH_COMMAND='…' git fetch`, `GIT_SEQUENCE_EDITOR='…' git rebase -i`: git runs these.
        for (const [variable, value] of env) {
          if (GIT_COMMAND_VARIABLES.has(variable) && value.known && value.text.trim()) {
            this.nested(value, this.scopeAt(state.scope, cwd), { ...state.frame, via: [...via, `git ${variable}`], remote }, undefined);
          }
        }
      }
      if (name === 'rimraf') argv = [lit('rm'), lit('-rf'), ...argv.slice(1)];
      const unwrappers = unwrappersFor(name);
      let result: Unwrapped | null = null;
      if (unwrappers) {
        const io = this.io(argv, state.stdin, cwd);
        for (const unwrap of unwrappers) {
          result = unwrap(argv, io);
          if (result) break;
        }
      }
      if (!result) break;
      const frame: Frame = { ...inheritRedirects(state.frame, state.redirects), via: [...via, 'via' in result ? result.via : name], remote: ('remote' in result && result.remote) || remote };
      switch (result.kind) {
        case 'exec':
          if (!IN_SHELL_PREFIXES.has(name)) inThisShell = false;
          argv = result.argv;
          via.push(result.via);
          if (result.env) env.push(...result.env);
          if (result.remote) remote = result.remote;
          if (result.chdir) cwd = result.chdir.known ? this.absolute(result.chdir.text, cwd) : result.chdir.text;
          continue;
        case 'many': {
          if (result.keepSelf) this.emit(argv, { scope: state.scope, frame: state.frame, env, stdin: state.stdin, redirects: state.redirects, cwd, via, remote });
          for (const sub of result.commands) {
            this.run(sub.argv, { ...state, env, stdin: undefined, redirects: [], ownProcess: true, frame: { ...(result.keepSelf ? state.frame : frame), via: [...via, sub.via] } });
          }
          const ran = new Ran(undefined, argv.map((a) => a.text).join(' '));
          return result.keepSelf ? ran : finish(ran);
        }
        case 'shell':
          if (result.env) env.push(...result.env);
          // What the nested shell prints is what its commands print (`bash -c 'cat <<EOF' | psql`).
          return finish(this.nested(result.text, this.scopeAt(state.scope, cwd), frame, state.stdin, result.args, result.inScope && inThisShell) ?? new Ran(undefined, result.text.text));
        case 'stdin-shell':
          this.stdinShell(state.stdin, this.scopeAt(state.scope, cwd), frame);
          return finish(new Ran(undefined, result.via));
        case 'script':
          this.scriptFile(result.path, this.scopeAt(state.scope, cwd), frame, state.stdin, result.inScope && inThisShell);
          return finish(new Ran(undefined, result.via));
        case 'code':
          this.code(result, state.stdin, this.scopeAt(state.scope, cwd), frame);
          // The interpreter itself is analysed too (`perl -pi -e … settings.json` edits the file).
          return this.emit(argv, { scope: state.scope, frame: state.frame, env, stdin: state.stdin, redirects: state.redirects, cwd, via, remote });
        case 'package-script': {
          const script = this.packageScript(result.script, cwd);
          if (script === undefined && !this.files.has(this.absolute('package.json', cwd))) {
            const problem = this.options.fileProblem?.(this.absolute('package.json', cwd));
            if (problem) this.unknownCode(result.via, `${result.via} runs a script from package.json, but ${problem.message}`);
          }
          if (script !== undefined) {
            const text = [script, ...result.args.map((a) => a.text)].join(' ');
            this.nested({ text, known: result.args.every((a) => a.known) }, this.scopeAt(state.scope, cwd), frame, state.stdin);
          }
          return finish(new Ran(undefined, result.via));
        }
        case 'inert':
          return finish(new Ran(undefined, argv.map((a) => a.text).join(' ')));
      }
    }
    return this.emit(argv, { scope: state.scope, frame: state.frame, env, stdin: state.stdin, redirects: state.redirects, cwd, via, remote });
  }

  private scopeAt(scope: Scope, cwd: string): Scope {
    if (cwd === scope.cwd) return scope;
    const child = scope.child();
    child.cwd = cwd;
    return child;
  }

  /** `git nuke` after `git config alias.nuke 'push --force'` (or `git -c alias.nuke=… nuke`). */
  private gitAlias(argv: Value[], scope: Scope, expanding: Set<string>): { argv: Value[]; via: string; name: string; shell?: Value } | null {
    let i = 1;
    const inline = new Map<string, string>();
    while (i < argv.length && argv[i].text.startsWith('-')) {
      const option = argv[i].text;
      if (option === '-c' && argv[i + 1]) {
        const m = /^alias\.([^=]+)=([\s\S]*)$/.exec(argv[i + 1].text);
        if (m) inline.set(m[1], m[2]);
      }
      i += GIT_VALUE_OPTIONS.includes(option) ? 2 : 1;
    }
    const sub = argv[i];
    if (!sub) return null;
    if (sub.text === 'config') {
      const rest = argv.slice(i + 1).filter((a) => !a.text.startsWith('--'));
      const m = rest[0] && /^alias\.(.+)$/.exec(rest[0].text);
      if (m && rest[1]) scope.setGitAlias(m[1], rest[1].text);
      return null;
    }
    if (expanding.has(sub.text) || this.gitAliasesExpanding.has(sub.text)) return null;
    const alias = inline.get(sub.text) ?? scope.gitAlias(sub.text);
    if (alias === undefined) return null;
    const via = `git alias ${sub.text}`;
    if (alias.startsWith('!')) {
      return { argv: [], via, name: sub.text, shell: { text: [alias.slice(1), ...argv.slice(i + 1).map((a) => a.text)].join(' '), known: true } };
    }
    const expanded = alias.split(/\s+/).filter(Boolean).map(lit);
    return { argv: [...argv.slice(0, i), ...expanded, ...argv.slice(i + 1)], via, name: sub.text };
  }

  /**
   * Parses and expands shell text that will run (bash -c, eval, ssh, watch, decoded stdin …): in a
   * scope of its own, or `inScope`, in the caller's (eval, source: variables, aliases and
   * functions it defines are there for the commands after it).
   */
  private nested(text: Value, scope: Scope, frame: Frame, stdin: StdinSource | undefined, args?: Value[], inScope = false): Ran | undefined {
    if (frame.depth + 1 > this.limits.maxNesting) {
      throw new LimitReached(`shells nested deeper than ${this.limits.maxNesting} levels (bash -c, eval, ssh, scripts)`);
    }
    let script: Script;
    try {
      script = this.options.parse(text.text);
    } catch (error) {
      if (error instanceof ParseError && error.kind === 'limit') throw new LimitReached(error.message);
      this.findings.push({
        rule: 'exec.parse-error',
        action: `run shell text that does not parse (${error instanceof Error ? error.message : String(error)})`,
        target: frame.via.at(-1),
        reason: `the text given to ${frame.via.at(-1) ?? 'a shell'} is not valid shell (${error instanceof Error ? error.message : String(error)}), so what it would run cannot be checked`,
      });
      return;
    }
    const inner = inScope ? scope : scope.child();
    if (args) {
      // `sh -c '…' name a b`: $0 is name, "$@" is a b.
      const positional = args.slice(1);
      inner.set('0', args[0]);
      positional.forEach((arg, i) => inner.set(String(i + 1), arg));
      const all: Value = { text: positional.map((a) => a.text).join(' '), known: positional.every((a) => a.known), elements: positional };
      inner.set('@', all);
      inner.set('*', all);
      inner.set('#', lit(String(positional.length)));
    }
    return this.script(script, inner, { ...frame, depth: frame.depth + 1, stdin });
  }

  private unknownCode(target: string, reason: string): void {
    this.findings.push({ rule: 'exec.unknown-code', action: 'run code the guard cannot read', target, reason });
  }

  private stdinShell(stdin: StdinSource | undefined, scope: Scope, frame: Frame): void {
    const via = frame.via.at(-1) ?? 'a shell';
    if (!stdin) return; // an interactive shell with nothing fed to it runs nothing by itself
    const text = stdinText(stdin, (path) => this.readFile(path, scope.cwd));
    if (text !== undefined) {
      this.nested({ text, known: true }, scope, frame, undefined);
      return;
    }
    const from = stdin.kind === 'unknown' ? stdin.from : stdin.kind === 'file' ? stdin.path : '?';
    this.unknownCode(from, `${via} runs commands read from \`${from}\`, whose content cannot be known before it runs`);
  }

  private scriptFile(path: Value, scope: Scope, frame: Frame, stdin: StdinSource | undefined, inScope = false): void {
    const via = frame.via.at(-1) ?? 'a shell';
    if (!path.known && path.content !== undefined) {
      this.nested({ text: path.content, known: true }, scope, frame, undefined, undefined, inScope);
      return;
    }
    if (!path.known) return this.unknownCode(path.text, `${via} runs a script from \`${path.text}\`, whose content cannot be known before it runs`);
    const full = this.absolute(path.text, scope.cwd);
    const written = this.files.get(full);
    if (written && written.text === undefined) {
      return this.unknownCode(path.text, `${via} runs a script written earlier on this line with content the guard cannot see`);
    }
    // `bash /dev/stdin` reads its script from standard input, like `bash -s`.
    if (STDIN_PATHS.has(full)) return this.stdinShell(stdin ?? { kind: 'unknown', from: path.text }, scope, frame);
    if (full === '/dev/null') return; // an empty script
    if (++this.scriptsRead > this.limits.maxScripts) throw new LimitReached(`more than ${this.limits.maxScripts} script files to read`);
    const text = written?.text ?? this.options.readFile(full);
    if (text === undefined) {
      const problem = this.options.fileProblem?.(full);
      if (problem?.kind === 'too-large') this.limitFinding(`${via} runs the script ${path.text}, but ${problem.message}`);
      else if (problem) this.unknownCode(path.text, `${via} runs the script \`${path.text}\`, but ${problem.message}`);
      return; // missing: the shell fails to start it
    }
    this.nested({ text, known: true }, scope, frame, undefined, undefined, inScope);
  }

  private code(result: Extract<Unwrapped, { kind: 'code' }>, stdin: StdinSource | undefined, scope: Scope, frame: Frame): void {
    const code = result.code === 'stdin' ? stdinText(stdin, (p) => this.readFile(p, scope.cwd)) : result.code.known ? result.code.text : undefined;
    if (code === undefined) {
      return this.unknownCode(result.via, `${result.via} runs code that comes from a variable or input the guard cannot see`);
    }
    for (const effect of inlineCodeEffects(result.language, code)) {
      if (effect.kind === 'shell') this.nested({ text: effect.text, known: true }, scope, frame, undefined);
      else if (effect.kind === 'argv') this.run(effect.argv.map((text) => ({ text, known: !text.startsWith('$') })), { scope, frame, env: [], stdin: undefined, redirects: [], ownProcess: true });
      else this.unknownCode(effect.call, `${result.via} calls ${effect.call} with a command the guard cannot read`);
    }
  }

  // ── results ──────────────────────────────────────────────────────────────

  private emit(argv: Value[], state: Placement): Ran {
    if (this.commands.length >= this.limits.maxCommands) throw new LimitReached(`more than ${this.limits.maxCommands} commands to analyse`);
    const texts = argv.map((a) => a.text);
    const dynamic = argv.map((a) => !a.known);
    const name = argv.length && argv[0].known ? basename(argv[0].text) : '';
    const env: Record<string, string> = {};
    for (const [k, v] of state.env) env[k] = v.text;
    let redirects = state.redirects;
    if (state.frame.redirects) {
      redirects = mergeRedirects(state.frame.redirects, state.redirects);
      for (const r of redirects) this.delivered.add(r);
    }
    const cmd = new Executed(texts, dynamic, name, env, state.stdin, redirects, state.via, state.frame.context, state.cwd, state.remote);
    this.commands.push(cmd);
    if (argv.length && !argv[0].known) {
      this.findings.push({
        rule: 'exec.dynamic-command',
        action: 'run a program whose name is not known',
        target: argv[0].text,
        reason: `the program to run comes from \`${argv[0].text}\`, which the guard cannot see, so it cannot tell what will run`,
        command: cmd.display,
      });
    }
    const stdin = () => stdinText(state.stdin, (p) => this.readFile(p, state.cwd));
    const output = PRODUCERS.has(name)
      ? producedOutput(name, { argv: texts, known: argv.every((a) => a.known), stdin: stdin(), readFile: (p) => this.readFile(p, state.cwd) })
      : undefined;
    if (output !== undefined) checkValueLength(output.length);
    if (redirects.length) this.recordWrites(redirects, output, state.cwd);
    if (name === 'tee') {
      const content = stdin();
      for (const target of texts.slice(1).filter((a) => !a.startsWith('-'))) this.files.set(this.absolute(target, state.cwd), { text: content });
    }
    return new Ran(output, cmd);
  }

  private recordWrites(redirects: ExecRedirect[], output: string | undefined, cwd: string): void {
    for (const r of redirects) {
      if (!WRITE_OPS.has(r.op) || r.dynamic || (r.fd !== null && r.fd !== 1 && r.op !== '&>' && r.op !== '&>>')) continue;
      const path = this.absolute(r.target, cwd);
      const before = this.files.get(path);
      const append = r.op === '>>' || r.op === '&>>';
      const text = append ? (before?.text !== undefined && output !== undefined ? before.text + output : undefined) : output;
      this.files.set(path, { text });
    }
  }

  limitFinding(reason: string): void {
    this.findings.push({ rule: 'exec.limit', action: `analyse a command beyond the guard's limits (${reason})`, reason: `the command was not fully checked: ${reason}` });
  }
}

/** Expands a parsed command line into the commands that will run. Never throws for limits: they become findings. */
export function expand(script: Script, options: ExpandOptions): Expansion {
  const files = new Map<string, VirtualFile>();
  const expander = new Expander(options, files);
  const scope = new Scope(null, options.cwd, files);
  try {
    expander.script(script, scope, { via: [], context: 'top', depth: 0 });
  } catch (error) {
    if (!(error instanceof LimitReached)) throw error;
    expander.limitFinding(error.message);
  }
  return { commands: expander.commands, findings: expander.findings, files, readFile: (path, cwd) => expander.readFile(path, cwd) };
}

export { Scope } from './scope.js';
export type { VirtualFile } from './scope.js';
