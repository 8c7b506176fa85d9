// `printf 'FLUSHALL\r\n' | nc redis 6379`: Redis emptied by writing its protocol to a raw socket,
// with no client program for the database rules to see. (memcached's flush_all is a cache purge.)
import type { Analyser, Finding } from '../../types.js';

const RULE = 'kvstores.raw.flush';
/** Redis' FLUSHALL/FLUSHDB (inline or RESP-framed), compared lower-cased. */
const FLUSH_COMMANDS = new Set(['flushall', 'flushdb']);
/** Text longer than this is not a hand-typed protocol exchange; its first part is still checked. */
const MAX_TEXT = 64 * 1024;

function flushCommandIn(text: string): string | undefined {
  // printf-style escapes may arrive unexpanded (`FLUSHALL\r\n`); treat them as separators.
  const words = text.slice(0, MAX_TEXT).replace(/\\[rn]/g, ' ').split(/\s+/);
  for (const word of words) if (FLUSH_COMMANDS.has(word.toLowerCase())) return word;
  return undefined;
}

export const rawFlush: Analyser = {
  name: 'platform.raw-flush',
  commands: ['nc', 'ncat', 'netcat', 'telnet', 'socat'],
  analyse(cmd, ctx) {
    const stdin = cmd.stdin;
    if (!stdin || !('text' in stdin)) return [];
    const command = flushCommandIn(stdin.text);
    if (!command) return [];
    const rule = ctx.rules.byId.get(RULE);
    if (!rule || ctx.rules.isDisabled(rule)) return [];
    const host = cmd.argv.slice(1).find((a) => !a.startsWith('-') && !/^\d+$/.test(a));
    const finding: Finding = { rule: rule.id, action: `send ${command} over ${cmd.name}`, target: host ?? cmd.name, reason: rule.reason };
    return [finding];
  },
};
