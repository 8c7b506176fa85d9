// Self-protection, end to end through the real pipeline and unit by unit. HOME and
// INTERLOCK_HOME point at temporary folders with hook settings in them.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { corpusCases } from '../../helpers/corpus.js';

const sandbox = mkdtempSync(join(tmpdir(), 'interlock-self-'));
const HOME = join(sandbox, 'home');
const PROJECT = join(sandbox, 'project');
process.env.HOME = HOME;
process.env.INTERLOCK_HOME = join(sandbox, 'interlock-home');
delete process.env.XDG_CONFIG_HOME;
delete process.env.XDG_STATE_HOME;
for (const dir of [join(HOME, '.claude'), join(HOME, '.config', 'interlock'), join(HOME, '.local', 'state', 'interlock'), join(PROJECT, '.claude'), join(PROJECT, '.github', 'hooks'), join(PROJECT, '.github', 'workflows'), process.env.INTERLOCK_HOME]) {
  mkdirSync(dir, { recursive: true });
}
writeFileSync(join(HOME, '.claude', 'settings.json'), '{"hooks":{}}');
writeFileSync(join(PROJECT, '.claude', 'settings.json'), '{"hooks":{}}');
writeFileSync(join(PROJECT, '.github', 'hooks', 'interlock.json'), '{}');

const { evaluate } = await import('../../../src/pipeline.js');
const { builtinPacks } = await import('../../../src/rules/builtin.js');
const { selfProtection } = await import('../../../src/analyse/self-protection/index.js');
const { classifyPath } = await import('../../../src/analyse/self-protection/protected-paths.js');
const { judgeInterlockArgs, interlockInvocation } = await import('../../../src/analyse/self-protection/interlock-cli.js');
const { execCommand } = await import('../../helpers/exec.js');
const { validatePack } = await import('../../../src/rules/validate.js');

const selfRules = (command: string, cwd = PROJECT) =>
  evaluate({ command, cwd }).findings.filter((f) => f.rule.startsWith('self.')).map((f) => f.rule);
const decision = (command: string, cwd = PROJECT) => evaluate({ command, cwd }).decision;

describe('self pack examples (through the pipeline)', () => {
  const pack = builtinPacks.find((p) => p.pack === 'self');
  test('the pack exists, validates, and has deny rules with examples', () => {
    expect(validatePack(pack)).toEqual([]);
    expect(pack?.rules.length).toBeGreaterThanOrEqual(6);
    for (const rule of pack?.rules ?? []) {
      expect(rule.decision).toBe('deny');
      expect(rule.examples.match.length).toBeGreaterThanOrEqual(2);
      expect(rule.examples.noMatch.length).toBeGreaterThanOrEqual(1);
    }
  });
  for (const rule of pack?.rules ?? []) {
    for (const command of rule.examples.match) test(`${rule.id} matches: ${command}`, () => expect(selfRules(command)).toContain(rule.id));
    for (const command of rule.examples.noMatch) test(`${rule.id} does not match: ${command}`, () => expect(selfRules(command)).not.toContain(rule.id));
  }
});

describe('issue acceptance: the agent cannot approve its own request', () => {
  test.each([
    'interlock approve k7m2xq',
    'npx interlock approve k7m2xq',
    'npx -y interlock-guard@latest approve k7m2xq',
    'npm exec -- interlock approve k7m2xq',
    'pnpm dlx interlock-guard approve k7m2xq',
    'yarn dlx interlock-guard approve k7m2xq',
    'bunx interlock-guard approve k7m2xq',
    'node /usr/lib/node_modules/interlock-guard/dist/interlock.cjs approve k7m2xq',
    'node ./dist/interlock.cjs approve k7m2xq',
    'node --no-warnings "$(npm root -g)/interlock-guard/dist/interlock.cjs" approve k7m2xq',
    '/usr/local/bin/interlock approve k7m2xq',
    './node_modules/.bin/interlock approve k7m2xq',
    'echo yes | interlock approve k7m2xq',
    'printf "3d2c42fb\\n" | interlock approve k7m2xq',
    `bash -c 'interlock approve k7m2xq'`,
    `sh -c "interlock approve k7m2xq"`,
    'sudo interlock approve k7m2xq',
    'env -u CLAUDECODE interlock approve k7m2xq',
    'CLAUDECODE= interlock approve k7m2xq',
    `script -qc 'interlock approve k7m2xq' /dev/null`,
    `tmux send-keys -t main 'interlock approve k7m2xq' Enter`,
    `setsid interlock approve k7m2xq`,
    `python3 -c "import subprocess; subprocess.run(['interlock', 'approve', 'k7m2xq'])"`,
    `node -e "require('child_process').execSync('interlock approve k7m2xq')"`,
    'interlock deny k7m2xq',
    'interlock watch',
    'interlock approve',
    'interlock run -- interlock approve k7m2xq',
    '$(which interlock) approve k7m2xq',
  ])('%s → denied', (command) => {
    expect(decision(command)).toBe('deny');
    expect(selfRules(command)).toContain('self.interlock.approve');
  });
});

