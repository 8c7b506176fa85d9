// Framework runners that evaluate application code against the project's configured database:
// `rails runner CODE`, code piped into `rails console`, `manage.py shell -c CODE` (or piped in),
// `artisan tinker --execute=CODE` (or piped in). They are inline interpreter code of their
// language; everything else they do (db:drop, flush, migrate:fresh …) stays a plain command for
// the rule packs.
import { optionWord, scanOptions } from '../options.js';
import type { Value } from '../scope.js';
import type { UnwrapIO, Unwrapped, Unwrapper } from './types.js';

const base = (v: Value | undefined) => v?.text.split('/').pop() ?? '';

/** A runner argument that names a Ruby file rather than code (`rails runner script/cleanup.rb`). */
const RUBY_FILE = /^[\w./-]+\.rb$/;

/** `rails runner [-e ENV] CODE`, `rails r`, `echo CODE | rails console [-e ENV] [--sandbox]`, `rails c`. */
export const rails: Unwrapper = (argv, io): Unwrapped | null => {
  const sub = argv[1]?.text;
  if (sub === 'runner' || sub === 'r') {
    const scan = scanOptions(argv, 2, ['-e', '--environment']);
    const code = argv[scan.index];
    if (!code) return null;
    if (code.text === '-' && io.stdinText() !== undefined) return { kind: 'code', language: 'ruby', code: 'stdin', via: `rails ${sub}` };
    if (code.known && RUBY_FILE.test(code.text)) return null;
    return { kind: 'code', language: 'ruby', code, via: `rails ${sub}` };
  }
  if (sub === 'console' || sub === 'c') {
    // What is piped into the console runs as Ruby; an interactive console runs nothing by itself.
    return io.stdinText() !== undefined ? { kind: 'code', language: 'ruby', code: 'stdin', via: `rails ${sub}` } : null;
  }
  return null;
};

/** `manage.py shell -c CODE` / `--command=CODE` / code on stdin; also shell_plus (django-extensions). argv[0] is manage.py. */
export const django: Unwrapper = (argv, io): Unwrapped | null => {
  const scan = scanOptions(argv, 1, ['--settings', '--pythonpath']);
  const sub = argv[scan.index]?.text;
  if (sub !== 'shell' && sub !== 'shell_plus') return null;
  const via = `${base(argv[0])} ${sub}`;
  const code = optionWord(argv, scan.index + 1, argv.length, ['-c', '--command']);
  if (code) return { kind: 'code', language: 'python', code, via: `${via} -c` };
  return io.stdinText() !== undefined ? { kind: 'code', language: 'python', code: 'stdin', via } : null;
};

/** `artisan tinker --execute=CODE` / code on stdin. argv[0] is artisan. */
export const artisan: Unwrapper = (argv, io): Unwrapped | null => {
  const scan = scanOptions(argv, 1, ['--env']);
  if (argv[scan.index]?.text !== 'tinker') return null;
  const code = optionWord(argv, scan.index + 1, argv.length, ['--execute']);
  if (code) return { kind: 'code', language: 'php', code, via: 'artisan tinker --execute' };
  return io.stdinText() !== undefined ? { kind: 'code', language: 'php', code: 'stdin', via: 'artisan tinker' } : null;
};

/** Laravel Sail: `sail artisan tinker …`, `sail art tinker …`, `sail tinker …`, `sail php …`. */
const sail: Unwrapper = (argv, io: UnwrapIO): Unwrapped | null => {
  const sub = argv[1]?.text;
  if (sub === 'artisan' || sub === 'art') return artisan(argv.slice(1), io);
  if (sub === 'tinker') return artisan(argv, io);
  if (sub === 'php' && argv.length > 2) return { kind: 'exec', argv: argv.slice(1), via: 'sail php' };
  return null;
};

export const frameworkRunners: Record<string, Unwrapper> = {
  rails,
  'manage.py': django,
  'django-admin': django,
  'django-admin.py': django,
  artisan,
  sail,
};

/** Scripts an interpreter may be given by path that are framework runners (`python manage.py shell`). */
export const interpreterScripts: Record<string, Unwrapper> = {
  'manage.py': django,
  artisan,
};
