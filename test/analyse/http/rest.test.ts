import { describe, expect, it } from 'vitest';
import { findings, httpContext, judge, rules } from './helpers.js';

const curl = (...args: string[]) => findings(['curl', ...args]);

describe('DELETE: remote destroys by default, localhost is the agent’s own server', () => {
  it('confirms a DELETE to any remote API, naming the resource', () => {
    const found = curl('-X', 'DELETE', 'https://api.example.com/v1/widgets/42');
    expect(rules(found)).toEqual(['http.remote-delete']);
    expect(found[0].target).toBe('42');
    expect(found[0].action).toBe('delete widget');
    expect(rules(curl('-X', 'DELETE', '$API_URL/v1/widgets/42'))).toEqual(['http.remote-delete']);
    expect(rules(curl('-X', 'DELETE', 'http://10.0.3.7:8080/api/users/1'))).toEqual(['http.remote-delete']);
  });

  it('allows a DELETE to localhost, and reads/creates anywhere', () => {
    expect(curl('-X', 'DELETE', 'http://localhost:3000/api/todos/1')).toEqual([]);
    expect(findings(['http', 'DELETE', ':8000/api/items/7'])).toEqual([]);
    expect(curl('-s', 'https://api.example.com/v1/widgets/42')).toEqual([]);
    expect(curl('-X', 'POST', 'https://api.example.com/v1/widgets', '-d', '{"name":"w"}')).toEqual([]);
    expect(curl('-I', 'https://acme.com')).toEqual([]);
  });

  it('does not judge a method it cannot see', () => {
    expect(curl('-X', '$METHOD', 'https://api.example.com/v1/widgets/42')).toEqual([]);
  });

  it('confirms RPC endpoints named for destruction on remote APIs only', () => {
    expect(rules(curl('-X', 'POST', 'https://api.dropboxapi.com/2/files/delete_v2', '-d', '{"path":"/r"}'))).toEqual(['http.destructive-endpoint']);
    expect(rules(curl('-X', 'POST', 'https://api.acme.dev/v1/databases/db-1/wipe'))).toEqual(['http.destructive-endpoint']);
    expect(curl('-X', 'POST', 'https://api.acme.dev/v1/users/reset_password')).toEqual([]);
    expect(curl('-X', 'POST', 'https://api.fastly.com/service/SU1Z0isxPaozGVKXdv0eY/purge_all')).toEqual([]);
    expect(curl('https://api.acme.dev/docs/delete')).toEqual([]);
    expect(curl('-X', 'POST', 'http://localhost:8000/api/items/7/delete')).toEqual([]);
  });
});

