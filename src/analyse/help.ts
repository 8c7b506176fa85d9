// `heroku apps:destroy --help`, `gh repo delete --help`, `aws s3 rb help`: the program prints its
// help and does nothing else, whatever the other words say. (CLI frameworks — cobra, oclif,
// click, argparse, clap, GNU getopt — all stop at `--help`.)
import type { ExecCommand } from '../types.js';

// Programs whose words after inline code or a script are that code's arguments (`python -c … --help`
// runs the code), and shells.
const PASS_THROUGH = new Set([
  'python', 'python2', 'python3', 'node', 'nodejs', 'deno', 'bun', 'ruby', 'perl', 'php', 'lua', 'Rscript', 'osascript',
  'sh', 'bash', 'zsh', 'dash', 'ksh', 'fish', 'pwsh', 'busybox', 'xargs', 'parallel', 'env', 'sudo', 'doas', 'nohup', 'timeout', 'watch',
]);
const WRITES = new Set(['>', '>>', '>|', '&>', '&>>', '<>']);

/** The command only prints help: `--help` among its options, or `help` as its subcommand. */
export function onlyPrintsHelp(cmd: ExecCommand): boolean {
  if (cmd.argv.length < 2 || PASS_THROUGH.has(cmd.name) || /^python\d/.test(cmd.name)) return false;
  // Help text written over a file still overwrites it.
  if (cmd.redirects.some((r) => WRITES.has(r.op) && r.target !== '/dev/null' && !/^&?\d$/.test(r.target))) return false;
  if (cmd.argv[1] === 'help' && !cmd.dynamic[1]) return true;
  if (cmd.name === 'aws' && cmd.argv[cmd.argv.length - 1] === 'help') return true;
  for (let i = 1; i < cmd.argv.length; i++) {
    if (cmd.argv[i] === '--') return false;
    if (cmd.argv[i] === '--help' && !cmd.dynamic[i]) return true;
  }
  return false;
}
