// `manage.py sqlflush | manage.py dbshell`: sqlflush only prints the statements that empty every
// table, so its text is unknown to the guard, but piped into dbshell it runs them. The expansion
// stage reports such stdin as `{kind: 'unknown', from: '<upstream command>'}`; the upstream words
// tell us it is sqlflush output.
import type { Analyser, Finding } from '../../types.js';
import { matchingRule } from './command-rule.js';

const DBSHELL_RULE = 'orm.django.dbshell-sql';
const FLUSH_RULE = 'orm.django.sqlflush-into-dbshell';
/** Management commands whose output is SQL that empties or drops the project's tables. */
const FLUSH_SQL_COMMANDS = new Set(['sqlflush', 'sqlreset', 'sqlclear']);

function fromFlushSql(from: string): boolean {
  for (const word of from.split(/\s+/)) if (FLUSH_SQL_COMMANDS.has(word)) return true;
  return false;
}

export const djangoSqlflush: Analyser = {
  name: 'platform.django-sqlflush',
  commands: ['python', 'python3', 'python2', 'py', 'manage.py', 'django-admin', 'django-admin.py'],
  analyse(cmd, ctx) {
    const stdin = cmd.stdin;
    if (stdin?.kind !== 'unknown' || !fromFlushSql(stdin.from)) return [];
    if (!matchingRule(DBSHELL_RULE, cmd, ctx)) return [];
    const rule = ctx.rules.byId.get(FLUSH_RULE);
    if (!rule || ctx.rules.isDisabled(rule)) return [];
    const finding: Finding = { rule: rule.id, action: rule.action, reason: rule.reason, target: 'all tables', hints: [`stdin from: ${stdin.from}`] };
    return [finding];
  },
};