describe('provider rules', () => {
  it.each([
    [['-X', 'DELETE', 'https://api.vercel.com/v9/projects/acme-web?teamId=t'], 'http.vercel.delete-project', 'acme-web'],
    [['-n', '-X', 'DELETE', 'https://api.heroku.com/apps/example-app'], 'http.heroku.delete-app', 'example-app'],
    [['-n', '-X', 'DELETE', 'https://api.heroku.com/apps/acme/addons/postgresql-curved-123'], 'http.heroku.delete-addon', 'postgresql-curved-123'],
    [['-X', 'DELETE', 'https://api.machines.dev/v1/apps/acme-pg/volumes/vol_q4qe'], 'http.fly.delete-volume', 'vol_q4qe'],
    [['-X', 'DELETE', '${FLY_API_HOSTNAME}/v1/apps/my-app'], 'http.fly.delete-app', 'my-app'],
    [['-X', 'DELETE', 'https://api.machines.dev/v1/apps/a/machines/3d8d'], 'http.fly.destroy-machine', '3d8d'],
    [['--request', 'DELETE', '--url', 'https://api.render.com/v1/services/srv-1'], 'http.render.delete-service', 'srv-1'],
    [['--request', 'DELETE', '--url', 'https://api.render.com/v1/postgres/dpg-1'], 'http.render.delete-datastore', 'dpg-1'],
    [['-X', 'POST', 'https://api.render.com/v1/disks/dsk-1/snapshots/restore'], 'http.render.restore-disk', 'dsk-1'],
    [['-X', 'DELETE', 'https://api.netlify.com/api/v1/sites/5f2a'], 'http.netlify.delete-site', '5f2a'],
    [['-X', 'DELETE', 'https://api.digitalocean.com/v2/droplets/3164450'], 'http.digitalocean.delete-infrastructure', '3164450'],
    [['-X', 'DELETE', '-H', 'X-Dangerous: true', 'https://api.digitalocean.com/v2/droplets/3164450/destroy_with_associated_resources/dangerous'], 'http.digitalocean.delete-infrastructure', '3164450'],
    [['-X', 'DELETE', 'https://api.digitalocean.com/v2/databases/9cc1'], 'http.digitalocean.delete-storage', '9cc1'],
    [['-X', 'DELETE', 'https://api.cloudflare.com/client/v4/accounts/a/r2/buckets/user-uploads'], 'http.cloudflare.delete-r2-bucket', 'user-uploads'],
    [['-X', 'DELETE', 'https://api.cloudflare.com/client/v4/accounts/a/d1/database/db1'], 'http.cloudflare.delete-d1-database', 'db1'],
    [['-X', 'DELETE', 'https://api.cloudflare.com/client/v4/accounts/a/storage/kv/namespaces/ns1'], 'http.cloudflare.delete-kv-data', 'ns1'],
    [['-X', 'DELETE', 'https://api.cloudflare.com/client/v4/zones/z1'], 'http.cloudflare.delete-zone', 'z1'],
    [['-X', 'DELETE', 'https://api.supabase.com/v1/projects/abcdefghijklmnopqrst'], 'http.supabase.delete-project', 'abcdefghijklmnopqrst'],
    [['-X', 'DELETE', 'https://api.supabase.com/v1/branches/br1'], 'http.supabase.delete-branch', 'br1'],
    [['-X', 'POST', 'https://api.supabase.com/v1/branches/br1/reset'], 'http.supabase.reset-database', 'br1'],
    [['-X', 'DELETE', 'https://$PROJECT_REF.supabase.co/storage/v1/bucket/avatars'], 'http.supabase.delete-bucket', 'avatars'],
    [['-X', 'POST', '$SUPABASE_URL/storage/v1/bucket/avatars/empty'], 'http.supabase.empty-bucket', 'avatars'],
    [['-X', 'DELETE', 'https://x.supabase.co/storage/v1/object/avatars/u1/p.png'], 'http.supabase.delete-objects', 'p.png'],
    [['-X', 'DELETE', 'https://console.neon.tech/api/v2/projects/autumn-disk-484331'], 'http.neon.delete', 'autumn-disk-484331'],
    [['-X', 'POST', 'https://console.neon.tech/api/v2/projects/p/branches/br-main/restore'], 'http.neon.restore-branch', 'br-main'],
    [['--request', 'DELETE', '--url', 'https://api.planetscale.com/v1/organizations/acme/databases/prod-db'], 'http.planetscale.delete', 'prod-db'],
    [['-L', '-X', 'DELETE', 'https://api.turso.tech/v1/organizations/acme/databases/prod-db'], 'http.turso.delete', 'prod-db'],
    [['-X', 'DELETE', 'https://api.upstash.com/v2/redis/database/6gce'], 'http.upstash.delete-database', '6gce'],
    [['-X', 'DELETE', 'https://api.github.com/repos/acme/api'], 'http.github.delete-repository', 'api'],
    [['-X', 'DELETE', 'https://api.github.com/repos/acme/api/git/refs/heads/main'], 'http.github.delete-branch', 'main'],
    [['-X', 'DELETE', 'https://api.github.com/orgs/acme/packages/container/api/versions/1'], 'http.github.delete-package', '1'],
    [['--request', 'DELETE', 'https://gitlab.example.com/api/v4/projects/5'], 'http.gitlab.delete-project', '5'],
    [['--request', 'DELETE', 'https://gitlab.com/api/v4/groups/acme'], 'http.gitlab.delete-group', 'acme'],
    [['--request', 'DELETE', 'https://gitlab.com/api/v4/projects/acme%2Fapi/repository/branches/main'], 'http.gitlab.delete-branch', 'main'],
    [['https://api.stripe.com/v1/customers/cus_Nff', '-u', 'sk_live_abc:', '-X', 'DELETE'], 'http.stripe.delete', 'cus_Nff'],
  ])('curl %j → %s', (args, rule, target) => {
    const found = curl(...args);
    expect(rules(found)).toEqual([rule]);
    expect(found[0].target).toBe(target);
  });

  it('gh api and glab api reach the same rules', () => {
    expect(rules(findings(['gh', 'api', '-X', 'DELETE', 'repos/acme/api/git/refs/heads/release-2024']))).toEqual(['http.github.delete-branch']);
    expect(rules(findings(['gh', 'api', '--method', 'DELETE', 'repos/acme/api/environments/production']))).toEqual(['http.remote-delete']);
    expect(rules(findings(['glab', 'api', '-X', 'DELETE', 'projects/acme%2Fapi']))).toEqual(['http.gitlab.delete-project']);
  });

  it.each([
    [['-L', '-X', 'DELETE', 'https://api.github.com/repos/acme/api/actions/caches?key=npm-linux'], 'http.cache-delete'],
    [['-X', 'DELETE', 'https://api.github.com/repos/acme/api/actions/caches/505'], 'http.cache-delete'],
    [['-X', 'DELETE', 'https://api.digitalocean.com/v2/cdn/endpoints/19f0/cache', '-d', '{"files":["*"]}'], 'http.cache-delete'],
    [['-X', 'DELETE', 'https://api.acme.dev/v1/sessions/current'], 'http.session-delete'],
    [['-X', 'DELETE', 'https://api.machines.dev/v1/apps/a/machines/m/lease'], 'http.session-delete'],
    [['-n', '-X', 'DELETE', 'https://api.heroku.com/apps/example-app/dynos'], 'http.heroku.dyno-restart'],
    [['-X', 'DELETE', 'https://api.vercel.com/v13/deployments/dpl_89'], 'http.single-deployment-delete'],
    [['-X', 'DELETE', 'https://api.github.com/repos/acme/api/issues/1/labels/bug'], 'http.github.reversible-delete'],
    [['-X', 'DELETE', 'https://api.github.com/repos/acme/api/contents/docs/a.md', '-d', '{"message":"m","sha":"s"}'], 'http.github.reversible-delete'],
    [['-X', 'DELETE', 'https://gitlab.com/api/v4/projects/1/repository/files/docs%2Fa.md?branch=main'], 'http.gitlab.reversible-delete'],
    [['-X', 'DELETE', 'https://api.cloudflare.com/client/v4/accounts/a/storage/kv/namespaces/n/values/k'], 'http.cloudflare.kv-key-delete'],
  ])('harmless DELETE %j → %s (allow)', (args, rule) => {
    const found = curl(...args);
    expect(rules(found)).toEqual([rule]);
    expect(judge(['curl', ...args])).toBe('allow');
  });

  it('allows the routine calls next to the destructive ones', () => {
    expect(judge(['curl', '-X', 'POST', 'https://api.machines.dev/v1/apps/a/machines/m/stop'])).toBe('allow');
    expect(judge(['curl', '-i', '-X', 'PUT', '${FLY_API_HOSTNAME}/v1/apps/a/volumes/vol_1/extend', '-d', '{"size_gb": 10}'])).toBe('allow');
    expect(judge(['curl', '-X', 'POST', 'https://api.netlify.com/api/v1/sites/s/builds'])).toBe('allow');
    expect(judge(['curl', '-X', 'POST', 'https://api.vercel.com/v10/projects/p/env', '-d', '{"key":"A","value":"b"}'])).toBe('allow');
    expect(judge(['curl', '-X', 'POST', 'https://api.cloudflare.com/client/v4/zones/z/purge_cache', '--json', '{"purge_everything":true}'])).toBe('allow');
    expect(judge(['curl', '-X', 'POST', 'https://api.supabase.com/v1/projects/p/pause'])).toBe('allow');
    expect(judge(['curl', '-X', 'POST', 'https://api.supabase.com/v1/branches/b/restore'])).toBe('allow');
    expect(judge(['curl', '-X', 'POST', 'https://api.render.com/v1/services/srv-1/restart'])).toBe('allow');
  });

  it('user config rules with http: are evaluated, hosts lower-case and methods upper-case', () => {
    const context = httpContext();
    context.rules.addRule({
      id: 'team.billing.refund',
      decision: 'confirm',
      action: 'refund through the billing API',
      reason: 'Refunds move money.',
      match: { http: { method: 'post', host: 'billing.acme.dev', path: '/v1/refunds{,/*}' } },
      examples: { match: [], noMatch: [] },
      pack: 'user',
      source: 'config',
    });
    expect(rules(findings(['curl', '-X', 'POST', 'https://Billing.ACME.dev/v1/refunds', '-d', 'a=1'], {}, context))).toEqual(['team.billing.refund']);
    expect(findings(['curl', 'https://billing.acme.dev/v1/refunds'], {}, context)).toEqual([]);
  });
});

