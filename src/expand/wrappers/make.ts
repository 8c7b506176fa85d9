// A makefile given on the command line (`make -f - target <<'EOF'`, `… | make -f /dev/stdin`,
// `make --eval=$'x:\n\trm -rf …' x`): its recipe lines are shell commands make will run. Every
// recipe is checked, not only the named target's (a target's prerequisites run too).
import { lit, type Unwrapped, type Unwrapper } from './types.js';

const STDIN_FILES = new Set(['-', '/dev/stdin', '/dev/fd/0', '/proc/self/fd/0']);

/** Recipe lines as one shell script: tab-indented lines and `target: ; recipe` tails. */
export function makefileRecipes(text: string): string {
  const lines = text.replace(/\\\r?\n/g, ' ').split(/\r?\n/);
  const recipes: string[] = [];
  for (const line of lines) {
    let recipe: string | undefined;
    if (line.startsWith('\t')) recipe = line.slice(1);
    else {
      const rule = /^[^\s#=:][^=#]*?::?(?!=)[^;#]*;(.*)$/.exec(line);
      if (rule) recipe = rule[1];
    }
    if (recipe === undefined) continue;
    // `@` (silent), `-` (ignore errors) and `+` prefixes are make's; `$$` is a shell `$`; make's
    // own `$(VAR)`/`${VAR}` stay variables.
    recipes.push(recipe.replace(/^\s*[@+-]+/, '').replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, '${$1}').replace(/\$\$/g, '$'));
  }
  return recipes.join('\n');
}

export const make: Unwrapper = (argv, io): Unwrapped | null => {
  const texts: string[] = [];
  let fromStdin = false;
  for (let i = 1; i < argv.length; i++) {
    const word = argv[i].text;
    let file: string | undefined;
    if (word === '-f' || word === '--file' || word === '--makefile') file = argv[++i]?.text;
    else if (/^-f./.test(word)) file = word.slice(2);
    else if (/^--(file|makefile)=/.test(word)) file = word.slice(word.indexOf('=') + 1);
    else if (word === '--eval') texts.push(argv[++i]?.text ?? '');
    else if (word.startsWith('--eval=')) texts.push(word.slice('--eval='.length));
    if (file !== undefined && STDIN_FILES.has(file)) fromStdin = true;
  }
  if (fromStdin) {
    const stdin = io.stdinText();
    // Unknown input: the shell-from-stdin path reports code that cannot be read.
    if (stdin === undefined) return { kind: 'stdin-shell', via: 'make -f -' };
    texts.push(stdin);
  }
  if (texts.length === 0) return null;
  return { kind: 'shell', text: lit(makefileRecipes(texts.join('\n'))), via: fromStdin ? 'make -f -' : 'make --eval' };
};
