import { describe, expect, it } from 'vitest';
import { findings, rules } from './helpers.js';

const find = (...args: string[]) => rules(['find', ...args]);

describe('find -delete / -exec rm over a tree', () => {
  it.each([
    [['.', '-type', 'f', '-name', '*.db', '-delete']],
    [['/', '-name', '*.sql', '-delete']],
    [['.', '-mindepth', '1', '-delete']],
    [['.', '-delete']],
    [['-delete']],
    [['.', '-type', 'f', '-delete']],
    [['~/backups', '-type', 'f', '-mtime', '+0', '-delete']],
    [['/var/backups', '-mtime', '+7', '-delete']],
    [['/var/backups/postgres', '-name', '*.dump', '-exec', 'rm', '-f', '{}', '+']],
    [['.', '-name', '*.bak', '-exec', '/bin/rm', '{}', ';']],
    [['src', '-name', '*.ts', '-execdir', 'rm', '{}', ';']],
    [['.', '!', '-name', '*.pyc', '-delete']],
    [['.', '-not', '-name', '*.log', '-delete']],
    [['/srv/app/uploads', '-mtime', '+30', '-delete']],
    [['.', '-name', '*.sqlite*', '-ok', 'rm', '{}', ';']],
    [['-L', '/data', '-type', 'f', '-delete']],
    [['.', '-regex', '.*\\.db$', '-delete']],
    [['.', '-type', 'f', '-name', '*.csv', '-exec', 'shred', '-u', '{}', ';']],
  ])('%j', (args) => expect(find(...args)).toEqual(['filesystem.find.delete']));

  it.each([
    [['.', '-name', '*.pyc', '-delete']],
    [['.', '-name', '*.py[co]', '-delete']],
    [['.', '-name', '__pycache__', '-type', 'd', '-prune', '-exec', 'rm', '-rf', '{}', '+']],
    [['.', '-type', 'd', '-name', 'node_modules', '-prune', '-exec', 'rm', '-rf', '{}', '+']],
    [['.', '-name', '.DS_Store', '-delete']],
    [['.', '-name', '*.log', '-mtime', '+7', '-delete']],
    [['.', '-name', '*.orig', '-o', '-name', '*.rej', '-delete']],
    [['.', '-type', 'd', '-empty', '-delete']],
    [['.', '-empty', '-delete']],
    [['/tmp', '-type', 'f', '-atime', '+10', '-delete']],
    [['/var/log', '-name', '*.gz', '-mtime', '+30', '-delete']],
    [['node_modules', '-name', '*.md', '-delete']],
    [['.', '-path', '*/node_modules/*', '-delete']],
    [['.', '-name', '*.db']],
    [['.', '-name', '*.ts', '-exec', 'grep', '-l', 'volumeDelete', '{}', '+']],
    [['.', '-type', 'f', '-print0']],
    [['--help']],
  ])('%j', (args) => expect(find(...args)).toEqual([]));

  it('targets show the tree and the filter', () => {
    const [finding] = findings(['find', '/var/backups/postgres', '-name', '*.dump', '-delete']);
    expect(finding.target).toBe('/var/backups/postgres/**/*.dump');
    expect(finding.hints).toContain('find -delete');
  });

  it('never throws on truncated expressions', () => {
    expect(() => findings(['find', '.', '-name'])).not.toThrow();
    expect(() => findings(['find', '.', '-exec', 'rm'])).not.toThrow();
    expect(() => findings(['find'])).not.toThrow();
  });
});
