import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configArguments } from '../../../src/analyse/http/clients/curl.js';
import { resolveCurlLong } from '../../../src/analyse/http/clients/curl-options.js';
import { request, requests } from './helpers.js';

describe('curl options', () => {
  it('reads -X in every spelling', () => {
    for (const argv of [
      ['curl', '-X', 'DELETE', 'https://api.x.dev/a'],
      ['curl', '-XDELETE', 'https://api.x.dev/a'],
      ['curl', '-sSfLXDELETE', 'https://api.x.dev/a'],
      ['curl', '-sSfL', '-X', 'delete', 'https://api.x.dev/a'],
      ['curl', '--request', 'DELETE', 'https://api.x.dev/a'],
      ['curl', '--request=DELETE', 'https://api.x.dev/a'],
      ['curl', '--request', 'DELETE', '--url', 'https://api.x.dev/a'],
    ]) {
      const r = request(argv);
      expect(r.method, argv.join(' ')).toBe('DELETE');
      expect(r.host).toBe('api.x.dev');
      expect(r.path).toBe('/a');
    }
  });

  it('tells option values from URLs with the real option table', () => {
    const r = request(['curl', '-o', 'out.json', '-w', '%{http_code}', '-H', 'Accept: x', '-A', 'agent', '-m', '5', '-e', 'https://ref.example', 'https://api.x.dev/v1/a']);
    expect(r.url).toBe('https://api.x.dev/v1/a');
    expect(requests(['curl', '--connect-timeout', '3', '--retry', '2', '--cacert', 'ca.pem', 'https://a.dev/x'])).toHaveLength(1);
  });

  it('infers the method from data, -G, -I and -T', () => {
    expect(request(['curl', 'https://a.dev/x']).method).toBe('GET');
    expect(request(['curl', '-d', 'a=1', 'https://a.dev/x']).method).toBe('POST');
    expect(request(['curl', '--json', '{}', 'https://a.dev/x']).method).toBe('POST');
    expect(request(['curl', '-F', 'file=@x.png', 'https://a.dev/x']).method).toBe('POST');
    expect(request(['curl', '-I', 'https://a.dev/x']).method).toBe('HEAD');
    expect(request(['curl', '--head', 'https://a.dev/x']).method).toBe('HEAD');
    expect(request(['curl', '-T', 'backup.dump', 'https://a.dev/x/']).method).toBe('PUT');
    expect(request(['curl', '--upload-file', 'backup.dump', 'https://a.dev/x/']).body.kind).toBe('unknown');
    const get = request(['curl', '-G', '-d', 'q=1', '--data-urlencode', 'name=a b', 'https://a.dev/x']);
    expect(get.method).toBe('GET');
    expect(get.body.kind).toBe('none');
    expect(get.query).toEqual([
      { name: 'q', value: '1' },
      { name: 'name', value: 'a b' },
    ]);
  });

  it('assembles data parts the way curl does', () => {
    const r = request(['curl', '-d', 'a=1', '--data-raw', '@literal', '--data-urlencode', 'q=x&y', 'https://a.dev/x']);
    expect(r.body).toEqual({ kind: 'text', text: 'a=1&@literal&q=x%26y', dynamic: false });
    expect(r.contentType).toBe('application/x-www-form-urlencoded');
    const json = request(['curl', '--json', '{"a":', '--json', '1}', 'https://a.dev/x']);
    expect(json.body).toEqual({ kind: 'text', text: '{"a":1}', dynamic: false });
    expect(json.contentType).toBe('application/json');
    expect(request(['curl', '-H', 'Content-Type: application/graphql; charset=utf-8', '-d', 'x', 'https://a.dev/x']).contentType).toBe('application/graphql');
  });

  it('reads @file bodies relative to the cwd, and @- from stdin', () => {
    const dir = mkdtempSync(join(tmpdir(), 'interlock-http-'));
    writeFileSync(join(dir, 'payload.json'), '{"query":\n"x"}\r\n');
    expect(request(['curl', '-d', '@payload.json', 'https://a.dev/x'], { cwd: dir }).body).toEqual({ kind: 'text', text: '{"query":"x"}', dynamic: false });
    expect(request(['curl', '--data-binary', '@payload.json', 'https://a.dev/x'], { cwd: dir }).body).toEqual({ kind: 'text', text: '{"query":\n"x"}\r\n', dynamic: false });
    expect(request(['curl', '-d', '@missing.json', 'https://a.dev/x'], { cwd: dir }).body.kind).toBe('unknown');
    const heredoc = request(['curl', '--data-binary', '@-', 'https://a.dev/x'], { stdin: { kind: 'heredoc', text: '{"a":1}\n' } });
    expect(heredoc.body).toEqual({ kind: 'text', text: '{"a":1}\n', dynamic: false });
    const fromFile = request(['curl', '-d', '@-', 'https://a.dev/x'], { cwd: dir, stdin: { kind: 'file', path: 'payload.json' } });
    expect(fromFile.body).toEqual({ kind: 'text', text: '{"query":"x"}', dynamic: false });
    expect(request(['curl', '-d', '@-', 'https://a.dev/x'], { stdin: { kind: 'unknown', from: 'cat x | …' } }).body.kind).toBe('unknown');
    expect(request(['curl', '-d', '@-', 'https://a.dev/x']).body.kind).toBe('unknown');
  });

  it('reads -F fields, including <file contents', () => {
    const dir = mkdtempSync(join(tmpdir(), 'interlock-http-'));
    writeFileSync(join(dir, 'ops.json'), '{"query":"mutation"}');
    const r = request(['curl', '-F', 'operations=<ops.json', '-F', 'map={}', '-F', '0=@a.png', '--form-string', 'raw=<not-a-file', 'https://a.dev/graphql'], { cwd: dir });
    expect(r.body).toEqual({
      kind: 'multipart',
      fields: [
        { name: 'operations', value: '{"query":"mutation"}' },
        { name: 'map', value: '{}' },
        { name: '0', file: 'a.png' },
        { name: 'raw', value: '<not-a-file' },
      ],
    });
  });

  it('sends each URL, with --url and several positionals', () => {
    const all = requests(['curl', '-X', 'DELETE', 'https://a.dev/1', '--url', 'https://b.dev/2']);
    expect(all.map((r) => `${r.method} ${r.host}${r.path}`)).toEqual(['DELETE a.dev/1', 'DELETE b.dev/2']);
  });

  it('starts a new option group after --next', () => {
    const all = requests(['curl', '-X', 'DELETE', 'https://a.dev/1', '--next', 'https://b.dev/2', '-:', '-d', 'x=1', 'https://c.dev/3']);
    expect(all.map((r) => r.method)).toEqual(['DELETE', 'GET', 'POST']);
  });

  it('honours method overrides in headers and query', () => {
    expect(request(['curl', '-X', 'POST', '-H', 'X-HTTP-Method-Override: DELETE', 'https://a.dev/x']).method).toBe('DELETE');
    expect(request(['curl', '-X', 'POST', 'https://db.firebaseio.com/.json?x-http-method-override=DELETE']).method).toBe('DELETE');
    expect(request(['curl', '-d', '_method=delete&confirm=1', 'https://app.acme.dev/projects/7']).method).toBe('DELETE');
    expect(request(['curl', '--json', '{"_method":"delete"}', 'https://app.acme.dev/projects/7']).method).toBe('POST');
  });

  it('keeps connection details that decide the target', () => {
    const docker = request(['curl', '--unix-socket', '/var/run/docker.sock', '-X', 'DELETE', 'http://localhost/volumes/pgdata']);
    expect(docker.unixSocket).toBe('/var/run/docker.sock');
    expect(docker.local).toBe(true);
    expect(request(['curl', '--aws-sigv4', 'aws:amz:us-east-1:s3', 'https://b.s3.amazonaws.com/k']).awsSigv4).toBe('aws:amz:us-east-1:s3');
    expect(request(['curl', '--request-target', '/other/path', 'https://a.dev/x']).path).toBe('/other/path');
    expect(request(['curl', '--url-query', 'recurse=true', '-X', 'DELETE', 'http://localhost:8500/v1/kv/a']).query).toEqual([{ name: 'recurse', value: 'true' }]);
  });

  it('parses -K config files (and -K - from stdin); an unreadable one hides method and body', () => {
    const dir = mkdtempSync(join(tmpdir(), 'interlock-http-'));
    writeFileSync(join(dir, 'req.cfg'), '# comment\nrequest = DELETE\nurl = "https://api.x.dev/v1/apps/a"\n--header "Accept: x"\n');
    const r = request(['curl', '-K', 'req.cfg'], { cwd: dir });
    expect(`${r.method} ${r.host}${r.path}`).toBe('DELETE api.x.dev/v1/apps/a');
    const stdin = request(['curl', '--config', '-'], { stdin: { kind: 'heredoc', text: 'url = https://api.x.dev/q\ndata = "{\\"a\\":1}"\n' } });
    expect(stdin.body).toEqual({ kind: 'text', text: '{"a":1}', dynamic: false });
    const hidden = request(['curl', '-K', 'nope.cfg', 'https://api.x.dev/x'], { cwd: dir });
    expect(hidden.methodKnown).toBe(false);
    expect(hidden.body.kind).toBe('unknown');
    expect(configArguments('silent\nX: POST\n')).toEqual(['--silent', '-X', 'POST']);
  });

  it('resolves long options like curl', () => {
    expect(resolveCurlLong('data-binary')).toBe('data-binary');
    expect(resolveCurlLong('no-progress-meter')).toBe('no-progress-meter');
    expect(resolveCurlLong('reque')).toBeUndefined(); // request / request-target: ambiguous
    expect(resolveCurlLong('unix-sock')).toBe('unix-socket');
    expect(resolveCurlLong('bogus-option')).toBeUndefined();
  });

  it('never throws on odd input', () => {
    expect(requests(['curl'])).toEqual([]);
    expect(requests(['curl', '-X'])).toEqual([]);
    expect(requests(['curl', '-d'])).toEqual([]);
    expect(requests(['curl', '--', '-weird'])).toHaveLength(1);
    expect(() => requests(['curl', '-K', '-', 'x'], { stdin: { kind: 'heredoc', text: '"\\' } })).not.toThrow();
    expect(() => requests(['curl', 'http://[::1', 'https://%zz/%zz?%=%'])).not.toThrow();
  });
});

