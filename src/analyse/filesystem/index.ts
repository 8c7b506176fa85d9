// Filesystem analysers: deletes (rm, find, shred), device writes and formats
// (dd, mkfs, wipefs, partitioners), and overwrites of data files (redirects, cp/mv, truncate).
import type { Analyser, ExecCommand, Finding } from '../../types.js';
import {
  analyseBlkdiscard, analyseCryptsetup, analyseDd, analyseDiskutil, analyseFdisk, analyseMkfs, analyseNvme, analyseParted,
  analyseSfdisk, analyseSgdisk, analyseWipefs,
} from './devices.js';
import { analyseFind } from './find.js';
import { analyseCopyMove, analyseFallocate, analyseRedirects, analyseTee, analyseTruncate } from './overwrite.js';
import { analyseRimraf, analyseRm, analyseShred, analyseUnlink } from './rm.js';

/**
 * An analyser for these programs. An exception is not caught here: the pipeline turns it into a
 * held command (internal.error), never into a silent pass.
 */
function guarded(name: string, commands: string[], analyse: (cmd: ExecCommand) => Finding[]): Analyser {
  return {
    name,
    commands,
    analyse(cmd) {
      if (cmd.argv.length === 0 && commands[0] !== '*' && commands[0] !== '>') return [];
      return analyse(cmd);
    },
  };
}

const MKFS_COMMANDS = [
  'mkfs', 'mke2fs', 'mkswap', 'mkntfs', 'mkdosfs', 'mkexfatfs', 'newfs', 'newfs_apfs', 'newfs_hfs', 'newfs_msdos', 'newfs_exfat', 'newfs_udf',
  ...['ext2', 'ext3', 'ext4', 'xfs', 'btrfs', 'vfat', 'fat', 'msdos', 'exfat', 'ntfs', 'f2fs', 'minix', 'bfs', 'cramfs', 'jfs', 'reiserfs',
    'hfs', 'hfsplus', 'udf', 'nilfs2', 'erofs', 'gfs2', 'ocfs2', 'bcachefs', 'apfs'].map((t) => `mkfs.${t}`),
];

export const analysers: Analyser[] = [
  guarded('filesystem-rm', ['rm'], (cmd) => analyseRm(cmd)),
  guarded('filesystem-rimraf', ['rimraf', 'del-cli'], analyseRimraf),
  guarded('filesystem-unlink', ['unlink'], analyseUnlink),
  guarded('filesystem-shred', ['shred', 'srm'], analyseShred),
  guarded('filesystem-find', ['find'], analyseFind),
  guarded('filesystem-dd', ['dd'], analyseDd),
  guarded('filesystem-mkfs', MKFS_COMMANDS, analyseMkfs),
  guarded('filesystem-wipefs', ['wipefs'], analyseWipefs),
  guarded('filesystem-blkdiscard', ['blkdiscard'], analyseBlkdiscard),
  guarded('filesystem-sgdisk', ['sgdisk'], analyseSgdisk),
  guarded('filesystem-sfdisk', ['sfdisk'], analyseSfdisk),
  guarded('filesystem-parted', ['parted'], analyseParted),
  guarded('filesystem-fdisk', ['fdisk', 'gdisk'], analyseFdisk),
  guarded('filesystem-diskutil', ['diskutil'], analyseDiskutil),
  guarded('filesystem-cryptsetup', ['cryptsetup'], analyseCryptsetup),
  guarded('filesystem-nvme', ['nvme'], analyseNvme),
  guarded('filesystem-copy', ['cp', 'mv'], analyseCopyMove),
  guarded('filesystem-tee', ['tee'], analyseTee),
  guarded('filesystem-truncate', ['truncate'], analyseTruncate),
  guarded('filesystem-fallocate', ['fallocate'], analyseFallocate),
  // Output redirections belong to every command (`cat /dev/null > app.db`, `> /dev/sda`):
  // '>' dispatches to commands that write through a redirection.
  guarded('filesystem-redirects', ['>'], analyseRedirects),
];
