import { describe, expect, it } from 'vitest';
import { findings, outcome, rules, words } from './helpers.js';

const HOME = process.env.HOME ?? '/root';

describe('rm -r: catastrophic paths are denied', () => {
  it.each([
    'rm -rf /', 'rm -rf /*', 'rm -rf //', 'rm -rf /.', 'rm -fr /.*', 'rm -r -f /', 'rm --recursive --force /',
    'rm -rf ~', 'rm -rf ~/', 'rm -rf ~/*', 'rm -rf $HOME', 'rm -rf ${HOME}', 'rm -rf ${HOME}/*', `rm -rf ${HOME}`,
    'rm -rf /home/ubuntu', 'rm -rf /home/*', 'rm -rf /Users/alice/', 'rm -rf /root', 'rm -rf ~/..',
    'rm -rf --no-preserve-root /', 'rm --no-preserve-root -rf /srv',
  ])('%s', (line) => {
    expect(outcome(words(line))).toBe('deny');
    expect(rules(words(line))).toContain('filesystem.rm.catastrophic');
  });

  it('a relative glob in / or in the home directory is the same thing', () => {
    expect(outcome(words('rm -rf *'), { cwd: '/' })).toBe('deny');
    expect(outcome(words('rm -rf .'), { cwd: '/home/dev' })).toBe('deny');
    expect(outcome(words('rm -rf ..'), { cwd: '/home/dev/app' })).toBe('deny');
    expect(outcome(words('rm -rf ../..'), { cwd: '/work/project' })).toBe('deny');
    expect(outcome(words('rm -rf ../..'), { cwd: '/work/a/b/c' })).toBe('confirm');
    expect(outcome(words('rm -rf *'), { cwd: HOME })).toBe('deny');
  });
});

describe('rm -r: system, home, data, .git, source, unknown and cwd-glob paths need confirmation', () => {
  it.each([
    // system
    'rm -rf /etc', 'rm -rf /etc/nginx', 'rm -rf /usr', 'rm -rf /usr/lib', 'rm -rf /usr/local/lib', 'rm -rf /var', 'rm -rf /bin',
    'rm -rf /boot', 'rm -rf /lib64', 'rm -rf /opt', 'rm -rf /opt/app', 'rm -rf /var/log', 'rm -rf /var/www/html/*',
    'rm -rf /System/Library', 'rm -rf /Library/Application Support',
    // home children
    'rm -rf ~/projects', 'rm -rf ~/projects/acme', 'rm -rf $HOME/Documents', 'rm -rf ${HOME}/.ssh', 'rm -rf ~/.config',
    `rm -rf ${HOME}/work`, 'rm -rf /home/dev/app',
    // data
    'rm -rf /var/lib/postgresql/16/main', 'rm -rf /var/lib/mysql', 'rm -rf /var/lib/docker/volumes', 'rm -rf /data',
    'rm -rf /mnt/backups', 'rm -rf /srv/app/uploads', 'rm -rf /media/usb', 'rm -rf uploads', 'rm -rf backups/',
    'rm -rf storage/app', 'rm -rf pgdata', 'rm -rf /var/backups', 'rm -rf /data/db',
    // git
    'rm -rf .git', 'rm -rf .git/', 'rm -rf ./.git', 'rm -rf .git/objects', 'rm -rf repo/.git',
    // source and project folders
    'rm -rf src', 'rm -r src/', 'rm -R app', 'rm -rf lib', 'rm -rf ./src/components', 'rm -rf packages/api', 'rm -rf /app',
    'rm -rf my-project', 'rm -rf docs',
    '/usr/local/pgsql/data', 'rm -rf /usr/local/mysql', 'rm -rf /usr/local/var/postgres', 'rm -rf /var/log/*', 'rm -rf /var/log/nginx',
    // unknown
    'rm -rf $TEMPLATE_DIR', 'rm -rf $DIR', 'rm -rf "$TARGET"', 'rm -rf ${DATA_DIR:?}/*', 'rm -rf `ls`', 'rm -rf $1',
    // working directory
    'rm -rf *', 'rm -rf ./*', 'rm -rf .', 'rm -rf ./', 'rm -rf .*', 'rm -rf * .*', 'rm -rf ..', 'rm -rf ../', 'rm -rf ../*',
    'rm -rf $PWD', 'rm -rf $(pwd)/*',
    // braces
    'rm -rf {dist,src}',
  ])('%s', (line) => {
    const argv = line.startsWith('rm -rf /Library/') ? ['rm', '-rf', '/Library/Application Support'] : line.startsWith('/') ? ['rm', '-rf', line] : words(line);
    expect(outcome(argv)).toBe('confirm');
    expect(rules(argv)).toEqual(['filesystem.rm.recursive']);
  });

  it('command substitutions are unknown paths', () => {
    expect(outcome(['rm', '-rf', '$(cat dirs.txt)'])).toBe('confirm');
    expect(outcome(['rm', '-rf', '$(find . -name data)'])).toBe('confirm');
  });

  it('-f is irrelevant: rm -r alone deletes the same tree', () => {
    expect(outcome(words('rm -r /srv/app/uploads'))).toBe('confirm');
    expect(outcome(words('rm -R ~/projects'))).toBe('confirm');
  });

  it('options after the paths, abbreviated long options and clusters are read', () => {
    expect(outcome(words('rm src -rf'))).toBe('confirm');
    expect(outcome(words('rm --recur --force src'))).toBe('confirm');
    expect(outcome(words('rm -vRf src'))).toBe('confirm');
    expect(outcome(['rm', '-rf', '--', '-weird-dir'])).toBe('confirm');
  });

  it('targets name the paths and hints say what they are', () => {
    const [finding] = findings(words('rm -rf node_modules /srv/app/uploads .git'));
    expect(finding.target).toBe('/srv/app/uploads .git');
    expect(finding.hints).toEqual(expect.arrayContaining(['recursive', 'data directory', 'git repository data']));
  });
});

