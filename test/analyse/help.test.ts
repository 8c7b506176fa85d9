import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/pipeline.js';

const decide = (command: string) => evaluate({ command, cwd: '/work/project' }, { home: '/home/agent' }).decision;

describe('a command that only prints its help does nothing else', () => {
  it.each([
    'heroku apps:destroy --help',
    'gh repo delete --help',
    'fly apps destroy my-app --help',
    'railway volume delete --help',
    'kubectl delete namespace prod --help',
    'aws s3 rb help',
    'aws s3 rb s3://acme-backups --force help',
    'git push --force origin main --help',
    'terraform destroy --help',
    'heroku help apps:destroy',
    'sudo gh repo delete acme/api --help',
    'rm -rf / --help > /dev/null',
  ])('%s is allowed', (command) => {
    expect(decide(command)).toBe('allow');
  });

  it.each([
    // `--help` after `--` is an operand; after inline code it is the code's argument.
    'rm -rf -- /srv/data --help',
    `python3 -c "import shutil; shutil.rmtree('/srv/data')" --help`,
    `bash -c 'rm -rf /srv/data' --help`,
    `node -e "require('fs').rmSync('/srv/data', {recursive: true})" --help`,
    // Help text written over a file still overwrites it.
    'psql --help > /var/lib/postgresql/data/base/1/1259',
    // An unknown word is not help.
    'gh repo delete acme/api --yes $HELP',
    'kubectl exec db-0 --help -- psql -c "DROP TABLE users"',
  ])('%s is still held', (command) => {
    expect(decide(command)).not.toBe('allow');
  });
});
