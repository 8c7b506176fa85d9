// `interlock doctor`: a good install is ✓ and exits 0; a deliberately broken one (the hook command
// points nowhere) is ✗ and exits 1; the canary leaves nothing in the user's state.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { cli, sandbox } from '../install/harness.js';

const box = sandbox();
afterAll(() => rmSync(box.root, { recursive: true, force: true }));

test('nothing installed is reported as a problem', () => {
  const run = cli(box, ['doctor']);
  expect(run.status).toBe(1);
  expect(run.stdout).toMatch(/✗ Interlock is not installed in any agent client/);
});

test('a good install is ✓ and leaves no pending request behind', () => {
  expect(cli(box, ['install', 'claude']).status).toBe(0);
  expect(cli(box, ['install', 'codex', '--project']).status).toBe(0);
  const run = cli(box, ['doctor']);
  expect(run.status, run.stdout).toBe(0);
  expect(run.stdout).toMatch(/Claude Code \(user\)[\s\S]*✓ the hook command resolves[\s\S]*✓ blocks the incident command with `interlock approve <id>`/);
  expect(run.stdout).toMatch(/Codex CLI \(project\)/);
  expect(run.stdout).not.toMatch(/✗/);
  expect(existsSync(join(box.env.INTERLOCK_HOME, 'pending'))).toBe(false);
});

test('a broken install (hook command pointing nowhere) is ✗, and --json says why', () => {
  const settings = join(box.home, '.claude', 'settings.json');
  const doc = JSON.parse(readFileSync(settings, 'utf8'));
  doc.hooks.PreToolUse[0].hooks[0].command = '"/opt/nowhere/node" "/opt/nowhere/dist/interlock.cjs" hook claude';
  writeFileSync(settings, JSON.stringify(doc, null, 2));
  const run = cli(box, ['doctor']);
  expect(run.status).toBe(1);
  expect(run.stdout).toMatch(/Claude Code \(user\)[\s\S]*✗ the hook names something that does not exist: \/opt\/nowhere\/node/);
  expect(run.stdout).toMatch(/✗ canary failed: the incident command was not blocked/);
  expect(run.stdout).toMatch(/Codex CLI \(project\)[\s\S]*✓ blocks the incident/);
  const json = JSON.parse(cli(box, ['doctor', '--json']).stdout);
  expect(json.ok).toBe(false);
  const claude = json.hooks.find((h: { client: string }) => h.client === 'claude');
  expect(claude.checks.filter((c: { ok: boolean }) => !c.ok)).toHaveLength(2);
});

test('client settings that switch hooks off are ✗', () => {
  mkdirSync(join(box.home, '.codex'), { recursive: true });
  writeFileSync(join(box.home, '.codex', 'config.toml'), 'model = "gpt-5"\n\n[features]\nhooks = false\n');
  const run = cli(box, ['doctor', '--client', 'codex']);
  expect(run.status).toBe(1);
  expect(run.stdout).toMatch(/✗ Codex hooks are switched off .*\[features\] hooks = false/);
});
