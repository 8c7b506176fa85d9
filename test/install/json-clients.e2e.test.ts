// install/uninstall for the clients configured through a JSON file, end to end through the built
// CLI: starting from a file that already has other settings and hooks, installing twice leaves
// exactly one Interlock hook and everything else intact (byte-for-byte after uninstall); the hook
// command as written, run through `sh -c` with the client's payload, holds the incident; uninstall
// removes Interlock's entries and nothing else.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { INCIDENT_FORMS } from '../adapters/forms.js';
import { blockReason, expectNoOpinion, payloads } from '../adapters/harness.js';
import { cli, interlockCommands, sandbox, type Sandbox } from './harness.js';

interface ClientCase {
  client: string;
  project: boolean;
  /** The config file, relative to HOME (user) or the repository (project). */
  file: string;
  /** What the file holds before Interlock is installed. */
  existing: unknown;
  indent: string | number;
  /** The hook command as the client will read it from the file. */
  command(doc: any): string;
  /** Client-specific expectations on the installed entry. */
  entry(doc: any): void;
}

const cases: ClientCase[] = [
  {
    client: 'claude',
    project: false,
    file: '.claude/settings.json',
    indent: 2,
    existing: {
      model: 'opus',
      permissions: { allow: ['Bash(npm test)'], deny: ['Read(./.env)'] },
      hooks: { PreToolUse: [{ matcher: 'Edit|Write', hooks: [{ type: 'command', command: 'npx prettier --check "$FILE"' }] }], Stop: [{ hooks: [{ type: 'command', command: 'notify-send done' }] }] },
    },
    command: (doc) => doc.hooks.PreToolUse.find((g: any) => g.matcher === 'Bash').hooks[0].command,
    entry(doc) {
      const group = doc.hooks.PreToolUse.find((g: any) => g.matcher === 'Bash');
      expect(group.hooks[0]).toMatchObject({ type: 'command', timeout: 15 });
    },
  },
  {
    client: 'claude',
    project: true,
    file: '.claude/settings.json',
    indent: 2,
    existing: { permissions: { allow: ['Bash(git status)'] }, hooks: { PostToolUse: [{ matcher: 'Write', hooks: [{ type: 'command', command: 'make fmt' }] }] } },
    command: (doc) => doc.hooks.PreToolUse[0].hooks[0].command,
    entry: (doc) => expect(doc.hooks.PreToolUse[0].matcher).toBe('Bash'),
  },
  {
    client: 'cursor',
    project: false,
    file: '.cursor/hooks.json',
    indent: '\t',
    existing: { version: 1, hooks: { beforeShellExecution: [{ command: './hooks/audit.sh' }], afterFileEdit: [{ command: './hooks/format.sh' }] } },
    command: (doc) => doc.hooks.beforeShellExecution.find((h: any) => h.command.includes('interlock')).command,
    entry(doc) {
      expect(doc.version).toBe(1);
      expect(doc.hooks.beforeShellExecution.at(-1)).toMatchObject({ timeout: 15, failClosed: true });
    },
  },
  {
    client: 'gemini',
    project: false,
    file: '.gemini/settings.json',
    indent: 4,
    existing: { ui: { theme: 'GitHub' }, hooks: { BeforeTool: [{ matcher: 'write_file|replace', hooks: [{ type: 'command', command: './lint.sh', timeout: 5000 }] }], SessionStart: [{ hooks: [{ type: 'command', command: 'echo hi' }] }] } },
    command: (doc) => doc.hooks.BeforeTool.find((g: any) => g.matcher === 'run_shell_command').hooks[0].command,
    entry: (doc) => expect(doc.hooks.BeforeTool.at(-1).hooks[0]).toMatchObject({ type: 'command', timeout: 15000 }),
  },
  {
    client: 'codex',
    project: false,
    file: '.codex/hooks.json',
    indent: 2,
    existing: { description: 'team hooks', hooks: { SessionStart: [{ matcher: 'startup', hooks: [{ type: 'command', command: 'echo start', timeout: 5 }] }], PreToolUse: [{ matcher: 'apply_patch', hooks: [{ type: 'command', command: './check-patch' }] }] } },
    command: (doc) => doc.hooks.PreToolUse.at(-1).hooks[0].command,
    entry(doc) {
      expect(Object.keys(doc).sort()).toEqual(['description', 'hooks']); // Codex refuses any other root key
      expect(doc.hooks.PreToolUse.at(-1).matcher).toMatch(/^Bash\|/);
      expect(doc.hooks.PreToolUse.at(-1).hooks[0]).toMatchObject({ type: 'command', timeout: 15 });
    },
  },
  {
    client: 'copilot',
    project: false,
    file: '.copilot/hooks/interlock.json',
    indent: 2,
    existing: { version: 1, hooks: { sessionStart: [{ type: 'command', bash: 'echo started >> ~/copilot.log', timeoutSec: 5 }] } },
    command: (doc) => doc.hooks.preToolUse[0].bash,
    entry: (doc) => expect(doc.hooks.preToolUse[0]).toMatchObject({ type: 'command', timeoutSec: 15 }),
  },
  {
    client: 'copilot',
    project: true,
    file: '.github/hooks/interlock.json',
    indent: 2,
    existing: { version: 1, hooks: { postToolUse: [{ type: 'command', bash: './log.sh' }] } },
    command: (doc) => doc.hooks.preToolUse[0].bash,
    entry: (doc) => expect(doc.version).toBe(1),
  },
  {
    client: 'windsurf',
    project: false,
    file: '.codeium/windsurf/hooks.json',
    indent: 2,
    existing: { hooks: { post_write_code: [{ command: 'prettier --write', show_output: false }], pre_run_command: [{ command: 'python3 ~/hooks/log.py', show_output: true }] } },
    command: (doc) => doc.hooks.pre_run_command.at(-1).command,
    entry: (doc) => expect(doc.hooks.pre_run_command.at(-1).show_output).toBe(true),
  },
  {
    client: 'amp',
    project: false,
    file: '.config/amp/settings.json',
    indent: 2,
    existing: { 'amp.notifications.enabled': false, 'amp.permissions': [{ tool: 'Bash', matches: { cmd: 'git *' }, action: 'allow' }, { tool: 'edit_file', action: 'ask' }] },
    command: (doc) => doc['amp.permissions'][0].to, // an executable: run it as the program
    entry(doc) {
      // First, so no earlier rule can allow a Bash command before Interlock sees it.
      expect(doc['amp.permissions'][0]).toMatchObject({ tool: 'Bash', action: 'delegate' });
      expect(doc['amp.permissions']).toHaveLength(3);
    },
  },
];

