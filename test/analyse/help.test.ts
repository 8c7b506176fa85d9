import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/pipeline.js';

const decide = (command: string, env: Record<string, string> = {}) => evaluate({ command, cwd: '/work/project' }, { home: '/home/agent', ...env }).decision;

describe('a command that only prints its help does nothing else', () => {
  it.each([
    'heroku apps:destroy --help',
    'gh repo delete --help',
    'fly apps destroy my-app --help',
    'railway volume delete --help',
    'kubectl delete namespace prod --help',
    'aws s3 rb help',
    'terraform destroy --help',
    'sudo gh repo delete acme/api --help',
    'heroku apps:destroy --help > /dev/null',
  ])('%s is allowed', (command) => {
    expect(decide(command)).toBe('allow');
  });

  it.each([
    // `--help` as the value of an option, a file name, or not last.
    'rm help -rf /srv/data',
    'find / -name --help -o -delete',
    'git clean -fdx -e --help',
    'mkfs.ext4 -L --help /dev/sdb1',
    'curl -X DELETE https://api.github.com/repos/acme/prod -d --help',
    `psql -c 'DROP DATABASE prod' -o --help`,
    'gh api -X DELETE repos/acme/prod -H --help',
    'git push --force origin main -o --help',
    'aws s3 rm s3://acme-backups --recursive --exclude help',
    'heroku apps:destroy -a acme-prod --help',
    'gh repo delete acme/api --help --yes',
    'shred help /dev/sda',
    'rm -rf -- /srv/data --help',
    // Programs that pass `--help` on: inline code, shells.
    `python3 -c "import shutil; shutil.rmtree('/srv/data')" --help`,
    `bash -c 'rm -rf /srv/data' --help`,
    // Help text written over a file still overwrites it.
    'heroku apps:destroy --help > /var/lib/postgresql/data/base/1/1259',
    'kubectl exec db-0 --help -- psql -c "DROP TABLE users"',
  ])('%s is still held', (command) => {
    expect(decide(command)).not.toBe('allow');
  });
});
