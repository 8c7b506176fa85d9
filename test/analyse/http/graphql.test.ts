import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectGraphql } from '../../../src/analyse/http/graphql/detect.js';
import { judgeMutationField } from '../../../src/analyse/http/graphql/judge.js';
import { parseOperations, Unresolved } from '../../../src/analyse/http/graphql/parse.js';
import { RuleSet } from '../../../src/rules/registry.js';
import { decisionOf, findings, httpContext, judge, request, rules } from './helpers.js';

const RAILWAY = 'https://backboard.railway.app/graphql/v2';
const RAILWAY_COM = 'https://backboard.railway.com/graphql/v2';
const VOLUME = '3f9d2c1e-7a4b-4e8f-9c2d-1b5a6e7f8a90';

describe('the incident and Railway forms (must confirm)', () => {
  it('the incident as reported, with a literal token', () => {
    const found = findings([
      'curl', '-X', 'POST', RAILWAY, '-H', 'Authorization: Bearer 6d1f0c2e-94b1-4c4f-a3c2-token-literal',
      '-d', '{"query":"mutation { volumeDelete(volumeId: \\"3d2c42fb-...\\") }"}',
    ]);
    expect(rules(found)).toEqual(['graphql.railway.volume-delete']);
    expect(found[0].target).toBe('3d2c42fb-...');
    expect(JSON.stringify(found)).not.toContain('token-literal');
    expect(decisionOf(found)).toBe('confirm');
  });

  it("Railway's documented form: --request/--url/--header/--data with variables", () => {
    const found = findings([
      'curl', '--request', 'POST', '--url', RAILWAY_COM, '--header', 'Authorization: Bearer $RAILWAY_TOKEN', '--header', 'Content-Type: application/json',
      '--data', `{"query":"mutation volumeDelete($volumeId: String!) {\\n  volumeDelete(volumeId: $volumeId)\\n}","variables":{"volumeId":"${VOLUME}"}}`,
    ]);
    expect(rules(found)).toEqual(['graphql.railway.volume-delete']);
    expect(found[0].target).toBe(VOLUME);
  });

  it('--data-raw with a named operation, --json, environmentDelete', () => {
    expect(judge(['curl', RAILWAY, '--data-raw', `{"query":"mutation DropIt { serviceDelete(id: \\"s1\\") }","operationName":"DropIt"}`])).toBe('confirm');
    expect(rules(findings(['curl', '--json', `{"query":"mutation { projectDelete(id: \\"p1\\") }"}`, RAILWAY]))).toEqual(['graphql.railway.project-delete']);
    const env = findings(['curl', '-X', 'POST', RAILWAY_COM, '-d', '{"query":"mutation environmentDelete($id: String!) { environmentDelete(id: $id) }","variables":{"id":"env-7"}}']);
    expect(rules(env)).toEqual(['graphql.railway.environment-delete']);
    expect(env[0].target).toBe('env-7');
  });

  it('-d @payload.json when the file is there, and an unseen payload when it is not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'interlock-gql-'));
    writeFileSync(join(dir, 'payload.json'), `{"query":"mutation { volumeDelete(volumeId: \\"${VOLUME}\\") }"}\n`);
    const found = findings(['curl', '-s', '-X', 'POST', RAILWAY, '-H', 'Content-Type: application/json', '-d', '@payload.json'], { cwd: dir });
    expect(rules(found)).toEqual(['graphql.railway.volume-delete']);
    expect(found[0].target).toBe(VOLUME);
    expect(rules(findings(['curl', '-X', 'POST', RAILWAY, '-d', '@gone.json'], { cwd: dir }))).toEqual(['graphql.railway.unknown-payload']);
    expect(rules(findings(['curl', '-X', 'POST', RAILWAY, '-d', '$PAYLOAD']))).toEqual(['graphql.railway.unknown-payload']);
  });

  it('--data-binary @- with a heredoc body', () => {
    const found = findings(['curl', '-X', 'POST', RAILWAY, '-H', 'Content-Type: application/json', '--data-binary', '@-'], {
      stdin: { kind: 'heredoc', text: `{"query":"mutation { volumeDelete(volumeId: \\"${VOLUME}\\") }"}\n` },
    });
    expect(rules(found)).toEqual(['graphql.railway.volume-delete']);
  });

  it('wget --post-data, httpie query=…, a raw application/graphql body, a batched array', () => {
    expect(judge(['wget', '-qO-', '--post-data={"query":"mutation { serviceDelete(id: \\"s\\") }"}', RAILWAY])).toBe('confirm');
    expect(judge(['http', 'POST', RAILWAY, 'Authorization:Bearer $T', `query=mutation { volumeDelete(volumeId: "${VOLUME}") }`])).toBe('confirm');
    expect(judge(['curl', RAILWAY, '-H', 'Content-Type: application/graphql', '-d', 'mutation { volumeDelete(volumeId: "v") }'])).toBe('confirm');
    expect(judge(['curl', RAILWAY, '-d', '[{"query":"query { me { id } }"},{"query":"mutation { volumeDelete(volumeId: \\"v\\") }"}]'])).toBe('confirm');
  });

  it('fragments, aliases and unicode escapes do not hide a field', () => {
    const fragment = 'mutation { ...F } fragment F on Mutation { keep: volumeDelete(volumeId: \\"v\\") }';
    expect(rules(findings(['curl', RAILWAY, '-d', `{"query":"${fragment}"}`]))).toEqual(['graphql.railway.volume-delete']);
    expect(judge(['curl', RAILWAY, '-d', '{"query":"\\u006dutation { volumeDelete(volumeId: \\"v\\") }"}'])).toBe('confirm');
    expect(judge(['curl', '-G', RAILWAY, '--data-urlencode', 'query=mutation { volumeDelete(volumeId: "v") }'])).toBe('confirm');
  });

  it('routine Railway mutations and queries are allowed', () => {
    const upsert = findings(['curl', '-X', 'POST', RAILWAY_COM, '-d', '{"query":"mutation variableUpsert($input: VariableUpsertInput!) { variableUpsert(input: $input) }","variables":{"input":{"name":"LOG_LEVEL","value":"debug"}}}']);
    expect(rules(upsert)).toEqual(['graphql.railway.routine']);
    expect(decisionOf(upsert)).toBe('allow');
    expect(judge(['curl', RAILWAY_COM, '-d', '{"query":"query project($id: String!) { project(id: $id) { volumes { edges { node { id } } } } }","variables":{"id":"p"}}'])).toBe('allow');
    expect(findings(['curl', RAILWAY, '-d', '{"query":"{ __type(name: \\"Mutation\\") { fields { name } } }"}'])).toEqual([]);
    for (const field of ['serviceInstanceRedeploy(serviceId: \\"s\\", environmentId: \\"e\\")', 'deploymentRestart(id: \\"d\\")', 'volumeInstanceBackupCreate(volumeInstanceId: \\"v\\")', 'deploymentRollback(id: \\"d\\")']) {
      expect(judge(['curl', RAILWAY_COM, '-d', `{"query":"mutation { ${field} }"}`]), field).toBe('allow');
    }
    // A query that only mentions the word.
    expect(findings(['curl', RAILWAY, '-d', '{"query":"query { search(text: \\"mutation volumeDelete\\") { id } }"}'])).toEqual([]);
  });

  it('the selected operation decides', () => {
    const body = '{"query":"query Safe { me { id } } mutation Drop { volumeDelete(volumeId: \\"v\\") }","operationName":"Safe"}';
    expect(findings(['curl', RAILWAY, '-d', body])).toEqual([]);
    // Without operationName the server would refuse; judging every operation fails closed.
    expect(judge(['curl', RAILWAY, '-d', body.replace(',"operationName":"Safe"', '')])).toBe('confirm');
  });

  it('malformed mutations fail closed', () => {
    expect(rules(findings(['curl', 'https://api.acme.dev/graphql', '-d', '{"query":"mutation { projectDelete(id: \\"p1\\" "}']))).toEqual(['graphql.malformed-mutation']);
    expect(rules(findings(['curl', 'https://api.acme.dev/graphql', '-H', 'Content-Type: application/json', '-d', '{"query": "mutation { x(', 'https://b.dev']))).toContain('graphql.malformed-mutation');
    // Invalid JSON whose document still parses is judged by the document.
    expect(rules(findings(['curl', RAILWAY, '-d', '{"query": "mutation { volumeDelete(volumeId: "v") }"}']))).toEqual(['graphql.railway.volume-delete']);
  });
});

