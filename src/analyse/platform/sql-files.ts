// SQL that platform and framework CLIs read from a file (`wrangler d1 execute --file x.sql`,
// `heroku pg:psql -f x.sql`, `turso db shell db < x.sql`). The declarative rules delegate SQL given
// inline or on known stdin; this reads the file when it exists and is small, and analyses it the
// same way. A file the guard cannot read yields nothing (the policy keeps such payloads unlabeled).
import type { Analyser, AnalysisContext, ExecCommand, Finding } from '../../types.js';
import { parseArgs, flagValue } from '../../rules/argv.js';
import { matchingRule } from './command-rule.js';
import { own } from '../../util/own.js';

interface SqlFileCarrier {
  /** Declarative rule (in a pack) that recognises the command and names the findings. */
  rule: string;
  /** Flags whose value is a path to a SQL file. */
  fileFlags?: string[];
  /** Whether a file redirected to standard input (`< dump.sql`) is SQL. */
  stdinFile?: boolean;
}

/** Keyed by program name, so dispatch finds the carriers of a command directly. */
const CARRIERS: Record<string, SqlFileCarrier[]> = {
  wrangler: [{ rule: 'wrangler.d1.execute', fileFlags: ['--file'] }],
  heroku: [{ rule: 'heroku.pg.psql', fileFlags: ['-f', '--file'], stdinFile: true }],
  turso: [{ rule: 'turso.db.shell', stdinFile: true }],
  pscale: [{ rule: 'pscale.shell', stdinFile: true }],
  fly: [{ rule: 'fly.postgres.connect-sql', stdinFile: true }],
  flyctl: [{ rule: 'fly.postgres.connect-sql', stdinFile: true }],
  render: [{ rule: 'render.psql', stdinFile: true }],
  railway: [{ rule: 'railway.connect-sql', stdinFile: true }],
  dokku: [{ rule: 'paas.dokku.connect-sql', stdinFile: true }],
  prisma: [{ rule: 'orm.prisma.db-execute', fileFlags: ['--file'] }],
  rails: [{ rule: 'orm.rails.dbconsole-sql', stdinFile: true }],
  python: [{ rule: 'orm.django.dbshell-sql', stdinFile: true }],
  python3: [{ rule: 'orm.django.dbshell-sql', stdinFile: true }],
  python2: [{ rule: 'orm.django.dbshell-sql', stdinFile: true }],
  py: [{ rule: 'orm.django.dbshell-sql', stdinFile: true }],
  'manage.py': [{ rule: 'orm.django.dbshell-sql', stdinFile: true }],
  'django-admin': [{ rule: 'orm.django.dbshell-sql', stdinFile: true }],
  wp: [{ rule: 'orm.wp.db-query', stdinFile: true }],
  drush: [{ rule: 'orm.drush.sql-query', fileFlags: ['--file'], stdinFile: true }],
};

function sqlFiles(cmd: ExecCommand, carrier: SqlFileCarrier, ctx: AnalysisContext): string[] {
  const paths: string[] = [];
  if (carrier.fileFlags) {
    const args = cmd.argv.slice(1);
    const path = flagValue(parseArgs(args, ctx.rules.tool(cmd.name)), args, carrier.fileFlags);
    if (path !== undefined && path !== '-') paths.push(path);
  }
  if (carrier.stdinFile && cmd.stdin?.kind === 'file') paths.push(cmd.stdin.path);
  return paths;
}

export const sqlFromFiles: Analyser = {
  name: 'platform.sql-files',
  commands: Object.keys(CARRIERS),
  analyse(cmd, ctx) {
    const findings: Finding[] = [];
    for (const carrier of own(CARRIERS, cmd.name) ?? []) {
      const paths = sqlFiles(cmd, carrier, ctx);
      if (paths.length === 0) continue;
      const rule = matchingRule(carrier.rule, cmd, ctx);
      if (!rule) continue;
      for (const path of paths) {
        const text = ctx.readFile(path, cmd.cwd);
        if (text === undefined) continue;
        for (const finding of ctx.analyseSql(text, cmd)) {
          const decision = finding.decision ?? ctx.rules.byId.get(finding.rule)?.decision;
          findings.push({ ...finding, rule: rule.id, decision, hints: [...(finding.hints ?? []), `SQL from ${path} via ${rule.action}`] });
        }
      }
    }
    return findings;
  },
};