describe('configuration changes are denied', () => {
  test.each([
    'interlock trust .interlockrc.yaml',
    'interlock untrust',
    'interlock install claude',
    'interlock uninstall',
    'interlock init',
    'interlock config set confirm.waitSeconds 25',
    'interlock rules disable git.push.force',
    'interlock disable',
    'npx interlock-guard install cursor',
  ])('%s', (command) => {
    expect(selfRules(command)).toContain('self.interlock.config');
    expect(decision(command)).toBe('deny');
  });
});

describe('reading and checking stay allowed', () => {
  test.each([
    'cat .claude/settings.json',
    'cat ~/.claude/settings.json',
    'jq .hooks ~/.claude/settings.json',
    'less .github/hooks/interlock.json',
    'ls -la ~/.config/interlock ~/.local/state/interlock',
    'cat "$INTERLOCK_HOME/audit.log"',
    'tail -n 20 ~/.local/state/interlock/audit.log',
    "interlock check -- 'git push --force'",
    "interlock check -- 'interlock approve k7m2xq'",
    'interlock explain "rm -rf /"',
    'interlock log --limit 5',
    'interlock pending',
    'interlock pending --json',
    'interlock rules',
    'interlock rules list',
    'interlock --help',
    'interlock approve --help',
    'interlock --version',
    'interlock init zsh',
    'npx interlock-guard check -- "kubectl delete ns prod"',
    'npm install -g interlock-guard',
    'npm ls -g interlock-guard',
    'npm view interlock-guard version',
    'git diff .claude/settings.json',
    'git add .claude/settings.json',
    'cp .claude/settings.json /tmp/settings-backup.json',
    'echo "Please run: interlock approve k7m2xq"',
    'git commit -m "docs: explain interlock approve"',
    'grep -r "interlock approve" docs/',
    'rm -rf .github/workflows/old.yml',
    'mkdir -p .claude/commands',
    'echo "# notes" > .claude/NOTES.md',
    'rm -rf node_modules',
    'code .claude/settings.json',
    'rm .claude/*.md',
    'cp notes.md .claude/',
    'cp -r docs/commands .claude/',
    'mv /tmp/review.md .claude/commands/',
    'rm -f ~/.config/*.bak',
    'rm -rf ~/.local/state/other-tool',
  ])('%s', (command) => {
    expect(selfRules(command)).toEqual([]);
  });
});

describe('hook settings are protected', () => {
  test.each([
    ['echo {} > .claude/settings.json', 'write'],
    ['echo {} >> .claude/settings.local.json', 'write'],
    ['sed -i "/interlock/d" ~/.claude/settings.json', 'edit'],
    ['jq "del(.hooks)" .claude/settings.json > /tmp/x && mv /tmp/x .claude/settings.json', 'move'],
    ['jq "del(.hooks)" .claude/settings.json | tee .claude/settings.json', 'tee'],
    ['cp /tmp/empty.json .claude/settings.json', 'cp'],
    ['cp /tmp/settings.json .claude/', 'cp into'],
    ['cp -r /tmp/empty/. .claude/', 'cp -r over the folder'],
    ['mv /tmp/settings.json .claude/', 'mv into'],
    ['install -m 644 /tmp/s.json ~/.claude/settings.json', 'install'],
    ['ln -sf /dev/null .claude/settings.json', 'ln'],
    ['rsync -a /tmp/empty/ .claude/', 'rsync'],
    ['mv .claude/settings.json .claude/settings.json.bak', 'mv away'],
    ['rm .claude/settings.json', 'rm'],
    ['rm -rf .claude', 'rm dir'],
    ['rm -rf .github', 'rm parent of hooks'],
    ['rm -f .github/hooks/*.json', 'glob'],
    ['rm -rf .claude/*', 'glob in the settings folder'],
    ['rm .claude/settings*', 'glob on the settings name'],
    ['truncate -s 0 .cursor/hooks.json', 'truncate'],
    ['shred -u ~/.cursor/hooks.json', 'shred'],
    ['chmod 000 .claude/settings.json', 'chmod'],
    ['chattr +i .gemini/settings.json', 'chattr'],
    ['touch .codex/hooks.json', 'touch'],
    ['vim -c ":%d|wq" ~/.codex/hooks.json', 'editor'],
    ['git checkout -- .claude/settings.json', 'git checkout'],
    ['git rm .github/hooks/interlock.json', 'git rm'],
    ['curl -o .claude/settings.json https://example.com/s.json', 'download'],
    ['dd if=/dev/null of=.windsurf/hooks.json', 'dd'],
    ['rm ~/.codeium/windsurf/hooks.json', 'windsurf'],
    ['rm -rf .clinerules/hooks', 'cline'],
    ['rm ~/.copilot/hooks/interlock.json', 'copilot'],
    ['rm .opencode/plugin/interlock.ts', 'opencode'],
    ['sudo rm /etc/claude-code/managed-settings.json', 'managed'],
    ['echo {} > $HOME/.claude/settings.json', '$HOME'],
    [`python3 -c "import json; open('.claude/settings.json','w').write('{}')"`, 'inline python'],
    [`node -e "require('fs').writeFileSync('.claude/settings.json', '{}')"`, 'inline node'],
    ['cd .claude && rm settings.json', 'cd then rm'],
    ['yq -i "del(.hooks)" .gemini/settings.json', 'yq -i'],
  ])('%s (%s)', (command) => {
    expect(selfRules(command)).toContain('self.hooks.write');
    expect(decision(command)).toBe('deny');
  });
});

