// The programs `interlock init bash|zsh|fish` wraps in shell functions. They are the programs the
// built-in packs and analysers know how to judge (config/packs/*.yaml, src/analyse) AND whose
// everyday use is close to data or infrastructure: each call pays for one more Node start (tens of
// ms), so general-purpose tools that the packs also look at (cp, mv, tee, find, python, node, php,
// make …) are left out, as are names that mean other programs on many machines (`mc` is also
// Midnight Commander). A test keeps every name here known to the packs or analysers.
export const GUARDED_TOOL_GROUPS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['HTTP clients (REST and GraphQL calls to providers)', ['curl', 'wget', 'http', 'https', 'xh']],
  ['git and forges', ['git', 'gh', 'glab']],
  ['files and disks', ['rm', 'dd', 'shred', 'rsync', 'rclone']],
  ['database clients', ['psql', 'mysql', 'mariadb', 'sqlite3', 'mongosh', 'mongo', 'redis-cli', 'valkey-cli', 'cqlsh', 'clickhouse-client', 'sqlcmd', 'dropdb', 'pg_restore', 'mongorestore']],
  ['hosting platforms', ['railway', 'heroku', 'fly', 'flyctl', 'vercel', 'netlify', 'render', 'supabase', 'doctl', 'pscale', 'neonctl', 'turso', 'wrangler', 'firebase', 'dokku']],
  ['cloud CLIs', ['aws', 'gcloud', 'gsutil', 'bq', 'az']],
  ['infrastructure as code', ['terraform', 'tofu', 'terragrunt', 'pulumi', 'cdk']],
  ['Kubernetes', ['kubectl', 'helm', 'oc']],
  ['containers', ['docker', 'docker-compose', 'podman']],
  ['migrations, secrets, backups', ['prisma', 'vault', 'restic']],
];

export const GUARDED_TOOLS: readonly string[] = GUARDED_TOOL_GROUPS.flatMap(([, tools]) => tools);

/** A name that is safe to define as a function in bash, zsh and fish. */
export function isToolName(name: string): boolean {
  return /^[A-Za-z0-9_][A-Za-z0-9_.+-]*$/.test(name) && name.length <= 64;
}
