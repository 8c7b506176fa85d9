// Shared vocabulary of the pipeline:
//   payload ─▶ adapter ─▶ parse ─▶ expand ─▶ analyse ─▶ policy ─▶ grant? ─▶ adapter reply
// Each stage owns a folder under src/; this file holds only the shapes that cross stages.

export type Decision = 'allow' | 'confirm' | 'deny';

export const DECISION_RANK: Record<Decision, number> = { allow: 0, confirm: 1, deny: 2 };

export function stricter(a: Decision, b: Decision): Decision {
  return DECISION_RANK[a] >= DECISION_RANK[b] ? a : b;
}

/**
 * One command that will actually run, after expansion has stripped wrappers (sudo, env, timeout,
 * xargs, find -exec …), entered nested shells (bash -c, eval, ssh, docker exec, heredocs fed to a
 * shell, scripts by path) and substituted variables assigned earlier on the same line.
 */
export interface ExecCommand {
  /** Words after quote removal and known-variable substitution. Unknown parts keep their source text (`$TOKEN`, `$(…)`). */
  argv: string[];
  /** Per argv entry: true when the value is not fully known (unresolved variable, command substitution, glob, brace or tilde we did not resolve). */
  dynamic: boolean[];
  /** Program name: basename of argv[0] (`/usr/bin/git` → `git`); '' when argv[0] is dynamic. */
  name: string;
  /** Variables in effect for this command that the line itself set (inline `A=b cmd`, `env A=b`, earlier `A=b;`). */
  env: Record<string, string>;
  /** What arrives on standard input, when the text is known (heredoc, here-string, `echo …|`, `printf …|`, `cat <<EOF |`). */
  stdin?: StdinSource;
  /** Redirections on this command (output targets matter: `> data.db` empties a file). */
  redirects: ExecRedirect[];
  /** Wrappers and nesting that led here, outermost first: e.g. ['sudo', 'bash -c', 'ssh prod']. */
  via: string[];
  /** Where the command sits: directly, inside $(…)/`…`/<(…), or inside a function body. */
  context: 'top' | 'sub' | 'fn';
  /** Working directory this command runs in, when known (the hook's cwd, adjusted by literal `cd`). */
  cwd: string;
  /** Set when the command runs on another machine or container (ssh host, docker exec ctr, kubectl exec pod). */
  remote?: string;
  /** Human-readable text of this command (re-quoted argv), for reasons and `explain`. */
  display: string;
}

export type StdinSource =
  | { kind: 'heredoc' | 'herestring' | 'pipe'; text: string; from?: string }
  | { kind: 'file'; path: string }
  | { kind: 'unknown'; from: string };

export interface ExecRedirect {
  op: string; // '>', '>>', '<', '>|', '&>', '&>>', '<>', '>&', '<&'
  fd: number | null;
  target: string;
  dynamic: boolean;
}

/** What an analyser reports about one executed command. */
export interface Finding {
  /** Rule id, dotted: `<pack>.<tool>.<what>`, e.g. `git.push.force`, `http.graphql.destructive-mutation`. Must exist in a pack. */
  rule: string;
  /** Short verb phrase: 'force-push', 'delete volume', 'drop table'. */
  action: string;
  /** What would be destroyed, as a human would name it: '3d2c42fb-…', 'users', 'main', 's3://acme-prod'. */
  target?: string;
  /** One sentence: why this is irreversible. */
  reason: string;
  /** Overrides the rule's default decision (rare: e.g. escalating to deny for `rm -rf /`). */
  decision?: Decision;
  /** Context that raises the stakes: 'production name in target', 'recursive', 'all rows', 'remote host prod'. */
  hints?: string[];
  /** The executed command this finding is about (display form); filled in by the pipeline. */
  command?: string;
}

/** Services the pipeline offers analysers. */
export interface AnalysisContext {
  /** Reads a small file relative to the command's cwd; undefined when missing, unreadable or over the size limit. */
  readFile(path: string, cwd: string): string | undefined;
  /** The effective rules (built-in packs plus config), for analysers that evaluate declarative rules (HTTP, GraphQL). */
  rules: import('./rules/registry.js').RuleSet;
  /** SQL text analysis (DROP, TRUNCATE, DELETE/UPDATE without WHERE …), shared by every tool that carries SQL. */
  analyseSql(text: string, cmd: ExecCommand): Finding[];
  /**
   * The words of a command shown as text (a pipe's producer, `StdinSource.from`), parsed with the
   * core's shell parser so domain files need not bundle their own; undefined when it is not one
   * simple command.
   */
  commandWords?(text: string): string[] | undefined;
}

export interface Analyser {
  /** Domain name, e.g. 'git'. */
  name: string;
  /**
   * Program names this analyser handles (dispatch table key); '*' for every command, '>' for every
   * command that writes through an output redirection.
   */
  commands: string[];
  analyse(cmd: ExecCommand, ctx: AnalysisContext): Finding[];
}
