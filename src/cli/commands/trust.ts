// interlock trust: lets a project config loosen the guard (allow rules, switched-off rules, a
// longer approval time) — only after the user read what it loosens and typed a confirmation in
// their own terminal. The trust is pinned to the file's content hash: an edit needs trusting again.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { appendAudit } from '../../audit/log.js';
import { findProjectConfigs } from '../../config/discover.js';
import { readConfigFile, sha256 } from '../../config/read.js';
import { readTrust, writeTrust } from '../../config/trust.js';
import { lineReader } from '../../confirm/prompt.js';
import { checkHumanTerminal, ttyName, userName } from '../../confirm/terminal.js';
import { resolvePaths } from '../../state/paths.js';
import type { CliCommand } from '../command.js';
import { bold, dim } from '../format.js';

const HELP = `Usage:
  interlock trust [FILE]          trust a project config (default: the nearest one from here)
  interlock trust --list [--json] trusted files, and whether they still match
  interlock trust --revoke FILE   take the trust back

A project config (.interlockrc*, interlock.config.*, package.json "interlock") may always tighten
the guard: add rules, raise decisions. What loosens it — allow rules, switched-off rules or
packs, a longer approval time — is ignored until you trust that file here, in your own terminal.
The trust is pinned to the file's exact content; after any edit the loosening is ignored again
until you trust it again. JavaScript configs in a project are not even run until trusted.

Example:
  interlock trust .interlockrc.json
`;

function loosening(config: Awaited<ReturnType<typeof readConfigFile>>['config']): string[] {
  const lines: string[] = [];
  for (const rule of config.rules ?? []) {
    if (rule.decision === 'allow') lines.push(`allow rule ${rule.id}: ${rule.reason.trim()} ${dim(JSON.stringify(rule.match))}`);
    else if (!rule.match) lines.push(`decision of built-in rule ${rule.id} set to ${rule.decision}`);
  }
  for (const id of config.disable ?? []) lines.push(`switches off ${id}`);
  if (config.confirm?.grantTtlMinutes !== undefined) lines.push(`approvals last ${config.confirm.grantTtlMinutes} minutes`);
  return lines;
}

async function trust(file: string | undefined): Promise<number> {
  const check = checkHumanTerminal();
  if (!check.ok) {
    process.stderr.write(`interlock trust: ${check.reason}\n`);
    return 1;
  }
  const paths = resolvePaths();
  const target = file ? resolve(file) : findProjectConfigs(process.cwd(), [paths.config]).at(-1)?.path;
  if (!target || !existsSync(target)) {
    process.stderr.write(`interlock trust: ${file ? `no such file: ${file}` : 'no project config found from here'}\n`);
    return 2;
  }
  const text = readFileSync(target, 'utf8');
  const hash = sha256(text);
  const isCode = /\.(c|m)?js$/.test(target);
  process.stdout.write(`${bold(target)}\n${dim(`sha256 ${hash}`)}\n\n`);
  if (isCode) {
    process.stdout.write(`This is JavaScript: trusting it lets it run inside the guard on every command. Its content:\n\n${text.slice(0, 4000)}\n\n`);
  } else {
    const loaded = await readConfigFile({ path: target, level: 'project', packageProperty: target.endsWith('package.json') }, paths.cache, { trusted: () => true });
    if (loaded.problems.length) {
      process.stderr.write(`interlock trust: the file has problems and would not apply:\n${loaded.problems.map((p) => `  ${p.message}`).join('\n')}\n`);
      return 1;
    }
    const lines = loosening(loaded.config);
    process.stdout.write(lines.length ? `Trusting it applies what loosens the guard:\n${lines.map((l) => `  - ${l}`).join('\n')}\n\n` : 'It loosens nothing (tightening always applies); trusting changes nothing today.\n\n');
  }
  const reader = lineReader();
  try {
    const answer = await reader.ask('Type "trust" to trust this exact content, or press Enter to cancel: ');
    if (answer?.trim() !== 'trust') {
      process.stdout.write('Cancelled: nothing is trusted.\n');
      return 1;
    }
  } finally {
    reader.close();
  }
  const store = readTrust(paths);
  store.files[target] = { hash, trustedAt: new Date().toISOString() };
  writeTrust(paths, store);
  try {
    appendAudit(paths, { event: 'trust', decision: 'trusted', cwd: process.cwd(), reason: `trusted ${target} (sha256 ${hash.slice(0, 12)})`, approver: { user: userName(), tty: ttyName(), how: 'typed "trust"' } });
  } catch {
    // the trust stands either way
  }
  process.stdout.write(`Trusted ${target}. Editing it ends the trust.\n`);
  return 0;
}

function list(json: boolean): number {
  const store = readTrust(resolvePaths());
  const rows = Object.entries(store.files).map(([path, pin]) => {
    const now = existsSync(path) ? sha256(readFileSync(path, 'utf8')) : undefined;
    return { path, trustedAt: pin.trustedAt, status: now === undefined ? 'missing' : now === pin.hash ? 'trusted' : 'changed since trusted' };
  });
  if (json) process.stdout.write(JSON.stringify(rows) + '\n');
  else if (rows.length === 0) process.stdout.write('No project config is trusted.\n');
  else for (const row of rows) process.stdout.write(`${row.status.padEnd(22)} ${row.path}  ${dim(row.trustedAt)}\n`);
  return 0;
}

function revoke(file: string): number {
  const paths = resolvePaths();
  const store = readTrust(paths);
  const target = resolve(file);
  if (!store.files[target]) {
    process.stderr.write(`interlock trust: ${target} is not trusted\n`);
    return 2;
  }
  delete store.files[target];
  writeTrust(paths, store);
  process.stdout.write(`No longer trusted: ${target}\n`);
  return 0;
}

export const command: CliCommand = {
  name: 'trust',
  summary: "let a project config loosen the guard (pinned to the file's content)",
  help: HELP,
  async run(args) {
    let parsed;
    try {
      parsed = parseArgs({ args, allowPositionals: true, options: { list: { type: 'boolean' }, revoke: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
    } catch (error) {
      process.stderr.write(`interlock trust: ${(error as Error).message}\n\n${HELP}`);
      return 2;
    }
    if (parsed.values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    if (parsed.values.list) return list(!!parsed.values.json);
    if (parsed.values.revoke) return revoke(parsed.values.revoke);
    return trust(parsed.positionals[0]);
  },
};
