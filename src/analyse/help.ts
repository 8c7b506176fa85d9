// `heroku apps:destroy --help`, `gh repo delete --help`, `aws s3 rb help`: the program prints its
// help and does nothing else. Only for CLIs built on subcommand frameworks (cobra, oclif, click,
// yargs, clap …), which stop at `--help` wherever it stands, and only in the plain form —
// subcommand words, then `--help` last — because elsewhere `--help` can be an option's value
// (`curl -d --help`, `find -name --help`), a file name (`rm help -rf ~`), or an operand where
// options end at the first operand (POSIXLY_CORRECT, BSD tools).
import type { ExecCommand } from '../types.js';
import { WRITE_REDIRECTS } from './dispatch.js';

const SUBCOMMAND_CLIS = new Set([
  'heroku', 'gh', 'glab', 'fly', 'flyctl', 'railway', 'render', 'vercel', 'netlify', 'supabase', 'neonctl', 'neon', 'pscale',
  'doctl', 'wrangler', 'firebase', 'turso', 'convex', 'clever', 'dokku', 'koyeb', 'northflank', 'upstash', 'atlas',
  'kubectl', 'oc', 'helm', 'terraform', 'tofu', 'terragrunt', 'pulumi', 'cdk', 'cdktf', 'sst', 'serverless', 'sls',
  'aws', 'gcloud', 'gsutil', 'az', 'azd', 'oci', 'docker', 'podman', 'nerdctl', 'vault', 'consul', 'nomad',
  'prisma', 'drizzle-kit', 'typeorm', 'sequelize', 'knex', 'mikro-orm', 'rclone', 'restic', 'kopia', 'rpk', 'nats',
  'flux', 'argocd', 'velero', 'clever',
]);

/** The command only prints help: `<cli> <subcommand words…> --help`, or `aws <words…> help`. */
export function onlyPrintsHelp(cmd: ExecCommand): boolean {
  const argv = cmd.argv;
  if (argv.length < 2 || !SUBCOMMAND_CLIS.has(cmd.name) || cmd.dynamic.some(Boolean)) return false;
  const last = argv[argv.length - 1];
  if (last !== '--help' && !(cmd.name === 'aws' && last === 'help')) return false;
  // Help text written over a file still overwrites it.
  if (cmd.redirects.some((r) => WRITE_REDIRECTS.has(r.op) && r.target !== '/dev/null' && !(r.op === '>&' && /^(\d+|-)$/.test(r.target)))) return false;
  // Nothing but subcommand words (and names) before it: no option that could take `--help` as its value.
  return argv.slice(1, -1).every((word) => !word.startsWith('-'));
}
