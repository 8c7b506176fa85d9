// Judges what a delete would hit. Three questions, three functions:
//   classifyTree  — `rm -r PATH`: everything under PATH goes.
//   classifyFile  — `rm PATH` / `unlink PATH`: one file (or each match of a glob) goes.
//   classifyMass  — `find ROOT … -delete`, `-exec rm`, `**` globs: every match under ROOT goes.
// Relative paths are judged by what they say (`src`, `./*`, `..`), and the working directory
// only ever raises the stakes (`rm -rf *` in `/` or in a home directory), never lowers them.
import {
  isBackupDirName, isBackupFileName, isDataDirName, isDataPattern, isDatabaseDataDirName, isDatabaseDirHousekeeping, isDatabaseEngine,
  isDatabaseFileName, isFileKindPattern, isFileLikeName, isGitScratchFile, isLogDirName, isPrivateKeyName, isRegenerableDir, isRegenerablePattern,
  isSourceDirName, isTempName, variableWords,
} from './names.js';
import { nodeOs } from '../../util/vendor.js';
import { absoluteSegments, isGlobOnly, isPatternSegment, parsePath, showAbsolute, type FsPath } from './paths.js';

export type Level = 'allow' | 'confirm' | 'deny';

export interface Verdict {
  level: Level;
  /** What the path is, for the finding's hints: 'home directory', 'regenerable build output', … */
  kind: string;
  /** The absolute location when it differs from what was typed (`..` from /home/me/app → /home/me). */
  resolved?: string;
}

const allow = (kind: string): Verdict => ({ level: 'allow', kind });
const confirm = (kind: string, resolved?: string): Verdict => ({ level: 'confirm', kind, resolved });
const deny = (kind: string, resolved?: string): Verdict => ({ level: 'deny', kind, resolved });

/** Top-level folders of the operating system. */
const SYSTEM_ROOTS = new Set([
  'bin', 'boot', 'dev', 'etc', 'lib', 'lib32', 'lib64', 'libx32', 'opt', 'proc', 'run', 'sbin', 'snap', 'sys',
  'usr', 'var', 'applications', 'library', 'system', 'private', 'cores', 'nix', 'gnu', 'efi', 'lost+found',
]);

/** Top-level folders that hold data rather than the system. */
const DATA_ROOTS = new Set(['srv', 'data', 'mnt', 'media', 'volumes', 'backup', 'backups', 'storage', 'export', 'exports', 'database', 'db']);

/** Scratch space: anything under these is temporary by definition. */
const TEMP_PREFIXES: readonly string[][] = [
  ['tmp'], ['var', 'tmp'], ['private', 'tmp'], ['private', 'var', 'tmp'], ['var', 'folders'], ['private', 'var', 'folders'], ['dev', 'shm'],
];

/** System locations that only hold caches a package manager rebuilds. */
const CACHE_PREFIXES: readonly string[][] = [['var', 'cache'], ['var', 'lib', 'apt', 'lists'], ['private', 'var', 'cache']];

/** Standard folders of /usr/local; anything else there is one installed tool (`/usr/local/go`). */
const USR_LOCAL_STANDARD = new Set(['bin', 'sbin', 'lib', 'lib64', 'etc', 'share', 'include', 'var', 'src', 'man', 'libexec', 'opt']);

/** Per-user caches and reinstallable toolchains under a home directory. */
const HOME_CACHE_PREFIXES: readonly string[][] = [
  ['.cache'], ['library', 'caches'], ['.npm'], ['.m2', 'repository'], ['.gradle'], ['go', 'pkg'], ['.cargo', 'registry'],
  ['.cargo', 'git'], ['.pub-cache'], ['.nuget', 'packages'], ['library', 'developer', 'xcode', 'deriveddata'],
  ['.cocoapods', 'repos'], ['.yarn', 'berry', 'cache'], ['.pnpm-store'], ['.bun', 'install', 'cache'], ['.node-gyp'],
  ['.nvm'], ['.rustup'], ['.pyenv'], ['.rbenv'], ['.sdkman'], ['.volta'], ['.terraform.d', 'plugin-cache'],
  ['.local', 'share', 'trash'], ['.expo'], ['.electron'], ['.ivy2', 'cache'], ['.sbt', 'boot'], ['.conda', 'pkgs'],
];

const HOME_ROOTS = new Set(['home', 'users']);

let homeSegments: string[][] | undefined;
/**
 * This machine's home folders as segments. The expansion stage resolves `~` and `$HOME` to the
 * hook's home, which may live outside /home (a CI runner's /github/home, a sandbox's /tmp/x).
 */
