// Which paths belong to Interlock or to the agent clients' hook settings, as an agent's command
// names them: `~/…`, `$HOME/…`, `$INTERLOCK_HOME/…`, absolute, or relative to the command's cwd.
import { existsSync } from 'node:fs';
import { posix } from 'node:path';
import { homeDir, resolvePaths } from '../../state/paths.js';

export type ProtectedKind = 'state' | 'hooks' | 'project-config' | 'package';

/**
 * What a command does to a path: `fill` writes files into a folder (tar -C, unzip -d, rsync). A
 * folder that merely contains protected files counts only for the recursive kinds.
 */
export type PathOp = 'delete' | 'move' | 'write' | 'edit' | 'chmod' | 'fill';

export interface ProtectedHit {
  kind: ProtectedKind;
  /** The path as resolved, for the finding's target. */
  path: string;
  op: PathOp;
}

interface Roots {
  home: string;
  /** Interlock's own config and state folders (the XDG ones): everything inside is Interlock's. */
  state: string[];
  /**
   * INTERLOCK_HOME, when set: it holds config and state but may hold other things too (tests put
   * projects there), so only Interlock's entries in it, and the folder itself, are protected.
   */
  shared?: string;
  /** Variables that stand for Interlock's folders even when unset here. */
  env: NodeJS.ProcessEnv;
}

let cached: { key: string; roots: Roots } | undefined;

function rootsFor(env: NodeJS.ProcessEnv): Roots {
  const key = [env.HOME, env.USERPROFILE, env.INTERLOCK_HOME, env.XDG_CONFIG_HOME, env.XDG_STATE_HOME].join('\0');
  if (cached?.key === key) return cached.roots;
  const home = homeDir(env);
  const active = resolvePaths(env);
  const defaults = resolvePaths({ HOME: home });
  const shared = env.INTERLOCK_HOME ? posix.resolve(env.INTERLOCK_HOME) : undefined;
  const dedicated = [active.config, active.state, defaults.config, defaults.state].map((p) => posix.resolve(p)).filter((p) => p !== shared);
  const roots: Roots = { home: posix.resolve(home), state: [...new Set(dedicated)], shared, env };
  cached = { key, roots };
  return roots;
}

// Client hook settings: files (and folders whose every file is a hook), as path suffixes.
const HOOK_FILES: RegExp[] = [
  /\/\.claude\/settings(?:\.local)?\.json$/,
  /\/\.cursor\/hooks\.json$/,
  /\/\.gemini\/settings\.json$/,
  /\/\.codex\/(?:hooks\.json|config\.toml)$/,
  /\/\.windsurf\/hooks\.json$/,
  /\/\.codeium\/windsurf\/hooks\.json$/,
  /\/\.config\/amp\/settings\.jsonc?$/,
  /\/\.amp\/settings\.jsonc?$/,
  /\/opencode\.jsonc?$/,
  // managed (system-wide) settings
  /^\/etc\/claude-code\//,
  /^\/Library\/Application Support\/ClaudeCode\//,
  /^\/etc\/cursor\/hooks\.json$/,
  /^\/Library\/Application Support\/Cursor\/hooks\.json$/,
  /^\/etc\/gemini-cli\/settings\.json$/,
  /^\/Library\/Application Support\/GeminiCli\/settings\.json$/,
  /^\/etc\/codex\//,
  /^\/etc\/ampcode\//,
  /^\/Library\/Application Support\/ampcode\//,
];
const HOOK_DIRS: RegExp[] = [
  /\/\.github\/hooks(?:\/|$)/,
  /\/\.copilot\/hooks(?:\/|$)/,
  /\/\.clinerules\/hooks(?:\/|$)/,
  /\/\.cline\/hooks(?:\/|$)/,
  /\/Documents\/Cline\/(?:Rules\/)?Hooks(?:\/|$)/,
  /\/\.opencode\/plugins?(?:\/|$)/,
  /\/\.config\/opencode\/plugins?(?:\/|$)/,
];
// Folders holding hook settings, and what inside them to look for before calling their removal
// tampering (`rm -rf .github` only matters when .github/hooks exists).
const HOOK_PARENTS: Array<[RegExp, string[]]> = [
  [/\/\.claude$/, ['settings.json', 'settings.local.json']],
  [/\/\.cursor$/, ['hooks.json']],
  [/\/\.gemini$/, ['settings.json']],
  [/\/\.codex$/, ['hooks.json', 'config.toml']],
  [/\/\.windsurf$/, ['hooks.json']],
  [/\/\.codeium$/, ['windsurf/hooks.json']],
  [/\/\.codeium\/windsurf$/, ['hooks.json']],
  [/\/\.github$/, ['hooks']],
  [/\/\.copilot$/, ['hooks']],
  [/\/\.clinerules$/, ['hooks']],
  [/\/\.cline$/, ['hooks']],
  [/\/\.opencode$/, ['plugin', 'plugins']],
  [/\/\.amp$/, ['settings.json', 'settings.jsonc']],
  [/\/\.config\/amp$/, ['settings.json', 'settings.jsonc']],
  [/\/\.config\/opencode$/, ['opencode.json', 'opencode.jsonc', 'plugin', 'plugins']],
  [/^\/etc$/, ['claude-code', 'codex', 'ampcode']],
];

/** What Interlock keeps in INTERLOCK_HOME (see src/state/paths.ts and src/config/discover.ts). */
const INTERLOCK_ENTRIES = /^(pending|grants|cache|trust\.json|audit\.log.*|\.interlockrc.*|interlock\.config\..*)$/;

