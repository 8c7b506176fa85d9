// git subcommands that run shell commands of their own: `rebase --exec`, `submodule foreach`,
// `bisect run`, `difftool -x`, and commands named in `-c` settings (`core.sshCommand`, pagers,
// editors, `diff.external`, `!`-helpers). git itself is still analysed (keepSelf). Commands named
// in the environment (`GIT_SSH_COMMAND=… git fetch`) are read in src/expand/index.ts, which
// sees the environment.
import type { Value } from '../scope.js';
import { joinWords, lit, type Unwrapped, type Unwrapper } from './types.js';

/** git's global options that take the next word as their value. */
export const GIT_VALUE_OPTIONS = ['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--exec-path', '--config-env', '--super-prefix', '--list-cmds'];
/** Settings whose value git runs through a shell. */
const COMMAND_SETTINGS = /^(core\.(sshcommand|pager|editor|fsmonitor|askpass)|sequence\.editor|diff\.external|pager\.[^=]+|gpg\.program|credential\.helper|diff\.[^.]+\.(textconv|command)|merge\.[^.]+\.driver|filter\.[^.]+\.(clean|smudge|process))$/i;

const shellText = (text: Value, via: string) => ({ argv: [lit('sh'), lit('-c'), text], via });

/** The values given to `-x CMD`, `--exec CMD`, `--exec=CMD` (or `--extcmd`). */
function optionValues(argv: readonly Value[], from: number, short: string, long: string): Value[] {
  const values: Value[] = [];
  for (let i = from; i < argv.length; i++) {
    const word = argv[i].text;
    if (word === '--') break;
    if ((word === short || word === long) && argv[i + 1]) values.push(argv[++i]);
    else if (word.startsWith(`${long}=`)) values.push({ ...argv[i], text: word.slice(long.length + 1) });
    else if (word.startsWith(short) && word.length > short.length && !word.startsWith('--')) values.push({ ...argv[i], text: word.slice(short.length) });
  }
  return values;
}

export const git: Unwrapper = (argv): Unwrapped | null => {
  const commands: { argv: Value[]; via: string }[] = [];
  let i = 1;
  for (; i < argv.length; i++) {
    const word = argv[i].text;
    if (!word.startsWith('-')) break;
    if (word === '-c' && argv[i + 1]) {
      const setting = argv[i + 1].text;
      const eq = setting.indexOf('=');
      const key = eq > 0 ? setting.slice(0, eq) : setting;
      const value = eq > 0 ? setting.slice(eq + 1) : '';
      if (value && COMMAND_SETTINGS.test(key) && (!/^credential\./i.test(key) || value.startsWith('!'))) {
        commands.push(shellText({ ...argv[i + 1], text: value.replace(/^!/, '') }, `git -c ${key}`));
      }
    }
    if (GIT_VALUE_OPTIONS.includes(word)) i++;
  }
  const sub = argv[i]?.text;
  if (sub === 'rebase') {
    for (const text of optionValues(argv, i + 1, '-x', '--exec')) commands.push(shellText(text, 'git rebase --exec'));
  } else if (sub === 'difftool' || sub === 'mergetool') {
    for (const text of optionValues(argv, i + 1, '-x', '--extcmd')) commands.push(shellText(text, `git ${sub} --extcmd`));
  } else if (sub === 'submodule') {
    let j = i + 1;
    while (j < argv.length && argv[j].text.startsWith('-')) j++; // `submodule --quiet foreach`
    if (argv[j]?.text !== 'foreach') return commands.length ? { kind: 'many', commands, keepSelf: true } : null;
    j++;
    while (j < argv.length && /^(--recursive|--quiet|-q)$/.test(argv[j].text)) j++;
    if (j < argv.length) commands.push(shellText(joinWords(argv.slice(j)), 'git submodule foreach'));
  } else if (sub === 'bisect' && argv[i + 1]?.text === 'run' && argv[i + 2]) {
    commands.push({ argv: argv.slice(i + 2), via: 'git bisect run' });
  }
  return commands.length ? { kind: 'many', commands, keepSelf: true } : null;
};

/** Environment variables whose value git runs through a shell. */
export const GIT_COMMAND_VARIABLES = new Set(['GIT_SSH_COMMAND', 'GIT_SSH', 'GIT_EDITOR', 'GIT_SEQUENCE_EDITOR', 'GIT_PAGER', 'GIT_EXTERNAL_DIFF', 'GIT_ASKPASS', 'GIT_PROXY_COMMAND']);
