// Block devices, and the tools that write, format, wipe or repartition them.
import type { ExecCommand, Finding } from '../../types.js';
import { isLiveDatabasePath } from './classify.js';
import { asksForHelp, isOn, parseOptions, valueOf, type OptionTable } from './getopt.js';
import { extensionOf } from './names.js';

export const RULE_DEVICE = 'filesystem.device.overwrite';
export const RULE_FORMAT = 'filesystem.disk.format';
export const RULE_WIPE = 'filesystem.disk.wipe';
export const RULE_PARTITION = 'filesystem.disk.partition';
export const RULE_OVERWRITE_DATA = 'filesystem.overwrite.data-file';

/** /dev entries that are not storage: writing to them destroys nothing. */
const PSEUDO_DEVICE =
  /^\/dev\/(null|zero|full|random|urandom|stdin|stdout|stderr|tty[A-Za-z0-9]*|pts\/.*|fd\/.*|ptmx|console|shm\/.*|mqueue\/.*|log|kmsg|tcp\/.*|udp\/.*|termination-log|fuse|net\/tun|vhost-net|kvm|cu\..*|usb.*)$/;

/** A disk, partition, volume or other storage device (`/dev/sda`, `/dev/nvme0n1p2`, `/dev/mapper/vg-data`, `/dev/$DISK`). */
export function isStorageDevice(path: string): boolean {
  return path.startsWith('/dev/') && path.length > 5 && !PSEUDO_DEVICE.test(path);
}

/** A word that is only a variable or substitution: the guard cannot know what it names. */
export function isUnknownWord(word: string): boolean {
  return word.startsWith('$') || word.startsWith('`');
}

const DEVICE_REASON = 'Writes raw bytes over a disk or partition, destroying the file systems and data on it.';

/** dd: `of=` decides (a device, a database file, or an ordinary file). */
export function analyseDd(cmd: ExecCommand): Finding[] {
  const args = cmd.argv.slice(1);
  if (args[0] === '--help' || args[0] === '--version') return [];
  let output: string | undefined;
  for (const arg of args) if (arg.startsWith('of=')) output = arg.slice(3);
  if (output === undefined || output === '') return [];
  if (isStorageDevice(output)) return [{ rule: RULE_DEVICE, action: 'overwrite disk', target: output, reason: DEVICE_REASON, hints: ['block device'] }];
  if (isUnknownWord(output)) {
    return [{ rule: RULE_DEVICE, action: 'overwrite unknown output', target: output, reason: DEVICE_REASON, hints: ['output is a variable: may be a disk'] }];
  }
  if (isLiveDatabasePath(output)) {
    return [{ rule: RULE_OVERWRITE_DATA, action: 'overwrite database file', target: output, reason: 'Replaces the contents of a database file.' }];
  }
  return [];
}

/** Image files a file system is often built in (`mkfs.ext4 rootfs.img`): creating, not destroying. */
const IMAGE_EXTENSIONS = new Set(['img', 'raw', 'iso', 'bin', 'qcow2', 'vhd', 'vhdx', 'vmdk', 'ext2', 'ext3', 'ext4', 'xfs', 'btrfs', 'fs', 'vfat', 'fat', 'dmg', 'sparseimage', 'squashfs', 'erofs', 'swap', 'swapfile']);

/** Device words among the arguments, or the last argument when none looks like a device. */
function deviceTargets(words: readonly string[]): { devices: string[]; imageOnly: boolean } {
  const devices = words.filter((w) => isStorageDevice(w) || isUnknownWord(w));
  if (devices.length) return { devices, imageOnly: false };
  const candidates = words.filter((w) => !w.startsWith('-') && !/^\d+[kKmMgGtT]?$/.test(w));
  const last = candidates[candidates.length - 1];
  if (last === undefined) return { devices: [], imageOnly: false };
  const name = last.split('/').pop() ?? last;
  const image = IMAGE_EXTENSIONS.has(extensionOf(name)) || /swap/i.test(name) || (!last.startsWith('/') && extensionOf(name) !== '');
  return { devices: [last], imageOnly: image };
}