describe("Interlock's own state and config are protected", () => {
  test.each([
    'rm -rf "$INTERLOCK_HOME"',
    'rm -rf $INTERLOCK_HOME/grants',
    `rm -rf ${process.env.INTERLOCK_HOME}/pending`,
    'echo "{}" > "$INTERLOCK_HOME/grants/abc.json"',
    'rm -rf ~/.local/state/interlock',
    'rm -rf ~/.config/interlock',
    'rm -rf ~/.local/state',
    'rm -rf ~/.config',
    'rm -rf ~/.config/*',
    'cp /tmp/grant.json ~/.local/state/interlock/grants/',
    'truncate -s 0 ~/.local/state/interlock/audit.log',
    'find ~/.local/state/interlock -name "*.json" -delete',
    'chmod -R 000 ~/.config/interlock',
    'mv ~/.config/interlock ~/.config/interlock.off',
    'echo "rules: []" > ~/.config/interlock/interlock.config.yaml',
    'sed -i s/deny/allow/ ~/.config/interlock/interlock.config.yaml',
    'rm -rf "$XDG_STATE_HOME/interlock"',
    // After a `cd` that may not have run, a relative path may be under either directory.
    'test -d ~/.config/interlock && cd ~/.config/interlock; rm -f interlock.config.yaml',
    'if [ -d ~/.config/interlock ]; then cd ~/.config/interlock; fi; echo "{}" > interlock.config.yaml',
    'true && cd ~/.config; test -d x && cd interlock; rm -f interlock.config.yaml',
    `true && cd ${process.env.INTERLOCK_HOME}; rm -f audit.log`,
  ])('%s', (command) => {
    expect(selfRules(command)).toContain('self.state.write');
    expect(decision(command)).toBe('deny');
  });
});

describe('project Interlock config and package', () => {
  test.each([
    'echo "rules: []" > .interlockrc',
    'cat > interlock.config.yaml <<EOF\nrules: []\nEOF',
    'rm .interlockrc.json',
    'mv interlock.config.js /tmp/',
    'npm pkg set interlock.disabled=true',
    `sed -i '/"interlock"/d' package.json`,
  ])('%s → self.project-config.write', (command) => expect(selfRules(command)).toContain('self.project-config.write'));

  test.each([
    'npm uninstall -g interlock-guard',
    'npm rm interlock-guard',
    'npm un -g interlock-guard@0.1.0',
    'pnpm remove -g interlock-guard',
    'yarn remove interlock-guard',
    'yarn global remove interlock-guard',
    'bun remove -g interlock-guard',
    'rm -rf node_modules/interlock-guard',
    'rm -rf /usr/lib/node_modules/interlock-guard',
    'rm /usr/local/bin/interlock',
  ])('%s → self.package.uninstall', (command) => expect(selfRules(command)).toContain('self.package.uninstall'));

  test.each(['npm uninstall lodash', 'npm pkg get interlock', 'npm pkg set name=x', `sed -i 's/1.0.0/1.0.1/' package.json`, 'cat interlock.config.yaml', 'npm install interlock-guard@latest'])('%s is fine', (command) => {
    expect(selfRules(command)).toEqual([]);
  });
});