describe('rm -r of regenerable output, caches and temp space is allowed', () => {
  it.each([
    'rm -rf node_modules', 'rm -rf ./node_modules/', 'rm -rf dist', 'rm -rf build', 'rm -rf .next', 'rm -rf .nuxt', 'rm -rf target',
    'rm -rf out', 'rm -rf coverage .nyc_output', 'rm -rf __pycache__', 'rm -rf .pytest_cache .mypy_cache .ruff_cache',
    'rm -rf .cache', 'rm -rf .turbo', 'rm -rf .parcel-cache', 'rm -rf my_pkg.egg-info', 'rm -rf *.egg-info', 'rm -rf .venv',
    'rm -rf venv', 'rm -rf .tox', 'rm -rf .terraform', 'rm -rf .svelte-kit', 'rm -rf .angular/cache', 'rm -rf vendor',
    'rm -rf Pods', 'rm -rf _build deps', 'rm -rf cmake-build-debug', 'rm -rf packages/*/node_modules', 'rm -rf apps/web/.next',
    'rm -rf dist/*', 'rm -rf build/', 'rm -rf tmp', 'rm -rf tmp/*', 'rm -rf logs', 'rm -rf .gradle', 'rm -rf storybook-static',
    'rm -rf playwright-report test-results', 'rm -rf {dist,build,.turbo}',
    '/tmp', 'rm -rf /tmp/build-123', 'rm -rf /tmp/*', 'rm -rf /var/tmp/x', 'rm -rf /private/var/folders/xy/T/abc',
    'rm -rf ~/.cache', 'rm -rf ~/.cache/pip', 'rm -rf $HOME/.cache/go-build', 'rm -rf ~/.npm/_cacache', 'rm -rf ~/Library/Caches/Homebrew',
    'rm -rf ~/Library/Developer/Xcode/DerivedData', 'rm -rf ~/.m2/repository', 'rm -rf ~/.gradle/caches', 'rm -rf ~/projects/app/node_modules',
    'rm -rf /var/lib/apt/lists/*', 'rm -rf /var/cache/apt/archives', 'rm -rf /usr/local/go', 'rm -rf /usr/local/lib/node_modules/npm',
    'rm -rf /srv/app/node_modules', 'rm -rf $TMPDIR/x', 'rm -rf "$TMP_DIR"', 'rm -rf $(mktemp -d)', 'rm -rf $BUILD_DIR/node_modules',
    'rm -rf $CACHE_DIR', 'rm -rf $(go env GOCACHE)', 'rm -rf $(brew --cache)', 'rm -rf $XDG_CACHE_HOME/pip', 'rm -rf $RUNNER_TEMP/x',
    'rm -f /var/log/*.gz', 'rm -rf /var/log/nginx/*.log.1', 'rm -rf storage/logs/*', 'rm -rf bootstrap/cache/*.php', 'rm -rf .expo .expo-shared',
  ])('%s', (line) => {
    const argv = line === '/tmp' ? ['rm', '-rf', '/tmp'] : line.includes('$(') ? ['rm', '-rf', line.slice(7)] : words(line);
    expect(findings(argv)).toEqual([]);
  });

  it('rm -rf of a path that names a single ordinary file is a single-file delete', () => {
    expect(outcome(words('rm -rf package-lock.json'))).toBe('allow');
    expect(outcome(words('rm -rf src/components/OldButton.tsx'))).toBe('allow');
    expect(outcome(words('rm -rf .env.local'))).toBe('allow');
    expect(outcome(words('rm -rf data/app.db'))).toBe('confirm');
    expect(outcome(words('rm -rf .git/index.lock'))).toBe('allow');
    expect(outcome(words('rm -rf .git/refs'))).toBe('confirm');
  });
});