describe('payloads and query strings that destroy', () => {
  it('SQL over HTTP is judged by the SQL analyser', () => {
    const drop = curl('-X', 'POST', 'https://api.supabase.com/v1/projects/p/database/query', '-d', '{"query":"DROP TABLE orders;"}');
    expect(rules(drop)).toEqual(['http.sql-over-http']);
    expect(drop[0].target).toBe('orders');
    expect(judge(['curl', '-X', 'POST', 'https://api.supabase.com/v1/projects/p/database/query', '-d', '{"query":"SELECT 1"}'])).toBe('allow');
    expect(judge(['curl', 'https://db-acme.turso.io/v2/pipeline', '-d', '{"requests":[{"type":"execute","stmt":{"sql":"DELETE FROM users"}},{"type":"close"}]}'])).toBe('confirm');
    expect(judge(['curl', 'https://api.cloudflare.com/client/v4/accounts/a/d1/database/d/query', '--json', '{"sql":"TRUNCATE TABLE t"}'])).toBe('confirm');
    expect(judge(['curl', 'https://acme.hasura.app/v2/query', '-d', '{"type":"bulk","args":[{"type":"run_sql","args":{"sql":"DROP TABLE users CASCADE"}}]}'])).toBe('confirm');
    expect(judge(['curl', '-X', 'POST', 'http://localhost:8123/?query=DROP%20TABLE%20events'])).toBe('confirm');
    expect(judge(['curl', 'http://localhost:8123/', '--data-binary', '@-'], { stdin: { kind: 'pipe', text: 'DROP TABLE events' } })).toBe('confirm');
    expect(judge(['curl', 'https://ep-1.us-east-2.aws.neon.tech/sql', '-H', 'Neon-Connection-String: postgres://u:p@h/db', '-d', '{"query":"DELETE FROM accounts WHERE id = 42"}'])).toBe('allow');
  });

  it('PostgREST: no filter or a match-all filter hits every row', () => {
    const base = 'https://abc.supabase.co/rest/v1';
    for (const q of ['', '?id=gt.0', '?id=neq.0', '?id=not.is.null', '?name=like.*', '?id=gte.1', '?or=(id.gt.0,name.eq.x)']) {
      expect(rules(curl('-X', 'DELETE', `${base}/orders${q}`)), q).toEqual(['http.postgrest.unfiltered-write']);
    }
    expect(rules(curl('-X', 'PATCH', `${base}/accounts`, '-d', '{"balance":0}'))).toEqual(['http.postgrest.unfiltered-write']);
    for (const q of ['?id=eq.42', '?id=in.(1,2)', '?created_at=lt.2024-01-01', '?id=gt.0&user_id=eq.7', '?select=*&limit=1']) {
      expect(curl('-X', 'DELETE', `${base}/orders${q}`), q).toEqual([]);
    }
    expect(curl(`${base}/profiles?select=id`)).toEqual([]);
  });

  it('Firebase: deletes and overwrites of the root or a top-level collection, null writes', () => {
    const db = 'https://acme-prod-default-rtdb.firebaseio.com';
    expect(rules(curl('-X', 'DELETE', `${db}/.json?auth=$T`))).toEqual(['http.firebase.root-overwrite']);
    expect(rules(curl('-X', 'PUT', '-d', '{}', `${db}/.json`))).toEqual(['http.firebase.root-overwrite']);
    expect(rules(curl('-X', 'PUT', '-d', 'null', `${db}/users.json`))).toEqual(['http.firebase.root-overwrite']);
    expect(rules(curl('-X', 'DELETE', `${db}/users/alice.json`))).toEqual(['http.remote-delete']);
    // A top-level node is a whole collection: deleting it or writing over it loses every record.
    expect(rules(curl('-X', 'PUT', '-d', '{}', `${db}/users.json?auth=$T`))).toEqual(['http.firebase.root-overwrite']);
    expect(rules(curl('-X', 'PUT', '-d', '{"alice":{"name":"A"}}', `${db}/users.json`))).toEqual(['http.firebase.root-overwrite']);
    expect(rules(curl('-X', 'DELETE', `${db}/orders.json`))).toEqual(['http.firebase.root-overwrite']);
    expect(rules(curl('-X', 'PATCH', '-d', '{"alice":null}', `${db}/users.json`))).toEqual(['http.firebase.root-overwrite']);
    expect(curl('-X', 'PATCH', '-d', '{"alice":{"name":"A"}}', `${db}/users.json`)).toEqual([]);
    expect(curl('-X', 'PATCH', '-d', '{"a":1}', `${db}/users/alice.json`)).toEqual([]);
    expect(curl('-X', 'PUT', '-d', '{"name":"Alice"}', `${db}/users/alice.json`)).toEqual([]);
  });

  it('Redis over REST: FLUSHALL/FLUSHDB by path or command array', () => {
    const up = 'https://us1-merry-cat-32748.upstash.io';
    expect(rules(curl(`${up}/flushall`))).toEqual(['http.redis-rest.flush']);
    expect(rules(curl(`${up}/FLUSHDB/ASYNC`))).toEqual(['http.redis-rest.flush']);
    expect(rules(curl(up, '-d', '["flushall"]'))).toEqual(['http.redis-rest.flush']);
    expect(rules(curl(`${up}/pipeline`, '-d', '[["SET","a","1"],["FLUSHDB"]]'))).toEqual(['http.redis-rest.flush']);
    expect(curl(`${up}/del/session:1`)).toEqual([]);
    expect(curl(`${up}/get/session:1`)).toEqual([]);
  });

  it('object storage deletes (S3 via --aws-sigv4, GCS, R2, batch delete)', () => {
    const s3 = curl('--aws-sigv4', 'aws:amz:us-east-1:s3', '--user', '$K:$S', '-X', 'DELETE', 'https://acme-db-backups.s3.us-east-1.amazonaws.com/nightly/2024-06-01.dump');
    expect(rules(s3)).toEqual(['http.object-storage.delete']);
    expect(s3[0].target).toBe('acme-db-backups/nightly/2024-06-01.dump');
    expect(curl('-X', 'DELETE', 'https://s3.amazonaws.com/acme-logs')[0].target).toBe('acme-logs');
    expect(curl('-X', 'DELETE', 'https://storage.googleapis.com/storage/v1/b/acme-uploads')[0].action).toBe('delete bucket');
    expect(rules(curl('--aws-sigv4', 'aws:amz:auto:s3', '-X', 'POST', 'https://acct.r2.cloudflarestorage.com/backups?delete', '-d', '<Delete/>'))).toEqual(['http.object-storage.delete']);
    expect(rules(curl('--aws-sigv4', 'aws:amz:us-east-1:s3', '-X', 'DELETE', 'http://localhost:9000/minio-bucket/key'))).toEqual(['http.object-storage.delete']);
    expect(curl('--aws-sigv4', 'aws:amz:us-east-1:s3', 'https://b.s3.amazonaws.com/k', '-o', 'k')).toEqual([]);
  });

  it('DigitalOcean droplet rebuild/restore, GitHub forced ref update', () => {
    const actions = 'https://api.digitalocean.com/v2/droplets/3164450/actions';
    expect(rules(curl('-X', 'POST', actions, '-d', '{"type":"rebuild","image":"ubuntu"}'))).toEqual(['http.digitalocean.droplet-rebuild']);
    expect(curl('-X', 'POST', actions, '-d', '{"type":"reboot"}')).toEqual([]);
    expect(curl('-X', 'POST', actions, '-d', '{"type":"snapshot","name":"s"}')).toEqual([]);
    expect(rules(findings(['gh', 'api', '-X', 'PATCH', 'repos/acme/api/git/refs/heads/main', '-f', 'sha=abc', '-F', 'force=true']))).toEqual(['http.github.force-update-ref']);
    expect(findings(['gh', 'api', '-X', 'PATCH', 'repos/acme/api/git/refs/heads/main', '-f', 'sha=abc'])).toEqual([]);
  });
});

