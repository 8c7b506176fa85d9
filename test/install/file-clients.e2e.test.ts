// install/uninstall for the clients that run a file rather than a command line: Cline's hook
// executable, Amp's delegate program (plus its rule), OpenCode's plugin. Interlock only replaces or
// removes files it wrote; the installed file, run as the client runs it, holds the incident.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { INCIDENT_FORMS } from '../adapters/forms.js';
import { blockReason, expectNoOpinion, payloads } from '../adapters/harness.js';
import { cli, sandbox } from './harness.js';

const INCIDENT = INCIDENT_FORMS['as reported (-d, literal bearer token)'];
const box = sandbox();
afterAll(() => rmSync(box.root, { recursive: true, force: true }));

function exec(path: string, client: string, command: string, extraEnv: Record<string, string> = {}) {
  const r = spawnSync(path, [], { input: JSON.stringify(payloads[client](command, box.project)), env: { ...box.env, ...extraEnv }, cwd: box.project, encoding: 'utf8', timeout: 20_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('cline', () => {
  const hook = join(box.project, '.clinerules', 'hooks', 'PreToolUse');
  const other = join(box.project, '.clinerules', 'hooks', 'PostToolUse');

  test('refuses to replace a PreToolUse hook it did not write', () => {
    mkdirSync(join(box.project, '.clinerules', 'hooks'), { recursive: true });
    writeFileSync(hook, '#!/bin/sh\necho \'{"cancel":false}\'\n', { mode: 0o755 });
    const run = cli(box, ['install', 'cline', '--project']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/not written by Interlock/);
    expect(readFileSync(hook, 'utf8')).toContain('echo');
    rmSync(hook);
  });

  test('installs an executable that holds the incident, is silent on git status, and fails closed', () => {
    writeFileSync(other, '#!/bin/sh\necho \'{"cancel":false}\'\n', { mode: 0o755 });
    expect(cli(box, ['install', 'cline', '--project']).status).toBe(0);
    expect(statSync(hook).mode & 0o111).toBeTruthy();
    expect(blockReason('cline', exec(hook, 'cline', INCIDENT))).toMatch(/interlock approve \S+/);
    expectNoOpinion('cline', exec(hook, 'cline', 'git status'));
    // Cline treats a hook without JSON as an error, not a block: a broken launcher must still print a block.
    const broken = join(box.root, 'BrokenPreToolUse');
    writeFileSync(broken, readFileSync(hook, 'utf8').replace(/"\/[^"]*interlock\.cjs"/, '"/nonexistent/interlock.cjs"'), { mode: 0o755 });
    expect(blockReason('cline', exec(broken, 'cline', 'git status'))).toMatch(/could not check/);
  });

  test('uninstall removes only its own file', () => {
    expect(cli(box, ['uninstall', 'cline', '--project']).status).toBe(0);
    expect(existsSync(hook)).toBe(false);
    expect(existsSync(other)).toBe(true);
  });
});

describe('amp (project)', () => {
  const settings = join(box.project, '.amp', 'settings.json');
  const original = JSON.stringify({ 'amp.mcpServers': { pw: { command: 'npx', args: ['-y', '@playwright/mcp'] } }, 'amp.permissions': [{ tool: 'Bash', action: 'allow' }] }, null, 2) + '\n';

  test('puts the delegate rule first, so an "allow Bash" rule cannot get there before it', () => {
    mkdirSync(join(box.project, '.amp'), { recursive: true });
    writeFileSync(settings, original);
    expect(cli(box, ['install', 'amp', '--project']).status).toBe(0);
    expect(cli(box, ['install', 'amp', '--project']).stdout).toMatch(/already installed/);
    const rules = JSON.parse(readFileSync(settings, 'utf8'))['amp.permissions'];
    expect(rules).toHaveLength(2);
    expect(rules[0]).toMatchObject({ tool: 'Bash', action: 'delegate' });
    const delegate = rules[0].to;
    // Amp's exit codes: ≥ 2 rejects (stderr to the model), 1 asks the operator; never 0 (allow).
    expect(blockReason('amp', exec(delegate, 'amp', INCIDENT, { AGENT: 'amp', AGENT_TOOL_NAME: 'Bash' }))).toMatch(/interlock approve \S+/);
    expectNoOpinion('amp', exec(delegate, 'amp', 'git status', { AGENT: 'amp', AGENT_TOOL_NAME: 'Bash' }));
  });

  test('uninstall restores the file', () => {
    expect(cli(box, ['uninstall', 'amp', '--project']).status).toBe(0);
    expect(readFileSync(settings, 'utf8')).toBe(original);
  });
});

describe('opencode (user)', () => {
  const plugins = join(box.home, '.config', 'opencode', 'plugins');
  const plugin = join(plugins, 'interlock.js');

  test('copies the plugin with absolute paths filled in; another plugin is left alone', () => {
    mkdirSync(plugins, { recursive: true });
    writeFileSync(join(plugins, 'other.js'), 'export const Other = async () => ({})\n');
    expect(cli(box, ['install', 'opencode']).status).toBe(0);
    const text = readFileSync(plugin, 'utf8');
    expect(text).toMatch(/^const INTERLOCK = \["\/[^"]+","\/[^"]+interlock\.cjs"\];$/m);
    const doctor = cli(box, ['doctor', '--client', 'opencode']);
    expect(doctor.status, doctor.stdout).toBe(0);
    expect(doctor.stdout).toMatch(/✓ blocks the incident command/);
  });

  test('uninstall removes the plugin and nothing else', () => {
    expect(cli(box, ['uninstall', 'opencode']).status).toBe(0);
    expect(existsSync(plugin)).toBe(false);
    expect(existsSync(join(plugins, 'other.js'))).toBe(true);
  });
});