function knownHomes(): string[][] {
  if (homeSegments) return homeSegments;
  const homes = new Set<string>();
  for (const home of [process.env.HOME, safeHomedir()]) {
    if (home && home.startsWith('/')) homes.add(home.replace(/\/+$/, ''));
  }
  // A home that is the whole scratch area (HOME=/tmp in some sandboxes) must not turn /tmp/x into home files.
  homeSegments = [...homes]
    .map((h) => h.split('/').filter(Boolean).map((s) => s.toLowerCase()))
    .filter((h) => h.length > 0 && !TEMP_PREFIXES.some((prefix) => prefix.length === h.length && startsWith(h, prefix)));
  return homeSegments;
}

function safeHomedir(): string | undefined {
  try {
    return nodeOs().homedir();
  } catch {
    return undefined;
  }
}

function startsWith(segments: readonly string[], prefix: readonly string[]): boolean {
  if (segments.length < prefix.length) return false;
  return prefix.every((p, i) => segments[i].toLowerCase() === p);
}

function isEverything(segments: readonly string[]): boolean {
  return segments.length === 0 || (segments.length === 1 && isGlobOnly(segments[0]));
}

function hasStrongRegenerable(segments: readonly string[]): boolean {
  return segments.some((s) => isRegenerableDir(s, false));
}

/** Words of a variable that say what it holds. */
function variableKind(variable: string): 'temp' | 'cache' | 'data' | 'unknown' {
  const words = variableWords(variable);
  // GOTMPDIR, RUNNER_TEMP, $(mktemp -d); GOCACHE, XDG_CACHE_HOME, $(brew --cache). Not TEMPLATE_DIR.
  if (words.some((w) => w.includes('tmp') || /^(mk)?temp(dir|orary)?$/.test(w))) return 'temp';
  if (words.some((w) => w.includes('cache'))) return 'cache';
  if (words.some((w) => ['data', 'db', 'database', 'backup', 'backups', 'dump', 'sqlite', 'uploads', 'pgdata', 'storage'].includes(w))) return 'data';
  return 'unknown';
}

/** A path inside the project (or any ordinary folder): regenerable, temp, .git, source, data, files. */
function classifyProjectPath(segments: readonly string[], context: string): Verdict {
  const last = segments[segments.length - 1];
  for (const segment of segments) {
    if (segment === '.git') return last !== '.git' && isGitScratchFile(last) ? allow('git lock file') : confirm('git repository data');
    if (segment === '..' || isPatternSegment(segment)) continue;
    if (isRegenerableDir(segment, true)) return allow('regenerable build output or cache');
    if (isTempName(segment)) return allow('temporary files');
    if (isLogDirName(segment)) return allow('logs');
  }
  const parent = segments.length > 1 ? segments[segments.length - 2] : undefined;
  if (last === undefined) return confirm(context);
  if (isGlobOnly(last)) {
    if (parent === undefined || parent === '..') return confirm(context);
    return confirm(`everything in ${parent}/ (${nameKind(parent, context)})`);
  }
  if (isPatternSegment(last)) {
    if (isRegenerablePattern(last)) return allow('regenerable files');
    if (isDataPattern(last)) return confirm('databases or backups');
    if (parent && (isDataDirName(parent) || isDatabaseDataDirName(parent))) return confirm(nameKind(parent, context));
    if (isFileKindPattern(last)) return allow('files of one kind');
    return confirm(`files matching ${last} (${parent ? nameKind(parent, context) : context})`);
  }
  const data = dataFileKind(segments);
  if (data) return confirm(data);
  if (isFileLikeName(last)) return allow('single file');
  return confirm(nameKind(last, context));
}

function nameKind(name: string, fallback: string): string {
  if (isSourceDirName(name)) return 'source code';
  if (isDataDirName(name)) return 'data directory';
  return fallback;
}

function classifyHome(segments: readonly string[]): Verdict {
  if (isEverything(segments)) return deny('home directory');
  if (HOME_CACHE_PREFIXES.some((prefix) => startsWith(segments, prefix))) return allow('per-user cache or toolchain');
  const verdict = classifyProjectPath(segments, 'files in the home directory');
  return verdict;
}

