// git push: forced updates, deletions, mirror and prune pushes overwrite or remove history on the
// remote, where other people's clones and CI depend on it.
import type { Finding } from '../../types.js';
import { asksForHelp, isOn, parseOptions, type OptionTable, type ParsedOptions } from '../filesystem/getopt.js';
import { repoHints, type GitInvocation } from './invocation.js';

export const RULE_PUSH_FORCE = 'git.push.force';
export const RULE_PUSH_DELETE = 'git.push.delete';
export const RULE_PUSH_MIRROR = 'git.push.mirror';
export const RULE_PUSH_PRUNE = 'git.push.prune';

const PUSH_OPTIONS: OptionTable = {
  short: {
    f: ['force', 0], d: ['delete', 0], n: ['dry-run', 0], u: ['set-upstream', 0], o: ['push-option', 1], q: ['quiet', 0],
    v: ['verbose', 0], '4': ['ipv4', 0], '6': ['ipv6', 0], h: ['help', 0],
  },
  long: {
    all: 0, branches: 0, mirror: 0, tags: 0, 'follow-tags': 0, atomic: 0, 'dry-run': 0, 'receive-pack': 1, exec: 1, repo: 1,
    force: 0, delete: 0, prune: 0, quiet: 0, verbose: 0, 'set-upstream': 0, 'push-option': 1, signed: 2,
    'force-with-lease': 2, 'force-if-includes': 0, verify: 0, 'recurse-submodules': 1, thin: 0, porcelain: 0, progress: 0,
    ipv4: 0, ipv6: 0, help: 0,
  },
  negatable: true,
};

/** Shared branches whose history others build on: a lease does not make rewriting them safe. */
const PROTECTED = /^(main|master|trunk|develop|development|dev|prod|production|staging|stage|stable|live|release|gh-pages|default)$/i;
const PROTECTED_PREFIX = /^(release|releases|prod|production|hotfix|stable|maintenance|support)[/_-]/i;

interface PushedRef {
  /** What the remote ref is called (`main`, `v1.2.0`, `refs/heads/x`), or undefined when git decides (current branch). */
  name: string | undefined;
  /** `+refspec`: forced for this ref alone. */
  forced: boolean;
  /** `:dst` or `--delete`. */
  deletes: boolean;
  tag: boolean;
}

function shortName(ref: string): { name: string; tag: boolean } {
  if (ref.startsWith('refs/heads/')) return { name: ref.slice(11), tag: false };
  if (ref.startsWith('refs/tags/')) return { name: ref.slice(10), tag: true };
  return { name: ref, tag: false };
}

/** `[+]src[:dst]`, `:dst`, `tag v1`, `HEAD`. */
function readRefspecs(words: readonly string[], deleteAll: boolean): PushedRef[] {
  const refs: PushedRef[] = [];
  for (let i = 0; i < words.length; i++) {
    let spec = words[i];
    if (spec === 'tag' && words[i + 1] !== undefined) {
      refs.push({ name: words[++i], forced: false, deletes: deleteAll, tag: true });
      continue;
    }
    const forced = spec.startsWith('+');
    if (forced) spec = spec.slice(1);
    if (spec.startsWith('^')) continue; // negative refspec: excludes, pushes nothing
    const colon = spec.indexOf(':');
    const src = colon < 0 ? spec : spec.slice(0, colon);
    const dst = colon < 0 ? undefined : spec.slice(colon + 1);
    const deletes = deleteAll || (colon >= 0 && src === '' && dst !== '');
    // Without a destination the remote ref has the source's name; HEAD means the current branch.
    const remote = dst !== undefined && dst !== '' ? dst : src === 'HEAD' || src === '@' || /[~^]/.test(src) ? undefined : src;
    const { name, tag } = remote === undefined ? { name: undefined, tag: false } : shortName(remote);
    refs.push({ name, forced, deletes, tag });
  }
  return refs;
}

export function isProtectedRef(name: string | undefined, tag: boolean): boolean {
  if (name === undefined || tag) return true;
  if (name.startsWith('refs/') || /[*]/.test(name) || name.startsWith('$')) return true;
  return PROTECTED.test(name) || PROTECTED_PREFIX.test(name);
}

