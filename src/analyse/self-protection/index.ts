// Self-protection: an agent must not approve its own held commands, reconfigure or remove
// Interlock, or edit the hook settings that make its client call Interlock. Every executed
// command passes through here (commands: ['*']); the common case is a few set lookups.
import { posix } from 'node:path';
import { cwdAlternatives } from '../../expand/scope.js';
import type { AnalysisContext, Analyser, ExecCommand, Finding } from '../../types.js';
import { interlockInvocation, judgeInterlockArgs, scanTextForInterlock, uninstallsInterlock, isInterlockWord, type InterlockVerdict } from './interlock-cli.js';
import { classifyPath, type PathOp, type ProtectedHit } from './protected-paths.js';
import { pathsChanged } from './writes.js';

type Ctx = AnalysisContext | undefined;

/** A deny finding; the reason is the rule's own (config/packs/self.yaml). */
function finding(ctx: Ctx, rule: string, action: string, target: string): Finding {
  return { rule, action, target, reason: ctx?.rules.byId.get(rule)?.reason ?? action, decision: 'deny' };
}

function interlockFinding(verdict: InterlockVerdict, depth: number, cmd: ExecCommand, ctx: Ctx): Finding[] {
  if (!verdict) return [];
  if ('rule' in verdict) {
    return [
      verdict.rule === 'self.interlock.approve'
        ? finding(ctx, verdict.rule, `run interlock ${verdict.subcommand} from the agent`, `interlock ${verdict.subcommand}`)
        : finding(ctx, verdict.rule, `change Interlock's setup (interlock ${verdict.subcommand})`, `interlock ${verdict.subcommand}`),
    ];
  }
  if ('text' in verdict) return interlockFinding(scanTextForInterlock(verdict.text), depth + 1, cmd, ctx);
  // `interlock run -- <cmd>`: judge the wrapped command as if it ran directly
  if (depth > 3) return [];
  const argv = verdict.inner;
  const inner: ExecCommand = { ...cmd, argv, dynamic: argv.map(() => false), name: posix.basename(argv[0] ?? ''), redirects: [], stdin: undefined };
  return analyse(inner, ctx, depth + 1);
}

const HIT_RULES: Record<ProtectedHit['kind'], string> = {
  state: 'self.state.write',
  hooks: 'self.hooks.write',
  'project-config': 'self.project-config.write',
  package: 'self.package.uninstall',
};
const OP_WORDS: Record<PathOp, string> = { delete: 'delete', move: 'move', write: 'write', edit: 'edit', chmod: 'change permissions of', fill: 'write into' };
const KIND_WORDS: Record<ProtectedHit['kind'], string> = {
  state: "Interlock's config or state",
  hooks: "the agent client's hook settings",
  'project-config': 'a project Interlock config',
  package: 'the installed Interlock',
};

// Programs that run or type a command given as text, which the expansion does not enter:
// terminal multiplexers and keystroke injectors (a human's terminal would run it), and wrappers.
const TEXT_CARRIERS = new Set([
  'tmux', 'screen', 'zellij', 'kitty', 'wezterm', 'xdotool', 'wtype', 'ydotool', 'osascript', 'script', 'expect', 'unbuffer',
  'su', 'runuser', 'sg', 'systemd-run', 'setsid', 'flock', 'chroot', 'firejail', 'bwrap', 'stdbuf', 'caffeinate', 'torsocks',
  'proxychains', 'proxychains4', 'ionice', 'chrt', 'taskset', 'numactl', 'faketime', 'strace', 'ltrace', 'valgrind', 'entr',
  'watchexec', 'nodemon', 'concurrently', 'xvfb-run', 'dbus-launch', 'at', 'batch',
]);

/** `package.json` edits that touch its "interlock" key (npm pkg, in-place editors, redirections). */
function editsPackageJsonInterlock(cmd: ExecCommand, changed: readonly { word: string }[]): boolean {
  if (cmd.name === 'npm' && cmd.argv[1] === 'pkg' && ['set', 'delete'].includes(cmd.argv[2] ?? '')) {
    return cmd.argv.slice(3).some((a) => /^interlock(?:[.[=]|$)/.test(a));
  }
  if (!changed.some((u) => posix.basename(u.word) === 'package.json')) return false;
  return cmd.argv.some((a) => /interlock/i.test(a) && !/^interlock-guard(?:@|$)/.test(a)) || (cmd.stdin !== undefined && 'text' in cmd.stdin && /interlock/i.test(cmd.stdin.text));
}

function analyse(cmd: ExecCommand, ctx: Ctx, depth = 0): Finding[] {
  const findings: Finding[] = [];
  const { argv, name } = cmd;

  // 1. Interlock itself, by name, runner or node script
  const invocation = interlockInvocation(argv, cmd.dynamic);
  if (invocation) {
    findings.push(...interlockFinding('args' in invocation ? judgeInterlockArgs(invocation.args) : { text: invocation.text }, depth, cmd, ctx));
  } else if (TEXT_CARRIERS.has(name)) {
    // `tmux send-keys 'interlock approve x' Enter`, `setsid interlock approve x`, `script -c '…'`
    const start = argv.findIndex((a, i) => i > 0 && isInterlockWord(a));
    const verdict = start > 0 ? judgeInterlockArgs(argv.slice(start + 1)) : undefined;
    const text = argv.slice(1).join(' ') + (cmd.stdin && 'text' in cmd.stdin ? '\n' + cmd.stdin.text : '');
    findings.push(...interlockFinding(verdict && 'rule' in verdict ? verdict : scanTextForInterlock(text), depth, cmd, ctx));
  }

  // 2. Uninstalling the package
  if (uninstallsInterlock(name, argv)) findings.push(finding(ctx, 'self.package.uninstall', 'uninstall Interlock', 'interlock-guard'));

  // 3. Files: Interlock's folders, hook settings, project configs, the package
  const changed = pathsChanged(cmd);
  const seen = new Set<string>();
  // After a `cd` that may not have run, a relative path may be under any of the directories.
  const dirs = cwdAlternatives(cmd.cwd);
  for (const use of changed) {
    for (const dir of dirs) {
      const hit = classifyPath(use.word, use.base ? posix.resolve(dir || '/', use.base) : dir, use.op);
      if (!hit) continue;
      const rule = HIT_RULES[hit.kind];
      const key = `${rule}\0${hit.path}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push(finding(ctx, rule, `${OP_WORDS[hit.op]} ${KIND_WORDS[hit.kind]}`, hit.path));
    }
  }
  if (editsPackageJsonInterlock(cmd, changed)) {
    findings.push(finding(ctx, 'self.project-config.write', 'edit the "interlock" config in package.json', 'package.json#interlock'));
  }
  return findings;
}

export const selfProtection: Analyser = {
  name: 'self-protection',
  commands: ['*'],
  // no catch here: the pipeline turns an analyser failure into a held command (fail closed)
  analyse: (cmd, ctx) => analyse(cmd, ctx),
};

export const analysers: Analyser[] = [selfProtection];
