// Turns SQL effects and client facts into Findings, adding the hints that raise the stakes.
import type { ExecCommand, Finding } from '../../types.js';
import { endpointHints, looksProduction, parseEndpoint } from './connection.js';
import { REASON, type RuleId } from './rules.js';
import type { SqlEffect } from './sql/effect.js';

export function finding(rule: RuleId, action: string, target: string | undefined, hints: string[] = []): Finding {
  const out: Finding = { rule, action, reason: REASON[rule] };
  if (target !== undefined && target !== '') out.target = target;
  const unique = [...new Set(hints)];
  if (unique.length) out.hints = unique;
  return out;
}

export function sqlFinding(effect: SqlEffect, connectionHints: string[]): Finding {
  const hints = [...effect.hints];
  if (effect.database) {
    hints.push(looksProduction(effect.database) ? `production-looking database ${effect.database}` : `in database ${effect.database}`);
  }
  hints.push(...connectionHints);
  return finding(effect.rule, effect.action, effect.target, hints);
}

/** Flags whose value is a secret: never read, never shown. */
const SECRET_FLAG = /pass|pwd|secret|token|auth|key|credential/i;

/**
 * Production hints from any command carrying SQL (`heroku pg:psql -a acme-prod`, an HTTP body),
 * for `ctx.analyseSql` callers whose options this domain does not know: names given as
 * positionals or as values of non-secret long flags, hosts in URLs, inline variables.
 */
export function genericCommandHints(cmd: ExecCommand, sqlText: string): string[] {
  const hints: string[] = [];
  const args = cmd.argv;
  for (let i = 1; i < args.length; i++) {
    const arg = args[i];
    if (arg === sqlText || /\s/.test(arg) || arg.length > 300) continue;
    const prev = args[i - 1] ?? '';
    if (arg.startsWith('-')) {
      const eq = arg.indexOf('=');
      if (eq > 0 && arg.startsWith('--') && !SECRET_FLAG.test(arg.slice(0, eq))) hints.push(...nameHints(arg.slice(eq + 1)));
      continue;
    }
    // -p/-P/-W/-u carry passwords or user:password in many tools (mysql, sqlcmd, curl).
    if (prev.startsWith('-') && (SECRET_FLAG.test(prev) || /^(-[pPWu]|--user)$/.test(prev))) continue;
    hints.push(...nameHints(arg));
  }
  for (const [name, value] of Object.entries(cmd.env)) {
    if (/URL|HOST|DATABASE|DB/i.test(name) && !SECRET_FLAG.test(name)) hints.push(...nameHints(value));
  }
  return [...new Set(hints)];
}

function nameHints(value: string): string[] {
  if (value.includes('://') || value.includes('=')) return endpointHints(parseEndpoint(value));
  if (value.includes(':') || value.includes('@')) return []; // user:password, user@host: may hold a secret

  if (value.includes('$')) return endpointHints({ variables: [value] });
  return looksProduction(value) ? [`production-looking name ${value}`] : [];
}
