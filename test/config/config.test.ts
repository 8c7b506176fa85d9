// Configuration end to end, through the built CLI: tighten-only projects, trust pinned to the
// file's content, broken configs that keep the built-in rules protecting, presets, rules test.
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { CLI, onTerminal } from '../confirm/cli.js';

const INCIDENT = `curl -X POST https://backboard.railway.app/graphql/v2 -H "Authorization: Bearer tok_3f9a" -d '{"query":"mutation { volumeDelete(volumeId: \\"3d2c42fb-1234\\") }"}'`;

let root: string;
let project: string;
let env: Record<string, string>;

function cli(args: string[], cwd = project, input = '') {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, env, input, encoding: 'utf8', timeout: 20_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function hook(command: string, cwd = project) {
  const payload = JSON.stringify({ session_id: 's1', cwd, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command } });
  const r = cli(['hook', 'claude'], cwd, payload);
  expect(r.status).toBe(0);
  return r.stdout ? (JSON.parse(r.stdout) as { hookSpecificOutput: { permissionDecision: string; permissionDecisionReason: string } }).hookSpecificOutput : null;
}

const ALLOW_RAILWAY = {
  rules: [
    {
      id: 'team.railway-api',
      decision: 'allow',
      reason: 'the staging project token can only touch staging',
      match: { command: 'curl', http: { host: 'backboard.railway.app' } },
      examples: { match: ['curl -X POST https://backboard.railway.app/graphql/v2 -d x'], noMatch: ['curl https://example.com'] },
    },
  ],
};

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'interlock-config-'));
  project = join(root, 'project');
  mkdirSync(join(project, '.git'), { recursive: true });
  mkdirSync(join(root, 'home'));
  env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: join(root, 'home'), INTERLOCK_HOME: join(root, 'state'), TERM: 'xterm', LANG: 'C.UTF-8' };
});

describe('a project config may only tighten until trusted', () => {
  it('an allow rule for the Railway API does not pass the incident until `interlock trust`, and stops again after an edit', async () => {
    const file = join(project, '.interlockrc.json');
    writeFileSync(file, JSON.stringify(ALLOW_RAILWAY, null, 2));

    expect(hook(INCIDENT)?.permissionDecision).toBe('deny');
    const check = cli(['check', '--', INCIDENT]);
    expect(check.status).toBe(3);
    expect(check.stdout).toContain('allow rule "team.railway-api" ignored');

    const trusted = await onTerminal(['trust', file], env, [{ expect: 'Type "trust"', send: 'trust\r' }]);
    expect(trusted.exit, trusted.output).toBe(0);
    expect(trusted.output).toContain('team.railway-api');

    expect(hook(INCIDENT)).toBeNull();
    expect(cli(['check', '--', INCIDENT]).status).toBe(0);

    appendFileSync(file, '\n');
    expect(hook(INCIDENT)?.permissionDecision).toBe('deny');
  });

  it('trusting refuses without a terminal', () => {
    writeFileSync(join(project, '.interlockrc.json'), JSON.stringify(ALLOW_RAILWAY));
    const r = cli(['trust', join(project, '.interlockrc.json')], project, 'trust\n');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/interactive terminal/);
  });

  it('tightening from a project applies at once (YAML, read through cosmiconfig)', () => {
    writeFileSync(
      join(project, '.interlockrc.yaml'),
      ['rules:', '  - id: team.deploy-prod', '    decision: confirm', '    action: deploy to production', '    reason: production deploys go through the release manager', '    match: { command: make, subcommand: [deploy-prod] }', ''].join('\n'),
    );
    expect(hook('make deploy-prod')?.permissionDecisionReason).toContain('deploy to production');
    expect(hook('make test')).toBeNull();
  });

  it('a project may raise a built-in decision but not lower it', () => {
    writeFileSync(join(project, '.interlockrc.json'), JSON.stringify({ rules: [{ id: 'git.push.force', decision: 'deny', reason: 'never here' }] }));
    expect(JSON.parse(cli(['check', '--json', '--', 'git push --force']).stdout).decision).toBe('deny');
    writeFileSync(join(project, '.interlockrc.json'), JSON.stringify({ rules: [{ id: 'git.push.force', decision: 'allow', reason: 'fine' }], disable: ['git'] }));
    const r = cli(['check', '--json', '--', 'git push --force']);
    expect(JSON.parse(r.stdout).decision).toBe('confirm');
    expect(JSON.parse(r.stdout).configNotices.join('\n')).toMatch(/disable "git" ignored/);
  });
});

