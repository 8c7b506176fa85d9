// The output of commands whose output is fully determined by the line itself (echo, printf,
// cat of a heredoc, base64 -d of known text …). That output matters when it is piped into a
// shell or a database client, or written to a file that runs later.
import { checkValueLength } from './limits.js';

export interface ProducerInput {
  argv: readonly string[];
  /** All words known. */
  known: boolean;
  stdin: string | undefined;
  readFile(path: string): string | undefined;
}

function unescapeEcho(text: string): string {
  return text.replace(/\\(0[0-7]{0,3}|x[0-9a-fA-F]{1,2}|[abefnrtv\\]|c)/g, (_, esc: string) => {
    switch (esc[0]) {
      case 'a': return '\x07';
      case 'b': return '\b';
      case 'e': return '\x1b';
      case 'f': return '\f';
      case 'n': return '\n';
      case 'r': return '\r';
      case 't': return '\t';
      case 'v': return '\v';
      case '\\': return '\\';
      case 'c': return '';
      case 'x': return String.fromCharCode(parseInt(esc.slice(1), 16));
      default: return String.fromCharCode(parseInt(esc.slice(1) || '0', 8));
    }
  });
}

function echo(args: readonly string[]): string {
  let i = 0;
  let newline = true;
  let escapes = false;
  while (i < args.length && /^-[neE]+$/.test(args[i])) {
    if (args[i].includes('n')) newline = false;
    if (args[i].includes('e')) escapes = true;
    if (args[i].includes('E')) escapes = false;
    i++;
  }
  const text = args.slice(i).join(' ');
  return (escapes ? unescapeEcho(text) : text) + (newline ? '\n' : '');
}

/** printf with %s %b %d %i %c %q %%, reusing the format while arguments remain. */
export function printf(args: readonly string[]): string {
  if (args.length === 0) return '';
  const format = unescapeEcho(args[0]);
  const values = args.slice(1);
  let out = '';
  let next = 0;
  do {
    // A short format reused for many arguments can still grow without bound.
    checkValueLength(out.length);
    let consumed = false;
    out += format.replace(/%([-+ #0]*\d*(?:\.\d+)?)([sbdicqxXoeEfgG%])/g, (_, _flags: string, conv: string) => {
      if (conv === '%') return '%';
      const value = values[next++] ?? '';
      consumed = true;
      if (conv === 'b') return unescapeEcho(value);
      if (conv === 'c') return value.slice(0, 1);
      if ('dixXo'.includes(conv)) return String(parseInt(value, 10) || 0);
      return value;
    });
    if (!consumed) break;
  } while (next < values.length);
  return out;
}

function decodeBase64(text: string): string | undefined {
  const compact = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(compact)) return undefined;
  const decoded = Buffer.from(compact, 'base64').toString('utf8');
  // Binary output is not a script.
  return /[\x00-\x08\x0e-\x1f]/.test(decoded) || decoded.includes('\uFFFD') ? undefined : decoded;
}

function decodeHex(text: string): string | undefined {
  const compact = text.replace(/\s+/g, '');
  if (!/^([0-9a-fA-F]{2})*$/.test(compact)) return undefined;
  return Buffer.from(compact, 'hex').toString('utf8');
}

function filesOrStdin(input: ProducerInput, files: readonly string[]): string | undefined {
  if (files.length === 0 || (files.length === 1 && files[0] === '-')) return input.stdin;
  let out = '';
  for (const file of files) {
    const text = file === '-' ? input.stdin : input.readFile(file);
    if (text === undefined) return undefined;
    out += text;
  }
  return out;
}

/** Standard output of the command, or undefined when it cannot be known. */
/**
 * The path mktemp prints: a new name under /tmp (or `-p DIR`/`--tmpdir=DIR`, or the template's own
 * folder). Its random part is shown as X's; what matters to the analysers is where it is.
 */
function mktemp(args: readonly string[]): string | undefined {
  let dir: string | undefined;
  const templates: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-p') {
      if (args[i + 1] === undefined) return undefined; // fails
      dir = args[++i];
    } else if (a.startsWith('--tmpdir=')) dir = a.slice('--tmpdir='.length);
    else if (['--tmpdir', '-t', '-d', '-u', '-q', '--directory', '--dry-run', '--quiet'].includes(a)) continue;
    else if (a === '--suffix') i++;
    else if (a.startsWith('-')) return undefined; // an option this reading does not know
    else templates.push(a);
  }
  // mktemp fails (and prints nothing) with more than one template or one without XXX; a failed
  // mktemp leaves `$D` empty, so `rm -rf "$D"/*` is `rm -rf /*`: only a sure success gives a path.
  if (templates.length > 1) return undefined;
  const template = templates[0];
  if (template !== undefined && !/XXX[^/]*$/.test(template)) return undefined;
  if (template?.includes('/')) return template.startsWith('/') && dir === undefined ? `${template}\n` : undefined;
  // Only the temporary folders are known to exist.
  const base = (dir ?? '/tmp').replace(/\/+$/, '');
  if (!['/tmp', '/var/tmp', '/dev/shm'].includes(base)) return undefined;
  return `${base}/${template ?? 'tmp.XXXXXXXXXX'}\n`;
}

export function producedOutput(name: string, input: ProducerInput): string | undefined {
  if (!input.known) return undefined;
  const args = input.argv.slice(1);
  switch (name) {
    case 'echo':
      return echo(args);
    case 'printf':
      return printf(args);
    case 'cat':
    case 'tee':
      return name === 'tee' ? input.stdin : filesOrStdin(input, args.filter((a) => !a.startsWith('-') || a === '-'));
    case 'base64':
    case 'base32': {
      if (!args.some((a) => a === '-d' || a === '--decode' || a === '-D' || /^-[a-zA-Z]*d/.test(a))) return undefined;
      const source = filesOrStdin(input, args.filter((a) => !a.startsWith('-')));
      return source === undefined || name === 'base32' ? undefined : decodeBase64(source);
    }
    case 'openssl':
      if ((args[0] === 'base64' || (args[0] === 'enc' && args.includes('-base64'))) && args.includes('-d')) {
        return input.stdin === undefined ? undefined : decodeBase64(input.stdin);
      }
      return undefined;
    case 'xxd':
      if (args.includes('-r') && args.includes('-p') && input.stdin !== undefined) return decodeHex(input.stdin);
      return undefined;
    case 'rev':
      return input.stdin?.split('\n').map((line) => [...line].reverse().join('')).join('\n');
    case 'mktemp':
      return mktemp(args);
    default:
      return undefined;
  }
}
