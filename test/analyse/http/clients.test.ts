import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseItem } from '../../../src/analyse/http/clients/httpie.js';
import { findings, request, requests } from './helpers.js';

describe('wget', () => {
  it('reads --method, --post-data, --body-data and --header in both spellings', () => {
    const post = request(['wget', '-qO-', '--header=Content-Type: application/json', '--post-data={"a":1}', 'https://a.dev/x']);
    expect(post.method).toBe('POST');
    expect(post.body).toEqual({ kind: 'text', text: '{"a":1}', dynamic: false });
    expect(post.contentType).toBe('application/json');
    expect(request(['wget', '--method=DELETE', 'https://a.dev/x']).method).toBe('DELETE');
    expect(request(['wget', '--method', 'delete', '-O', '-', 'https://a.dev/x']).method).toBe('DELETE');
    const body = request(['wget', '--method=PUT', '--body-data', 'null', 'https://db.firebaseio.com/.json']);
    expect(body.body).toEqual({ kind: 'text', text: 'null', dynamic: false });
    // --body-data without --method is ignored by wget.
    expect(request(['wget', '--body-data', 'x', 'https://a.dev/x']).body.kind).toBe('none');
  });

  it('reads --post-file / --body-file and wgetrc commands given with -e', () => {
    const dir = mkdtempSync(join(tmpdir(), 'interlock-http-'));
    writeFileSync(join(dir, 'q.json'), '{"query":"mutation { serviceDelete(id: \\"s1\\") }"}');
    expect(request(['wget', '--post-file=q.json', 'https://a.dev/x'], { cwd: dir }).body.kind).toBe('text');
    expect(request(['wget', '--post-file', 'missing.json', 'https://a.dev/x'], { cwd: dir }).body.kind).toBe('unknown');
    expect(request(['wget', '-e', 'method=DELETE', 'https://a.dev/x']).method).toBe('DELETE');
    expect(request(['wget', '-nv', '-t', '3', 'https://a.dev/x']).url).toBe('https://a.dev/x');
  });
});

describe('httpie and xh', () => {
  it('splits items at their first separator', () => {
    expect(parseItem('state==open')).toEqual({ key: 'state', separator: '==', value: 'open' });
    expect(parseItem('variables:={"id":1}')).toEqual({ key: 'variables', separator: ':=', value: '{"id":1}' });
    expect(parseItem('Authorization:Bearer x')).toEqual({ key: 'Authorization', separator: ':', value: 'Bearer x' });
    expect(parseItem('query=mutation { a(b: "c") }')).toEqual({ key: 'query', separator: '=', value: 'mutation { a(b: "c") }' });
    expect(parseItem('file@./a.png')).toEqual({ key: 'file', separator: '@', value: './a.png' });
    expect(parseItem('data:=@body.json')).toEqual({ key: 'data', separator: ':=@', value: 'body.json' });
    expect(parseItem('a\\:b=c')).toEqual({ key: 'a:b', separator: '=', value: 'c' });
    expect(parseItem('no-separator')).toBeUndefined();
  });

  it('reads [METHOD] URL items', () => {
    const del = request(['http', 'DELETE', 'https://api.heroku.com/apps/acme-prod', 'Authorization:Bearer $KEY', 'Accept:application/vnd.heroku+json; version=3']);
    expect(del.method).toBe('DELETE');
    expect(del.headers).toEqual([{ name: 'authorization' }, { name: 'accept' }]);
    const get = request(['http', 'GET', 'https://api.github.com/repos/acme/api/issues', 'state==open', 'per_page==5']);
    expect(get.query).toEqual([
      { name: 'state', value: 'open' },
      { name: 'per_page', value: '5' },
    ]);
    expect(get.body.kind).toBe('none');
  });

  it('builds a JSON body from data items, which implies POST', () => {
    const r = request(['http', 'https://a.dev/graphql', 'query=mutation { x }', 'variables:={"id":"v1"}', 'count:=3']);
    expect(r.method).toBe('POST');
    expect(r.contentType).toBe('application/json');
    expect(JSON.parse((r.body as { text: string }).text)).toEqual({ query: 'mutation { x }', variables: { id: 'v1' }, count: 3 });
    const form = request(['http', '-f', 'POST', 'https://a.dev/x', 'query=mutation { y }']);
    expect(form.contentType).toBe('application/x-www-form-urlencoded');
    expect(request(['http', '--raw', '{"a":1}', 'https://a.dev/x']).body).toEqual({ kind: 'text', text: '{"a":1}', dynamic: false });
  });

  it('expands :port/path to localhost and picks the scheme by program', () => {
    const local = request(['http', 'DELETE', ':3000/api/todos/1']);
    expect([local.host, local.port, local.path, local.local]).toEqual(['localhost', 3000, '/api/todos/1', true]);
    expect(request(['xh', ':/health']).host).toBe('localhost');
    expect(request(['https', 'api.a.dev/x']).scheme).toBe('https');
    expect(request(['xhs', 'api.a.dev/x']).scheme).toBe('https');
    expect(request(['xh', '--https', 'api.a.dev/x']).scheme).toBe('https');
    expect(request(['xh', 'delete', 'api.a.dev/x']).method).toBe('DELETE');
  });

  it('reads a body piped in, unless --ignore-stdin', () => {
    expect(request(['http', 'https://a.dev/x'], { stdin: { kind: 'pipe', text: '{"a":1}' } }).method).toBe('POST');
    expect(request(['http', '--ignore-stdin', 'https://a.dev/x'], { stdin: { kind: 'pipe', text: '{"a":1}' } }).method).toBe('GET');
  });

  it('sends nothing with --offline or --curl', () => {
    expect(requests(['http', '--offline', 'DELETE', 'https://a.dev/x'])).toEqual([]);
    expect(requests(['xh', '--curl', 'DELETE', 'https://a.dev/x'])).toEqual([]);
  });
});

