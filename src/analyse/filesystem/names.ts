// What a file or directory name says about its contents: regenerable build output and caches,
// temporary space, logs, databases, backups, source. Static tables; lookups are Set/Map hits.
import { splitIdentifier } from '../verbs.js';

/** Directories that only ever hold output a tool rebuilds (safe to delete wherever they sit). */
const REGENERABLE_STRONG = new Set([
  'node_modules', 'bower_components', 'jspm_packages', '__pycache__', '.pytest_cache', '.mypy_cache',
  '.ruff_cache', '.pytype', '.pyre', '.hypothesis', '.tox', '.nox', '.eggs', '.venv', 'venv',
  'site-packages', '.cache', 'cache', 'caches', '.next', '.nuxt', '.output', '.svelte-kit', '.astro',
  '.turbo', '.parcel-cache', '.nyc_output', 'coverage', 'htmlcov', '.coverage', 'lib-cov', '.gradle',
  '.sass-cache', '.eslintcache', '.angular', '.docusaurus', '.expo', '.terraform', '.terragrunt-cache',
  '.serverless', '.aws-sam', 'cdk.out', 'deriveddata', '.dart_tool', '.stack-work', 'elm-stuff',
  '.pnpm-store', '.npm', '.yarn-cache', '.vite', '.nx', '.swc', '.vercel', '.netlify', '.wrangler',
  '.pio', 'cmakefiles', '.ccache', 'playwright-report', 'test-results', 'allure-results',
  'storybook-static', '.bundle', '.jekyll-cache', '.webpack', '.rpt2_cache', '.fusebox', '.vuepress-cache',
  '.tmp', '.temp', '.expo-shared', '.ipynb-cache', '.benchmarks', '.build-cache', '.buildx-cache', 'pip-wheel-metadata',
]);

/**
 * Common build-output and dependency folder names that are regenerable in a project but too
 * generic to trust inside system or data locations (`/var/lib/app/build`).
 */
const REGENERABLE_WEAK = new Set([
  'dist', 'build', 'out', 'target', 'obj', 'deps', '_build', 'vendor', 'pods', '_site', '.build',
  'dist-newstyle', 'tmp', 'temp', 'logs', 'log', 'wheelhouse', 'public-build',
]);

/** File-name patterns of regenerable files (find -name, rm globs), compared lower-case. */
const REGENERABLE_FILE_PATTERNS = new Set([
  '.ds_store', '._*', 'thumbs.db', 'desktop.ini', '*~', '.*~', '#*#', '.#*', 'core', 'nohup.out',
  'npm-debug.log*', 'yarn-error.log*', 'yarn-debug.log*', '.eslintcache', '*.tsbuildinfo',
  '.coverage', '.coverage.*', 'lcov.info', '*.lcov',
]);

/** Extensions of regenerable or throwaway files. */
const REGENERABLE_EXTENSIONS = new Set([
  'pyc', 'pyo', 'o', 'obj', 'class', 'log', 'tmp', 'temp', 'swp', 'swo', 'orig', 'rej', 'tsbuildinfo',
  'map', 'gcda', 'gcno', 'pid', 'lock', 'egg-info', 'cache', 'crdownload', 'part', 'retry', 'out',
]);

/** Database files: deleting or emptying one loses the data. */
const DATABASE_EXTENSIONS = new Set([
  'db', 'sqlite', 'sqlite3', 'sqlite2', 'db3', 's3db', 'sl3', 'duckdb', 'mdb', 'accdb', 'ibd', 'frm', 'myd',
  'myi', 'mdf', 'ldf', 'ndf', 'rdb', 'aof', 'realm', 'kdbx', 'fdb', 'wt', 'ldb', 'tfstate', 'db-wal',
  'db-shm', 'db-journal', 'sqlite-wal', 'sqlite-shm', 'sqlite-journal', 'sqlite3-wal', 'sqlite3-shm',
  'sqlite3-journal',
]);

const DATABASE_NAMES = /^(ibdata\d+|ib_logfile\d+|dump\.rdb|appendonly\.aof|terraform\.tfstate|pg_control|mysql-bin\.\d+)$/;

/** Backups and dumps. */
const BACKUP_EXTENSIONS = new Set(['dump', 'bak', 'backup', 'bkp', 'pgdump', 'archive', 'bson']);

/** Archive/data extensions that a backup usually carries (`backup-2024.tgz`, `db_dump.sql`). */
const ARCHIVE_EXTENSIONS = new Set([
  'tar', 'tgz', 'gz', 'zip', 'sql', 'bz2', 'xz', 'zst', '7z', 'rar', 'json', 'csv', 'tbz', 'txz', 'lz4', 'gpg', 'age', 'enc',
]);

