// The Claude Code plugin in hooks/claude-plugin: its hooks.json command, run the way Claude Code
// runs it (through a shell, CLAUDE_PLUGIN_ROOT set), holds the incident through the `interlock` on
// PATH, and blocks (exit 2) when there is no `interlock` to run.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { INCIDENT_FORMS } from './forms.js';
import { blockReason, CLI, expectNoOpinion, payloads, ROOT } from './harness.js';

const plugin = join(ROOT, 'hooks', 'claude-plugin');
const root = mkdtempSync(join(tmpdir(), 'interlock-plugin-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const manifest = JSON.parse(readFileSync(join(plugin, '.claude-plugin', 'plugin.json'), 'utf8'));
const hooks = JSON.parse(readFileSync(join(plugin, 'hooks', 'hooks.json'), 'utf8'));
const group = hooks.hooks.PreToolUse[0];
const command: string = group.hooks[0].command;

function run(pathDirs: string[], shellCommand: string) {
  const env = { PATH: [...pathDirs, '/usr/bin', '/bin'].join(':'), HOME: join(root, 'home'), INTERLOCK_HOME: join(root, 'state'), CLAUDE_PLUGIN_ROOT: plugin };
  const r = spawnSync('/bin/sh', ['-c', command], { input: JSON.stringify(payloads.claude(shellCommand, root)), env, cwd: root, encoding: 'utf8', timeout: 20_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('the manifest and hooks.json have the plugin format', () => {
  expect(manifest.name).toBe('interlock');
  expect(group.matcher).toBe('Bash');
  expect(group.hooks[0]).toMatchObject({ type: 'command', timeout: 15 });
  expect(command).toContain('${CLAUDE_PLUGIN_ROOT}');
  expect(existsSync(join(plugin, 'bin', 'interlock-hook'))).toBe(true);
});

test('holds the incident and is silent on git status through `interlock` on PATH', () => {
  const bin = join(root, 'bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'interlock'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
  chmodSync(join(bin, 'interlock'), 0o755);
  expect(blockReason('claude', run([bin], INCIDENT_FORMS['as reported (-d, literal bearer token)']))).toMatch(/interlock approve \S+/);
  expectNoOpinion('claude', run([bin], 'git status'));
});

test('without interlock on PATH it blocks (exit 2) instead of letting the command run', () => {
  const result = run([], 'git status');
  expect(result.status).toBe(2);
  expect(result.stderr).toMatch(/interlock CLI is not on PATH/);
});
