// Writing over data without deleting it: `> db.sqlite3`, `cp /dev/null x.db`, `mv new.db app.db`,
// `tee /dev/sdb`, `truncate -s 0 ibdata1`, `fallocate --punch-hole`.
import type { ExecCommand, Finding } from '../../types.js';
import { classifyTree, dataFileKind, isLiveDatabasePath } from './classify.js';
import { isStorageDevice, isUnknownWord, RULE_DEVICE, RULE_OVERWRITE_DATA } from './devices.js';
import { asksForHelp, isOn, parseOptions, valueOf, type OptionTable } from './getopt.js';
import { isBackupDirName, isLogDirName } from './names.js';
import { parsePath } from './paths.js';

export const RULE_TRUNCATE = 'filesystem.truncate.data-file';
export const RULE_FALLOCATE = 'filesystem.fallocate.discard-range';

const TRUNCATING_REDIRECTS = new Set(['>', '>|', '&>', '>&']);
const WRITING_REDIRECTS = new Set(['>', '>|', '&>', '>&', '>>', '&>>', '<>']);
const EMPTY_SOURCES = new Set(['/dev/null', '/dev/zero']);

function deviceFinding(target: string, how: string): Finding {
  return { rule: RULE_DEVICE, action: 'overwrite disk', target, reason: 'Writes raw bytes over a disk or partition, destroying the file systems and data on it.', hints: [how] };
}

function dataFinding(target: string, action: string, kind: string): Finding {
  return { rule: RULE_OVERWRITE_DATA, action, target, reason: 'Replaces the contents of a database or backup file; the old data is gone.', hints: [kind] };
}

/** A command whose output is nothing: `: > f`, `> f`, `cat /dev/null > f`, `echo -n > f`, `true > f`. */
function producesNothing(cmd: ExecCommand): boolean {
  const [name, ...args] = [cmd.name, ...cmd.argv.slice(1)];
  if (cmd.argv.length === 0 || name === ':' || name === 'true' || name === 'false') return true;
  if (name === 'cat') return args.length > 0 && args.every((a) => EMPTY_SOURCES.has(a));
  if (name === 'echo') return args.every((a) => a === '-n' || a === '');
  if (name === 'printf') return args.every((a) => a === '');
  return false;
}

/** Output redirections of any command: to a disk, onto a database, or emptying a backup. */
export function analyseRedirects(cmd: ExecCommand): Finding[] {
  if (cmd.redirects.length === 0) return [];
  const findings: Finding[] = [];
  for (const redirect of cmd.redirects) {
    if (!WRITING_REDIRECTS.has(redirect.op) || redirect.op === '>&' && /^\d+$|^-$/.test(redirect.target)) continue;
    const target = redirect.target;
    if (isStorageDevice(target)) {
      findings.push(deviceFinding(target, `output redirected with ${redirect.op}`));
      continue;
    }
    if (!TRUNCATING_REDIRECTS.has(redirect.op) || redirect.dynamic && isUnknownWord(target)) continue;
    if (isLiveDatabasePath(target)) findings.push(dataFinding(target, 'overwrite database file', 'output redirection truncates the file'));
    else if (producesNothing(cmd) && holdsData(target, cmd.cwd)) findings.push(dataFinding(target, 'empty data file', 'output redirection empties the file'));
  }
  return findings;
}

const CP_OPTIONS: OptionTable = {
  short: {
    a: ['archive', 0], b: ['backup', 0], d: ['d', 0], f: ['force', 0], i: ['interactive', 0], H: ['H', 0], l: ['link', 0],
    L: ['dereference', 0], n: ['no-clobber', 0], P: ['no-dereference', 0], p: ['p', 0], R: ['recursive', 0], r: ['recursive', 0],
    s: ['symbolic-link', 0], S: ['suffix', 1], t: ['target-directory', 1], T: ['no-target-directory', 0], u: ['update', 0],
    v: ['verbose', 0], x: ['one-file-system', 0], Z: ['context', 0],
  },
  long: {
    archive: 0, 'attributes-only': 0, backup: 2, 'copy-contents': 0, debug: 0, force: 0, interactive: 0, link: 0, dereference: 0,
    'no-clobber': 0, 'no-dereference': 0, preserve: 2, 'no-preserve': 1, parents: 0, recursive: 0, reflink: 2,
    'remove-destination': 0, sparse: 1, 'strip-trailing-slashes': 0, 'symbolic-link': 0, suffix: 1, 'target-directory': 1,
    'no-target-directory': 0, update: 2, verbose: 0, 'keep-directory-symlink': 0, 'one-file-system': 0, context: 2, help: 0, version: 0,
    exchange: 0, 'no-copy': 0,
  },
};