/** Absolute paths: root, homes, temp, caches, system and data locations, then ordinary folders. */
function classifyAbsolute(segments: readonly string[]): Verdict {
  if (segments.length === 0) return deny('root filesystem');
  if (isEverything(segments)) return deny('everything under /');
  for (const home of knownHomes()) {
    if (home.length > 0 && startsWith(segments, home)) return classifyHome(segments.slice(home.length));
  }
  const first = segments[0].toLowerCase();
  if (HOME_ROOTS.has(first)) {
    if (isEverything(segments.slice(1))) return deny('every home directory');
    if (isEverything(segments.slice(2))) return deny('home directory');
    return classifyHome(segments.slice(2));
  }
  if (first === 'root') return classifyHome(segments.slice(1));
  if (TEMP_PREFIXES.some((prefix) => startsWith(segments, prefix))) return allow('temporary files');
  if (CACHE_PREFIXES.some((prefix) => startsWith(segments, prefix))) return allow('system package cache');
  const holdsData = segments.some((s) => isDataDirName(s) || isDatabaseDataDirName(s) || (isDatabaseEngine(s) && !/^(docker|containerd)$/i.test(s)));
  if (first === 'usr' && segments[1]?.toLowerCase() === 'local' && segments.length >= 3 && !holdsData) {
    // `/usr/local/go`, `/usr/local/bin/docker-compose`: one installed tool, reinstalled from its archive.
    if (!USR_LOCAL_STANDARD.has(segments[2].toLowerCase()) || segments.length >= 4) return allow('installed tool under /usr/local');
  }
  if (first === 'var' && segments[1]?.toLowerCase() === 'log' && segments.length >= 3) {
    // Rotated or named log files (`/var/log/*.gz`, `/var/log/nginx/*.log.1`), not the whole log tree.
    const last = segments[segments.length - 1];
    if (isPatternSegment(last) && !isGlobOnly(last)) return allow('rotated logs');
  }
  if (hasStrongRegenerable(segments)) return allow('regenerable build output or cache');
  if (DATA_ROOTS.has(first) || (first === 'var' && segments[1]?.toLowerCase() === 'lib')) return confirm('data directory');
  if (first === 'var' && segments[1] && isBackupDirName(segments[1])) return confirm('backups');
  if (SYSTEM_ROOTS.has(first)) return confirm('system directory');
  return classifyProjectPath(segments, 'directory');
}

/** Recursive delete of one path (`rm -r`, `git rm -r`, `rsync --delete` destination). */
const TEMP_ROOTS = new Set(['/tmp', '/var/tmp', '/private/tmp', '/dev/shm']);

export function classifyTree(raw: string, cwd: string): Verdict {
  return classifyTreePath(parsePath(raw), cwd);
}

export function classifyTreePath(path: FsPath, cwd: string): Verdict {
  switch (path.anchor) {
    case 'opaque':
      return confirm('unknown path');
    case 'var': {
      // `$DIR/node_modules` is judged by its literal tail; `$TMPDIR/x`, `$CACHE_DIR` by the variable's name.
      const kind = variableKind(path.variable ?? '');
      const last = path.segments[path.segments.length - 1];
      if (last !== undefined && !isGlobOnly(last)) {
        const inner = classifyProjectPath(path.segments, `unknown path (${path.variable})`);
        if (inner.level === 'allow' || kind === 'unknown' || kind === 'data') return inner;
      }
      if (kind === 'temp') return allow('temporary files');
      if (kind === 'cache') return allow('cache');
      return confirm(kind === 'data' ? `data directory (${path.variable})` : `unknown path (${path.variable})`);
    }
    case 'root':
      return classifyAbsolute(path.segments);
    case 'home':
      return classifyHome(path.segments);
    case 'cwd': {
      const segments = path.segments;
      const ups = segments.findIndex((s) => s !== '..');
      const rest = ups < 0 ? [] : segments.slice(ups);
      let verdict: Verdict;
      if (isEverything(segments)) verdict = confirm('the working directory');
      else if (ups !== 0 && isEverything(rest)) verdict = confirm('a parent of the working directory');
      else verdict = classifyProjectPath(segments, 'project directory');
      if (verdict.level === 'allow') return verdict;
      const absolute = absoluteSegments(path, cwd);
      if (absolute) {
        const located = classifyAbsolute(absolute);
        if (located.level === 'deny') return { ...located, resolved: showAbsolute(absolute) };
        // `cd /tmp && rm -rf build-xyz` is `/tmp/build-xyz`, allowed as when written out. Only with
        // the temporary folder itself as the working directory: a project checked out under /tmp
        // is still a project.
        if (TEMP_ROOTS.has(cwd.replace(/\/+$/, '')) && located.level === 'allow' && ups === 0 && !isEverything(segments)) return { ...located, resolved: showAbsolute(absolute) };
      }
      return verdict;
    }
  }
}

/**
 * The kind of data file a path names, if any: a database file, a backup, or a file inside a
 * database's data directory or a backups folder.
 */
