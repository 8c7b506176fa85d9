// Context that raises the stakes of a finding: production-looking names in its target, in the
// flags that pick an environment, in variables the line sets, or in the remote host. Shown in
// the reason so a human reads "production" before typing anything.
import type { ExecCommand, Finding } from '../types.js';

const PRODUCTION = /(^|[^a-z0-9])(prod|production|prd|live|primary)([^a-z0-9]|$)/i;
const ENVIRONMENT_VARIABLES = ['NODE_ENV', 'RAILS_ENV', 'RACK_ENV', 'APP_ENV', 'ENV', 'ENVIRONMENT', 'STAGE', 'MIX_ENV', 'FLASK_ENV', 'ASPNETCORE_ENVIRONMENT', 'DJANGO_SETTINGS_MODULE', 'AWS_PROFILE', 'KUBECONTEXT', 'RAILWAY_ENVIRONMENT', 'VERCEL_ENV', 'DATABASE_URL'];
const ENVIRONMENT_FLAGS = new Set(['--environment', '--env', '-e', '--stage', '--context', '--kube-context', '--profile', '--project', '-p', '--app', '-a', '--namespace', '-n', '--cluster', '--workspace', '--target', '--alias', '--account', '--org', '--db', '--database', '-d', '--host', '-h']);

const short = (text: string) => (text.length > 60 ? text.slice(0, 57) + '…' : text);

/** Strips credentials from a URL-like value before it is shown. */
function withoutCredentials(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/gi, '$1');
}

export function productionHints(cmd: ExecCommand, finding: Finding): string[] {
  const hints: string[] = [];
  if (finding.target && PRODUCTION.test(finding.target)) hints.push(`production-looking target ${short(withoutCredentials(finding.target))}`);
  const args = cmd.argv;
  for (let i = 1; i < args.length; i++) {
    const arg = args[i];
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (!ENVIRONMENT_FLAGS.has(flag)) continue;
    const value = eq > 0 ? arg.slice(eq + 1) : args[i + 1];
    if (value && PRODUCTION.test(value) && value !== finding.target) hints.push(`production: ${flag} ${short(withoutCredentials(value))}`);
  }
  for (const name of ENVIRONMENT_VARIABLES) {
    const value = cmd.env[name];
    if (value && PRODUCTION.test(name === 'DATABASE_URL' ? value.replace(/^[^@]*@/, '') : value)) hints.push(`production: ${name}=${short(withoutCredentials(value))}`);
  }
  if (cmd.remote && PRODUCTION.test(cmd.remote)) hints.push(`runs on ${short(cmd.remote)}`);
  return hints;
}