describe('any GraphQL API', () => {
  const api = (query: string, url = 'https://api.acme.dev/graphql') => findings(['curl', '-X', 'POST', url, '-d', JSON.stringify({ query })]);

  it('finds destructive verbs in camelCase, snake_case and kebab-case', () => {
    for (const field of ['deleteProject(id: 1)', 'project_delete(id: 1)', 'purgeQueue(name: "q")', 'dropDatabase(name: "d")', 'wipeEnvironment(id: "e")', 'destroyCluster(id: "c")', 'emptyTrash']) {
      expect(rules(api(`mutation { ${field} }`)), field).toEqual(['graphql.destructive-mutation']);
    }
    const gh = findings(['gh', 'api', 'graphql', '-f', 'query=mutation($id: ID!) { deleteRef(input: {refId: $id}) { clientMutationId } }', '-f', 'id=REF_kwDO1']);
    expect(rules(gh)).toEqual(['graphql.destructive-mutation']);
    expect(gh[0].target).toBe('REF_kwDO1');
    expect(gh[0].action).toBe('delete ref');
  });

  it('leaves creates, updates, caches, sessions, tokens and detaching alone', () => {
    for (const field of ['createProject(name: "x")', 'updateUser(id: 1, name: "y")', 'clearCache', 'deleteSession(id: 1)', 'revokeToken(id: 1)', 'resetPassword(email: "a")', 'removeLabelsFromLabelable(input: {})', 'archiveIssue(id: 1)', 'deleteDeployment(input: {id: "d"})']) {
      expect(api(`mutation { ${field} }`), field).toEqual([]);
    }
  });

  it("on the agent's own localhost server only wipes, bulk deletes and data stores count", () => {
    const local = 'http://localhost:4000/graphql';
    expect(api('mutation { deleteTodo(id: 1) { id } }', local)).toEqual([]);
    expect(rules(api('mutation { deleteAllTodos }', local))).toEqual(['graphql.destructive-mutation']);
    expect(rules(api('mutation { dropDatabase(name: "dev") }', local))).toEqual(['graphql.destructive-mutation']);
    expect(rules(api('mutation { deleteProject(id: 3) }', local))).toEqual(['graphql.destructive-mutation']);
  });

  it('Hasura delete_/update_ follow the database policy', () => {
    const hasura = 'https://acme.hasura.app/v1/graphql';
    expect(rules(api('mutation { delete_users(where: {}) { affected_rows } }', hasura))).toEqual(['graphql.match-all-write']);
    expect(rules(api('mutation { delete_orders(where: {id: {_neq: 0}}) { affected_rows } }', hasura))).toEqual(['graphql.match-all-write']);
    expect(rules(api('mutation { update_accounts(where: {id: {_gt: 0}}, _set: {balance: 0}) { affected_rows } }', 'http://localhost:8080/v1/graphql'))).toEqual(['graphql.match-all-write']);
    expect(rules(api('mutation ($w: users_bool_exp!) { delete_users(where: $w) { affected_rows } }', hasura))).toEqual(['graphql.match-all-write']);
    expect(api('mutation { delete_users_by_pk(id: 42) { id } }', hasura)).toEqual([]);
    expect(api('mutation { delete_sessions(where: {expires_at: {_lt: "2024-01-01"}}) { affected_rows } }', hasura)).toEqual([]);
  });

  it('a persisted query is judged by its operation name', () => {
    expect(rules(findings(['curl', 'https://api.acme.dev/graphql', '-d', '{"operationName":"DeleteProject","extensions":{"persistedQuery":{"version":1,"sha256Hash":"abc"}}}']))).toEqual(['graphql.destructive-mutation']);
    expect(findings(['curl', 'https://api.acme.dev/graphql', '-d', '{"operationName":"ListProjects","extensions":{"persistedQuery":{"version":1,"sha256Hash":"abc"}}}'])).toEqual([]);
  });

  it('user rules with graphql: (and http:/command: parts) are evaluated', () => {
    const context = httpContext();
    context.rules.addRule({
      id: 'team.gql.archive',
      decision: 'confirm',
      action: 'archive workspace',
      reason: 'Archiving a workspace hides it from every customer.',
      match: { command: 'curl', http: { host: 'api.acme.dev' }, graphql: { operation: 'mutation', field: 'workspaceArchive' } },
      examples: { match: [], noMatch: [] },
      pack: 'user',
      source: 'config',
    });
    const body = JSON.stringify({ query: 'mutation { workspaceArchive(id: "w1") }' });
    const found = findings(['curl', 'https://api.acme.dev/graphql', '-d', body], {}, context);
    expect(rules(found)).toEqual(['team.gql.archive']);
    expect(found[0].target).toBe('w1');
    expect(findings(['http', 'https://api.acme.dev/graphql', `query=mutation { workspaceArchive(id: "w1") }`], {}, context)).toEqual([]);
    expect(findings(['curl', 'https://other.dev/graphql', '-d', body], {}, context)).toEqual([]);
    expect(new RuleSet([]).graphqlRules).toEqual([]);
  });
});

