// find … -delete / -exec rm … over a tree: which roots, which names, and whether anything but
// regenerable files can match.
import type { ExecCommand, Finding } from '../../types.js';
import { classifyMass } from './classify.js';
import { findingFor, RULE_FIND_DELETE } from './findings.js';

/** Expression primaries that take one argument. */
const ONE_ARG = new Set([
  '-name', '-iname', '-path', '-ipath', '-wholename', '-iwholename', '-regex', '-iregex', '-lname', '-ilname',
  '-type', '-xtype', '-mtime', '-mmin', '-atime', '-amin', '-ctime', '-cmin', '-used', '-size', '-user', '-group',
  '-uid', '-gid', '-perm', '-newer', '-anewer', '-cnewer', '-samefile', '-inum', '-links', '-maxdepth', '-mindepth',
  '-fstype', '-context', '-printf', '-fprint', '-fprint0', '-fls', '-regextype', '-files0-from', '-D', '-since',
  '-before', '-after',
]);
const NAME_TESTS = new Set(['-name', '-iname', '-path', '-ipath', '-wholename', '-iwholename', '-regex', '-iregex']);
const EXEC_ACTIONS = new Set(['-exec', '-execdir', '-ok', '-okdir']);
/** Programs that delete what find hands them. */
const DELETERS = new Set(['rm', 'unlink', 'shred', 'srm', 'trash', 'gio']);

export interface FindPlan {
  roots: string[];
  patterns: string[];
  negatedName: boolean;
  onlyEmpty: boolean;
  deletes: boolean;
  how: string;
}

/** Roots, name filters and whether the expression deletes what it finds. */
export function findPlan(args: readonly string[]): FindPlan {
  const plan: FindPlan = { roots: [], patterns: [], negatedName: false, onlyEmpty: false, deletes: false, how: '' };
  let i = 0;
  // Leading options: -H -L -P, -D debugopts, -O level.
  while (i < args.length && /^-([HLP]|O\d*)$/.test(args[i])) i++;
  while (i < args.length && args[i] === '-D') i += 2;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('-') || a === '(' || a === '!' || a === ',' || a === ')') break;
    plan.roots.push(a);
  }
  let negate = false;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '!' || a === '-not') {
      negate = !negate;
      continue;
    }
    if (NAME_TESTS.has(a)) {
      const value = args[i + 1] ?? '';
      if (negate) plan.negatedName = true;
      else plan.patterns.push(a.endsWith('regex') ? regexAsGlob(value) : value);
      i++;
    } else if (a === '-empty') {
      if (!negate) plan.onlyEmpty = true;
    } else if (a === '-delete') {
      plan.deletes = true;
      plan.how = '-delete';
    } else if (EXEC_ACTIONS.has(a)) {
      const program = (args[i + 1] ?? '').split('/').pop() ?? '';
      if (DELETERS.has(program)) {
        plan.deletes = true;
        plan.how = `${a} ${program}`;
      }
      while (i + 1 < args.length && args[i + 1] !== ';' && args[i + 1] !== '+') i++;
      i++;
    } else if (ONE_ARG.has(a) || /^-newer[aBcmt][aBcmt]$/.test(a)) {
      i++;
    } else if (a === '-fprintf') {
      i += 2;
    }
    negate = false;
  }
  if (plan.roots.length === 0) plan.roots.push('.');
  return plan;
}

/** `.*\.pyc` → `*.pyc`: good enough to recognise regenerable names written as regexes. */
function regexAsGlob(regex: string): string {
  return regex.replace(/^\.\*/, '*').replace(/\\\./g, '.').replace(/\$$/, '').replace(/\.\*/g, '*');
}

export function analyseFind(cmd: ExecCommand): Finding[] {
  const args = cmd.argv.slice(1);
  // Only as the first argument: elsewhere `--help` can be a predicate's value (`-name --help`).
  if (args[0] === '--help' || args[0] === '--version') return [];
  const plan = findPlan(args);
  if (!plan.deletes || plan.onlyEmpty) return [];
  const verdicts = plan.roots.map((root) => ({
    path: plan.patterns.length ? `${root}/**/${plan.patterns.join('|')}` : root,
    verdict: classifyMass(root, plan.patterns, cmd.cwd, { negated: plan.negatedName }),
  }));
  const finding = findingFor(
    {
      rule: RULE_FIND_DELETE,
      action: 'delete every matching file',
      reason: 'Deletes every matching file under the tree, with no undo.',
      hints: ['recursive', `find ${plan.how}`],
    },
    verdicts,
  );
  return finding ? [finding] : [];
}
