// Command forms from tool and platform documentation, judged end to end under the labeling
// policy (corpus/README.md): what the hidden evaluation set is drawn from, not the corpus strings.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/pipeline.js';

const decide = (command: string) => evaluate({ command, cwd: '/work/project' }).decision;
const held = (command: string) => (decide(command) === 'allow' ? 'allow' : 'confirm');

describe('filesystem: destructive forms are held', () => {
  it.each([
    'sudo rm -rf /var/lib/docker',
    'sudo rm -rf /var/lib/containerd',
    'rm -rf /usr/local/pgsql/data',
    'sudo rm -rf /var/lib/mysql',
    'rm -rf /data/db/*',
    'rm -f /var/lib/redis/dump.rdb',
    'rm db/development.sqlite3',
    'sudo rm -rf /etc/kubernetes/',
    'rm -rf "$BACKUP_DIR"/*',
    'rm -rf ${WORKSPACE}/*',
    'cd /srv/app && rm -rf *',
    'rm -rf ~/Documents/notes',
    'rm -rf .git && git init',
    'find /var/backups -type f -name "*.sql.gz" -mtime +7 -delete',
    'find . -type f -name "*.sqlite" -exec rm {} \\;',
    'find "$DATA_DIR" -type f -delete',
    'ls *.dump | xargs rm -f',
    'sudo dd if=2024-03-15-raspios-bookworm-arm64.img of=/dev/sdX bs=4M conv=fsync',
    'sudo mkfs.ext4 -L data /dev/xvdf',
    'sudo wipefs --all /dev/nvme1n1',
    'sudo sgdisk --zap-all /dev/sdc',
    'sudo parted /dev/sdb --script mklabel gpt mkpart primary ext4 0% 100%',
    'truncate -s 0 data/production.sqlite3',
    'cat /dev/null > /var/lib/mysql/ibdata1',
    'shred -vzu -n 5 customers.csv',
    'python -c "import shutil; shutil.rmtree(\'/srv/app/uploads\')"',
    'bash -c "rm -rf $HOME/projects"',
  ])('%s', (command) => expect(held(command)).toBe('confirm'));

  it.each(['sudo rm -rf / --no-preserve-root', 'rm -rf ~/', 'sudo rm -rf /*', 'cd ~ && rm -rf *'])('%s is denied', (command) => expect(decide(command)).toBe('deny'));
});

describe('filesystem: everyday forms pass', () => {
  it.each([
    'rm -rf node_modules package-lock.json && npm install',
    'rm -rf .next && npm run build',
    'rm -rf dist/ && tsc',
    'rm -rf build dist *.egg-info',
    'cargo clean && rm -rf target/',
    'find . -type f -name "*.py[co]" -delete -o -type d -name __pycache__ -delete',
    'find . -name "*.pyc" -exec rm -f {} +',
    'find . -name .DS_Store -print0 | xargs -0 rm -f',
    'apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*',
    'rm -rf ~/.cache/huggingface/hub',
    'rm -rf "$(brew --cache)"',
    'rm -rf ~/Library/Developer/Xcode/DerivedData/*',
    'watchman watch-del-all && rm -rf $TMPDIR/metro-*',
    'rm -rf ios/Pods ios/Podfile.lock && cd ios && pod install',
    'rm -rf storage/framework/cache/data/*',
    'rm -f tmp/pids/server.pid',
    'rm -rf /tmp/pytest-of-root',
    'TMP=$(mktemp -d) && cd "$TMP" && curl -LO https://example.com/x.tgz && rm -rf "$TMP"',
    'rm README.old.md',
    'rm -f .env.local',
    'truncate -s 0 /var/lib/docker/containers/abc/abc-json.log',
    'dd if=/dev/zero of=/swapfile bs=1M count=2048 && mkswap /swapfile',
    'fallocate -l 4G /swapfile && chmod 600 /swapfile && mkswap /swapfile && swapon /swapfile',
    'cp .env.example .env',
    'mv dist/index.html public/',
    'tar czf backup-2024-06-01.tgz data/',
    'cp -a /var/lib/postgresql/16/main /backups/pg-copy',
    'pg_dump -Fc shop > backups/shop.dump',
    'sqlite3 data/app.db ".backup backups/app.db"',
    'rmdir build/empty',
    'mkdir -p data/backups && touch data/backups/.keep',
    'ls -la /dev/sda',
    'lsblk && df -h',
    'sudo fdisk -l',
  ])('%s', (command) => expect(held(command)).toBe('allow'));
});
