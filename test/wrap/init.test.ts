// `interlock init bash|zsh|fish`: the functions parse in the real shells, and in a real shell the
// guarded tools run through `interlock run` (fake tools on PATH record whether they ran).
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GUARDED_TOOLS } from '../../src/wrap/guarded-tools.js';
import { CLI, cli, program, sandbox, type Sandbox } from './helpers.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => box.cleanup());

const has = (shell: string) => spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;
const snippet = (shell: string, ...extra: string[]) => {
  const result = cli(['init', shell, ...extra], box.env);
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
};

describe('interlock init bash', () => {
  test('is valid bash (bash -n) and defines a function per guarded tool', () => {
    const text = snippet('bash');
    const file = join(box.root, 'init.bash');
    writeFileSync(file, text);
    expect(program('bash', ['-n', file], box.env).status).toBe(0);
    const names = program('bash', ['-c', `source '${file}'; declare -F | awk '{print $3}'`], box.env).stdout.split('\n');
    for (const tool of GUARDED_TOOLS) expect(names).toContain(tool);
  });

  test('calls this CLI by absolute path (works without interlock on PATH)', () => {
    expect(snippet('bash')).toContain(`command '${process.execPath}' '${CLI}' run -- "$@"`);
  });

  test('after eval, curl -X DELETE is held while curl -s and psql -c "select 1" run', () => {
    box.fake('curl');
    box.fake('psql');
    const script = [
      `eval "$('${process.execPath}' '${CLI}' init bash)"`,
      'curl -X DELETE https://api.heroku.com/apps/acme-prod; echo "delete=$?"',
      'curl -s https://api.heroku.com/apps/acme-prod; echo "get=$?"',
      'psql -c "select 1"; echo "psql=$?"',
    ].join('\n');
    const result = program('bash', ['-c', script], box.env);
    expect(result.stdout).toContain('delete=75');
    expect(result.stdout).toContain('get=0');
    expect(result.stdout).toContain('psql=0');
    expect(result.stderr).toMatch(/interlock approve [a-z0-9]+/);
    expect(box.ranWith('curl')).toBe('-s https://api.heroku.com/apps/acme-prod\n');
    expect(box.ranWith('psql')).toBe('-c select 1\n');
  });

  test('works with an alias of the same name defined first (interactive shell)', () => {
    box.fake('rm');
    const script = [`alias rm='rm -i'`, `eval "$('${process.execPath}' '${CLI}' init bash)"`, 'rm -f some-file; echo "rm=$?"'].join('\n');
    const result = program('bash', ['-i', '-c', script], box.env);
    expect(result.stdout).toContain('rm=0');
    expect(box.ranWith('rm')).toBe('-i -f some-file\n');
  });

  test('`command <tool>` reaches the program directly', () => {
    box.fake('curl');
    const script = [`eval "$('${process.execPath}' '${CLI}' init bash)"`, 'command curl -X DELETE https://api.heroku.com/apps/acme-prod'].join('\n');
    expect(program('bash', ['-c', script], box.env).status).toBe(0);
    expect(box.ran('curl')).toBe(true);
  });

  test('--add and --remove change the list; bad names are refused', () => {
    const text = snippet('bash', '--add', 'mytool,other-tool', '--remove', 'rm');
    expect(text).toContain('function mytool {');
    expect(text).toContain('function other-tool {');
    expect(text).not.toContain('function rm {');
    expect(cli(['init', 'bash', '--add', 'x;rm'], box.env).status).toBe(2);
    expect(cli(['init', 'tcsh'], box.env).status).toBe(2);
  });
});

describe.skipIf(!has('zsh'))('interlock init zsh', () => {
  test('is valid zsh (zsh -n) and guards the same way', () => {
    box.fake('curl');
    box.fake('psql');
    const file = join(box.root, 'init.zsh');
    writeFileSync(file, snippet('zsh'));
    expect(program('zsh', ['-n', file], box.env).status).toBe(0);
    const script = [
      `eval "$('${process.execPath}' '${CLI}' init zsh)"`,
      'curl -X DELETE https://api.heroku.com/apps/acme-prod; echo "delete=$?"',
      'curl -s https://api.heroku.com/apps/acme-prod; echo "get=$?"',
      'psql -c "select 1"; echo "psql=$?"',
    ].join('\n');
    const result = program('zsh', ['-c', script], box.env);
    expect(result.stdout).toContain('delete=75');
    expect(result.stdout).toContain('get=0');
    expect(result.stdout).toContain('psql=0');
    expect(box.ranWith('curl')).toBe('-s https://api.heroku.com/apps/acme-prod\n');
  });
});

describe.skipIf(!has('fish'))('interlock init fish', () => {
  test('parses in fish and guards the same way', () => {
    box.fake('curl');
    const file = join(box.root, 'init.fish');
    writeFileSync(file, snippet('fish'));
    expect(program('fish', ['--no-execute', file], box.env).status).toBe(0);
    const script = [
      `'${process.execPath}' '${CLI}' init fish | source`,
      'curl -X DELETE https://api.heroku.com/apps/acme-prod; echo "delete=$status"',
      'curl -s https://api.heroku.com/apps/acme-prod; echo "get=$status"',
    ].join('\n');
    const result = program('fish', ['--no-config', '-c', script], box.env);
    expect(result.stdout).toContain('delete=75');
    expect(result.stdout).toContain('get=0');
    expect(box.ranWith('curl')).toBe('-s https://api.heroku.com/apps/acme-prod\n');
  });
});