/** Extensions of ordinary single files: a path ending in one of these is a file, not a folder. */
const FILE_EXTENSIONS = new Set([
  'txt', 'md', 'markdown', 'rst', 'json', 'jsonc', 'json5', 'js', 'mjs', 'cjs', 'jsx', 'ts', 'mts', 'cts', 'tsx',
  'vue', 'svelte', 'py', 'rb', 'go', 'rs', 'java', 'kt', 'kts', 'scala', 'swift', 'c', 'h', 'cc', 'cpp', 'hpp',
  'cs', 'fs', 'php', 'pl', 'lua', 'dart', 'ex', 'exs', 'erl', 'hs', 'clj', 'r', 'jl', 'sql', 'graphql', 'gql',
  'proto', 'html', 'htm', 'css', 'scss', 'sass', 'less', 'yml', 'yaml', 'toml', 'ini', 'cfg', 'conf', 'env',
  'xml', 'csv', 'tsv', 'sh', 'bash', 'zsh', 'fish', 'ps1', 'bat', 'cmd', 'png', 'jpg', 'jpeg', 'gif', 'svg',
  'ico', 'webp', 'bmp', 'pdf', 'zip', 'tar', 'gz', 'tgz', 'bz2', 'xz', 'zst', '7z', 'whl', 'jar', 'war',
  'exe', 'dll', 'so', 'dylib', 'a', 'lib', 'iso', 'img', 'dmg', 'deb', 'rpm', 'apk', 'ipa', 'mp3', 'mp4',
  'wav', 'mov', 'avi', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'patch', 'diff', 'pem', 'crt', 'key',
  'pub', 'lock', 'sum', 'mod', 'gradle', 'properties', 'plist', 'ipynb', 'wasm', 'ttf', 'woff', 'woff2',
  'eot', 'otf', 'tf', 'tfvars', 'hcl', 'nix', 'dockerfile', 'editorconfig', 'gitignore', 'npmrc', 'nvmrc',
  'local', 'example', 'sample', 'template', 'tpl', 'j2', 'snap', 'prisma', 'sock', 'pid',
  ...REGENERABLE_EXTENSIONS,
]);

const FILE_NAMES = new Set([
  'makefile', 'dockerfile', 'containerfile', 'readme', 'license', 'licence', 'changelog', 'gemfile',
  'procfile', 'rakefile', 'jenkinsfile', 'vagrantfile', 'brewfile', 'justfile', 'pipfile', 'caddyfile',
  'codeowners', 'authors', 'notice', 'version', '.env', '.envrc', '.npmrc', '.nvmrc', '.gitignore',
  '.gitattributes', '.dockerignore', '.editorconfig', '.prettierrc', '.eslintrc', '.babelrc', '.bashrc',
  '.zshrc', '.profile', '.bash_profile', '.bash_history', '.zsh_history', '.python-version', '.ruby-version',
  '.node-version', '.tool-versions', '.eslintcache', '.ds_store', 'nohup.out', 'core',
]);

const SOURCE_DIRS = new Set([
  'src', 'source', 'sources', 'app', 'apps', 'lib', 'libs', 'pkg', 'packages', 'cmd', 'internal', 'api',
  'server', 'client', 'web', 'frontend', 'backend', 'components', 'pages', 'routes', 'services', 'models',
  'controllers', 'views', 'tests', 'test', 'spec', '__tests__', 'scripts', 'config', 'docs', 'migrations',
  'prisma', 'db', 'schema', 'infra', 'terraform', 'charts', 'k8s', 'deploy', 'public', 'static', 'assets',
  'include', 'modules', 'crates', 'projects', 'repos', 'code', 'workspace', 'work', 'dev', 'go',
]);

const DATA_DIR_WORDS = new Set([
  'data', 'uploads', 'upload', 'backup', 'backups', 'bak', 'dump', 'dumps', 'snapshot', 'snapshots',
  'storage', 'media', 'db', 'database', 'databases', 'pgdata', 'postgres', 'postgresql', 'pgsql', 'mysql',
  'mariadb', 'mongo', 'mongodb', 'redis', 'valkey', 'elasticsearch', 'opensearch', 'clickhouse', 'influxdb',
  'cassandra', 'neo4j', 'etcd', 'minio', 'kafka', 'volumes', 'volume', 'attachments', 'files', 'archive',
  'archives', 'exports', 'datasets', 'warehouse', 'sqlite', 'userdata', 'user-data',
]);

