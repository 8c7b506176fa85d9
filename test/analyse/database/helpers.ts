// Builds executed commands from simple command lines for database analyser tests (the real
// parser is not used here: these are the inner commands the expansion stage hands over).
import { parse } from 'shell-quote';
import type { ExecCommand, Finding, StdinSource } from '../../../src/types.js';
import { analysers } from '../../../src/analyse/database/index.js';
import { execCommand, testContext } from '../../helpers/exec.js';

/** Splits a one-line command like a shell would, keeping `$VAR` as text. */
export function words(line: string): string[] {
  return parse(line, (name) => `$${name}`).map((w) => (typeof w === 'string' ? w : 'op' in w ? w.op : String(w)));
}

export function cmd(line: string, options: Partial<ExecCommand> = {}): ExecCommand {
  return execCommand(words(line), options);
}

export function heredoc(line: string, text: string, kind: StdinSource['kind'] = 'heredoc'): ExecCommand {
  const stdin = kind === 'file' ? ({ kind, path: text } as StdinSource) : kind === 'unknown' ? ({ kind, from: text } as StdinSource) : ({ kind, text } as StdinSource);
  return cmd(line, { stdin });
}

const ctx = testContext();

/** Every database analyser that handles the command, as the pipeline would run them. */
export function analyse(command: ExecCommand | string, context = ctx): Finding[] {
  const c = typeof command === 'string' ? cmd(command) : command;
  return analysers.filter((a) => a.commands.includes(c.name)).flatMap((a) => a.analyse(c, context));
}

export const rules = (command: ExecCommand | string): string[] => analyse(command).map((f) => f.rule);

/**
 * Just enough shell for this domain's examples until the real pipeline runs them: a heredoc into
 * the command (`cmd <<'X' … X`, `cat <<X | cmd … X`), a pipe from another program, `< file`.
 */
export function simulate(line: string): ExecCommand {
  const heredoc = /^(.*?)<<-?\s*'?"?(\w+)'?"?(.*)\n([\s\S]*?)\n\2\s*$/.exec(line);
  if (heredoc) {
    const [, before, , after, body] = heredoc;
    const pipeTo = /\|\s*(.*)$/.exec(after.trim());
    const command = /^\s*cat\s*$/.test(before) && pipeTo ? pipeTo[1] : `${before} ${after}`;
    return cmd(command.trim(), { stdin: { kind: 'heredoc', text: body } });
  }
  const pipe = line.lastIndexOf(' | ');
  if (pipe >= 0) {
    const from = line.slice(0, pipe).trim();
    const echo = /^(?:echo|printf)\s+(.*)$/.exec(from);
    const stdin: StdinSource = echo ? { kind: 'pipe', text: words(echo[1]).join(' ') } : { kind: 'unknown', from };
    return cmd(line.slice(pipe + 3), { stdin });
  }
  const redirect = /^(.*)\s<\s*(\S+)\s*$/.exec(line);
  if (redirect) return cmd(redirect[1], { stdin: { kind: 'file', path: redirect[2] } });
  return cmd(line);
}