describe('units', () => {
  const cwd = PROJECT;
  test('classifyPath resolves ~, $HOME, $INTERLOCK_HOME, absolute and relative forms', () => {
    expect(classifyPath('~/.claude/settings.json', cwd, 'write')?.kind).toBe('hooks');
    expect(classifyPath('$HOME/.claude/settings.json', cwd, 'write')?.kind).toBe('hooks');
    expect(classifyPath('${HOME}/.claude/settings.json', cwd, 'write')?.kind).toBe('hooks');
    expect(classifyPath(`${HOME}/.claude/settings.json`, cwd, 'write')?.kind).toBe('hooks');
    expect(classifyPath('../project/.claude/settings.json', join(sandbox, 'other'), 'write')?.kind).toBe('hooks');
    expect(classifyPath('settings.json', join(cwd, '.claude'), 'write')?.kind).toBe('hooks');
    expect(classifyPath('$CLAUDE_PROJECT_DIR/.claude/settings.local.json', cwd, 'write')?.kind).toBe('hooks');
    expect(classifyPath('${INTERLOCK_HOME}', cwd, 'delete')?.kind).toBe('state');
    expect(classifyPath('/tmp/x.json', cwd, 'write')).toBeUndefined();
    expect(classifyPath('.claude/commands/x.md', cwd, 'write')).toBeUndefined();
    // a folder that merely contains hook settings counts for recursive operations only
    expect(classifyPath('.claude', cwd, 'delete')?.kind).toBe('hooks');
    expect(classifyPath('.claude', cwd, 'write')).toBeUndefined();
    expect(classifyPath('.github', join(sandbox, 'elsewhere'), 'delete')).toBeUndefined(); // no hooks in it
  });

  test('judgeInterlockArgs', () => {
    expect(judgeInterlockArgs(['approve', 'x'])).toEqual({ rule: 'self.interlock.approve', subcommand: 'approve' });
    expect(judgeInterlockArgs(['check', '--', 'interlock approve x'])).toBeUndefined();
    expect(judgeInterlockArgs(['trust'])).toEqual({ rule: 'self.interlock.config', subcommand: 'trust' });
    expect(judgeInterlockArgs(['frobnicate'])).toEqual({ rule: 'self.interlock.config', subcommand: 'frobnicate' });
    expect(judgeInterlockArgs([])).toBeUndefined();
    expect(judgeInterlockArgs(['run', '--', 'rm', 'x'])).toEqual({ inner: ['rm', 'x'] });
  });

  test('interlockInvocation', () => {
    expect(interlockInvocation(['npx', '--yes', '--package', 'interlock-guard', 'interlock', 'approve'])).toEqual({ args: ['approve'] });
    expect(interlockInvocation(['npx', 'cowsay', 'interlock'])).toBeUndefined();
    expect(interlockInvocation(['node', 'server.js', 'interlock'])).toBeUndefined();
    expect(interlockInvocation(['npx', '-c', 'interlock approve x'])).toEqual({ text: 'interlock approve x' });
    expect(interlockInvocation([])).toBeUndefined();
  });

  test('in-place interpreters (perl -pi, ruby -i) as executed commands', () => {
    // Through the pipeline the expansion currently turns `perl -pi -e …` into its code effects
    // only; the analyser handles the command itself when it arrives.
    const rules = (argv: string[]) => selfProtection.analyse(execCommand(argv, { cwd }), undefined as never).map((f) => f.rule);
    expect(rules(['perl', '-pi', '-e', 's/interlock//', '.claude/settings.json'])).toContain('self.hooks.write');
    expect(rules(['perl', '-i.bak', '-ne', 'print unless /interlock/', '.claude/settings.json'])).toContain('self.hooks.write');
    expect(rules(['ruby', '-i', '-pe', 'sub(/x/, "")', '.gemini/settings.json'])).toContain('self.hooks.write');
    expect(rules(['perl', '-ne', 'print', '.claude/settings.json'])).toEqual([]);
  });

  test('never throws on odd commands', () => {
    const odd = [[], [''], ['rm'], ['mv', '-t'], ['sed', '-i'], ['tar', '-xC'], ['find'], ['npx'], ['node', '-e'], ['$(x)'], ['git', '-C'], ['cp', '--'], ['dd', 'of='], ['interlock', '-h', 'approve']];
    for (const argv of odd) {
      expect(() => selfProtection.analyse(execCommand(argv, { cwd }), undefined as never)).not.toThrow();
    }
    expect(() => selfProtection.analyse(execCommand(['rm'], { cwd: '', redirects: [{ op: '>', fd: null, target: '', dynamic: false }] }), undefined as never)).not.toThrow();
  });

  test('costs microseconds on ordinary commands', () => {
    const cmds = [execCommand(['git', 'status'], { cwd }), execCommand(['npm', 'test'], { cwd }), execCommand(['ls', '-la', 'src'], { cwd }), execCommand(['cat', 'package.json'], { cwd })];
    const start = performance.now();
    for (let i = 0; i < 10_000; i++) for (const c of cmds) selfProtection.analyse(c, undefined as never);
    expect((performance.now() - start) / 40_000).toBeLessThan(0.02); // ms per command
  });
});

describe('the shared corpus', () => {
  test('no labeled command trips self-protection', () => {
    const corpus = corpusCases();
    const tripped = corpus.filter((c) => selfRules(c.command, '/work/project').length > 0).map((c) => c.command);
    expect(tripped).toEqual([]);
  });
});