/** mkfs, mkfs.<type>, mke2fs, mkswap, mkntfs, mkdosfs, newfs, newfs_<type>. */
export function analyseMkfs(cmd: ExecCommand): Finding[] {
  const args = cmd.argv.slice(1);
  const name = cmd.name;
  // Help only as the first argument: `-L --help` is a label.
  if (args.length === 0 || args[0] === '--help' || args[0] === '-h' || args[0] === '--version') return [];
  let type = name.startsWith('mkfs.') ? name.slice(5) : name === 'mke2fs' ? 'ext2' : name;
  const t = args.indexOf('-t');
  if (name === 'mkfs' && t >= 0 && args[t + 1]) type = args[t + 1];
  const words = args.filter((_, i) => !(name === 'mkfs' && t >= 0 && i === t + 1));
  const { devices, imageOnly } = deviceTargets(words);
  if (devices.length === 0 || imageOnly) return [];
  // Dry runs: mke2fs -n, mkfs.xfs -N, mkntfs -n/--no-action.
  const shortFlags = words.filter((w) => /^-[A-Za-z]+$/.test(w)).join('');
  if (/^ext[234]$/.test(type) && /n/.test(shortFlags)) return [];
  if (type === 'xfs' && /N/.test(shortFlags)) return [];
  if ((type === 'ntfs' || name === 'mkntfs') && (/n/.test(shortFlags) || words.includes('--no-action'))) return [];
  if (words.length === 1 && (words[0] === '-V' || words[0] === '-v')) return [];
  return [{
    rule: RULE_FORMAT,
    action: name === 'mkswap' ? 'format as swap' : 'format file system',
    target: devices.join(' '),
    reason: 'Creates a new file system over the device; everything stored on it is gone.',
    hints: [type === name ? name : `type ${type}`],
  }];
}

const WIPEFS_OPTIONS: OptionTable = {
  short: { a: ['all', 0], b: ['backup', 0], f: ['force', 0], i: ['noheadings', 0], J: ['json', 0], n: ['no-act', 0], o: ['offset', 1], O: ['output', 1], p: ['parsable', 0], q: ['quiet', 0], t: ['types', 1], h: ['help', 0], V: ['version', 0] },
  long: { all: 0, backup: 2, force: 0, noheadings: 0, json: 0, 'no-act': 0, offset: 1, output: 1, parsable: 0, quiet: 0, types: 1, lock: 2, help: 0, version: 0 },
};

/** wipefs lists signatures unless told to erase (`-a`, `-o OFFSET`); `-n` only pretends. */
export function analyseWipefs(cmd: ExecCommand): Finding[] {
  const parsed = parseOptions(cmd.argv.slice(1), WIPEFS_OPTIONS);
  if (asksForHelp(parsed) || isOn(parsed, 'no-act')) return [];
  if (!isOn(parsed, 'all') && valueOf(parsed, 'offset') === undefined) return [];
  return [wipe('erase file-system signatures', parsed.positionals.join(' '), 'Erases the signatures that make the data on the device findable; its file systems stop mounting.')];
}

function wipe(action: string, target: string, reason: string): Finding {
  return { rule: RULE_WIPE, action, target: target || undefined, reason };
}

function partition(action: string, target: string): Finding {
  return { rule: RULE_PARTITION, action, target: target || undefined, reason: 'Rewrites or deletes the partition table; the partitions and the data on them become unreachable.' };
}

function format(action: string, target: string): Finding {
  return { rule: RULE_FORMAT, action, target: target || undefined, reason: 'Creates a new file system over the volume; everything stored on it is gone.' };
}

export function analyseBlkdiscard(cmd: ExecCommand): Finding[] {
  const parsed = parseOptions(cmd.argv.slice(1), {
    short: { o: ['offset', 1], l: ['length', 1], p: ['step', 1], s: ['secure', 0], z: ['zeroout', 0], f: ['force', 0], v: ['verbose', 0], q: ['quiet', 0], h: ['help', 0], V: ['version', 0] },
    long: { offset: 1, length: 1, step: 1, secure: 0, zeroout: 0, force: 0, verbose: 0, quiet: 0, help: 0, version: 0 },
  });
  if (asksForHelp(parsed) || parsed.positionals.length === 0) return [];
  return [wipe('discard every block', parsed.positionals.join(' '), 'Discards every block of the device; SSDs return zeros afterwards.')];
}

/** sgdisk: zap/clear/delete rewrite the table; print/verify/info only read. */
export function analyseSgdisk(cmd: ExecCommand): Finding[] {
  const args = cmd.argv.slice(1);
  const device = args.filter((a) => isStorageDevice(a) || isUnknownWord(a)).pop() ?? '';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-Z' || a === '--zap-all' || a === '-z' || a === '--zap') return [wipe('destroy partition tables', device, 'Destroys the GPT and MBR structures; every partition on the disk becomes unreachable.')];
    if (a === '-o' || a === '--clear') return [partition('clear partition table', device)];
    if (a === '-d' || a.startsWith('--delete')) return [partition('delete partition', device)];
  }
  return [];
}

