// Cases a review of the held-out fixes found: holds that must stay, and ordinary commands that the
// new heuristics must leave alone, in bounded time.
import { describe, expect, it } from 'vitest';
import { expand } from '../../src/expand/index.js';
import { parse } from '../../src/parse/index.js';
import { evaluate } from '../../src/pipeline.js';

const decide = (command: string) => evaluate({ command, cwd: '/work/project' }, { home: '/home/agent' }).decision;

describe('held', () => {
  it.each([
    'd=/tmp/x; for e in true eval; do rm -rf "$d"; $e "d=/home"; done',
    'd=/tmp/x; e=eval; f() { $e "d=/home"; }; f; rm -rf "$d"',
    'cp /dev/urandom backups/prod.sqlite3',
    'argocd app delete payments --cascade false -y',
    'argocd app delete payments --cascade=true -y',
  ])('%s', (command) => expect(decide(command)).not.toBe('allow'));
});

describe('allowed', () => {
  it.each([
    // A join with a filter table (not the parent the foreign key names) narrows.
    `psql -c "DELETE FROM orders o USING spam_customers s WHERE o.customer_id = s.id"`,
    `psql -c "WITH doomed AS (SELECT id FROM users WHERE banned) DELETE FROM posts p USING doomed d WHERE p.user_id = d.id"`,
    `mysql -e "DELETE oi FROM order_items oi INNER JOIN cancelled_orders o ON oi.order_id = o.id"`,
    // Strings that are not dates outside every row, and a cut-off in the past.
    `psql -c "DELETE FROM t WHERE sku < '3000'"`,
    `psql -c "DELETE FROM people WHERE birth_date > '1950-01-01'"`,
    `psql -c "DELETE FROM logs WHERE created_at < now() + interval '-30 days'"`,
    // MongoDB: narrow filters and loops that delete elsewhere or on a condition.
    `mongosh --eval 'db.orders.deleteMany({ retries: { $gt: 0 } })'`,
    `mongosh --eval 'db.users.deleteMany({ deletedAt: { $ne: null } })'`,
    `mongosh --eval 'db.readings.deleteMany({ temperature: { $gt: -10 } })'`,
    `mongosh --eval 'db.users.find().forEach(u => db.sessions.deleteMany({ userId: u._id, expired: true }))'`,
    `mongosh --eval 'db.users.find().forEach(u => { if (u.spam) db.users.deleteOne({ _id: u._id }) })'`,
    // A method named like an imported function, an update-by-query narrowed by q=.
    `python3 -c 'from subprocess import run; from app import create_app; create_app().run(debug=True)'`,
    `curl -X POST "localhost:9200/products/_update_by_query?q=sku:A1&pipeline=fix"`,
    // Copies of a database into a temporary or backup folder.
    'cp db/production.sqlite3 /tmp/prod-copy.sqlite3',
    'cp db/production.sqlite3 backups/prod-2024-06-01.sqlite3',
    'flux delete helmrelease postgres --help',
  ])('%s', (command) => expect(decide(command)).toBe('allow'));
});

describe('bounded time on long inputs', () => {
  it.each([
    ['python imports with long runs of spaces', `python3 -c "from os import${' '.repeat(50_000)}("`],
    ['many import statements', `python3 -c "${'import '.repeat(8000)}("`],
    ['nested forEach', `mongosh --eval '${'db.users.find().forEach(u => '.repeat(4000)}db.users.deleteOne({_id: 1})${')'.repeat(4000)}'`],
  ])('%s', (_what, command) => {
    const start = performance.now();
    decide(command);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

describe('from the false-positive hunt (set 7)', () => {
  it.each([
    'eval "$(ssh-agent -s)" && ssh-add ~/.ssh/id_ed25519',
    'eval "$(pyenv init -)"',
    'eval $(minikube docker-env)',
    'source <(kubectl completion bash)',
    '$(go env GOPATH)/bin/golangci-lint run ./...',
    '"$VIRTUAL_ENV/bin/python" -m pytest -q',
    'DIR=$(mktemp -d); trap \'rm -rf "$DIR"\' EXIT; cd "$DIR" && git clone https://github.com/acme/x .',
    "find . -name '*.js.map' -delete",
    "find . -name '.coverage.*' -delete",
  ])('%s is allowed', (command) => expect(decide(command)).toBe('allow'));

  it('a folder under the temporary folder, reached by cd', () => {
    expect(evaluate({ command: 'cd /tmp && rm -rf build-xyz', cwd: '/work/project' }).decision).toBe('allow');
    expect(evaluate({ command: 'rm -rf src', cwd: '/tmp/checkout' }).decision).not.toBe('allow');
  });

  it.each([
    "trap 'rm -rf src' EXIT; npm test",
    "trap 'kubectl delete ns production' INT TERM EXIT; sleep 5",
    "echo 'rm -rf src' | sh -",
    'echo cm0gLXJmIHNyYw== | base64 -d | sh -',
    "bash - <<'EOF'\nrm -rf src\nEOF",
    'eval "$(ssh-agent -s; rm -rf src)"',
    '$(dirname $(which sudo))/sudo rm -rf /srv/data',
  ])('%s is held', (command) => expect(decide(command)).not.toBe('allow'));
});

describe('review of the set-7 fixes: still held', () => {
  it.each([
    'source <(echo rm -rf ~ completion)',
    "source <(printf 'rm -rf src\\n' completion)",
    'eval "$(cat cleanup.sh completion)"',
    'eval "$(poetry run python gen.py)"',
    'eval "$(conda run echo rm -rf ~)"',
    `$(awk 'BEGIN{printf "rm -rf /home/u "}')/true`,
    'D=$(mktemp -d foo); rm -rf "$D"/*',
    'D=$(mktemp -d -p /nonexistent); rm -rf "$D"/*',
    'D=$(mktemp -p); rm -rf "$D"/*',
    'D=$(mktemp -d --tmpdir /tmp x); rm -rf "$D"/*',
    'cd /tmp && rm -rf ~+/../home/u',
    'cd /tmp && rm -rf ~+',
    "trap -- 'rm -rf src' EXIT",
  ])('%s', (command) => expect(decide(command)).not.toBe('allow'));

  it('`bash - script` runs the script', () => {
    const files = new Map([['/work/project/cleanup.sh', 'rm -rf src\n']]);
    const r = expand(parse('bash - cleanup.sh'), { cwd: '/work/project', home: '/home/agent', readFile: (p) => files.get(p), parse: (t) => parse(t) });
    expect(r.commands.map((c) => c.argv.join(' '))).toContain('rm -rf src');
  });
});