/** `https://user:token@host/x.git` → `https://host/x.git`: never show credentials. */
export function redactRemote(remote: string): string {
  return remote.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1');
}

function describe(refs: readonly PushedRef[], fallback: string): string {
  const names = refs.map((r) => (r.name === undefined ? 'current branch' : r.name.includes('*') ? 'every matching branch' : r.name));
  return names.length ? [...new Set(names)].join(' ') : fallback;
}

function leaseIsOn(parsed: ParsedOptions): boolean {
  return isOn(parsed, 'force-with-lease');
}

export function analysePush(inv: GitInvocation): Finding[] {
  const parsed = parseOptions(inv.args, PUSH_OPTIONS);
  if (asksForHelp(parsed, ['help']) || isOn(parsed, 'dry-run')) return [];
  const [remoteWord, ...specWords] = parsed.positionals;
  const remote = remoteWord === undefined ? undefined : redactRemote(remoteWord);
  const hints = [...(remote ? [`remote ${remote}`] : []), ...repoHints(inv)];
  const findings: Finding[] = [];
  const deleteAll = isOn(parsed, 'delete');
  const refs = readRefspecs(specWords, deleteAll);

  if (isOn(parsed, 'mirror')) {
    findings.push({
      rule: RULE_PUSH_MIRROR,
      action: 'mirror-push (force-overwrite and delete remote refs)',
      target: remote ?? 'the default remote',
      reason: 'Makes every ref on the remote match this repository: remote branches and tags missing here are deleted and the rest force-overwritten.',
      hints,
    });
  }
  if (isOn(parsed, 'prune')) {
    findings.push({
      rule: RULE_PUSH_PRUNE,
      action: 'delete remote branches missing locally',
      target: remote ?? 'the default remote',
      reason: 'Deletes every remote branch that has no local counterpart, with the commits only they held.',
      hints,
    });
  }

  const deleted = refs.filter((r) => r.deletes);
  if (deleted.length) {
    findings.push({
      rule: RULE_PUSH_DELETE,
      action: deleted.some((r) => r.tag || (r.name ?? '').includes('tags/')) ? 'delete remote tag' : 'delete remote branch',
      target: describe(deleted, remote ?? ''),
      reason: 'Deletes the ref on the remote; commits only it pointed to are lost for everyone who has not fetched them.',
      hints,
    });
  }

  const pushed = refs.filter((r) => !r.deletes);
  const force = isOn(parsed, 'force');
  const everything = isOn(parsed, 'all') || isOn(parsed, 'branches') || isOn(parsed, 'tags');
  const scope = isOn(parsed, 'tags') ? 'all tags' : everything ? 'all branches' : undefined;
  let forcedRefs: PushedRef[] = [];
  let how = '';
  if (force) {
    forcedRefs = pushed.length || deleted.length ? pushed : [{ name: undefined, forced: true, deletes: false, tag: false }];
    how = '--force';
  } else {
    forcedRefs = pushed.filter((r) => r.forced);
    if (forcedRefs.length) how = '+refspec';
    if (leaseIsOn(parsed)) {
      // A lease protects against overwriting work pushed by others, not against rewriting a
      // shared branch: it confirms for protected, tag, bulk or unknown targets and lets a push
      // of a named topic branch through.
      const leased = pushed.length ? pushed.filter((r) => !r.forced) : [{ name: undefined, forced: false, deletes: false, tag: false }];
      const risky = leased.filter((r) => everything || isProtectedRef(r.name, r.tag));
      if (risky.length) {
        forcedRefs = [...forcedRefs, ...risky];
        how = how ? `${how}, --force-with-lease` : '--force-with-lease';
      }
    }
  }
  if (forcedRefs.length) {
    const target = scope && !pushed.length ? scope : describe(forcedRefs, remote ?? 'current branch');
    const unknown = forcedRefs.some((r) => r.name === undefined);
    findings.push({
      rule: RULE_PUSH_FORCE,
      action: 'force-push',
      target: unknown && !scope && remote ? `${remote} (current branch)` : target,
      reason: 'Overwrites the remote history; commits that exist only on the remote are discarded.',
      hints: [how, ...hints, ...(forcedRefs.some((r) => isProtectedRef(r.name, r.tag) && r.name !== undefined) ? ['shared branch'] : [])],
    });
  }
  return findings;
}