const boxes: Sandbox[] = [];
afterAll(() => boxes.forEach((b) => rmSync(b.root, { recursive: true, force: true })));

describe.each(cases.map((c) => [`${c.client} (${c.project ? 'project' : 'user'})`, c] as const))('%s', (_name, c) => {
  const box = sandbox();
  boxes.push(box);
  const path = join(c.project ? box.project : box.home, c.file);
  const original = JSON.stringify(c.existing, null, c.indent) + '\n';
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, original);
  const args = (verb: string) => [verb, c.client, ...(c.project ? ['--project'] : [])];

  test('dry run shows the change and writes nothing', () => {
    const run = cli(box, [...args('install'), '--dry-run']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^\s+\+.*interlock/m);
    expect(readFileSync(path, 'utf8')).toBe(original);
  });

  test('install twice: exactly one Interlock hook, everything else intact, a backup kept', () => {
    const first = cli(box, args('install'));
    expect(first.status, first.stderr).toBe(0);
    const installed = readFileSync(path, 'utf8');
    const second = cli(box, args('install'));
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/already installed/);
    expect(readFileSync(path, 'utf8')).toBe(installed);
    const doc = JSON.parse(installed);
    expect(interlockCommands(doc)).toHaveLength(1);
    c.entry(doc);
    // The file keeps its own indentation, and every other setting and hook.
    const indent = typeof c.indent === 'number' ? ' '.repeat(c.indent) : c.indent;
    expect(installed.split('\n')[1].startsWith(indent) && !installed.split('\n')[1].startsWith(indent + indent[0])).toBe(true);
    expect(withoutInterlock(doc)).toEqual(c.existing);
    expect(readFileSync(path + '.interlock-backup', 'utf8')).toBe(original);
  });

  test('the written hook, run as the client runs it, holds the incident and passes git status', () => {
    const doc = JSON.parse(readFileSync(path, 'utf8'));
    const command = c.command(doc);
    const run = (cmd: string) => {
      const payload = JSON.stringify(payloads[c.client](cmd, box.project));
      const argv = c.client === 'amp' ? [command] : ['/bin/sh', '-c', command];
      const env = { ...box.env, ...(c.client === 'amp' ? { AGENT: 'amp', AGENT_TOOL_NAME: 'Bash' } : {}) };
      const r = spawnSync(argv[0], argv.slice(1), { input: payload, env, cwd: box.project, encoding: 'utf8', timeout: 20_000 });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    expect(blockReason(c.client, run(INCIDENT_FORMS['as reported (-d, literal bearer token)']))).toMatch(/interlock approve \S+/);
    expectNoOpinion(c.client, run('git status'));
  });

  test('uninstall leaves the file exactly as it was', () => {
    const run = cli(box, args('uninstall'));
    expect(run.status, run.stderr).toBe(0);
    const after = readFileSync(path, 'utf8');
    expect(interlockCommands(JSON.parse(after))).toEqual([]);
    expect(after).toBe(original);
    const again = cli(box, args('uninstall'));
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/nothing of Interlock's to remove/);
  });
});