describe('rm without -r: single files pass, data files do not', () => {
  it.each([
    'rm file.txt', 'rm -f package-lock.json', 'rm -f yarn.lock', 'rm .env', 'rm src/old.ts', 'rm -f *.log', 'rm -f /tmp/*.log',
    'rm *.pyc', 'rm -f .DS_Store', 'rm -f Thumbs.db', 'rm -f .git/index.lock', 'rm -f $FILE', 'rm -f /var/lib/postgresql/16/main/postmaster.pid',
    'rm -d emptydir', 'rm -f dist/*', 'rm ~/.ssh/id_ed25519.pub', 'rm -f .git/hooks/pre-commit', 'rm -f .git/HEAD.lock', 'rm -f .git/refs/heads/main.lock', 'rm -f *.png', 'rm /', 'rm -f /var/run/app.pid', 'rm --help', 'rm -rf --help',
  ])('%s', (line) => expect(findings(words(line))).toEqual([]));

  it.each([
    'rm -f db/production.sqlite3', 'rm app.db', 'rm -f data.sqlite', 'rm /var/lib/mysql/ibdata1', 'rm ib_logfile0',
    'rm backups/2024-06-01.sql.gz', 'rm /var/backups/db-2024-06-01.dump', 'rm prod.bak', 'rm backup-2024-06-01.tgz',
    'rm -f terraform.tfstate', 'rm dump.rdb', 'rm *.sqlite3', 'rm -f *.db', 'rm *', 'rm -f ./*', 'rm ~/*', 'rm /var/backups/*',
    'rm -f /var/lib/mysql/*.ibd', 'rm -f "$DB_FILE"', 'rm -f /var/lib/postgresql/16/main/base/16384/2619',
    'rm ~/.ssh/id_ed25519', 'rm -f android/app/release.keystore', 'rm .git/index', 'rm -f .git/refs/heads/main', 'rm .git/packed-refs',
  ])('%s', (line) => {
    expect(outcome(words(line))).toBe('confirm');
    expect(rules(words(line))).toEqual(['filesystem.rm.data-files']);
  });

  it('unlink follows the same rule', () => {
    expect(rules(words('unlink app.db'))).toEqual(['filesystem.rm.data-files']);
    expect(findings(words('unlink ./current'))).toEqual([]);
  });
});

