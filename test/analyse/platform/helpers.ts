// Test-only stand-in for the parse+expand stages, enough for the command shapes in the platform,
// ORM and other-CLI packs: words via shell-quote, `;`/`&&`/`||`/`|` splitting, leading VAR=value
// assignments, `< file` on stdin, `echo … |` text on stdin, and the package-runner wrappers the
// expansion stage strips (npx, bunx, pnpm, yarn, bundle exec, poetry run, uv run). The
// end-to-end examples test runs the real pipeline; these tests keep the packs checkable alone.
import { parse } from 'shell-quote';
import type { Analyser, AnalysisContext, ExecCommand, Finding, StdinSource } from '../../../src/types.js';
import type { RulePack } from '../../../src/rules/schema.js';
import { execCommand, testContext } from '../../helpers/exec.js';
import { analysers as platformAnalysers } from '../../../src/analyse/platform/index.js';
import { analysers as unknownCliAnalysers } from '../../../src/analyse/unknown-cli/index.js';
import railway from '../../../config/packs/railway.yaml';
import heroku from '../../../config/packs/heroku.yaml';
import fly from '../../../config/packs/fly.yaml';
import vercel from '../../../config/packs/vercel.yaml';
import netlify from '../../../config/packs/netlify.yaml';
import supabase from '../../../config/packs/supabase.yaml';
import neonctl from '../../../config/packs/neonctl.yaml';
import pscale from '../../../config/packs/pscale.yaml';
import doctl from '../../../config/packs/doctl.yaml';
import gh from '../../../config/packs/gh.yaml';
import glab from '../../../config/packs/glab.yaml';
import wrangler from '../../../config/packs/wrangler.yaml';
import firebase from '../../../config/packs/firebase.yaml';
import turso from '../../../config/packs/turso.yaml';
import render from '../../../config/packs/render.yaml';
import orm from '../../../config/packs/orm.yaml';
import migrations from '../../../config/packs/migrations.yaml';
import hashicorp from '../../../config/packs/hashicorp.yaml';
import backups from '../../../config/packs/backups.yaml';
import sync from '../../../config/packs/sync.yaml';
import queues from '../../../config/packs/queues.yaml';
import secrets from '../../../config/packs/secrets.yaml';
import vps from '../../../config/packs/vps.yaml';
import paas from '../../../config/packs/paas.yaml';
import kvstores from '../../../config/packs/kvstores.yaml';
import dbaas from '../../../config/packs/dbaas.yaml';
import unknownCli from '../../../config/packs/unknown-cli.yaml';

// The platform domain plus the unknown-CLI fallback, which the unknown-cli pack's examples exercise.
const analysers: Analyser[] = [...platformAnalysers, ...unknownCliAnalysers];

export const PLATFORM_PACKS: RulePack[] = [
  railway, heroku, fly, vercel, netlify, supabase, neonctl, pscale, doctl, gh, glab, wrangler, firebase, turso, render,
  orm, migrations, hashicorp, backups, sync, queues, secrets, vps, paas, kvstores, dbaas, unknownCli,
];

/** Stand-in for the SQL analyser (another domain): DROP, TRUNCATE and unfiltered DELETE are destructive. */
export function fakeAnalyseSql(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const statement of text.split(';')) {
    const words = statement.trim().toUpperCase().split(/\s+/);
    const destructive = words[0] === 'DROP' || words[0] === 'TRUNCATE' || (words[0] === 'DELETE' && !words.includes('WHERE'));
    if (destructive) findings.push({ rule: 'database.sql.test', action: words.slice(0, 2).join(' ').toLowerCase(), reason: 'destroys rows or tables' });
  }
  return findings;
}

/** The built-in rules (every pack, as in production) with the stand-in SQL analyser. */
export function platformContext(overrides: Partial<AnalysisContext> = {}): AnalysisContext {
  return testContext({ analyseSql: (text) => fakeAnalyseSql(text), ...overrides });
}

type Token = ReturnType<typeof parse>[number];
const isOp = (t: Token, ops: string[]): boolean => typeof t === 'object' && 'op' in t && ops.includes(t.op);

/** Strips the wrappers the expansion stage strips before analysers run. */
function unwrap(argv: string[]): string[] {
  for (;;) {
    const name = argv[0]?.split('/').pop();
    if (name === 'npx' || name === 'bunx' || name === 'pnpx') {
      argv = argv.slice(1);
      while (argv[0]?.startsWith('-')) argv = argv.slice(1);
    } else if (name === 'pnpm' || name === 'yarn') {
      argv = argv.slice(argv[1] === 'exec' || argv[1] === 'dlx' ? 2 : 1);
    } else if ((name === 'bundle' && argv[1] === 'exec') || ((name === 'poetry' || name === 'uv' || name === 'pipenv') && argv[1] === 'run')) {
      argv = argv.slice(2);
    } else {
      return argv;
    }
  }
}

/** The commands a simple line runs, with stdin from `< file` or an `echo`/`printf` pipe. */
export function commandsOf(line: string, cwd = '/work/project'): ExecCommand[] {
  const tokens = parse(line, (key: string) => `$${key}`);
  const commands: ExecCommand[] = [];
  let words: string[] = [];
  let env: Record<string, string> = {};
  let stdin: StdinSource | undefined;
  let piped: ExecCommand | undefined;
  const finish = (pipeNext: boolean) => {
    const argv = unwrap(words);
    if (argv.length) {
      const cmd = execCommand(argv, { env, cwd, dynamic: argv.map(() => false), ...(stdin ? { stdin } : {}) });
      commands.push(cmd);
      piped = pipeNext ? cmd : undefined;
    } else piped = undefined;
    words = [];
    env = {};
    stdin = undefined;
    if (piped) {
      stdin = piped.name === 'echo' || piped.name === 'printf'
        ? { kind: 'pipe', text: piped.argv.slice(1).filter((a) => !a.startsWith('-')).join(' ') }
        : { kind: 'unknown', from: piped.argv.join(' ') };
    }
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (typeof t === 'string') {
      if (words.length === 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(t)) {
        const eq = t.indexOf('=');
        env[t.slice(0, eq)] = t.slice(eq + 1);
      } else words.push(t);
    } else if ('op' in t && t.op === 'glob') {
      words.push(t.pattern);
    } else if (isOp(t, ['<'])) {
      const path = tokens[++i];
      if (typeof path === 'string') stdin = { kind: 'file', path };
    } else if (isOp(t, ['>', '>>'])) {
      i++;
    } else if (isOp(t, ['|'])) {
      finish(true);
    } else if (isOp(t, [';', '&&', '||', '&'])) {
      finish(false);
    }
  }
  finish(false);
  return commands;
}

/** Rule ids found in a command line: declarative rules plus the platform analysers. */
export function ruleIds(line: string, ctx: AnalysisContext = platformContext(), extra: Analyser[] = []): string[] {
  return findings(line, ctx, extra).map((f) => f.rule);
}

export function findings(line: string, ctx: AnalysisContext = platformContext(), extra: Analyser[] = []): Finding[] {
  const out: Finding[] = [];
  for (const cmd of commandsOf(line)) {
    out.push(...ctx.rules.matchCommand(cmd, ctx));
    for (const analyser of [...analysers, ...extra]) if (analyser.commands.includes(cmd.name) || analyser.commands.includes('*')) out.push(...analyser.analyse(cmd, ctx));
  }
  return out;
}
