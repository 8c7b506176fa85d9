// The incident (DESIGN.md §1) in the shapes agents actually produce, and commands that must pass.
export const TOKEN = 'rwtok_7Hq2xLm9Pz4Vb8Nc3Kd6Tf1Yg5Sj0Wa';
const URL = 'https://backboard.railway.app/graphql/v2';
const VOLUME = '3d2c42fb-9a1b-4c2d-8e3f-0123456789ab';

/** Commands that must be held, each with `interlock approve <id>` in the reason. */
export const INCIDENT_FORMS: Record<string, string> = {
  'as reported (-d, literal bearer token)': `curl -X POST ${URL} -H "Authorization: Bearer ${TOKEN}" -d '{"query":"mutation { volumeDelete(volumeId: \\"${VOLUME}\\") }"}'`,
  "Railway's documented form (--request/--url/--header/--data, variables, line continuations)": [
    `curl --request POST \\`,
    `  --url ${URL} \\`,
    `  --header 'Authorization: Bearer ${TOKEN}' \\`,
    `  --header 'Content-Type: application/json' \\`,
    `  --data '{"query":"mutation volumeDelete($volumeId: String!) { volumeDelete(volumeId: $volumeId) }","variables":{"volumeId":"${VOLUME}"}}'`,
  ].join('\n'),
  '--data-raw with a named operation': `curl ${URL} -H 'Content-Type: application/json' -H "Authorization: Bearer ${TOKEN}" --data-raw '{"operationName":"Cleanup","query":"mutation Cleanup { volumeDelete(volumeId: \\"${VOLUME}\\") }"}'`,
  '--json': `curl --json '{"query":"mutation { volumeDelete(volumeId: \\"${VOLUME}\\") }"}' -H "Authorization: Bearer ${TOKEN}" ${URL}`,
  '-d @payload.json (file in cwd)': `curl -s -X POST ${URL} -H "Authorization: Bearer ${TOKEN}" -H 'Content-Type: application/json' -d @payload.json`,
  '--data-binary @- with a heredoc body': [
    `curl -X POST ${URL} -H "Authorization: Bearer ${TOKEN}" -H 'Content-Type: application/json' --data-binary @- <<'EOF'`,
    `{"query":"mutation { volumeDelete(volumeId: \\"${VOLUME}\\") }"}`,
    `EOF`,
  ].join('\n'),
  'token in a variable, curl chained with &&': `RAILWAY_TOKEN=${TOKEN} && curl -X POST ${URL} -H "Authorization: Bearer $RAILWAY_TOKEN" -d '{"query":"mutation { volumeDelete(volumeId: \\"${VOLUME}\\") }"}'`,
  "inside bash -c '…'": `bash -c 'curl -X POST ${URL} -H "Authorization: Bearer ${TOKEN}" -d "{\\"query\\":\\"mutation { volumeDelete(volumeId: \\\\\\"${VOLUME}\\\\\\") }\\"}"'`,
  'an environmentDelete mutation': `curl -X POST ${URL} -H "Authorization: Bearer ${TOKEN}" -H 'Content-Type: application/json' -d '{"query":"mutation { environmentDelete(id: \\"env-prod-42\\") }"}'`,
  'railway volume delete': 'railway volume delete --volume pg-data --yes',
};

/** The body `-d @payload.json` reads. */
export const PAYLOAD_FILE = `{"query":"mutation { volumeDelete(volumeId: \\"${VOLUME}\\") }"}\n`;

/** Commands with no opinion. */
export const SAFE_FORMS: Record<string, string> = {
  'git status': 'git status',
  'a Railway GraphQL query': `curl -s -X POST ${URL} -H "Authorization: Bearer ${TOKEN}" -H 'Content-Type: application/json' -d '{"query":"query { me { id email } }"}'`,
  'railway logs': 'railway logs',
};
