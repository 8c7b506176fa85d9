import { describe, expect, test } from 'vitest';
import { redact, REDACTED, isSecretName, scanSegments } from '../../src/audit/redact.js';

// Each case: the command, and the literal secrets that must not survive.
const leaks: Array<[string, string[]]> = [
  [`curl -X POST https://backboard.railway.app/graphql/v2 -H "Authorization: Bearer 9f1c2d3e-7a7a-4b4b-8c8c-1234567890ab" -d '{"query":"mutation { volumeDelete(volumeId: \\"3d2c42fb\\") }"}'`, ['9f1c2d3e-7a7a-4b4b-8c8c-1234567890ab']],
  [`curl -H 'Authorization: token ghp_abcdefghijklmnopqrstuvwxyz0123456789' https://api.github.com`, ['ghp_abcdefghijklmnopqrstuvwxyz0123456789']],
  [`curl -H "Authorization: Basic dXNlcjpwYXNzd29yZA==" https://x`, ['dXNlcjpwYXNzd29yZA==']],
  [`curl -H 'Authorization: FlyV1 fm2_lJPECAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' https://api.machines.dev`, ['fm2_lJPECAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA']],
  [`curl --header "Cookie: session=s3cr3tcookie; theme=dark" https://x`, ['s3cr3tcookie']],
  [`curl -H 'Set-Cookie: sid=abcdef123456' https://x`, ['abcdef123456']],
  [`curl -H "PRIVATE-TOKEN: glpat-abcdefghij0123456789" https://gitlab.com/api/v4/projects/1`, ['glpat-abcdefghij0123456789']],
  [`curl -H "X-Api-Key: k_live_0123456789abcdef" https://x`, ['k_live_0123456789abcdef']],
  [`curl -H "apikey: eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIn0.c2lnbmF0dXJlLXZhbHVl" https://x.supabase.co/rest/v1/t`, ['eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIn0.c2lnbmF0dXJlLXZhbHVl']],
  // A header name after any whitespace, not only blanks: vertical tab, form feed, no-break space.
  ['\vtoken: abcdefgh1234', ['abcdefgh1234']],
  ['x\fpassword: hunter22', ['hunter22']],
  ['echo\u00a0Authorization: zzzsecretzzz', ['zzzsecretzzz']],
  [`mysql -u root -pS3cretPass -h db prod -e 'DROP TABLE users'`, ['S3cretPass']],
  [`mysqldump --password=hunter2 prod`, ['hunter2']],
  [`mysql --password hunter2 prod`, ['hunter2']],
  [`redis-cli -h cache -a R3disPass FLUSHALL`, ['R3disPass']],
  [`curl -u admin:Sup3rSecret https://x`, ['Sup3rSecret']],
  [`curl -uadmin:Sup3rSecret https://x`, ['Sup3rSecret']],
  [`curl --user=admin:Sup3rSecret https://x`, ['Sup3rSecret']],
  [`http -a admin:Sup3rSecret DELETE https://x/items/1`, ['Sup3rSecret']],
  [`psql postgres://app:pg-p4ss@db.example.com:5432/prod -c 'drop table x'`, ['pg-p4ss']],
  [`git clone https://oauth2:glpat-abcdefghij0123456789@gitlab.com/a/b.git`, ['glpat-abcdefghij0123456789']],
  [`git push https://user:hunter2x@github.com/o/r.git main`, ['hunter2x']],
  [`curl "https://api.example.com/v1/items?token=abc123def&b=2"`, ['abc123def']],
  [`curl 'https://maps.googleapis.com/maps/api/geocode/json?address=x&key=AIzaSyA1234567890abcdefghijklmnopqrstuv'`, ['AIzaSyA1234567890abcdefghijklmnopqrstuv']],
  [`curl "https://x/?api_key=zzz999&auth=qqq888"`, ['zzz999', 'qqq888']],
  [`GITHUB_TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789 gh repo delete o/r --yes`, ['ghp_abcdefghijklmnopqrstuvwxyz0123456789']],
  [`gh api -X DELETE repos/o/r --header "Authorization: token gho_abcdefghijklmnopqrstuvwxyz0123456789"`, ['gho_abcdefghijklmnopqrstuvwxyz0123456789']],
  [`echo github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz`, ['github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz']],
  [`curl -d token=xoxb-123456789012-abcdefghijkl https://slack.com/api/chat.postMessage`, ['xoxb-123456789012-abcdefghijkl']],
  [`stripe customers delete cus_1 --api-key sk_live_abcdefghijklmnop1234`, ['sk_live_abcdefghijklmnop1234']],
  [`echo rk_test_abcdefghijklmnop1234`, ['rk_test_abcdefghijklmnop1234']],
  [`export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY; aws s3 rb s3://x --force`, ['AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY']],
  [`aws s3 ls --profile x # AKIAIOSFODNN7EXAMPLE`, ['AKIAIOSFODNN7EXAMPLE']],
  [`NPM_TOKEN=npm_abcdefghijklmnopqrstuvwxyz0123456789 npm publish`, ['npm_abcdefghijklmnopqrstuvwxyz0123456789']],
  [`npm config set //registry.npmjs.org/:_authToken=abcd1234efgh5678`, ['abcd1234efgh5678']],
  [`curl -H "Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U" https://x`, ['dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U']],
  [`vercel remove my-app --token AbCdEf0123456789xyz --yes`, ['AbCdEf0123456789xyz']],
  [`docker login -u me -p hunter2pass registry.example.com`, ['hunter2pass']],
  [`sshpass -p 'hunter 2' ssh root@host 'rm -rf /data'`, ['hunter 2']],
  [`sqlcmd -S db -U sa -P Str0ngPass! -Q "DROP DATABASE x"`, ['Str0ngPass!']],
  [`PGPASSWORD=pgsecret psql -h db -c 'drop database x'`, ['pgsecret']],
  [`kubectl create secret generic db --from-literal=password=kubesecret1`, ['kubesecret1']],
  [`curl -d '{"password":"hunter2json","user":"me"}' https://x`, ['hunter2json']],
  [`curl -d "{\\"apiKey\\": \\"escapedsecret99\\"}" https://x`, ['escapedsecret99']],
  [`python -c "requests.post(u, json={'client_secret': 'pysecret77'})"`, ['pysecret77']],
  [`DB_PASSWORD="quoted secret" ./migrate.sh`, ['quoted secret']],
  [`heroku config:set SECRET_KEY_BASE=0123456789abcdef0123456789abcdef -a app`, ['0123456789abcdef0123456789abcdef']],
  [`STRIPE_KEY=9c3f8a7b6d5e4f3a2b1c0d9e8f7a6b5c node app.js`, ['9c3f8a7b6d5e4f3a2b1c0d9e8f7a6b5c']],
  [`aws configure set aws_secret_access_key wJalrXUtnFEMI0K7MDENG --profile p`, ['wJalrXUtnFEMI0K7MDENG']],
  [`vault login hvs.CAESIJabcdefghijklmnopqrstuvwxyz012345`, ['hvs.CAESIJabcdefghijklmnopqrstuvwxyz012345']],
  [`curl "Server=tcp:x.database.windows.net;Database=db;User ID=u;Password=AzureP4ss;"`, ['AzureP4ss']],
  [`echo "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAA\n-----END OPENSSH PRIVATE KEY-----"`, ['b3BlbnNzaC1rZXktdjEAAAA']],
  [`curl -H "Authorization:Bearer nospace0123456789" x`, ['nospace0123456789']],
  [`keytool -importkeystore -srcstorepass changeit1 -deststorepass changeit2`, ['changeit1', 'changeit2']],
  [`curl --oauth2-bearer bearer0123456789 https://x`, ['bearer0123456789']],
  [`curl -b 'session=cookie0123' https://x`, ['cookie0123']],
];