describe('deletes handed over by find -exec and xargs', () => {
  const viaFind = { via: ['find -exec'] };
  it('judges the placeholder tree and name pattern', () => {
    expect(rules(words('rm -f /var/backups/postgres/**/*.dump'), viaFind)).toEqual(['filesystem.find.delete']);
    expect(rules(words('rm -rf ./**/__pycache__'), viaFind)).toEqual([]);
    expect(rules(words('rm ./**/*.pyc'), viaFind)).toEqual([]);
    expect(rules(words('rm ./**/*.ts'), viaFind)).toEqual(['filesystem.find.delete']);
    expect(rules(words('rm -rf ./**/*'), viaFind)).toEqual(['filesystem.find.delete']);
    expect(rules(words('rm -rf /tmp/**/*'), viaFind)).toEqual([]);
    expect(rules(words('rm -f ./node_modules/*'), viaFind)).toEqual([]);
  });

  it('xargs input is unknown: recursive deletes of it need a human, single files pass', () => {
    const xargs = { via: ['xargs'], dynamic: [false, false, true] };
    expect(rules(['rm', '-rf', '{}'], xargs)).toEqual(['filesystem.rm.recursive']);
    expect(rules(['rm', '-f', '{}'], xargs)).toEqual([]);
  });

  it('xargs input is judged by the command that produced it', () => {
    const xargs = (from: string) => ({ via: ['xargs'], dynamic: [false, false, true], stdin: { kind: 'unknown' as const, from } });
    expect(rules(['rm', '-f', '{}'], xargs("find . -name '*.db' -print0"))).toEqual(['filesystem.find.delete']);
    expect(rules(['rm', '-f', '{}'], xargs('find /var/backups -mtime +7'))).toEqual(['filesystem.find.delete']);
    expect(rules(['rm', '-f', '{}'], xargs("find . -name '*.pyc'"))).toEqual([]);
    expect(rules(['rm', '-rf', '{}'], xargs('find . -type d -name node_modules -prune'))).toEqual([]);
    expect(rules(['rm', '-f', '{}'], xargs('ls "*.dump"'))).toEqual(['filesystem.rm.data-files']);
    expect(rules(['rm', '-f', '{}'], xargs('ls'))).toEqual(['filesystem.rm.data-files']);
    expect(rules(['rm', '-rf', '{}'], xargs('echo src dist'))).toEqual(['filesystem.rm.recursive']);
    expect(rules(['rm', '-f', '{}'], xargs('git ls-files --deleted'))).toEqual([]);
    expect(rules(['rm', '-rf', '{}'], xargs('cat dirs.txt'))).toEqual(['filesystem.rm.recursive']);
    expect(rules(['rm', '-f', '{}'], xargs('cat files.txt'))).toEqual([]);
  });

  it('globstar in a plain rm is a mass delete too', () => {
    expect(outcome(words('rm -rf **/node_modules'))).toBe('allow');
    expect(outcome(words('rm **/*.db'))).toBe('confirm');
  });
});

describe('rimraf and del-cli delete trees', () => {
  it('is judged like rm -r', () => {
    expect(rules(words('rimraf src'))).toEqual(['filesystem.rm.recursive']);
    expect(findings(words('rimraf node_modules dist'))).toEqual([]);
    expect(outcome(words('rimraf /'))).toBe('deny');
  });
});

describe('shred and srm', () => {
  it('always need a human, except for help', () => {
    expect(rules(words('shred -u secrets.env'))).toEqual(['filesystem.shred']);
    expect(rules(words('shred -vfz -n 10 /dev/sdb'))).toEqual(['filesystem.shred']);
    expect(rules(words('srm -r old-exports'))).toEqual(['filesystem.shred']);
    expect(findings(words('shred --help'))).toEqual([]);
    expect(findings(words('shred --version'))).toEqual([]);
  });
});

describe('odd input never throws', () => {
  it.each([[['rm']], [['rm', '']], [['rm', '-rf', '']], [['rm', '-rf', '${']], [['rm', '-rf', '$(']], [['rm', '-rf', '{a,{b']], [['unlink']], [['shred']]])('%j', (argv) => {
    expect(() => findings(argv)).not.toThrow();
  });
});