describe('GraphQL internals', () => {
  it('detects payloads only where a mutation can be', () => {
    expect(detectGraphql(request(['curl', 'https://a.dev/graphql', '-d', '{"query":"{ me { id } }"}'])).kind).toBe('none');
    expect(detectGraphql(request(['curl', 'https://a.dev/x', '-d', '{"note":"a mutation test"}'])).kind).toBe('none');
    expect(detectGraphql(request(['curl', 'https://a.dev/graphql', '-F', 'operations={"query":"mutation { a }"}', '-F', '0=@f.png'])).kind).toBe('payloads');
  });

  it('resolves arguments from variables', () => {
    const parsed = parseOperations('mutation M($id: ID!, $n: Int) { a(id: $id, n: $n, list: [1, $id], obj: {k: $id}, e: ENUM, nothing: null) }', { id: 'x' }, 'M');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const args = parsed.operations[0].fields[0].args;
    expect(args.id).toBe('x');
    expect(args.n).toBeInstanceOf(Unresolved);
    expect(args.list).toEqual(['1', 'x']);
    expect(args.obj).toEqual({ k: 'x' });
    expect(args.e).toBe('ENUM');
    expect(args.nothing).toBeNull();
  });

  it('judges a field by verb and object', () => {
    expect(judgeMutationField({ name: 'volumeInstanceBackupDelete', args: { volumeInstanceId: 'vi', volumeInstanceBackupId: 'b' } }, false)?.target).toBe('b');
    expect(judgeMutationField({ name: 'resetDatabase', args: {} }, false)?.rule).toBe('graphql.destructive-mutation');
    expect(judgeMutationField({ name: 'resetSettings', args: {} }, false)).toBeUndefined();
  });
});
