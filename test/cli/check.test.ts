// `interlock check`, `check --batch`, `explain` and `--help`, through the built CLI.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI } from '../confirm/cli.js';

let env: Record<string, string>;
let cwd: string;

function cli(args: string[], input = '') {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, env, input, encoding: 'utf8', timeout: 30_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  const root = mkdtempSync(join(tmpdir(), 'interlock-cli-'));
  cwd = join(root, 'project');
  mkdirSync(join(cwd, '.git'), { recursive: true });
  env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: join(root, 'home'), INTERLOCK_HOME: join(root, 'state'), LANG: 'C.UTF-8' };
});

describe('interlock check', () => {
  it('exits 0 / 3 / 4 for allow / confirm / deny and names rule, action and target', () => {
    expect(cli(['check', '--', 'git', 'status']).status).toBe(0);
    const held = cli(['check', '--', 'git push --force origin main']);
    expect(held.status).toBe(3);
    expect(held.stdout).toMatch(/confirm.*force-push.*main.*\[git\.push\.force\]/s);
    const denied = cli(['check', '--', 'rm -rf /']);
    expect(denied.status).toBe(4);
    expect(denied.stdout).toContain('deny');
  });

  it('--json prints one object with the decision, findings and commands; secrets redacted', () => {
    const r = cli(['check', '--json', '--', 'curl -X DELETE -H "Authorization: Bearer sk_live_51Habcdefghijklmnopqrstuv" https://api.heroku.com/apps/acme-prod']);
    const out = JSON.parse(r.stdout) as { decision: string; findings: { rule: string; target?: string }[]; commands: string[] };
    expect(out.decision).toBe('confirm');
    expect(out.findings[0].target).toContain('acme-prod');
    expect(r.stdout).not.toContain('sk_live_51Habcdefghijklmnopqrstuv');
    expect(out.commands[0]).toMatch(/^curl -X DELETE/);
  });

  it('--batch answers one object per line, in order, and survives a malformed line', () => {
    const lines = [
      JSON.stringify({ command: 'ls -la', cwd }),
      'not json',
      JSON.stringify({ command: 'terraform destroy -auto-approve', cwd }),
      JSON.stringify({ command: 'echo "unterminated', cwd }),
      JSON.stringify({ cwd }),
    ];
    const r = cli(['check', '--batch'], lines.join('\n') + '\n');
    expect(r.status).toBe(0);
    const answers = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { decision: string; error?: string });
    expect(answers.map((a) => a.decision)).toEqual(['allow', 'confirm', 'confirm', 'confirm', 'confirm']);
    expect(answers[1].error).toMatch(/could not check this line/);
  });

  it('usage errors exit 2', () => {
    expect(cli(['check']).status).toBe(2);
    expect(cli(['check', '--bogus', '--', 'ls']).status).toBe(2);
    expect(cli(['no-such-command']).status).toBe(2);
  });
});

describe('interlock explain', () => {
  it('shows what runs, through which wrappers, what is data, and which rule decided', () => {
    const r = cli(['explain', '--', `API=https://backboard.railway.app/graphql/v2; echo 'dropdb prod' > notes.txt; sudo bash -c "curl -s $API -d '{\\"query\\":\\"mutation { volumeDelete(volumeId: \\\\\\"3d2c42fb\\\\\\") }\\"}'"`]);
    expect(r.status).toBe(3);
    expect(r.stdout).toMatch(/What runs \(2\)/);
    expect(r.stdout).toMatch(/via\s+sudo › bash -c/);
    expect(r.stdout).toMatch(/data\s+its arguments and input are text, not run/);
    expect(r.stdout).toMatch(/rule from built-in pack "graphql"/);
    expect(r.stdout).toMatch(/Decision: confirm/);
    const json = JSON.parse(cli(['explain', '--json', '--', 'ssh prod "git reset --hard"']).stdout) as { commands: { command: string; remote?: string; via: string[] }[] };
    expect(json.commands[0]).toMatchObject({ command: 'git reset --hard', remote: 'prod', via: ['ssh prod'] });
  });
});

describe('--help', () => {
  it('the main help lists every command; each command has its own help', () => {
    const main = cli(['--help']);
    expect(main.status).toBe(0);
    const names = [...main.stdout.matchAll(/^ {2}([a-z]+) {2,}/gm)].map((m) => m[1]);
    expect(names).toEqual(expect.arrayContaining(['check', 'explain', 'hook', 'approve', 'deny', 'pending', 'watch', 'log', 'rules', 'trust']));
    for (const name of names) {
      const help = cli([name, '--help']);
      expect(help.status, name).toBe(0);
      expect(help.stdout, name).toMatch(/usage/i);
    }
    expect(cli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