/** Database engines whose folder under /var/lib (or a `<engine>-data` folder) is their data directory. */
const DATABASE_ENGINES = new Set([
  'postgresql', 'pgsql', 'postgres', 'mysql', 'mariadb', 'mongodb', 'mongo', 'redis', 'valkey', 'cassandra',
  'elasticsearch', 'opensearch', 'clickhouse', 'influxdb', 'neo4j', 'etcd', 'couchdb', 'rabbitmq', 'minio',
  'kafka', 'zookeeper', 'mssql', 'qdrant', 'weaviate', 'milvus', 'meilisearch', 'docker', 'containerd',
  'mongod', 'pgsql', 'db',
]);

/** Files inside a database directory that are not data (pid files, sockets, configs, logs). */
const DATABASE_DIR_HOUSEKEEPING = /(\.pid|\.lock|\.sock|\.log|\.conf|\.cnf|\.opts|lock)$|^postmaster\.|^\.s\.pgsql/i;

/** Extension after the last dot ('' when none; dotfiles like `.env` have none). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** `archive.sql.gz` → ['gz', 'sql.gz']; both forms are looked up. */
function extensions(name: string): string[] {
  const n = name.toLowerCase();
  const out: string[] = [];
  const last = n.lastIndexOf('.');
  if (last <= 0) return out;
  out.push(n.slice(last + 1));
  const previous = n.lastIndexOf('.', last - 1);
  if (previous > 0) out.push(n.slice(previous + 1));
  return out;
}

export function isRegenerableDir(name: string, includeWeak: boolean): boolean {
  const n = name.toLowerCase();
  if (REGENERABLE_STRONG.has(n) || n.endsWith('.egg-info') || n.startsWith('cmake-build-')) return true;
  return includeWeak && REGENERABLE_WEAK.has(n);
}

export function isTempName(name: string): boolean {
  const words = splitIdentifier(name);
  return words.some((w) => w === 'tmp' || w === 'temp' || w === 'tmpdir' || w === 'temporary' || w === 'mktemp');
}

export function isLogDirName(name: string): boolean {
  const n = name.toLowerCase();
  return n === 'log' || n === 'logs';
}

export function isSourceDirName(name: string): boolean {
  return SOURCE_DIRS.has(name.toLowerCase());
}

export function isDataDirName(name: string): boolean {
  const n = name.toLowerCase();
  if (DATA_DIR_WORDS.has(n)) return true;
  const words = splitIdentifier(name);
  return words.some((w) => w === 'backup' || w === 'backups' || w === 'dumps' || w === 'pgdata' || w === 'uploads');
}

export function isBackupDirName(name: string): boolean {
  return splitIdentifier(name).some((w) => w === 'backup' || w === 'backups' || w === 'dumps' || w === 'snapshots' || w === 'bak');
}

/** A database engine's folder name, as found under /var/lib (`postgresql`, `mysql`, `redis`). */
export function isDatabaseEngine(name: string): boolean {
  return DATABASE_ENGINES.has(name.toLowerCase());
}

/** A folder named as a database's data directory: `pgdata`, `pg_data`, `postgres-data`, `mysql_data`, `db-data`. */
export function isDatabaseDataDirName(name: string): boolean {
  const n = name.toLowerCase();
  if (n === 'pgdata' || n === 'pg_data' || n === 'mysql-files') return true;
  const words = splitIdentifier(name);
  return words.includes('data') && words.some((w) => DATABASE_ENGINES.has(w) || w === 'pg' || w === 'db');
}

export function isDatabaseDirHousekeeping(name: string): boolean {
  return DATABASE_DIR_HOUSEKEEPING.test(name);
}

/** A file a database lives in (`app.db`, `ibdata1`, `dump.rdb`, `terraform.tfstate`). */
export function isDatabaseFileName(name: string): boolean {
  const n = name.toLowerCase();
  if (n === 'thumbs.db' || n === 'desktop.db' || n === '.ds_store') return false;
  if (DATABASE_NAMES.test(n)) return true;
  return extensions(n).some((e) => DATABASE_EXTENSIONS.has(e));
}

