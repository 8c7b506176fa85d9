// Every hook client, end to end through the built CLI: the incident in all its forms is held with
// `interlock approve <id>` in the agent-facing reason, in the block form the client honours; safe
// commands and other tools get the client's exact "no opinion"; malformed, empty and binary
// payloads are blocked; and the literal token never leaves the command (not in the reply, not in
// any file under INTERLOCK_HOME).
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { INCIDENT_FORMS, PAYLOAD_FILE, SAFE_FORMS, TOKEN } from './forms.js';
import { blockReason, cleanEnv, expectNoOpinion, HOOK_CLIENTS, otherTool, payloads, pool, runHook, type Run } from './harness.js';

const root = mkdtempSync(join(tmpdir(), 'interlock-adapters-'));
const work = join(root, 'project');

function filesUnder(dir: string): string[] {
  let out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    out = statSync(path).isDirectory() ? out.concat(filesUnder(path)) : out.concat(path);
  }
  return out;
}

interface Case {
  client: string;
  kind: 'incident' | 'safe';
  name: string;
  run: Run;
}

const cases: Case[] = [];

beforeAll(async () => {
  mkdirSync(work, { recursive: true });
  writeFileSync(join(work, 'payload.json'), PAYLOAD_FILE);
  const jobs = HOOK_CLIENTS.flatMap((client) => [
    ...Object.entries(INCIDENT_FORMS).map(([name, command]) => ({ client, kind: 'incident' as const, name, command })),
    ...Object.entries(SAFE_FORMS).map(([name, command]) => ({ client, kind: 'safe' as const, name, command })),
  ]);
  const runs = await pool(jobs, 8, (job) => runHook(job.client, payloads[job.client](job.command, work), cleanEnv(join(root, job.client)), work));
  jobs.forEach((job, i) => cases.push({ client: job.client, kind: job.kind, name: job.name, run: runs[i] }));
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.each(HOOK_CLIENTS)('%s', (client) => {
  test.each(Object.keys(INCIDENT_FORMS))('holds the incident: %s', (name) => {
    const { run } = cases.find((c) => c.client === client && c.name === name)!;
    const reason = blockReason(client, run);
    expect(reason).toMatch(/interlock approve [a-z0-9]+(-[a-z0-9]+)*/i);
    expect(reason).toMatch(/Stop here|do not retry/i);
  });

  test.each(Object.keys(SAFE_FORMS))('no opinion on %s', (name) => {
    expectNoOpinion(client, cases.find((c) => c.client === client && c.name === name)!.run);
  });

  test('no opinion on a tool that is not the shell', async () => {
    const env = cleanEnv(join(root, `${client}-other`));
    const run = client === 'amp'
      ? await runHookAs('amp', otherTool.amp(work), { ...env, AGENT_TOOL_NAME: 'Read' })
      : await runHook(client, otherTool[client](work), env, work);
    expectNoOpinion(client, run);
  });

  test('blocks malformed, empty and binary payloads', async () => {
    const env = cleanEnv(join(root, `${client}-bad`));
    const [malformed, empty, binary, notJson] = await Promise.all([
      runHook(client, client === 'amp' ? { cmd: 42 } : malformedFor(client, work), env, work),
      runHook(client, '', env, work),
      runHook(client, Buffer.from([0x00, 0xff, 0xfe, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]), env, work),
      runHook(client, 'tool_name=Bash', env, work),
    ]);
    for (const run of [malformed, empty, binary, notJson]) expect(blockReason(client, run)).toMatch(/Interlock could not check this command/);
  });

  test('the literal token appears in no reply and in no file under INTERLOCK_HOME', () => {
    for (const c of cases.filter((c) => c.client === client)) {
      expect(c.run.stdout, c.name).not.toContain(TOKEN);
      expect(c.run.stderr, c.name).not.toContain(TOKEN);
    }
    const state = join(root, client, 'state');
    const files = filesUnder(state);
    expect(files.length).toBeGreaterThan(0); // pending requests and the audit log were written
    for (const file of files) expect(readFileSync(file, 'utf8'), file).not.toContain(TOKEN);
  });
});

function runHookAs(client: string, payload: unknown, env: Record<string, string>): Promise<Run> {
  // runHook sets AGENT_TOOL_NAME=Bash for amp; this lets a test name another tool.
  return import('./harness.js').then(({ spawnWith, CLI }) => spawnWith([process.execPath, CLI, 'hook', client], { ...env, AGENT: 'amp' }, JSON.stringify(payload), work));
}

/** The client's payload with the command field missing or of the wrong type. */
function malformedFor(client: string, cwd: string): unknown {
  const payload = payloads[client]('git status', cwd) as Record<string, any>;
  switch (client) {
    case 'claude':
    case 'gemini':
    case 'codex':
      return { ...payload, tool_input: { description: 'no command' } };
    case 'cursor':
      return { ...payload, command: undefined };
    case 'copilot':
      return { ...payload, toolArgs: '{"command": ' };
    case 'windsurf':
      return { ...payload, tool_info: 'ls' };
    case 'cline':
      return { ...payload, preToolUse: { toolName: 'execute_command', parameters: { command: ['ls'] } } };
    case 'opencode':
      return { ...payload, args: { command: 7 } };
    default:
      return [];
  }
}