/** cp and mv: the destination is overwritten when it is a file. */
export function analyseCopyMove(cmd: ExecCommand): Finding[] {
  const parsed = parseOptions(cmd.argv.slice(1), CP_OPTIONS);
  if (asksForHelp(parsed)) return [];
  const targetDirectory = valueOf(parsed, 'target-directory');
  const words = parsed.positionals;
  if (targetDirectory === undefined && words.length < 2) return [];
  const destination = targetDirectory ?? words[words.length - 1];
  const sources = targetDirectory === undefined ? words.slice(0, -1) : words;
  if (isStorageDevice(destination)) return [deviceFinding(destination, `${cmd.name} onto the device`)];
  if (targetDirectory !== undefined) return [];
  const keepsOld = isOn(parsed, 'no-clobber') || isOn(parsed, 'backup') || valueOf(parsed, 'backup') !== undefined || valueOf(parsed, 'update') === 'none';
  if (keepsOld || sources.length !== 1 || destination.endsWith('/')) return [];
  // A copy of a database made into a temporary or backup folder is a new file (a backup, a copy to
  // inspect), not one written over. (Anything else written into a backup folder may replace one.)
  if (cmd.name === 'cp' && !sources[0].startsWith('/dev/') && isLiveDatabasePath(sources[0]) && isCopyPlace(destination, cmd.cwd)) return [];
  if (isLiveDatabasePath(destination)) {
    return [dataFinding(destination, EMPTY_SOURCES.has(sources[0]) ? 'empty database file' : 'replace database file', `${cmd.name} overwrites the destination`)];
  }
  if (EMPTY_SOURCES.has(sources[0]) && holdsData(destination, cmd.cwd)) {
    return [dataFinding(destination, 'empty data file', `${cmd.name} ${sources[0]} empties the destination`)];
  }
  return [];
}

const TEE_OPTIONS: OptionTable = {
  short: { a: ['append', 0], i: ['ignore-interrupts', 0], p: ['p', 0] },
  long: { append: 0, 'ignore-interrupts': 0, 'output-error': 2, help: 0, version: 0 },
};

export function analyseTee(cmd: ExecCommand): Finding[] {
  const parsed = parseOptions(cmd.argv.slice(1), TEE_OPTIONS);
  if (asksForHelp(parsed)) return [];
  const findings: Finding[] = [];
  for (const file of parsed.positionals) {
    if (isStorageDevice(file)) findings.push(deviceFinding(file, 'tee onto the device'));
    else if (!isOn(parsed, 'append') && isLiveDatabasePath(file)) findings.push(dataFinding(file, 'overwrite database file', 'tee truncates the file'));
  }
  return findings;
}

const TRUNCATE_OPTIONS: OptionTable = {
  short: { c: ['no-create', 0], o: ['io-blocks', 0], r: ['reference', 1], s: ['size', 1] },
  long: { 'no-create': 0, 'io-blocks': 0, reference: 1, size: 1, help: 0, version: 0 },
};

/** Where copies are made: temporary folders and backup folders. */
function isCopyPlace(file: string, cwd: string): boolean {
  const segments = parsePath(file).segments;
  return segments.slice(0, -1).some(isBackupDirName) || (isDisposable(file, cwd) && !isLogFile(file));
}

const isLogFile = (file: string) => /\.(log|out|err)(\.\d+)?$/i.test(file);

/** Logs, temp files and caches: emptying them is housekeeping. */
function isDisposable(file: string, cwd: string): boolean {
  if (file === '/dev/null' || file.startsWith('/proc/')) return true;
  const path = parsePath(file);
  const name = path.segments[path.segments.length - 1] ?? '';
  if (/\.(log|out|err)(\.\d+)?$/i.test(name) || /^nohup\.out$/i.test(name)) return true;
  if (path.segments.slice(0, -1).some(isLogDirName)) return true;
  // Temporary and regenerable places (/tmp, caches, build output); not "a single file".
  const tree = classifyTree(file, cwd);
  return tree.level === 'allow' && tree.kind !== 'single file';
}