describe('redact', () => {
  test.each(leaks)('hides the secrets in %s', (command, secrets) => {
    const out = redact(command);
    for (const secret of secrets) expect(out).not.toContain(secret);
    expect(out).toContain(REDACTED);
  });

  test('keeps the command readable around the secret', () => {
    expect(redact(`curl -X DELETE -H "Authorization: Bearer abcdef0123456789" https://api.example.com/v1/volumes/vol-1`)).toBe(
      `curl -X DELETE -H "Authorization: Bearer [redacted]" https://api.example.com/v1/volumes/vol-1`,
    );
    expect(redact(`mysql -u root -pS3cretPass prod`)).toBe(`mysql -u root -p[redacted] prod`);
    expect(redact(`redis-cli -a R3dis FLUSHALL`)).toBe(`redis-cli -a [redacted] FLUSHALL`);
    expect(redact(`curl -u admin:pw1 https://x`)).toBe(`curl -u admin:[redacted] https://x`);
    expect(redact(`psql postgres://app:pw@db/prod`)).toBe(`psql postgres://app:[redacted]@db/prod`);
  });

  test.each([
    `curl -H "Authorization: Bearer $RAILWAY_TOKEN" https://backboard.railway.app/graphql/v2`,
    `curl -H "Authorization: Bearer \${RAILWAY_TOKEN}" https://x`,
    `curl -H "X-Api-Key: $API_KEY" https://x`,
    `mysql -p$MYSQL_PWD prod`,
    `mysql --password=$(cat ~/.pw) prod`,
    `redis-cli -a "$REDIS_PASSWORD" FLUSHALL`,
    `curl -u "admin:$PASS" https://x`,
    `GITHUB_TOKEN=$GH_TOKEN gh repo delete o/r`,
    `psql "postgres://app:\${PGPASS}@db/prod"`,
    `vercel remove app --token "$VERCEL_TOKEN"`,
    `curl "https://x/?token=$TOKEN"`,
  ])('keeps variable references readable: %s', (command) => {
    expect(redact(command)).toBe(command);
  });

  test.each([
    'git push --force origin main',
    'docker run -p 8080:80 nginx',
    'ssh -p 2222 deploy@host',
    'mkdir -p build/out',
    'mysql -p prod',
    'rm -rf node_modules dist',
    'kubectl delete namespace staging',
    'aws s3 rb s3://acme-prod --force',
    'echo $PWD && PWD=/tmp ls',
    'curl -X POST https://backboard.railway.app/graphql/v2 -d \'{"query":"mutation { volumeDelete(volumeId: \\"3d2c42fb-1111-2222-3333-444455556666\\") }"}\'',
    'psql -c "SELECT count(*) FROM tokens WHERE max_tokens > 10"',
    'git commit -m "rotate the token, update password docs"',
    'curl --password-file ~/.pw https://x',
    'gh auth login --with-token < token.txt',
    'terraform destroy -auto-approve -var "region=eu-west-1"',
    'fly volumes destroy vol_3d2c42fb8a1b --yes',
  ])('leaves ordinary commands alone: %s', (command) => {
    expect(redact(command)).toBe(command);
  });

  test('is idempotent', () => {
    for (const [command] of leaks) {
      const once = redact(command);
      expect(redact(once)).toBe(once);
    }
  });

  test('never throws and stays fast on odd or huge input', () => {
    const inputs = ['', '"', "'", '$(', '`', '\\', '-p', 'Authorization:', '"token": "', 'a='.repeat(10000), '"'.repeat(5000), 'x'.repeat(200_000)];
    for (const input of inputs) expect(() => redact(input)).not.toThrow();
    const big = `curl -H "Authorization: Bearer abc0123456789" -d '${'{"a":1},'.repeat(20000)}' https://x`;
    const start = performance.now();
    const out = redact(big);
    expect(performance.now() - start).toBeLessThan(500);
    expect(out).not.toContain('abc0123456789');
  });
});

describe('isSecretName', () => {
  test.each(['PASSWORD', 'DB_PASSWORD', 'githubToken', '--api-key', 'X-Api-Key', 'client_secret', 'MYSQL_PWD', 'SECRET_KEY_BASE', 'AWS_SECRET_ACCESS_KEY', '_authToken', 'AccountKey', 'SENTRY_DSN', '-storepass'])('%s is a secret name', (name) => {
    expect(isSecretName(name)).toBe(true);
  });
  test.each(['PWD', 'OLDPWD', 'max_tokens', 'tokenizer', 'author', 'PATH', 'HOME', '--no-password', '--ask-pass', '--with-token', 'password_file', 'PRIMARY', 'KEY'])('%s is not', (name) => {
    expect(isSecretName(name)).toBe(false);
  });
});

describe('scanSegments', () => {
  test('splits simple commands and keeps quotes and substitutions whole', () => {
    const segments = scanSegments(`A=1 mysql -p'x y' db; echo "$(cat f)" | tee out`);
    expect(segments.map((s) => s.map((w) => w.value))).toEqual([['A=1', 'mysql', '-px y', 'db'], ['echo', '$(cat f)'], ['tee', 'out']]);
  });
});