describe('URLs', () => {
  it('keeps the known path of a URL whose host is a variable', () => {
    const fly = request(['curl', '-X', 'DELETE', '${FLY_API_HOSTNAME}/v1/apps/my-app']);
    expect(fly.hostKnown).toBe(false);
    expect(fly.host).toBe('${FLY_API_HOSTNAME}');
    expect(fly.matchHost).toBe('api.machines.dev');
    expect(fly.path).toBe('/v1/apps/my-app');
    expect(fly.local).toBe(false);
    const supa = request(['curl', 'https://$PROJECT_REF.supabase.co/rest/v1/orders?id=gt.0']);
    expect(supa.matchHost).toBe('$project_ref.supabase.co');
    expect(supa.query).toEqual([{ name: 'id', value: 'gt.0' }]);
    expect(request(['curl', '$(cat url.txt)/v1/x']).path).toBe('/v1/x');
  });

  it('normalises paths, schemes, ports and localhost', () => {
    const es = request(['curl', '-XDELETE', 'localhost:9200/logs-*']);
    expect([es.scheme, es.host, es.port, es.path, es.local]).toEqual(['http', 'localhost', 9200, '/logs-*', true]);
    expect(request(['curl', 'HTTPS://API.Example.COM//v1/./a/../b/']).path).toBe('/v1/b');
    expect(request(['curl', 'https://gitlab.com/api/v4/projects/acme%2Fapi/repository/branches/ma%69n']).path).toBe('/api/v4/projects/acme%2Fapi/repository/branches/main');
    expect(request(['curl', 'http://[::1]:8080/x']).local).toBe(true);
    expect(request(['curl', 'http://127.0.0.1:3000/x']).local).toBe(true);
    expect(request(['curl', 'http://10.0.0.5/x']).local).toBe(false);
  });
});