// cosmiconfig's search places for an `interlock` config.
const PROJECT_CONFIG = /(?:^|\/)(?:\.interlockrc(?:\.(?:json|ya?ml|js|cjs|mjs|ts|cts|mts))?|interlock\.config\.(?:js|cjs|mjs|ts|cts|mts|json|ya?ml))$|\/\.config\/interlockrc(?:\.(?:json|ya?ml|js|cjs|mjs|ts|cts|mts))?$/;

const PACKAGE = /\/node_modules\/interlock-guard(?:\/|$)|\/(?:\.?bin)\/interlock(?:\.cjs)?$|\/interlock-guard\/dist\//;

// Operations that reach what a folder holds: removing, moving or re-permissioning it takes its
// contents along; filling it (extracting into it) can replace the files inside.
const REACHES_STATE: ReadonlySet<PathOp> = new Set(['delete', 'move', 'chmod']);
const REACHES_HOOKS: ReadonlySet<PathOp> = new Set(['delete', 'move', 'chmod', 'fill']);

/** Replaces the variables and `~` that name Interlock's or the user's folders. */
function expand(word: string, roots: Roots, cwd: string): { path: string; interlockVar: boolean } | undefined {
  let interlockVar = false;
  let text = word;
  if (text === '~' || text.startsWith('~/')) text = roots.home + text.slice(1);
  text = text.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (whole, name: string) => {
    switch (name) {
      case 'HOME':
        return roots.home;
      case 'PWD':
        return cwd || whole;
      case 'INTERLOCK_HOME':
        interlockVar = true;
        return roots.env.INTERLOCK_HOME || '/$INTERLOCK_HOME';
      case 'XDG_CONFIG_HOME':
        return roots.env.XDG_CONFIG_HOME || posix.join(roots.home, '.config');
      case 'XDG_STATE_HOME':
        return roots.env.XDG_STATE_HOME || posix.join(roots.home, '.local', 'state');
      default:
        return whole; // unknown: kept, so suffixes (`$PROJECT/.claude/settings.json`) still match
    }
  });
  if (!text) return undefined;
  const absolute = text.startsWith('/') ? text : posix.join(cwd || '/', text);
  return { path: posix.normalize(absolute).replace(/(.)\/+$/, '$1'), interlockVar };
}

function under(path: string, root: string): boolean {
  return path === root || path.startsWith(root === '/' ? '/' : root + '/');
}

/**
 * The part of a path before its first glob segment, and a test for which names in that folder the
 * glob can reach (`.claude/*.md` does not reach settings.json; `.claude/*` does).
 */
function globBase(path: string): { base: string; reaches: (name: string) => boolean } {
  const segments = path.split('/');
  const i = segments.findIndex((s) => /[*?[]/.test(s));
  if (i < 0) return { base: path, reaches: () => true };
  const base = segments.slice(0, i).join('/') || '/';
  if (i < segments.length - 1) return { base, reaches: () => true }; // `dir/*/x`: assume it can
  const source = segments[i].replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  let re: RegExp | undefined;
  try {
    re = new RegExp(`^${source}$`);
  } catch {
    re = undefined; // an odd bracket: assume it can
  }
  return { base, reaches: (name) => (re ? re.test(name) : true) };
}

/**
 * Whether a path word (as the command gives it) is Interlock's, a hook setting, a project config or
 * the installed package, given what the command does to it.
 */
export function classifyPath(word: string, cwd: string, op: PathOp, env: NodeJS.ProcessEnv = process.env): ProtectedHit | undefined {
  if (!word || word === '-' || word.startsWith('/dev/')) return undefined;
  const roots = rootsFor(env);
  const expanded = expand(word, roots, cwd);
  if (!expanded) return undefined;
  const { base: path, reaches } = globBase(expanded.path);
  const glob = path !== expanded.path;
  // a glob reaches inside the folder before it, as a recursive operation on the folder would
  const effectiveOp: PathOp = glob && op !== 'chmod' ? 'delete' : op;
  const hit = (kind: ProtectedKind): ProtectedHit => ({ kind, path: expanded.path, op });
  const firstSegment = (inside: string) => inside.split('/')[0];

  if (expanded.interlockVar) return hit('state');
  if (roots.shared && under(path, roots.shared)) {
    const inside = path === roots.shared ? '' : path.slice(roots.shared.length + 1);
    if (inside === '' || INTERLOCK_ENTRIES.test(firstSegment(inside))) return hit('state');
  }
  for (const root of [...roots.state, ...(roots.shared ? [roots.shared] : [])]) {
    if (root !== roots.shared && under(path, root)) return hit('state');
    // removing a folder that holds Interlock's (~/.config, ~/.local/state), below the home folder
    if (
      REACHES_STATE.has(effectiveOp) &&
      root.startsWith(path + '/') &&
      under(path, roots.home) &&
      path !== roots.home &&
      reaches(firstSegment(root.slice(path.length + 1))) &&
      existsSync(root)
    ) {
      return hit('state');
    }
  }
  if (PROJECT_CONFIG.test(path)) return hit('project-config');
  if (HOOK_FILES.some((re) => re.test(path)) || HOOK_DIRS.some((re) => re.test(path))) return hit('hooks');
  if (REACHES_HOOKS.has(effectiveOp)) {
    for (const [re, inside] of HOOK_PARENTS) {
      if (re.test(path) && inside.some((name) => reaches(firstSegment(name)) && existsSync(posix.join(path, name)))) return hit('hooks');
    }
  }
  if (PACKAGE.test(path)) return hit('package');
  return undefined;
}