describe('gh api and glab api', () => {
  it('puts gh endpoints on api.github.com; fields imply POST unless -X says otherwise', () => {
    const del = request(['gh', 'api', '-X', 'DELETE', 'repos/acme/api/git/refs/heads/x']);
    expect(`${del.method} ${del.host}${del.path}`).toBe('DELETE api.github.com/repos/acme/api/git/refs/heads/x');
    expect(request(['gh', 'api', '--method=DELETE', '/repos/acme/api']).method).toBe('DELETE');
    expect(request(['gh', 'api', '-XDELETE', 'repos/acme/api']).method).toBe('DELETE');
    const post = request(['gh', 'api', 'repos/acme/api/issues', '-f', 'title=x', '-F', 'draft=true']);
    expect(post.method).toBe('POST');
    expect(JSON.parse((post.body as { text: string }).text)).toEqual({ title: 'x', draft: true });
    const get = request(['gh', 'api', '-X', 'GET', 'search/issues', '-f', 'q=repo:acme/api is:open']);
    expect(get.query).toEqual([{ name: 'q', value: 'repo:acme/api is:open' }]);
    expect(request(['gh', 'api', '--hostname', 'ghe.acme.com', 'repos/a/b']).url).toBe('https://ghe.acme.com/api/v3/repos/a/b');
  });

  it('sends gh api graphql fields as query and variables', () => {
    const r = request(['gh', 'api', 'graphql', '-f', 'query=mutation($id: ID!) { deleteRef(input: {refId: $id}) { clientMutationId } }', '-f', 'id=REF_1']);
    expect(r.method).toBe('POST');
    expect(r.path).toBe('/graphql');
    expect(JSON.parse((r.body as { text: string }).text)).toEqual({ query: 'mutation($id: ID!) { deleteRef(input: {refId: $id}) { clientMutationId } }', variables: { id: 'REF_1' } });
  });

  it('puts glab endpoints under /api/v4 on gitlab.com or --hostname', () => {
    const r = request(['glab', 'api', '--method', 'DELETE', 'projects/acme%2Fapi']);
    expect(`${r.method} ${r.host}${r.path}`).toBe('DELETE gitlab.com/api/v4/projects/acme%2Fapi');
    expect(request(['glab', 'api', '--hostname', 'gitlab.acme.dev', 'projects/5']).host).toBe('gitlab.acme.dev');
    expect(request(['glab', 'api', 'projects/5'], { env: { GITLAB_HOST: 'git.acme.dev' } }).host).toBe('git.acme.dev');
    expect(request(['glab', 'api', 'graphql', '-f', 'query=query { currentUser { id } }']).path).toBe('/api/graphql');
  });

  it('ignores other gh/glab subcommands (the platform pack owns them)', () => {
    expect(findings(['gh', 'repo', 'delete', 'acme/api', '--yes'])).toEqual([]);
    expect(findings(['glab', 'repo', 'delete', 'acme/api'])).toEqual([]);
    expect(requests(['gh', 'pr', 'list'])).toEqual([]);
  });
});
