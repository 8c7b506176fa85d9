// What the command line itself establishes as it runs: variables assigned earlier, aliases,
// git aliases, the working directory after `cd`, and files written by earlier commands
// (so `printf … > x.sh && bash x.sh` and `cat > q.json <<EOF … ; curl -d @q.json` are seen).
// A child scope (subshell, nested shell) sees its parent's names; what it sets stays inside.
// Maps are created only when something is set: most command lines set nothing.

export interface Value {
  text: string;
  /** The text is exactly the value (false: it holds unresolved source like `$TOKEN` or `$(…)`). */
  known: boolean;
  /** Arrays (`a=(x y)`) and positional parameters: the elements, for `"${a[@]}"` and `"$@"`. */
  elements?: Value[];
  /** A path whose content the line itself determines: `<(printf …)` (for `bash <(…)`, `< <(…)`). */
  content?: string;
}

export interface VirtualFile {
  /** Content, when the writer's output is known. */
  text?: string;
}

type Layer<T> = Map<string, T | null> | null;

function lookup<T>(scope: Scope | null, pick: (s: Scope) => Layer<T>, name: string): T | undefined {
  for (let s = scope; s; s = s.parent) {
    const layer = pick(s);
    if (layer?.has(name)) return layer.get(name) ?? undefined;
  }
  return undefined;
}

export class Scope {
  private vars: Layer<Value> = null;
  private aliasLayer: Layer<string> = null;
  /** Functions defined on the line, with the names their bodies assign (global in bash). */
  private functionLayer: Layer<readonly string[]> = null;
  /**
   * git aliases set earlier on the line (`git config alias.x …`). git writes them to its config
   * file, so like `files` they are shared by every nested scope: a subshell's `git config` lasts.
   */
  private readonly gitAliases: Map<string, string>;
  /** Files written earlier on the line, by absolute path. Shared by every nested scope. */
  readonly files: Map<string, VirtualFile>;
  cwd: string;

  constructor(readonly parent: Scope | null, cwd: string, files?: Map<string, VirtualFile>) {
    this.files = parent?.files ?? files ?? new Map();
    this.gitAliases = parent?.gitAliases ?? new Map();
    this.cwd = parent?.cwd ?? cwd;
  }

  child(): Scope {
    return new Scope(this, this.cwd);
  }

  get(name: string): Value | undefined {
    return lookup(this, (s) => s.vars, name);
  }

  set(name: string, value: Value): void {
    (this.vars ??= new Map()).set(name, value);
  }

  unset(name: string): void {
    (this.vars ??= new Map()).set(name, null);
  }

  alias(name: string): string | undefined {
    return lookup(this, (s) => s.aliasLayer, name);
  }

  setAlias(name: string, value: string | null): void {
    (this.aliasLayer ??= new Map()).set(name, value);
  }

  functionAssigns(name: string): readonly string[] | undefined {
    return lookup(this, (s) => s.functionLayer, name);
  }

  setFunction(name: string, assigns: readonly string[]): void {
    (this.functionLayer ??= new Map()).set(name, assigns);
  }

  /** Names something may have reassigned (a loop's earlier pass, a function call): now unknown. */
  forget(names: readonly string[]): void {
    // `*`: anything may have been set (eval, source): every name known so far becomes unknown.
    const all = names.includes('*') ? this.knownNames() : [];
    for (const name of [...names, ...all]) if (name !== '*') this.set(name, { text: `$${name}`, known: false });
  }

  /** Every variable name set in this scope or its parents. */
  private knownNames(): string[] {
    const names = new Set<string>();
    for (let s: Scope | null = this; s; s = s.parent) for (const name of s.vars?.keys() ?? []) names.add(name);
    return [...names];
  }

  /**
   * After `branch` (a child of this scope) may or may not have run — an `if`/`case` body, what
   * follows `&&`/`||`, a loop body: each variable it changed may hold either value, so it is
   * unknown here; a working directory it changed is unknown too. Aliases it defined are kept
   * (an alias is checked both expanded and as written, so keeping one never hides a command).
   */
  mergeUncertain(branch: Scope): void {
    for (const [name, value] of branch.vars ?? []) {
      const before = this.get(name);
      if (value?.text === before?.text && value?.known === before?.known) continue;
      this.set(name, { text: `$${name}`, known: false });
    }
    for (const [name, value] of branch.aliasLayer ?? []) if (value !== null) this.setAlias(name, value);
    for (const [name, assigns] of branch.functionLayer ?? []) if (assigns) this.setFunction(name, [...(this.functionAssigns(name) ?? []), ...assigns]);
    if (branch.cwd !== this.cwd) this.cwd = eitherCwd(this.cwd, branch.cwd);
  }

  gitAlias(name: string): string | undefined {
    return this.gitAliases.get(name);
  }

  setGitAlias(name: string, value: string): void {
    this.gitAliases.set(name, value);
  }
}

/**
 * A working directory that is one of two (a `cd` that may not have run): not absolute, so path
 * analysis treats it as unknown, while checks that must consider every place (self-protection)
 * read the alternatives back with `cwdAlternatives`.
 */
export function eitherCwd(a: string, b: string): string {
  return `(either ${a} or ${b})`;
}

/** The directories a working directory may be: itself, or each side of `eitherCwd`, recursively. */
export function cwdAlternatives(cwd: string): string[] {
  if (!cwd.startsWith('(either ') || !cwd.endsWith(')')) return [cwd];
  const inner = cwd.slice('(either '.length, -1);
  let depth = 0;
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === '(') depth++;
    else if (inner[i] === ')') depth--;
    else if (depth === 0 && inner.startsWith(' or ', i)) return [...cwdAlternatives(inner.slice(0, i)), ...cwdAlternatives(inner.slice(i + 4))];
  }
  return [cwd];
}