export function dataFileKind(segments: readonly string[]): string | undefined {
  const last = segments[segments.length - 1];
  if (last === undefined) return undefined;
  if (isDatabaseFileName(last)) return 'database file';
  if (isBackupFileName(last)) return 'backup';
  if (isPrivateKeyName(last)) return 'private key or keystore';
  const folders = segments.slice(0, -1);
  const git = folders.lastIndexOf('.git');
  // Refs, objects, the index and config hold the repository; locks and hooks are disposable.
  if (git >= 0 && folders[git + 1] !== 'hooks' && !isGitScratchFile(last)) return 'git repository internals';
  if (isInDatabaseDir(folders) && !isDatabaseDirHousekeeping(last)) return 'database data directory';
  if (folders.some((s) => isBackupDirName(s)) && !isDatabaseDirHousekeeping(last)) return 'backup';
  return undefined;
}

/** Folders that are a database's data directory: /var/lib/<engine>/…, /data/db, `pgdata`, `mysql-data`. */
function isInDatabaseDir(folders: readonly string[]): boolean {
  const f0 = folders[0]?.toLowerCase();
  const f1 = folders[1]?.toLowerCase();
  if (f0 === 'var' && f1 === 'lib' && folders.length >= 3 && isDatabaseEngine(folders[2])) return true;
  if (f0 === 'data' && f1 === 'db') return true;
  return folders.some((s) => isDatabaseDataDirName(s));
}

/** Live database files only (what an overwrite or restore destroys): not backups. */
export function isLiveDatabasePath(raw: string): boolean {
  const path = parsePath(raw);
  const last = path.segments[path.segments.length - 1];
  if (!last || isPatternSegment(last)) return false;
  if (isDatabaseFileName(last)) return true;
  const kind = dataFileKind(path.segments);
  return kind === 'database data directory';
}

/** Single-file delete (`rm FILE`, `unlink FILE`): only databases, backups, or globs over many of them matter. */
export function classifyFile(raw: string, cwd: string): Verdict {
  const path = parsePath(raw);
  const segments = path.segments;
  const last = segments[segments.length - 1];
  if (path.anchor === 'opaque' || (path.anchor === 'var' && segments.length === 0)) {
    return variableKind(path.variable ?? raw) === 'data' ? confirm(`data file (${path.variable ?? raw})`) : allow('single file');
  }
  if (last === undefined) return allow('directory without -r');
  if (isGlobOnly(last)) {
    // `rm *`, `rm ~/*`, `rm /var/backups/*`: every file of a folder.
    const folder: FsPath = { ...path, segments: segments.slice(0, -1) };
    const tree = classifyTreePath(folder, cwd);
    if (tree.level === 'allow') return tree;
    return confirm(`every file in ${folder.segments.length ? folder.segments.join('/') + '/' : tree.kind}`);
  }
  if (isPatternSegment(last)) {
    if (isRegenerablePattern(last)) return allow('regenerable files');
    if (isDataPattern(last)) return confirm('databases or backups');
    const folderKind = dataFileKind([...segments.slice(0, -1), 'x']);
    if (folderKind) return confirm(folderKind);
    const absolute = path.anchor === 'root' ? segments : undefined;
    if (absolute && (absolute[0]?.toLowerCase() === 'var' && absolute[1]?.toLowerCase() === 'lib')) return confirm('data directory');
    return allow('files of one kind');
  }
  const kind = dataFileKind(segments);
  if (kind) return confirm(kind);
  if (path.anchor === 'var' && variableKind(path.variable ?? '') === 'data' && !isFileLikeName(last)) return confirm(`data file (${path.variable})`);
  return allow('single file');
}

/**
 * Deleting every match of `patterns` under `root` (find -delete, -exec rm, `**` globs). Allowed
 * when the root is scratch/regenerable space or every pattern names regenerable files.
 */
export function classifyMass(rootRaw: string, patterns: readonly string[], cwd: string, options: { negated?: boolean } = {}): Verdict {
  const root = classifyTree(rootRaw === '' ? '.' : rootRaw, cwd);
  if (root.level === 'allow') return root;
  const path = parsePath(rootRaw === '' ? '.' : rootRaw);
  if (path.segments.some((s) => isLogDirName(s))) return allow('logs');
  const named = patterns.filter((p) => p !== '' && p !== '*');
  if (named.length > 0 && !options.negated) {
    if (named.every((p) => isRegenerablePattern(p) || patternHasRegenerableSegment(p))) return allow('regenerable files');
    if (named.some((p) => isDataPattern(p))) return confirm('databases or backups', root.resolved);
    return confirm(`files matching ${named.join(', ')} under ${rootRaw || '.'} (${root.kind})`, root.resolved);
  }
  if (root.level === 'deny') return root;
  return confirm(`every file under ${rootRaw || '.'} (${root.kind})`, root.resolved);
}

// A -path pattern or placeholder with a regenerable folder in it (node_modules, __pycache__).
function patternHasRegenerableSegment(pattern: string): boolean {
  return pattern.split('/').some((s) => s !== '' && !isGlobOnly(s) && (isRegenerableDir(s, true) || isRegenerablePattern(s)));
}