const SFDISK_READ_ONLY = new Set([
  '-l', '--list', '-d', '--dump', '-J', '--json', '-s', '--show-size', '-g', '--show-geometry', '-V', '--verify',
  '-F', '--list-free', '-n', '--no-act', '-h', '--help', '-v', '--version', '--part-type', '--part-label', '--part-uuid',
  '--part-attrs', '-A', '--activate', '--backup-pt-sectors', '-r', '--reorder', '--relocate', '--disk-id', '--label-nested',
]);

/** sfdisk DEVICE (< layout) writes a new table; --delete removes partitions; listing/dumping only reads. */
export function analyseSfdisk(cmd: ExecCommand): Finding[] {
  const args = cmd.argv.slice(1);
  const device = args.find((a) => isStorageDevice(a) || isUnknownWord(a));
  if (args.includes('--delete')) return [partition('delete partitions', device ?? '')];
  if (!device || args.some((a) => SFDISK_READ_ONLY.has(a))) return [];
  return [partition('write partition table', device)];
}

/** parted DEVICE mklabel|rm|resizepart … (script mode or one-shot commands). */
export function analyseParted(cmd: ExecCommand): Finding[] {
  const args = cmd.argv.slice(1);
  const device = args.find((a) => isStorageDevice(a) || isUnknownWord(a)) ?? '';
  for (const a of args) {
    const verb = a.toLowerCase();
    if (verb === 'mklabel' || verb === 'mktable') return [partition('write new partition table', device)];
    if (verb === 'rm') return [partition('delete partition', device)];
    if (verb === 'resizepart') return [partition('resize partition', device)];
  }
  return [];
}

/** fdisk is interactive; it only writes when a script on stdin ends with `w`. */
export function analyseFdisk(cmd: ExecCommand): Finding[] {
  const args = cmd.argv.slice(1);
  const device = args.find((a) => isStorageDevice(a) || isUnknownWord(a));
  const stdin = cmd.stdin;
  if (!device || args.includes('-l') || args.includes('--list') || !stdin || !('text' in stdin)) return [];
  const lines = stdin.text.split(/\r?\n|\\n/).map((l) => l.trim());
  if (!lines.includes('w')) return [];
  return [partition('rewrite partition table', device)];
}

/** macOS diskutil: erase/zero/partition verbs (case-insensitive, as diskutil reads them). */
export function analyseDiskutil(cmd: ExecCommand): Finding[] {
  const words = cmd.argv.slice(1).filter((a) => !a.startsWith('-'));
  const verb = (words[0] ?? '').toLowerCase();
  const target = words[words.length - 1] ?? '';
  if (['erasedisk', 'erasevolume', 'reformat', 'erasecd', 'erasecdrw'].includes(verb)) return [format('erase and reformat', target)];
  if (['zerodisk', 'randomdisk', 'secureerase'].includes(verb)) return [wipe('overwrite whole disk', target, 'Overwrites every sector of the disk.')];
  if (['partitiondisk', 'splitpartition', 'mergepartitions'].includes(verb)) return [partition('repartition disk', target)];
  if (verb === 'apfs' || verb === 'cs' || verb === 'coreStorage'.toLowerCase()) {
    const sub = (words[1] ?? '').toLowerCase();
    if (sub.startsWith('delete') || sub.startsWith('erase')) return [wipe(`apfs ${words[1]}`, target, 'Deletes the APFS container or volume and the data in it.')];
  }
  return [];
}

/** cryptsetup luksFormat (new key slots over the data) and erase/luksErase (destroys the keys). */
export function analyseCryptsetup(cmd: ExecCommand): Finding[] {
  const words = cmd.argv.slice(1).filter((a) => !a.startsWith('-'));
  const verb = (words[0] ?? '').toLowerCase();
  const target = words[1] ?? '';
  if (verb === 'luksformat' || (verb === 'reencrypt' && cmd.argv.includes('--encrypt'))) return [format('format as LUKS volume', target)];
  if (verb === 'erase' || verb === 'lukserase') return [wipe('erase LUKS key slots', target, 'Destroys every key slot; the encrypted data can never be decrypted again.')];
  return [];
}

/** nvme format / sanitize erase the namespace or the whole drive. */
export function analyseNvme(cmd: ExecCommand): Finding[] {
  const words = cmd.argv.slice(1).filter((a) => !a.startsWith('-'));
  const verb = (words[0] ?? '').toLowerCase();
  if (verb !== 'format' && verb !== 'sanitize') return [];
  if (cmd.argv[1] === '--help' || cmd.argv[1] === '-h') return [];
  return [wipe(`nvme ${verb}`, words[1] ?? '', 'Erases the NVMe namespace or drive at the hardware level.')];
}