/** The document with Interlock's entries (and containers left empty by their removal) taken out. */
function withoutInterlock(value: any): any {
  if (Array.isArray(value)) {
    return value
      .filter((item) => !(item && typeof item === 'object' && !Array.isArray(item) && interlockCommands(item).length && !hasOtherHooks(item)))
      .map(withoutInterlock);
  }
  if (value && typeof value === 'object') {
    const out: any = {};
    for (const [k, v] of Object.entries(value)) {
      const cleaned = withoutInterlock(v);
      if (Array.isArray(v) && v.length && Array.isArray(cleaned) && cleaned.length === 0) continue;
      out[k] = cleaned;
    }
    return out;
  }
  return value;
}

function hasOtherHooks(item: any): boolean {
  return Array.isArray(item.hooks) && item.hooks.some((h: any) => !interlockCommands(h).length);
}

describe('files Interlock must not clobber, and files it creates', () => {
  const box = sandbox();
  boxes.push(box);

  test('refuses a config that is not valid JSON and leaves it untouched', () => {
    const path = join(box.home, '.claude', 'settings.json');
    mkdirSync(dirname(path), { recursive: true });
    const broken = '{\n  "model": "opus",\n  // my notes\n}\n';
    writeFileSync(path, broken);
    const run = cli(box, ['install', 'claude']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/not valid JSON/);
    expect(readFileSync(path, 'utf8')).toBe(broken);
    expect(existsSync(path + '.interlock-backup')).toBe(false);
  });

  test('creates a missing config, and uninstall removes the file it created', () => {
    const path = join(box.project, '.cursor', 'hooks.json');
    const install = cli(box, ['install', 'cursor', '--project']);
    expect(install.status, install.stderr).toBe(0);
    const doc = JSON.parse(readFileSync(path, 'utf8'));
    expect(Object.keys(doc)).toEqual(['version', 'hooks']);
    expect(doc.hooks.beforeShellExecution).toHaveLength(1);
    expect(cli(box, ['uninstall', 'cursor', '--project']).status).toBe(0);
    expect(existsSync(path)).toBe(false);
  });

  test('refuses a Codex hooks.json with root keys Codex would reject', () => {
    const path = join(box.home, '.codex', 'hooks.json');
    mkdirSync(dirname(path), { recursive: true });
    const text = JSON.stringify({ $schema: 'x', hooks: {} }, null, 2) + '\n';
    writeFileSync(path, text);
    const run = cli(box, ['install', 'codex']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/root keys/);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  test('`interlock install` lists detected clients and where Interlock is installed', () => {
    mkdirSync(join(box.home, '.gemini'), { recursive: true });
    expect(cli(box, ['install', 'gemini']).status).toBe(0);
    const listing = cli(box, ['install']);
    expect(listing.status).toBe(0);
    expect(listing.stdout).toMatch(/Gemini CLI\s+gemini\s+✓ installed \(user\)/);
    expect(listing.stdout).toMatch(/Windsurf\s+windsurf\s+– not found/);
    const json = JSON.parse(cli(box, ['install', '--json']).stdout);
    const gemini = json.clients.find((c: any) => c.client === 'gemini');
    expect(gemini).toMatchObject({ detected: true, installed: { user: true, project: false } });
  });

  test('unknown client and --help', () => {
    expect(cli(box, ['install', 'vim']).status).toBe(2);
    for (const verb of ['install', 'uninstall', 'doctor']) {
      const help = cli(box, [verb, '--help']);
      expect(help.status).toBe(0);
      expect(help.stdout).toMatch(/^Usage:/);
    }
  });
});