/** Files of records (exports, datasets, event streams, dumps) or anything kept in a data folder. */
const RECORD_DATA = /\.(csv|tsv|jsonl|ndjson|parquet|avro|orc|arrow|feather|h5|hdf5|npy|npz|pkl|pickle|xlsx?|ods|sql|dump|rdb|aof)$/i;
const DATA_FOLDERS = new Set(['data', 'datasets', 'dataset']);
const isRecordData = (segments: readonly string[]) =>
  RECORD_DATA.test(segments[segments.length - 1] ?? '') || segments.slice(0, -1).some((s) => DATA_FOLDERS.has(s.toLowerCase()));

/** A file whose contents are data (databases, backups, keys, record files), not a log or scratch file. */
function holdsData(file: string, cwd: string): boolean {
  if (isDisposable(file, cwd)) return false;
  const segments = parsePath(file).segments;
  return dataFileKind(segments) !== undefined || isRecordData(segments);
}

/** truncate: shrinking a file cuts its data; `-s 0` empties it. Growing (`+N`, `>N`, `%N`) loses nothing. */
export function analyseTruncate(cmd: ExecCommand): Finding[] {
  const parsed = parseOptions(cmd.argv.slice(1), TRUNCATE_OPTIONS);
  if (asksForHelp(parsed)) return [];
  const size = valueOf(parsed, 'size');
  const reference = valueOf(parsed, 'reference');
  if (size === undefined && reference === undefined) return [];
  const grows = size !== undefined && /^[+>%]/.test(size);
  if (grows) return [];
  const shrinksToZero = size !== undefined && /^[</]?0+[KMGTPEZYkmgtpezy]?(i?B)?$/.test(size.replace(/^-/, ''));
  const hits: string[] = [];
  for (const file of parsed.positionals) {
    // Only files that hold data count: an absolute size on an ordinary file is usually sizing a
    // new image (`truncate -s 10G disk.img`), and emptying notes or logs is housekeeping.
    if (holdsData(file, cmd.cwd)) hits.push(file);
  }
  if (hits.length === 0) return [];
  return [{
    rule: RULE_TRUNCATE,
    action: shrinksToZero ? 'empty data file' : 'shrink data file',
    target: hits.join(' '),
    reason: 'Cuts the file to the new size; whatever was stored past it is gone.',
    hints: [`size ${size ?? `of ${reference}`}`],
  }];
}

const FALLOCATE_OPTIONS: OptionTable = {
  short: { c: ['collapse-range', 0], d: ['dig-holes', 0], i: ['insert-range', 0], l: ['length', 1], n: ['keep-size', 0], o: ['offset', 1], p: ['punch-hole', 0], z: ['zero-range', 0], x: ['posix', 0], v: ['verbose', 0], h: ['help', 0], V: ['version', 0] },
  long: { 'collapse-range': 0, 'dig-holes': 0, 'insert-range': 0, length: 1, 'keep-size': 0, offset: 1, 'punch-hole': 0, 'zero-range': 0, posix: 0, verbose: 0, help: 0, version: 0 },
};

/** fallocate allocates space (harmless) unless told to punch, collapse or zero a range. */
export function analyseFallocate(cmd: ExecCommand): Finding[] {
  const parsed = parseOptions(cmd.argv.slice(1), FALLOCATE_OPTIONS);
  if (asksForHelp(parsed)) return [];
  const mode = ['punch-hole', 'collapse-range', 'zero-range'].find((m) => isOn(parsed, m));
  if (!mode) return [];
  const files = parsed.positionals.filter((f) => !isDisposable(f, cmd.cwd));
  if (files.length === 0) return [];
  return [{ rule: RULE_FALLOCATE, action: `${mode.replace('-', ' ')} in file`, target: files.join(' '), reason: 'Deallocates or zeroes a byte range of the file; the data in that range is gone.', hints: [`--${mode}`] }];
}
