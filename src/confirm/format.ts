// How a request reads to a human or an agent: what it destroys, where, and when.
import type { Finding } from '../types.js';
import type { PendingRequest } from './requests.js';

/** `delete volume 3d2c42fb-… (production name in target)` */
export function describeFinding(finding: Finding): string {
  const target = finding.target ? ` ${finding.target}` : '';
  const hints = finding.hints?.length ? ` (${finding.hints.join('; ')})` : '';
  return `${finding.action}${target}${hints}`;
}

/** Findings worth showing: the ones that are not plain allows, without repeats. */
export function heldFindings(request: PendingRequest): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const finding of request.findings) {
    if (finding.decision === 'allow') continue;
    const line = describeFinding(finding);
    if (seen.has(line)) continue;
    seen.add(line);
    out.push(finding);
  }
  return out;
}

/** One line: `delete volume 3d2c42fb-…` or `delete volume 3d2c42fb-… and 2 more`. */
export function summary(request: PendingRequest): string {
  const findings = heldFindings(request);
  if (findings.length === 0) return 'a destructive command';
  const first = describeFinding(findings[0]);
  return findings.length === 1 ? first : `${first} and ${findings.length - 1} more`;
}

export function age(fromIso: string, now: Date): string {
  const seconds = Math.max(0, Math.round((now.getTime() - Date.parse(fromIso)) / 1000));
  if (seconds < 60) return `${seconds}s ago`;
  if (seconds < 3600) return `${Math.round(seconds / 60)}m ago`;
  if (seconds < 86400) return `${Math.round(seconds / 3600)}h ago`;
  return `${Math.round(seconds / 86400)}d ago`;
}

export function remaining(toIso: string, now: Date): string {
  const seconds = Math.max(0, Math.round((Date.parse(toIso) - now.getTime()) / 1000));
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3600)} h`;
}

/** Shortens one line of text for a list. */
export function oneLine(text: string, max = 100): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}

/** The full picture for the human deciding: command, what it destroys, where, when. */
export function requestDetails(request: PendingRequest, now: Date): string {
  const lines: string[] = [];
  lines.push(`Request ${request.id}`);
  lines.push('');
  lines.push('Command:');
  for (const line of request.command.split('\n')) lines.push(`    ${line}`);
  lines.push('');
  lines.push('What it destroys:');
  const findings = heldFindings(request);
  if (findings.length === 0) lines.push('  - (no details recorded)');
  for (const finding of findings) {
    lines.push(`  - ${finding.action}${finding.target ? `: ${finding.target}` : ''}`);
    if (finding.hints?.length) lines.push(`      ${finding.hints.join('; ')}`);
    if (finding.reason) lines.push(`      ${finding.reason}`);
    if (finding.command && finding.command !== request.command) lines.push(`      in: ${oneLine(finding.command, 120)}`);
  }
  lines.push('');
  lines.push('Where:');
  lines.push(`  folder:  ${request.cwd}`);
  lines.push(`  client:  ${request.client}${request.session ? `  (session ${request.session})` : ''}`);
  lines.push(`  asked:   ${request.createdAt} (${age(request.createdAt, now)})`);
  if (request.expiresAt) lines.push(`  expires: in ${remaining(request.expiresAt, now)}`);
  return lines.join('\n') + '\n';
}
