// Child process for the concurrency tests: waits for a common start time, then does one thing.
//   race consume <home> <command> <cwd> <startAt>   prints "won" or "lost"
//   race hold    <home> <command> <cwd> <startAt>   prints the request id
//   race append  <home> <count> <startAt>           appends <count> audit lines
import { resolvePaths } from '../../../src/state/paths.js';
import { consumeGrant, holdRequest } from '../../../src/confirm/requests.js';
import { appendAudit } from '../../../src/audit/log.js';

function waitUntil(startAt: number): void {
  const wait = startAt - Date.now();
  if (wait > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, wait);
}

const [what, home, ...rest] = process.argv.slice(2);
const paths = resolvePaths({ INTERLOCK_HOME: home });
if (what === 'consume') {
  const [command, cwd, startAt] = rest;
  waitUntil(Number(startAt));
  process.stdout.write(consumeGrant(paths, command, cwd) ? 'won' : 'lost');
} else if (what === 'hold') {
  const [command, cwd, startAt] = rest;
  waitUntil(Number(startAt));
  const request = holdRequest(paths, { command, cwd, client: 'race', findings: [{ rule: 'fs.rm', action: 'delete', target: 'data', reason: 'r' }] });
  process.stdout.write(request.id);
} else if (what === 'append') {
  const [count, startAt] = rest;
  waitUntil(Number(startAt));
  for (let i = 0; i < Number(count); i++) {
    appendAudit(paths, { event: 'decision', decision: 'confirm', client: `p${process.pid}`, command: `curl -H "Authorization: Bearer tok_${process.pid}_${i}_abcdefghijklmnop" ${'x'.repeat(3000)}`, details: { i } }, { maxBytes: 256 * 1024, keep: 50 });
  }
} else {
  process.stderr.write(`unknown: ${what}\n`);
  process.exit(2);
}