describe('data stores, on localhost too', () => {
  it.each([
    [['-XDELETE', 'localhost:9200/logs-*'], 'http.elasticsearch.delete-index'],
    [['-X', 'DELETE', 'http://localhost:9200/_all'], 'http.elasticsearch.delete-index'],
    [['-X', 'DELETE', 'https://search-acme.es.amazonaws.com/orders'], 'http.elasticsearch.delete-index'],
    [['-X', 'POST', 'localhost:9200/orders/_delete_by_query', '-d', '{"query":{"match_all":{}}}'], 'http.elasticsearch.delete-by-query'],
    [['-X', 'DELETE', 'localhost:9200/_snapshot/nightly/snap-1'], 'http.elasticsearch.delete-snapshot'],
    [['-X', 'DELETE', 'http://localhost:8500/v1/kv/config?recurse=true'], 'http.consul.recursive-delete'],
    [['-X', 'DELETE', 'http://localhost:8500/v1/kv/?recurse'], 'http.consul.recursive-delete'],
    [['-X', 'PUT', 'http://localhost:8500/v1/txn', '-d', '[{"KV":{"Verb":"delete-tree","Key":"app/"}}]'], 'http.consul.recursive-delete'],
    [['-X', 'POST', 'http://localhost:2379/v3/kv/deleterange', '-d', '{"key":"AA==","range_end":"AA=="}'], 'http.etcd.range-delete'],
    [['--unix-socket', '/var/run/docker.sock', '-X', 'DELETE', 'http://localhost/volumes/pgdata'], 'http.docker.delete-volume'],
    [['--unix-socket', '/run/user/1000/podman/podman.sock', '-X', 'DELETE', 'http://d/v4.0.0/libpod/volumes/data'], 'http.docker.delete-volume'],
    [['--unix-socket', '/var/run/docker.sock', '-X', 'DELETE', 'http://localhost/containers/db?v=1'], 'http.docker.delete-volume'],
    [['-X', 'POST', 'http://localhost:2375/volumes/prune'], 'http.docker.delete-volume'],
    [['-X', 'DELETE', 'http://admin:pw@localhost:5984/orders'], 'http.couchdb.delete-database'],
    [['-X', 'DELETE', 'http://localhost:8001/api/v1/namespaces/production'], 'http.kubernetes.delete'],
    [['-X', 'DELETE', 'http://localhost:8001/api/v1/namespaces/prod/persistentvolumeclaims/data-pg-0'], 'http.kubernetes.delete'],
    [['-X', 'DELETE', 'http://localhost:8001/apis/apps/v1/namespaces/prod/deployments'], 'http.kubernetes.delete'],
    [['-X', 'DELETE', 'http://localhost:15672/api/queues/%2F/orders'], 'http.rabbitmq.delete-queue'],
    [['-X', 'DELETE', 'http://localhost:7700/indexes/movies/documents'], 'http.search.delete-collection'],
    [['-X', 'DELETE', 'http://localhost:6333/collections/embeddings'], 'http.search.delete-collection'],
    [['-X', 'DELETE', 'http://localhost:8080/v1/schema/Article'], 'http.search.delete-collection'],
    [['-X', 'POST', 'http://localhost:8983/solr/products/update?commit=true', '-d', '{"delete":{"query":"*:*"}}'], 'http.search.delete-collection'],
    [['-X', 'DELETE', 'http://localhost:8086/api/v2/buckets/b1'], 'http.influxdb.delete'],
    [['-X', 'DELETE', 'http://127.0.0.1:8200/v1/secret/metadata/app'], 'http.vault.destroy'],
    // Versioned `/api/v1/` is not the Kubernetes API unless the path names its resources.
    [['-X', 'DELETE', 'https://acme.com/api/v1/databases/prod'], 'http.remote-delete'],
    [['-X', 'DELETE', 'https://api.netlify.com/api/v1/sites/5f2a7c9e/forms/64b8f0c2'], 'http.remote-delete'],
    // MongoDB Atlas Data API: a filter every document passes.
    [['-X', 'POST', 'https://data.mongodb-api.com/app/a/endpoint/data/v1/action/deleteMany', '-d', '{"collection":"orders","filter":{}}'], 'http.mongodb-data-api.bulk-write'],
    [['-X', 'POST', 'https://data.mongodb-api.com/app/a/endpoint/data/v1/action/updateMany', '-d', '{"collection":"u","filter":{"age":{"$gt":0}},"update":{}}'], 'http.mongodb-data-api.bulk-write'],
    [['-X', 'POST', 'https://us-east-1.aws.data.mongodb-api.com/app/a/endpoint/data/v1/action/deleteMany', '-d', '@filter.json'], 'http.mongodb-data-api.bulk-write'],
    // Filters that do not narrow: operators whose meaning the guard does not know count as everything.
    [['-X', 'POST', 'https://data.mongodb-api.com/app/a/endpoint/data/v1/action/deleteMany', '-d', '{"collection":"o","filter":{"$expr":true}}'], 'http.mongodb-data-api.bulk-write'],
    [['-X', 'POST', 'https://data.mongodb-api.com/app/a/endpoint/data/v1/action/deleteMany', '-d', '{"collection":"o","filter":{"$comment":"x"}}'], 'http.mongodb-data-api.bulk-write'],
    [['-X', 'POST', 'https://data.mongodb-api.com/app/a/endpoint/data/v1/action/deleteMany', '-d', '{"collection":"o","filter":{"_id":{"$type":"objectId"}}}'], 'http.mongodb-data-api.bulk-write'],
    [['-X', 'POST', 'https://data.mongodb-api.com/app/a/endpoint/data/v1/action/deleteMany', '-d', '{"collection":"o","filter":{"$or":[{"a":1},{}]}}'], 'http.mongodb-data-api.bulk-write'],
    [['-X', 'POST', 'https://data.mongodb-api.com/app/a/endpoint/data/v1/action/aggregate', '-d', '{"collection":"o","pipeline":[{"$match":{}},{"$out":"orders"}]}'], 'http.mongodb-data-api.bulk-write'],
    // A PostgREST filter on a date outside every row.
    [['-X', 'PATCH', 'https://ref.supabase.co/rest/v1/orders?created_at=lt.2999-01-01', '-d', '{"status":"cancelled"}'], 'http.postgrest.unfiltered-write'],
    // SQL in the query string of a GET (admin bridges run it).
    [['http://localhost:8123/?query=DROP%20TABLE%20events'], 'http.sql-over-http'],
    [['-G', '--data-urlencode', 'query=TRUNCATE TABLE events', 'http://ch.internal:8123/'], 'http.sql-over-http'],
    // Emptying a container: Algolia's clear, a queue purge.
    [['-X', 'POST', 'https://APPID.algolia.net/1/indexes/products/clear'], 'http.destructive-endpoint'],
    [['-X', 'POST', 'https://APPID-dsn.algolia.net/1/indexes/*/batch', '-d', '{"requests":[{"action":"clear","indexName":"products"}]}'], 'http.search.delete-collection'],
  ])('%j → %s', (args, rule) => {
    expect(rules(curl(...args))).toEqual([rule]);
  });

  it.each([
    ['-X', 'POST', 'https://data.mongodb-api.com/app/a/endpoint/data/v1/action/deleteOne', '-d', '{"collection":"carts","filter":{"_id":{"$oid":"6650f1c2a1b2c3d4e5f60718"}}}'],
    ['-X', 'POST', 'https://data.mongodb-api.com/app/a/endpoint/data/v1/action/deleteMany', '-d', '{"collection":"sessions","filter":{"expiresAt":{"$lt":"2024-01-01"}}}'],
    ['-X', 'POST', 'https://data.mongodb-api.com/app/a/endpoint/data/v1/action/deleteMany', '-d', '{"collection":"carts","filter":{"userId":{"$in":["u1","u2"]},"$comment":"cleanup"}}'],
    ['-X', 'POST', 'https://data.mongodb-api.com/app/a/endpoint/data/v1/action/updateMany', '-d', '{"collection":"u","filter":{"$and":[{"status":"trial"},{"age":{"$exists":true}}]},"update":{}}'],
    ['-X', 'POST', 'https://APPID.algolia.net/1/indexes/products/batch', '-d', '{"requests":[{"action":"deleteObject","body":{"objectID":"1"}}]}'],
    ['-X', 'POST', 'https://api.acme.dev/v1/cache/clear'],
    ['https://api.github.com/search/issues?q=drop+table+users'],
    ['-X', 'DELETE', 'localhost:9200/orders/_doc/42'],
    ['-X', 'DELETE', 'https://es.acme.internal:9200/orders/_doc/42'],
    ['-X', 'DELETE', 'localhost:9200/_index_template/logs'],
    ['-X', 'POST', 'localhost:9200/orders/_delete_by_query', '-d', '{"query":{"term":{"id":"42"}}}'],
    ['-X', 'POST', 'localhost:9200/_flush'],
    ['-X', 'DELETE', 'http://localhost:8500/v1/kv/config/feature-x'],
    ['-X', 'POST', 'http://localhost:2379/v3/kv/deleterange', '-d', '{"key":"Zm9v"}'],
    ['--unix-socket', '/var/run/docker.sock', '-X', 'DELETE', 'http://localhost/containers/web-1?force=true'],
    ['--unix-socket', '/var/run/docker.sock', '-X', 'DELETE', 'http://localhost/images/node:18'],
    ['-X', 'DELETE', 'http://localhost:5984/orders/order-42?rev=1-abc'],
    ['-X', 'DELETE', 'http://localhost:8001/api/v1/namespaces/prod/pods/web-abc'],
    ['-X', 'DELETE', 'http://localhost:7700/indexes/movies/documents/25684'],
    ['-s', 'http://localhost:6333/collections/embeddings'],
  ])('%j is fine', (...args) => {
    expect(curl(...args)).toEqual([]);
  });
});