/** A backup or dump file (`x.dump`, `x.bak`, `backup-2024-06-01.tgz`, `db_dump.sql.gz`, `x.tfstate.backup`). */
export function isBackupFileName(name: string): boolean {
  const n = name.toLowerCase();
  const exts = extensions(n);
  if (exts.some((e) => BACKUP_EXTENSIONS.has(e))) return true;
  if (exts.length === 0 || !exts.some((e) => ARCHIVE_EXTENSIONS.has(e) || DATABASE_EXTENSIONS.has(e))) return false;
  const words = splitIdentifier(n.slice(0, n.indexOf('.') > 0 ? n.indexOf('.') : n.length));
  return words.some((w) => w === 'backup' || w === 'backups' || w === 'dump' || w === 'pgdump' || w === 'mysqldump' || w === 'snapshot');
}

/** Keys nothing can re-issue: SSH private keys, Java/Android keystores, PKCS#12 bundles, wallets. */
export function isPrivateKeyName(name: string): boolean {
  const n = name.toLowerCase();
  return /^id_(rsa|dsa|ecdsa|ed25519)(_sk)?$/.test(n) || /\.(jks|keystore|p12|pfx)$/.test(n) || n === 'wallet.dat';
}

/** Files in `.git/` that are only locks or scratch (`index.lock` is the documented fix for a crashed git). */
export function isGitScratchFile(name: string): boolean {
  return /\.lock$/.test(name) || /^(gc\.(pid|log)|COMMIT_EDITMSG|FETCH_HEAD|ORIG_HEAD|MERGE_MSG)$/.test(name);
}

/** A plain file name (extension or well-known name), not a folder. */
export function isFileLikeName(name: string): boolean {
  const n = name.toLowerCase();
  if (FILE_NAMES.has(n) || n.startsWith('.env.')) return true;
  const ext = extensionOf(n);
  return ext !== '' && FILE_EXTENSIONS.has(ext);
}

/**
 * A file-name glob that only matches regenerable files: `*.pyc`, `*.py[co]`, `*.log`, `.DS_Store`,
 * `__pycache__`, `*.egg-info`, `npm-debug.log*`.
 */
export function isRegenerablePattern(pattern: string): boolean {
  const p = pattern.toLowerCase();
  if (REGENERABLE_FILE_PATTERNS.has(p) || isRegenerableDir(p, true) || isTempName(p.replace(/[*?[\]]/g, ''))) return true;
  const ext = /^\*\.([a-z0-9_[\]-]+)(\.\*)?$/.exec(p)?.[1];
  if (ext) return expandCharClasses(ext).every((e) => REGENERABLE_EXTENSIONS.has(e));
  // `*.js.map`, `*.d.ts.map`: the last extension decides.
  const last = /^\*(\.[a-z0-9_-]+)+\.([a-z0-9_-]+)$/.exec(p)?.[2];
  if (last) return REGENERABLE_EXTENSIONS.has(last);
  // `*.log.*`, `app.log.1`, `error.log`, `*.tmp`
  if (/\.log(\.[*0-9]+)?$/.test(p)) return true;
  return false;
}

/** A glob whose matches are databases or backups (`*.db`, `*.sqlite*`, `*.dump`, `*backup*`). */
export function isDataPattern(pattern: string): boolean {
  const p = pattern.toLowerCase();
  const ext = /^\*\.([a-z0-9_[\]-]+)\*?$/.exec(p)?.[1];
  if (ext) {
    if (expandCharClasses(ext).some((e) => DATABASE_EXTENSIONS.has(e) || BACKUP_EXTENSIONS.has(e))) return true;
    if (ext === 'sql' || ext === 'sql.gz') return true;
  }
  if (/^\*\.(sqlite|db)/.test(p)) return true;
  const bare = p.replace(/[*?[\]]/g, '');
  return isDatabaseFileName(bare) || isBackupFileName(bare) || isBackupDirName(bare) || /(backup|dump)/.test(bare);
}

/** A glob over ordinary single files of one kind (`*.txt`, `*.png`): each match is a single-file delete. */
export function isFileKindPattern(pattern: string): boolean {
  const ext = /^\*\.([a-z0-9]+)$/i.exec(pattern)?.[1];
  return !!ext && FILE_EXTENSIONS.has(ext.toLowerCase());
}

/** `py[co]` → ['pyc', 'pyo']; other text unchanged. Bounded to one bracket. */
function expandCharClasses(text: string): string[] {
  const m = /^(.*)\[([a-z0-9]+)\](.*)$/.exec(text);
  if (!m) return [text];
  return [...m[2]].map((ch) => m[1] + ch + m[3]);
}

/** Words of a variable name or `$(…)` text: `DATA_DIR` → ['data', 'dir']. */
export function variableWords(variable: string): string[] {
  return splitIdentifier(variable);
}