describe('the user config', () => {
  it('switches packs and rules off, but never self-protection', () => {
    mkdirSync(env.INTERLOCK_HOME, { recursive: true });
    writeFileSync(join(env.INTERLOCK_HOME, 'interlock.config.json'), JSON.stringify({ disable: ['git.push.force', 'kubernetes', 'self'] }));
    expect(JSON.parse(cli(['check', '--json', '--', 'git push --force']).stdout).decision).toBe('allow');
    expect(JSON.parse(cli(['check', '--json', '--', 'kubectl delete ns payments']).stdout).decision).toBe('allow');
    expect(JSON.parse(cli(['check', '--json', '--', 'git reset --hard']).stdout).decision).toBe('confirm');
    const self = JSON.parse(cli(['check', '--json', '--', 'interlock approve abc123']).stdout);
    expect(self.decision).toBe('deny');
    expect(self.configNotices.join('\n')).toMatch(/self-protection cannot be switched off/);
  });

  it('extends presets from a relative file and from an npm package', () => {
    const preset = join(project, 'node_modules', '@acme', 'interlock-policy');
    mkdirSync(preset, { recursive: true });
    writeFileSync(join(preset, 'package.json'), JSON.stringify({ name: '@acme/interlock-policy', version: '1.0.0', main: 'policy.json' }));
    writeFileSync(join(preset, 'policy.json'), JSON.stringify({ rules: [{ id: 'acme.billing-api', decision: 'confirm', action: 'call the billing admin API', reason: 'moves money', match: { http: { host: 'billing.acme.internal' } } }] }));
    writeFileSync(join(project, 'base.json'), JSON.stringify({ rules: [{ id: 'acme.nuke-script', decision: 'deny', action: 'run the nuke script', reason: 'never from an agent', match: { command: 'nuke.sh' } }] }));
    writeFileSync(join(project, '.interlockrc.json'), JSON.stringify({ extends: ['./base.json', '@acme/interlock-policy'] }));
    expect(JSON.parse(cli(['check', '--json', '--', 'curl https://billing.acme.internal/refunds']).stdout).decision).toBe('confirm');
    expect(JSON.parse(cli(['check', '--json', '--', './nuke.sh --all']).stdout).decision).toBe('deny');
    const explained = cli(['explain', '--', './nuke.sh']);
    expect(explained.stdout).toContain(join(project, 'base.json'));
  });
});

describe('a broken config keeps the built-in rules protecting', () => {
  it('an invalid value: the incident is held, and check names the file, key and expectation', () => {
    mkdirSync(env.INTERLOCK_HOME, { recursive: true });
    const file = join(env.INTERLOCK_HOME, '.interlockrc.json');
    writeFileSync(file, JSON.stringify({ rules: [{ id: 'team.x', decision: 'sometimes', action: 'x', reason: 'x', match: { command: 'ls' } }] }));
    const held = hook(INCIDENT);
    expect(held?.permissionDecision).toBe('deny');
    expect(held?.permissionDecisionReason).toContain('config is broken');
    const r = cli(['check', '--', 'ls']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`${file}: rules[0].decision: expected allow | confirm | deny, got "sometimes"`);
  });

  it('a syntax error: the incident is held, and check names the file', () => {
    const file = join(project, '.interlockrc.json');
    writeFileSync(file, '{ "rules": [ { "id": ');
    expect(hook(INCIDENT)?.permissionDecision).toBe('deny');
    const r = cli(['check', '--', 'ls']);
    expect(r.stdout).toContain(`config error: ${file}: cannot be read`);
  });

  it('a config that is a dangling symlink is reported, not skipped', () => {
    const file = join(project, '.interlockrc.json');
    symlinkSync(join(root, 'moved-away.json'), file);
    expect(hook(INCIDENT)?.permissionDecision).toBe('deny');
    const r = cli(['check', '--', 'ls']);
    expect(r.stdout).toContain(`config error: ${file}: cannot be read`);
  });
});

describe('interlock rules', () => {
  it('test reports a user rule whose example fails, and passes the built-in ones', () => {
    mkdirSync(env.INTERLOCK_HOME, { recursive: true });
    writeFileSync(
      join(env.INTERLOCK_HOME, 'interlock.config.json'),
      JSON.stringify({ rules: [{ id: 'team.drop-cache', decision: 'confirm', action: 'drop the cache', reason: 'slow to rebuild', match: { command: 'cachectl', subcommand: ['drop'] }, examples: { match: ['cachectl drop all', 'cachectl flush'], noMatch: ['cachectl stats'] } }] }),
    );
    const r = cli(['rules', 'test', '--json']);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as { failures: { rule: string; command: string }[]; examples: number };
    expect(report.failures).toEqual([expect.objectContaining({ rule: 'team.drop-cache', command: 'cachectl flush' })]);
    expect(report.examples).toBeGreaterThan(1000);
  });

  it('list and show say where each rule comes from', () => {
    const list = cli(['rules', 'list', '--pack', 'git']);
    expect(list.stdout).toContain('git.push.force');
    const show = cli(['rules', 'show', 'git.push.force']);
    expect(show.stdout).toMatch(/from\s+built-in pack "git"/);
    expect(show.stdout).toMatch(/matches\s+git push/);
  });
});
