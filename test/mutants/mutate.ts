// Evasion mutants: rewrites of a shell command that run exactly the same programs with exactly the
// same arguments (destructive kinds), or that only carry the command's text as data (data kinds).
// Pure functions: no I/O. Used by test/mutants/mutants.test.ts and scripts/mutants.mjs.
//
// Every rewrite is meaning-preserving by construction: words are re-spelled from their parsed
// values with exact quoting (`'` → `'\''` inside single quotes; `\ " $ \`` escaped inside double
// quotes), edits are made at the parser's source spans, and multi-line text (heredocs, comments,
// continuations) is wrapped with newlines, never with `;`. test/mutants/generator.test.ts runs
// mutants of harmless probe commands in a real bash and checks they print what the original
// prints: a mutant that changes meaning is a bug here, not a hold.
import { Buffer } from 'node:buffer';
import { parse, type Command, type Pipeline, type Script, type SimpleCommand, type Word } from '../../src/parse/index.js';

export type MutantClass = 'destructive' | 'data';

export interface Mutant {
  kind: string;
  class: MutantClass;
  tier: 'issue' | 'extra';
  command: string;
}

export interface MutationKind {
  name: string;
  class: MutantClass;
  /** 'issue': the forms issue 6 lists; 'extra': further evasions tried on top. */
  tier?: 'issue' | 'extra';
  /**
   * How generator.test.ts checks the kind in a real bash: same output as the original ('exact'),
   * the same up to trailing newlines ('trim': `$(…)` strips them), or not run ('none').
   */
  verify?: 'exact' | 'trim' | 'none';
  /** One line for the report. */
  example: string;
  /** The mutant, or null when the kind does not apply to this command. */
  apply(command: string, parsed: Parsed): string | null;
}

// ── quoting ────────────────────────────────────────────────────────────────

