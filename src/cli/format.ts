// Human-readable output shared by check, explain and the hook messages.
import { redact } from '../audit/redact.js';
import type { Decision, Finding } from '../types.js';

const useColor = () => process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: string, text: string) => (useColor() ? `\x1b[${code}m${text}\x1b[0m` : text);

export const bold = (text: string) => paint('1', text);
export const dim = (text: string) => paint('2', text);

export function decisionLabel(decision: Decision): string {
  if (decision === 'allow') return paint('32', 'allow');
  if (decision === 'confirm') return paint('33', 'confirm');
  return paint('31', 'deny');
}

export function describeFinding(f: Finding): string {
  const lines = [`${decisionLabel(f.decision ?? 'confirm')}  ${bold(f.action)}${f.target ? ` ${redact(f.target)}` : ''}  ${dim(`[${f.rule}]`)}`];
  lines.push(`    ${redact(f.reason)}`);
  if (f.command) lines.push(`    ${dim('in:')} ${redact(f.command)}`);
  for (const hint of f.hints ?? []) lines.push(`    ${paint('35', '!')} ${redact(hint)}`);
  return lines.join('\n');
}

/** Findings with every string redacted, for JSON output. */
export function redactFinding(f: Finding): Finding {
  return {
    ...f,
    target: f.target === undefined ? undefined : redact(f.target),
    reason: redact(f.reason),
    command: f.command === undefined ? undefined : redact(f.command),
    hints: f.hints?.map(redact),
  };
}
