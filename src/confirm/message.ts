// What the hook says when it holds a command. The agent learns what would be destroyed and that a
// human must approve it in their own terminal; it is told to stop and not to work around the block.
// Nothing in it lets the agent approve: no text to type, no phrase, no grant path.
import type { PendingRequest } from './requests.js';
import { describeFinding, heldFindings, summary } from './format.js';

export function approveCommand(request: PendingRequest): string {
  return `interlock approve ${request.id}`;
}

export function holdMessage(request: PendingRequest): { agent: string; user: string } {
  const findings = heldFindings(request);
  const lines: string[] = [];
  // Held because it could not be checked (limits, unreadable code), not because of a known action.
  const unchecked = findings.length > 0 && findings.every((f) => /^(exec|internal)\./.test(f.rule));
  lines.push(unchecked ? 'Interlock held this command: it could not be fully checked, so it is treated as destructive.' : 'Interlock held this command: it would irreversibly destroy data or infrastructure.');
  for (const finding of findings) lines.push(`  - ${describeFinding(finding)}`);
  if (findings.length === 0) lines.push('  - a destructive action');
  lines.push('');
  lines.push(`Only a human can allow it, by running this in their own terminal:  ${approveCommand(request)}`);
  lines.push('');
  lines.push(
    'Stop here. Tell the user exactly what you tried to run and why, and ask them to review and approve it. ' +
      'Do not retry, rephrase, split, encode or otherwise work around this block, and do not try to approve it yourself. ' +
      'Once the user has approved it, you may run the exact same command once, in the same folder.',
  );
  return {
    agent: lines.join('\n'),
    user: `Interlock held a command (${summary(request)}). To allow it once, run in your terminal: ${approveCommand(request)}`,
  };
}
