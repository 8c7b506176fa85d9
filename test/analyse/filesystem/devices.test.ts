import { describe, expect, it } from 'vitest';
import { findings, rules, words } from './helpers.js';

describe('dd', () => {
  it.each([
    'dd if=/dev/zero of=/dev/sda bs=1M status=progress', 'dd if=ubuntu.iso of=/dev/disk2 bs=4m', 'dd if=x.img of=/dev/rdisk4 bs=1m',
    'dd if=/dev/urandom of=/dev/nvme0n1p2', 'dd of=/dev/mmcblk0 bs=4M conv=fsync', 'dd if=/dev/zero of=/dev/mapper/vg0-data',
    'dd if=/dev/zero of=/dev/vg0/lv_data', 'dd if=/dev/zero of=/dev/xvdf', 'dd if=/dev/zero of=/dev/disk/by-id/nvme-Samsung',
    'dd if=/dev/zero of=$DISK',
  ])('%s overwrites a device', (line) => expect(rules(words(line))).toEqual(['filesystem.device.overwrite']));

  it.each([
    'dd if=/dev/sda of=disk.img bs=4M', 'dd if=/dev/zero of=swapfile bs=1M count=1024', 'dd if=/dev/zero of=/tmp/test bs=1M count=10',
    'dd if=/dev/urandom of=/dev/null count=10', 'dd if=/dev/sda bs=512 count=1', 'dd if=in.bin of=/dev/stdout', 'dd --help',
  ])('%s does not', (line) => expect(findings(words(line))).toEqual([]));

  it('dd over a database file is an overwrite of data', () => {
    expect(rules(words('dd if=/dev/zero of=data/app.db bs=1k count=1'))).toEqual(['filesystem.overwrite.data-file']);
  });
});

describe('mkfs family', () => {
  it.each([
    'mkfs -t xfs -f /dev/sdb1', 'mkfs.ext4 /dev/nvme1n1', 'mkfs.ext4 -L data -F /dev/sdc', 'mkfs.xfs -f /dev/vdb', 'mkfs.vfat -F 32 /dev/sdb1',
    'mkfs.btrfs -f /dev/sdd /dev/sde', 'mke2fs -t ext4 /dev/sdb2', 'mkswap /dev/sdc2', 'newfs_apfs /dev/disk2s1', 'mkfs.ext4 $DEVICE',
    'mkfs.exfat /dev/sdb1', 'mkfs /dev/sdb1',
  ])('%s formats', (line) => expect(rules(words(line))).toEqual(['filesystem.disk.format']));

  it.each(['mkfs --help', 'mkfs.ext4 -n /dev/sdb1', 'mkfs.xfs -N /dev/sdb1', 'mkfs.ext4 -F rootfs.img', 'mkfs.ext4 disk.img 10G', 'mkswap /swapfile', 'mkfs.ext4 -V', 'mkfs.vfat'])(
    '%s does not',
    (line) => expect(findings(words(line))).toEqual([]),
  );
});

describe('wipes and partition tables', () => {
  it.each([
    ['wipefs -a /dev/sdb', 'filesystem.disk.wipe'], ['wipefs --all --force /dev/nvme0n1', 'filesystem.disk.wipe'], ['wipefs -o 0x438 /dev/sdb1', 'filesystem.disk.wipe'],
    ['wipefs -af /dev/sdb', 'filesystem.disk.wipe'], ['blkdiscard /dev/nvme0n1', 'filesystem.disk.wipe'], ['blkdiscard -s /dev/sdb', 'filesystem.disk.wipe'],
    ['sgdisk --zap-all /dev/sdb', 'filesystem.disk.wipe'], ['sgdisk -Z /dev/sdb', 'filesystem.disk.wipe'], ['sgdisk -o /dev/sdb', 'filesystem.disk.partition'],
    ['sgdisk -d 2 /dev/sdb', 'filesystem.disk.partition'], ['parted -s /dev/sdb mklabel gpt', 'filesystem.disk.partition'],
    ['parted /dev/sdb --script rm 1', 'filesystem.disk.partition'], ['sfdisk --delete /dev/sdb 2', 'filesystem.disk.partition'],
    ['sfdisk /dev/sdb', 'filesystem.disk.partition'], ['diskutil eraseDisk APFS Backup disk3', 'filesystem.disk.format'],
    ['diskutil zeroDisk disk4', 'filesystem.disk.wipe'], ['diskutil partitionDisk disk2 GPT JHFS+ New 0b', 'filesystem.disk.partition'],
    ['diskutil apfs deleteVolume disk3s2', 'filesystem.disk.wipe'], ['cryptsetup luksFormat /dev/sdb1', 'filesystem.disk.format'],
    ['cryptsetup erase /dev/sdb1', 'filesystem.disk.wipe'], ['nvme format /dev/nvme0n1', 'filesystem.disk.wipe'],
  ])('%s', (line, rule) => expect(rules(words(line))).toEqual([rule]));

  it.each([
    'wipefs /dev/sdb', 'wipefs -a -n /dev/sdb', 'wipefs --no-act --all /dev/sdb', 'blkdiscard --help', 'sgdisk -p /dev/sdb', 'sgdisk --print /dev/sdb',
    'sgdisk -n 1:0:+512M -t 1:ef00 /dev/sdb', 'parted -l', 'parted /dev/sdb print', 'sfdisk -d /dev/sda', 'sfdisk -l /dev/sdb', 'fdisk -l',
    'diskutil list', 'diskutil info disk2', 'diskutil unmountDisk disk2', 'cryptsetup open /dev/sdb1 data', 'nvme list',
  ])('%s does not', (line) => expect(findings(words(line))).toEqual([]));

  it('fdisk writes only when a script ends with w', () => {
    expect(rules(words('fdisk /dev/sdb'), { stdin: { kind: 'heredoc', text: 'o\nn\np\n1\n\n\nw\n' } })).toEqual(['filesystem.disk.partition']);
    expect(findings(words('fdisk /dev/sdb'), { stdin: { kind: 'heredoc', text: 'p\nq\n' } })).toEqual([]);
  });
});