/** Single-quoted shell word with exactly `text` as its value. */
export function sq(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** Body of a double-quoted word with exactly `text` as its value (bash, non-interactive). */
export function dqBody(text: string): string {
  return text.replace(/[\\"$`]/g, '\\$&');
}

export function dq(text: string): string {
  return `"${dqBody(text)}"`;
}

const PLAIN = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** The shortest safe spelling of a word value: bare when only harmless characters, else single-quoted. */
export function spell(text: string): string {
  return text !== '' && PLAIN.test(text) ? text : sq(text);
}

/** `$'…'` with every character hex- or otherwise escaped: the value is exactly `text`. */
export function ansiC(text: string, hexEvery = false): string {
  let out = "$'";
  for (const [i, ch] of [...text].entries()) {
    const code = ch.codePointAt(0)!;
    if ((hexEvery || i === 0) && code < 0x80) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (ch === "'" || ch === '\\') out += `\\${ch}`;
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + "'";
}

/** A heredoc delimiter that is not a line of `text`. */
export function delimiter(text: string, base = 'IL_EOF'): string {
  const lines = new Set(text.split('\n'));
  let name = base;
  for (let i = 1; lines.has(name); i++) name = `${base}${i}`;
  return name;
}

// ── parsed view ────────────────────────────────────────────────────────────

export interface Parsed {
  script: Script;
  /** Simple commands that run a program, at statement level (top level, compound and function bodies; not inside words). */
  commands: SimpleCommand[];
  /** Pipelines at the top level of the line (statements and `&&`/`||` parts). */
  pipelines: Pipeline[];
  /** Functions the line defines: an external wrapper cannot run them. */
  functions: Set<string>;
}

function collect(script: Script, commands: SimpleCommand[], functions: Set<string>): void {
  const visit = (c: Command): void => {
    switch (c.type) {
      case 'SimpleCommand':
        if (c.words.length) commands.push(c);
        return;
      case 'Subshell':
      case 'BraceGroup':
        return collect(c.body, commands, functions);
      case 'If':
        for (const b of c.branches) {
          collect(b.condition, commands, functions);
          collect(b.body, commands, functions);
        }
        if (c.elseBody) collect(c.elseBody, commands, functions);
        return;
      case 'For':
      case 'Select':
      case 'ArithFor':
        return collect(c.body, commands, functions);
      case 'While':
      case 'Until':
        collect(c.condition, commands, functions);
        return collect(c.body, commands, functions);
      case 'Case':
        for (const item of c.items) collect(item.body, commands, functions);
        return;
      case 'FunctionDef':
        functions.add(c.name);
        return visit(c.body);
      case 'Coproc':
        return visit(c.body);
      default:
        return;
    }
  };
  for (const statement of script.statements) {
    for (const pipeline of [statement.body.first, ...statement.body.rest.map((r) => r.pipeline)]) pipeline.commands.forEach(visit);
  }
}

export function parseForMutation(command: string): Parsed | null {
  let script: Script;
  try {
    script = parse(command);
  } catch {
    return null;
  }
  const commands: SimpleCommand[] = [];
  const functions = new Set<string>();
  collect(script, commands, functions);
  commands.sort((a, b) => a.span.start - b.span.start);
  const pipelines: Pipeline[] = [];
  for (const statement of script.statements) {
    pipelines.push(statement.body.first, ...statement.body.rest.map((r) => r.pipeline));
  }
  return { script, commands, pipelines, functions };
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

function applyEdits(source: string, edits: Edit[]): string | null {
  if (edits.length === 0) return null;
  // Right to left; edits at the same place keep their list order in the result.
  const sorted = edits.map((e, i) => ({ ...e, i })).sort((a, b) => b.start - a.start || b.i - a.i);
  let out = source;
  let limit = Infinity;
  for (const e of sorted) {
    if (e.end > limit) throw new Error(`overlapping edits at ${e.start}`);
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
    limit = e.start;
  }
  return out;
}

/**
 * Builtins and keywords-as-commands: an external wrapper (`sudo cd`, `nohup export`, `(exec set)`)
 * would not run them, so wrapper kinds leave them alone.
 */
const SHELL_ONLY = new Set([
  'cd', 'pushd', 'popd', 'set', 'export', 'unset', 'source', '.', 'eval', 'exec', 'alias', 'unalias', 'local', 'declare',
  'typeset', 'readonly', 'shift', 'return', 'exit', 'trap', 'wait', 'read', 'ulimit', 'umask', 'hash', 'builtin', 'let',
  'shopt', 'enable', 'getopts', 'break', 'continue', 'jobs', 'fg', 'bg', 'disown', 'history', 'mapfile', 'readarray', ':',
]);

/** The command word when it is a known program name (literal), else undefined. */
function nameOf(cmd: SimpleCommand): Word | undefined {
  const first = cmd.words[0];
  return first && first.literal && first.value !== '' && !first.value.includes('\n') ? first : undefined;
}

function wrappable(cmd: SimpleCommand, parsed: Parsed): boolean {
  const name = cmd.words[0];
  if (!name) return false;
  return !(name.literal && (SHELL_ONLY.has(name.value) || parsed.functions.has(name.value)));
}

/** Start of the command's name word (after `A=b` prefixes and leading redirections). */
const nameStart = (cmd: SimpleCommand) => cmd.words[0].span.start;

/** End of the command's own text: its last word, assignment or redirection (a heredoc body is not part of it). */
function commandEnd(cmd: SimpleCommand): number {
  let end = cmd.span.start;
  for (const w of cmd.words) end = Math.max(end, w.span.end);
  for (const a of cmd.assignments) end = Math.max(end, a.span.end);
  for (const r of cmd.redirects) end = Math.max(end, r.span.end);
  return end;
}

/** Prefix inserted before the program name of every runnable simple command. */
function prefixEach(prefix: string, atStart: boolean) {
  return (command: string, parsed: Parsed): string | null =>
    applyEdits(
      command,
      parsed.commands.filter((cmd) => wrappable(cmd, parsed)).map((cmd) => {
        const at = atStart ? cmd.span.start : nameStart(cmd);
        return { start: at, end: at, text: prefix };
      }),
    );
}

/** Replaces the program-name word of every simple command with another spelling of the same value. */
function respellName(spellName: (value: string) => string | null) {
  return (command: string, parsed: Parsed): string | null => {
    const edits: Edit[] = [];
    for (const cmd of parsed.commands) {
      const name = nameOf(cmd);
      if (!name) continue;
      const text = spellName(name.value);
      if (text !== null) edits.push({ start: name.span.start, end: name.span.end, text });
    }
    return applyEdits(command, edits);
  };
}

/** Variables assigned at the start of the line, then used in place of words. */
function viaVariables(pick: (cmd: SimpleCommand) => Word[], prefix: string) {
  return (command: string, parsed: Parsed): string | null => {
    const assignments: string[] = [];
    const edits: Edit[] = [];
    const names = new Map<string, string>();
    for (const cmd of parsed.commands) {
      for (const word of pick(cmd)) {
        let variable = names.get(word.value);
        if (!variable) {
          variable = `${prefix}${names.size}`;
          names.set(word.value, variable);
          assignments.push(`${variable}=${spell(word.value)}`);
        }
        // Unquoted when word splitting and globbing cannot change the value.
        const use = PLAIN.test(word.value) ? `$${variable}` : `"$${variable}"`;
        edits.push({ start: word.span.start, end: word.span.end, text: use });
      }
    }
    const body = applyEdits(command, edits);
    return body === null ? null : `${assignments.join('; ')}; ${body}`;
  };
}

const isFlag = (w: Word) => w.literal && /^-[^\n]/.test(w.value) && !w.value.includes('\n');

/** Where to break a line: a gap of blanks between two words of the command. */
function middleGap(command: string, cmd: SimpleCommand): Edit | null {
  if (cmd.words.length < 2) return null;
  const k = Math.ceil(cmd.words.length / 2);
  const start = cmd.words[k - 1].span.end;
  const end = cmd.words[k].span.start;
  if (!/^[ \t]+$/.test(command.slice(start, end))) return null;
  return { start, end, text: ' \\\n  ' };
}

// ── kinds ──────────────────────────────────────────────────────────────────

/** `if`/`for`/`{ }`/`&&` need a command after them: a line that is only comments gets null. */
const statements = (p: Parsed): true | null => (p.script.statements.length > 0 ? true : null);

export const KINDS: MutationKind[] = [
  // Nested shells and interpreters of text.
  { name: 'bash -c', class: 'destructive', example: `bash -c '…'`, apply: (c) => `bash -c ${sq(c)}` },
  { name: 'sh -c "…"', class: 'destructive', example: `sh -c "…"`, apply: (c) => `sh -c ${dq(c)}` },
  { name: 'eval', class: 'destructive', example: `eval "…"`, apply: (c) => `eval ${dq(c)}` },
  { name: 'echo | sh', class: 'destructive', example: `echo '…' | sh`, apply: (c) => (c.startsWith('-') ? null : `echo ${sq(c)} | sh`) },
  { name: 'heredoc bash', class: 'destructive', example: `bash <<'EOF' … EOF`, apply: (c) => { const d = delimiter(c); return `bash <<'${d}'\n${c}\n${d}`; } },
  { name: 'here-string sh', class: 'destructive', example: `sh <<< '…'`, apply: (c) => `sh <<< ${sq(c)}` },
  { name: 'script file', class: 'destructive', example: `printf '%s\\n' '…' > x.sh && bash x.sh`, apply: (c) => `printf '%s\\n' ${sq(c)} > x.sh && bash x.sh` },
  { name: 'base64 | sh', class: 'destructive', example: `echo <b64> | base64 -d | sh`, apply: (c) => `echo ${Buffer.from(c + '\n', 'utf8').toString('base64')} | base64 -d | sh` },

  // Wrappers around every program the line runs.
  { name: 'sudo', class: 'destructive', example: 'sudo …', apply: (c, p) => prefixEach('sudo ', true)(c, p) },
  { name: 'sudo -E env', class: 'destructive', example: 'sudo -E env X=1 …', apply: (c, p) => prefixEach('sudo -E env X=1 ', true)(c, p) },
  { name: 'env -i', class: 'destructive', example: 'env -i PATH=/usr/bin:/bin …', apply: (c, p) => prefixEach('env -i PATH=/usr/bin:/bin ', true)(c, p) },
  { name: 'nohup', class: 'destructive', example: 'nohup …', apply: (c, p) => prefixEach('nohup ', false)(c, p) },
  { name: 'timeout', class: 'destructive', example: 'timeout 5 …', apply: (c, p) => prefixEach('timeout 5 ', false)(c, p) },
  { name: 'nice', class: 'destructive', example: 'nice -n 10 …', apply: (c, p) => prefixEach('nice -n 10 ', false)(c, p) },
  { name: 'command', class: 'destructive', example: 'command …', apply: (c, p) => prefixEach('command ', false)(c, p) },
  {
    name: 'time',
    class: 'destructive',
    example: 'time …',
    apply: (c, p) =>
      applyEdits(
        c,
        p.pipelines
          .filter((pl) => pl.commands[0].type !== 'SimpleCommand' || pl.commands[0].words.length > 0)
          .filter((pl) => !pl.timed)
          .map((pl) => ({ start: pl.span.start, end: pl.span.start, text: 'time ' })),
      ),
  },
  {
    name: '(exec …)',
    class: 'destructive',
    example: '(exec …)',
    apply: (c, p) =>
      applyEdits(
        c,
        p.commands.filter((cmd) => wrappable(cmd, p)).flatMap((cmd) => [
          { start: cmd.span.start, end: cmd.span.start, text: '(' },
          { start: nameStart(cmd), end: nameStart(cmd), text: 'exec ' },
          { start: commandEnd(cmd), end: commandEnd(cmd), text: ')' },
        ]),
      ),
  },
  {
    name: 'absolute path',
    class: 'destructive',
    example: '/usr/bin/<tool> …',
    apply: (c, p) => {
      const edits: Edit[] = [];
      for (const cmd of p.commands.filter((c2) => wrappable(c2, p))) {
        const name = nameOf(cmd);
        if (name && !name.value.includes('/')) edits.push({ start: name.span.start, end: name.span.end, text: spell(`/usr/bin/${name.value}`) });
      }
      return applyEdits(c, edits);
    },
  },

  // Other spellings of the program name or its arguments.
  {
    name: 'quote-split "…"',
    class: 'destructive',
    example: 'gi"t" …',
    apply: respellName((v) => (v.length < 2 ? null : `${spell(v.slice(0, -1))}"${dqBody(v.slice(-1))}"`)),
  },
  {
    name: "quote-split '…'",
    class: 'destructive',
    example: "'cu'rl …",
    apply: respellName((v) => (v.length < 2 ? null : `${sq(v.slice(0, 2))}${v.length > 2 ? spell(v.slice(2)) : ''}`)),
  },
  { name: 'backslash', class: 'destructive', example: '\\git …', apply: respellName((v) => (v[0] === '\n' ? null : `\\${v[0]}${v.length > 1 ? spell(v.slice(1)) : ''}`)) },
  { name: 'ANSI-C name', class: 'destructive', example: "$'\\x67it' …", apply: respellName((v) => ansiC(v)) },
  {
    name: 'ANSI-C argument',
    class: 'destructive',
    example: "git push $'\\x2d\\x2dforce'",
    apply: (c, p) => {
      const edits: Edit[] = [];
      for (const cmd of p.commands) {
        const args = cmd.words.slice(1).filter((w) => w.literal && !w.value.includes('\n'));
        const target = args.find(isFlag) ?? args.at(-1);
        if (target && target.value !== '') edits.push({ start: target.span.start, end: target.span.end, text: ansiC(target.value, true) });
      }
      return applyEdits(c, edits);
    },
  },
  {
    name: 'line continuation in a word',
    class: 'destructive',
    example: 'rail\\⏎way …',
    apply: respellName((v) => (v.length < 2 || !PLAIN.test(v) ? null : `${v.slice(0, Math.ceil(v.length / 2))}\\\n${v.slice(Math.ceil(v.length / 2))}`)),
  },
  {
    name: 'line continuation',
    class: 'destructive',
    example: 'git push \\⏎  --force',
    apply: (c, p) => applyEdits(c, p.commands.map((cmd) => middleGap(c, cmd)).filter((e): e is Edit => e !== null)),
  },
  { name: 'name in a variable', class: 'destructive', example: 'X=git; $X push --force', apply: viaVariables((cmd) => (nameOf(cmd) ? [cmd.words[0]] : []), '_IL_CMD') },
  { name: 'flag in a variable', class: 'destructive', example: 'F=--force; git push $F', apply: viaVariables((cmd) => cmd.words.slice(1).filter(isFlag), '_IL_OPT') },

  // Context around the command.
  { name: 'after cd &&', class: 'destructive', example: 'cd x && …', apply: (c, p) => statements(p) && `cd x && ${c}` },
  { name: 'after true;', class: 'destructive', example: 'true; …', apply: (c) => `true; ${c}` },
  { name: 'if true', class: 'destructive', example: 'if true; then … fi', apply: (c, p) => statements(p) && `if true; then\n${c}\nfi` },
  { name: 'for loop', class: 'destructive', example: 'for i in 1; do … done', apply: (c, p) => statements(p) && `for _il_i in 1; do\n${c}\ndone` },
  { name: 'function', class: 'destructive', example: 'f() { … }; f', apply: (c, p) => statements(p) && `_il_f() {\n${c}\n}\n_il_f` },
  { name: 'comment line before', class: 'destructive', example: '# tidy up ⏎ …', apply: (c) => `# tidy up the workspace\n${c}` },

  // Data only: the text is printed, searched for, or stored, never run.
  { name: 'echo "…"', class: 'data', example: 'echo "…"', apply: (c) => `echo ${dq(c)}` },
  { name: 'printf > notes.md', class: 'data', example: `printf '%s\\n' '…' > notes.md`, apply: (c) => `printf '%s\\n' ${sq(c)} > notes.md` },
  { name: 'grep -F', class: 'data', example: 'grep -F "…" -r docs/', apply: (c) => `grep -F ${dq(c)} -r docs/` },
  { name: 'commit message', class: 'data', example: 'git commit -m "…"', apply: (c) => `git commit -m ${dq(c)}` },
  { name: 'heredoc into cat', class: 'data', example: `cat > notes.md <<'EOF' … EOF`, apply: (c) => { const d = delimiter(c); return `cat > notes.md <<'${d}'\n${c}\n${d}`; } },
];

/** Further data-only forms: the text is encoded, printed by an interpreter, stored, or commented out. */
export const EXTRA_DATA_KINDS: MutationKind[] = [
  { name: 'commented out', class: 'data', tier: 'extra', example: '# …', apply: (c) => c.replace(/^/gm, '# ') },
  { name: 'base64 encode', class: 'data', tier: 'extra', example: `printf '%s' '…' | base64`, apply: (c) => `printf '%s' ${sq(c)} | base64` },
  { name: 'in a variable, printed', class: 'data', tier: 'extra', example: `note='…'; printf '%s\\n' "$note"`, apply: (c) => `note=${sq(c)}; printf '%s\\n' "$note"` },
  { name: 'python print', class: 'data', tier: 'extra', example: `python3 -c 'print("…")'`, apply: (c) => `python3 -c ${sq(`print(${JSON.stringify(c)})`)}` },
  { name: 'node console.log', class: 'data', tier: 'extra', example: `node -e 'console.log("…")'`, apply: (c) => `node -e ${sq(`console.log(${JSON.stringify(c)})`)}` },
  { name: 'jq --arg', class: 'data', tier: 'extra', example: `jq -n --arg cmd '…' '{cmd: $cmd}'`, apply: (c) => `jq -n --arg cmd ${sq(c)} '{cmd: $cmd}'` },
  { name: 'script written, not run', class: 'data', tier: 'extra', verify: 'none', example: `printf '%s\\n' '…' > cleanup.sh && chmod +x cleanup.sh`, apply: (c) => `printf '%s\\n' ${sq(c)} > cleanup.sh && chmod +x cleanup.sh` },
  { name: 'git log --grep', class: 'data', tier: 'extra', verify: 'none', example: 'git log -F --grep "…"', apply: (c) => `git log -F --grep ${dq(c)}` },
];

// ── further evasions (beyond the forms issue 6 lists) ──────────────────────

const hexBytes = (text: string) => [...Buffer.from(text, 'utf8')].map((b) => `\\x${b.toString(16).padStart(2, '0')}`).join('');
const blanksBetween = (command: string, a: Word, b: Word) => /^[ \t]+$/.test(command.slice(a.span.end, b.span.start));
const GLOB = /[*?[\]]/;

/** A command's words as one span, when nothing else (a redirection) sits between them. */
function wordRange(cmd: SimpleCommand): { start: number; end: number } | null {
  const start = cmd.words[0].span.start;
  const end = cmd.words.at(-1)!.span.end;
  if (cmd.redirects.some((r) => r.span.start > start && r.span.start < end)) return null;
  return { start, end };
}

/** Every runnable command's words replaced by one expansion defined at the start of the line. */
function wordsVia(define: (name: string, cmd: SimpleCommand) => { assign: string; use: string } | null, prefix: string) {
  return (command: string, parsed: Parsed): string | null => {
    const assignments: string[] = [];
    const edits: Edit[] = [];
    for (const cmd of parsed.commands) {
      if (!cmd.words.every((w) => w.literal && !w.value.includes('\n'))) continue;
      const range = wordRange(cmd);
      const made = range && define(`${prefix}${assignments.length}`, cmd);
      if (!range || !made) continue;
      assignments.push(made.assign);
      edits.push({ ...range, text: made.use });
    }
    const body = applyEdits(command, edits);
    return body === null ? null : `${assignments.join('; ')}; ${body}`;
  };
}

/** The only command of the line, when the line is one simple command without input of its own. */
function soleCommand(parsed: Parsed): SimpleCommand | null {
  const { statements } = parsed.script;
  if (statements.length !== 1 || statements[0].background || statements[0].body.rest.length) return null;
  const { commands } = statements[0].body.first;
  if (commands.length !== 1 || commands[0].type !== 'SimpleCommand') return null;
  const cmd = commands[0];
  return cmd.words.length && !cmd.assignments.length && !cmd.redirects.length ? cmd : null;
}

const pyString = (text: string) => JSON.stringify(text);

export const EXTRA_KINDS: MutationKind[] = [
  { name: 'sh -c \'"$@"\' sh …', class: 'destructive', tier: 'extra', example: `sh -c '"$@"' sh git push --force`, apply: (c, p) => prefixEach(`sh -c '"$@"' sh `, false)(c, p) },
  { name: 'bash -xc', class: 'destructive', tier: 'extra', example: `bash -xc '…'`, apply: (c) => `bash -xc ${sq(c)}` },
  { name: 'bash options -c', class: 'destructive', tier: 'extra', example: `bash --norc -o pipefail -c '…'`, apply: (c) => `bash --norc -o pipefail -c ${sq(c)}` },
  { name: 'env bash -c', class: 'destructive', tier: 'extra', example: `/usr/bin/env bash -c '…'`, apply: (c) => `/usr/bin/env bash -c ${sq(c)}` },
  { name: 'bash -s <<<', class: 'destructive', tier: 'extra', example: `bash -s <<< '…'`, apply: (c) => `bash -s <<< ${sq(c)}` },
  { name: 'heredoc <<- bash', class: 'destructive', tier: 'extra', example: `bash <<-'EOF' ⇥… ⇥EOF`, apply: (c) => { if (/^\t/m.test(c)) return null; const d = delimiter(c); return `bash <<-'${d}'\n${c.replace(/^/gm, '\t')}\n\t${d}`; } },
  { name: 'source <(…)', class: 'destructive', tier: 'extra', example: `source <(printf '%s\\n' '…')`, apply: (c) => `source <(printf '%s\\n' ${sq(c)})` },
  { name: 'bash <(…)', class: 'destructive', tier: 'extra', example: `bash <(printf '%s\\n' '…')`, apply: (c) => `bash <(printf '%s\\n' ${sq(c)})` },
  { name: 'eval "$(…)"', class: 'destructive', tier: 'extra', example: `eval "$(printf '%s\\n' '…')"`, apply: (c) => `eval "$(printf '%s\\n' ${sq(c)})"` },
  { name: 'printf \\x | sh', class: 'destructive', tier: 'extra', example: `printf '\\x67\\x69…' | sh`, apply: (c) => `printf '${hexBytes(c + '\n')}' | sh` },
  { name: 'echo -e | sh', class: 'destructive', tier: 'extra', example: `echo -e '\\x67\\x69…' | sh`, apply: (c) => `echo -e '${hexBytes(c)}' | sh` },
  { name: 'rev | rev | sh', class: 'destructive', tier: 'extra', example: `printf '%s\\n' '…' | rev | rev | sh`, apply: (c) => `printf '%s\\n' ${sq(c)} | rev | rev | sh` },
  { name: 'xargs sh -c', class: 'destructive', tier: 'extra', example: `printf '%s\\0' '…' | xargs -0 sh -c`, apply: (c) => `printf '%s\\0' ${sq(c)} | xargs -0 sh -c` },
  { name: 'find -exec sh -c', class: 'destructive', tier: 'extra', example: `find . -maxdepth 0 -exec sh -c '…' \\;`, apply: (c) => (c.includes('{}') ? null : `find . -maxdepth 0 -exec sh -c ${sq(c)} \\;`) }, // find replaces {} inside words
  { name: 'python os.system', class: 'destructive', tier: 'extra', example: `python3 -c 'import os; os.system("…")'`, apply: (c) => `python3 -c ${sq(`import os; os.system(${pyString(c)})`)}` },
  { name: 'node execSync', class: 'destructive', tier: 'extra', example: `node -e 'require("child_process").execSync("…")'`, apply: (c) => `node -e ${sq(`require("child_process").execSync(${JSON.stringify(c)}, { stdio: "inherit" })`)}` },
  { name: 'inside $(…)', class: 'destructive', tier: 'extra', verify: 'trim', example: 'echo "$(…)"', apply: (c) => `echo "$(\n${c}\n)"` },
  { name: 'while loop', class: 'destructive', tier: 'extra', example: 'while true; do …; break; done', apply: (c) => `while true; do\n${c}\nbreak\ndone` },
  { name: 'case', class: 'destructive', tier: 'extra', example: 'case x in x) … ;; esac', apply: (c) => `case x in\nx)\n${c}\n;;\nesac` },
  { name: 'background & wait', class: 'destructive', tier: 'extra', example: '{ … } & wait', apply: (c, p) => statements(p) && `{\n${c}\n} &\nwait` },
  {
    name: 'negated',
    class: 'destructive',
    tier: 'extra',
    example: '! …',
    // Only the last pipeline of each statement: negating an earlier one would change what `&&`/`||` run.
    apply: (c, p) =>
      applyEdits(
        c,
        p.script.statements
          .map((st) => st.body.rest.at(-1)?.pipeline ?? st.body.first)
          .filter((pl) => !pl.negated && (pl.commands[0].type !== 'SimpleCommand' || pl.commands[0].words.length > 0))
          .map((pl) => ({ start: pl.span.start, end: pl.span.start, text: '! ' })),
      ),
  },
  {
    name: 'stacked wrappers',
    class: 'destructive',
    tier: 'extra',
    example: 'sudo -u root -- env -- nice -n 5 timeout -s KILL 60 …',
    apply: (c, p) =>
      applyEdits(
        c,
        p.commands.filter((cmd) => wrappable(cmd, p)).flatMap((cmd) => [
          { start: cmd.span.start, end: cmd.span.start, text: 'sudo -u root -- env -- ' },
          { start: nameStart(cmd), end: nameStart(cmd), text: 'nice -n 5 timeout -s KILL 60 ' },
        ]),
      ),
  },
  {
    name: 'brace expansion',
    class: 'destructive',
    tier: 'extra',
    example: '{git,push} --force',
    apply: (c, p) => {
      const edits: Edit[] = [];
      for (const cmd of p.commands) {
        const [a, b] = cmd.words;
        if (!b || !a.literal || !b.literal || !PLAIN.test(a.value) || !PLAIN.test(b.value) || a.value.includes(',') || b.value.includes(',') || !blanksBetween(c, a, b)) continue;
        if (cmd.redirects.some((r) => r.span.start > a.span.start && r.span.start < b.span.end)) continue;
        edits.push({ start: a.span.start, end: b.span.end, text: `{${a.value},${b.value}}` });
      }
      return applyEdits(c, edits);
    },
  },
  {
    name: 'array',
    class: 'destructive',
    tier: 'extra',
    example: 'A=(git push --force); "${A[@]}"',
    apply: wordsVia((name, cmd) => ({ assign: `${name}=(${cmd.words.map((w) => spell(w.value)).join(' ')})`, use: `"\${${name}[@]}"` }), '_IL_ARR'),
  },
  {
    name: 'word-split variable',
    class: 'destructive',
    tier: 'extra',
    example: "W='git push --force'; $W",
    apply: wordsVia((name, cmd) => (cmd.assignments.length || !cmd.words.every((w) => PLAIN.test(w.value) && !GLOB.test(w.value)) ? null : { assign: `${name}=${sq(cmd.words.map((w) => w.value).join(' '))}`, use: `$${name}` }), '_IL_W'),
  },
  {
    name: 'args via xargs',
    class: 'destructive',
    tier: 'extra',
    example: "printf '%s\\n' push --force | xargs git",
    apply: (c, p) => {
      const cmd = soleCommand(p);
      if (!cmd || cmd.words.length < 2 || !cmd.words.every((w) => w.literal && PLAIN.test(w.value)) || p.functions.size) return null;
      if (!wrappable(cmd, p)) return null;
      return `printf '%s\\n' ${cmd.words.slice(1).map((w) => w.value).join(' ')} | xargs ${cmd.words[0].value}`;
    },
  },
];

/** Every mutant of one command (kinds that do not apply, or change nothing, are skipped). */
export const ALL_KINDS: MutationKind[] = [...KINDS.filter((k) => k.class === 'destructive'), ...EXTRA_KINDS, ...KINDS.filter((k) => k.class === 'data'), ...EXTRA_DATA_KINDS];

export function mutate(command: string, kinds: MutationKind[] = ALL_KINDS): Mutant[] {
  const parsed = parseForMutation(command);
  if (!parsed) return [];
  const out: Mutant[] = [];
  for (const kind of kinds) {
    const text = kind.apply(command, parsed);
    if (text !== null && text !== command) out.push({ kind: kind.name, class: kind.class, tier: kind.tier ?? 'issue', command: text });
  }
  return out;
}
