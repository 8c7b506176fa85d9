// Removes secrets from command text before it is stored (pending requests, audit log) or shown
// (the agent-visible reason, `interlock approve`). Grants match the exact text by hash, so nothing
// here needs to be reversible. Variable references ($TOKEN, ${TOKEN}, $(cat f)) are not secrets and
// stay readable: they tell the human which credential a command uses without revealing it.
//
// Two passes: patterns that hold anywhere in the text (headers, URLs, query strings, JSON keys,
// NAME=value assignments, known token shapes), then a word pass for secrets that are only
// recognisable by position (`--password x`, `mysql -px`, `redis-cli -a x`, `curl -u user:x`).
import { expansionEnd } from '../util/shell-expansion.js';

export const REDACTED = '[redacted]';

/** `$TOKEN`, `${TOKEN}`, `$(cat f)`, `"$TOKEN"`: a reference, not a literal. */
function isReference(value: string): boolean {
  const v = value.replace(/^["']/, '');
  return /^\$[{(A-Za-z_]/.test(v);
}

// ─── Names that hold secrets ─────────────────────────────────────────────────────────────────

// Suffixes of variable, JSON-key and flag names whose value is a secret, compared after
// normalising the name to lower snake case: DB_PASSWORD, githubToken → github_token, --api-key →
// api_key, X-Api-Key → x_api_key. A suffix matches the whole name or a final `_`-separated part.
export const SECRET_SUFFIXES = [
  'password', 'passwd', 'pass', 'passphrase', 'pwd', 'token', 'secret', 'api_key', 'apikey', 'auth', 'credentials',
  'credential', 'cookie', 'bearer', 'signature', 'private_key', 'secret_key', 'access_key', 'account_key',
  'master_key', 'client_key', 'signing_key', 'encryption_key', 'session_key', 'key_base', 'dsn',
];
// Whole names that hold secrets without a separator (keytool, openssl).
export const SECRET_NAMES = new Set(['storepass', 'keypass', 'srcstorepass', 'deststorepass', 'srckeypass', 'destkeypass', 'passin', 'passout', 'passwd']);
const GLUED_SUFFIXES = ['password', 'passwd', 'secret', 'token', 'apikey'];
// Names that end like a secret but are not one (`PWD` is the working directory).
const NOT_SECRET = new Set(['pwd', 'oldpwd', 'bypass', 'compass']);

function normaliseName(name: string): string {
  return name
    .replace(/^-+/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/-/g, '_');
}

/** Whether NAME=value / "name": value / --name value holds a secret by its name alone. */
export function isSecretName(name: string): boolean {
  const n = normaliseName(name);
  if (!n || NOT_SECRET.has(n) || /^(?:no|ask|prompt|with|use|skip)_/.test(n)) return false;
  if (SECRET_NAMES.has(n)) return true;
  if (SECRET_SUFFIXES.some((s) => n === s || n.endsWith('_' + s))) return true;
  // environment variables glue words together: PGPASSWORD, GITHUBTOKEN
  return /^[A-Z0-9_]+$/.test(name) && GLUED_SUFFIXES.some((s) => n.endsWith(s));
}

/** `*_KEY=…` names are secrets only when the value looks like one (long hex/base64, not a path). */
function isKeyName(name: string): boolean {
  const n = normaliseName(name);
  return n.endsWith('_key');
}

function looksLikeSecretValue(value: string): boolean {
  if (/^[A-Za-z0-9+/]{32,}={0,2}$/.test(value)) return true;
  return value.length >= 16 && /^[A-Za-z0-9+=_.-]+$/.test(value) && /[0-9]/.test(value) && /[A-Za-z]/.test(value);
}

// ─── Known token shapes ──────────────────────────────────────────────────────────────────────

export const TOKEN_SHAPES = new RegExp(
  [
    'gh[pousr]_[A-Za-z0-9]{16,}', // GitHub
    'github_pat_[A-Za-z0-9_]{20,}',
    'xox[abposre]-[A-Za-z0-9-]{8,}', // Slack
    'xapp-[A-Za-z0-9-]{10,}',
    '(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{8,}', // Stripe
    'whsec_[A-Za-z0-9]{16,}',
    '(?:AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA)[A-Z0-9]{16}', // AWS access key ids
    'AIza[0-9A-Za-z_-]{30,}', // Google API key
    'ya29\\.[0-9A-Za-z_-]{20,}', // Google OAuth
    'gl(?:pat|dt|rt|ptt|soat|cbt|ft|imt|oas|agent)-[0-9A-Za-z_-]{16,}', // GitLab
    'npm_[A-Za-z0-9]{30,}',
    'sk-ant-[A-Za-z0-9_-]{20,}', // Anthropic
    'sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{32,}', // OpenAI
    'do[opr]_v1_[a-f0-9]{40,}', // DigitalOcean
    'sbp_[a-f0-9]{32,}', // Supabase
    'nfp_[A-Za-z0-9]{20,}', // Netlify
    'hf_[A-Za-z0-9]{20,}', // Hugging Face
    'lin_api_[A-Za-z0-9]{20,}', // Linear
    'dp\\.(?:pt|st|sa|ct|scim|audit)\\.[A-Za-z0-9]{20,}', // Doppler
    'pul-[a-f0-9]{40}', // Pulumi
    'shp(?:at|ss|ca|pa)_[a-fA-F0-9]{20,}', // Shopify
    'pscale_(?:tkn|pw|oauth)_[A-Za-z0-9_-]{20,}', // PlanetScale
    'napi_[A-Za-z0-9]{20,}', // Neon
    'PMAK-[A-Za-z0-9-]{20,}', // Postman
    'dapi[a-f0-9]{32}', // Databricks
    'gl(?:sa|c)_[A-Za-z0-9_=+/]{20,}', // Grafana
    'sntr[ysu]s?_[A-Za-z0-9_=+/]{20,}', // Sentry
    'SG\\.[A-Za-z0-9_-]{16,}\\.[A-Za-z0-9_-]{16,}', // SendGrid
    'hv[sbr]\\.[A-Za-z0-9_-]{20,}', // Vault
    'fo1_[A-Za-z0-9_-]{20,}', // Fly
    'fm[12][ar]?_[A-Za-z0-9_+/=-]{20,}',
    'rnd_[A-Za-z0-9]{20,}', // Render
    'vcp_[A-Za-z0-9]{20,}', // Vercel
    'eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*', // JWT
  ].join('|'),
  'g',
);

const PEM = /(-----BEGIN [A-Z ]*PRIVATE KEY-----)[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----)/g;

// ─── Value extents ───────────────────────────────────────────────────────────────────────────

/** End (exclusive) of the value that starts at `start`: a quoted string, or a run up to a separator. */
function valueEnd(text: string, start: number, stops: string): number {
  const first = text[start];
  if (first === '"' || first === "'") {
    for (let i = start + 1; i < text.length; i++) {
      if (text[i] === '\\' && first === '"') {
        i++;
        continue;
      }
      if (text[i] === first) return i + 1;
    }
    return text.length;
  }
  if (first === '\\' && text[start + 1] === '"') {
    const close = text.indexOf('\\"', start + 2);
    return close < 0 ? text.length : close + 2;
  }
  let i = start;
  while (i < text.length && !stops.includes(text[i])) i++;
  return i;
}

/** Replaces the inside of a value, keeping its quotes. */
function maskValue(value: string): string {
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0])) return value[0] + REDACTED + value[0];
  if (value.startsWith('\\"') && value.endsWith('\\"') && value.length >= 4) return '\\"' + REDACTED + '\\"';
  return REDACTED;
}

function unquote(value: string): string {
  if (value.startsWith('\\"') && value.endsWith('\\"') && value.length >= 4) return value.slice(2, -2);
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0])) return value.slice(1, -1);
  return value;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

function applyEdits(text: string, edits: Edit[]): string {
  if (edits.length === 0) return text;
  edits.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const edit of edits) {
    if (edit.start < at) continue; // overlapping: the earlier edit already covers it
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at);
}

// ─── Pass 1: patterns anywhere ───────────────────────────────────────────────────────────────

// A header line: `Authorization: Bearer x`, `-H 'X-Api-Key: x'`, `Cookie: a=b; c=d`, YAML `token: x`.
// Found by scanning for ':' (plain code: a case-insensitive alternation costs the one-shot hook
// more to compile than the whole scan takes). A header name is word segments joined by - or _,
// each starting with a letter, ending in a secret-holding word, after a separator or the start.
const HEADER_NAME = /^(?:[a-z][a-z0-9]*[-_])*(?:authorization|cookie|token|api[-_]?key|apikey|key|secret|password|passwd|auth|credentials?|signature)$/;
const HEADER_BEFORE = new Set(["'", '"', '{', ',', '(', ';', '=']);
/** Any whitespace (`\s`: also \v, \f, no-break and other Unicode spaces) separates a header name. */
const isSpace = (c: string) => c <= ' ' ? c === ' ' || (c >= '\t' && c <= '\r') : /\s/.test(c);
const AUTH_SCHEMES = new Set(['bearer', 'basic', 'token', 'bot', 'digest', 'flyv1', 'oauth', 'negotiate', 'aws4-hmac-sha256', 'sharedkey', 'sharedaccesssignature', 'apikey', 'key', 'sso-key', 'mac', 'geniekey', 'splunk', 'ssws', 'klaviyo-api-key']);

const isNameChar = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '-' || c === '_';

/** Length of `Bearer ` (scheme and its blanks) at the start of `text`, or 0. */
function authScheme(text: string): number {
  let i = 0;
  while (i < text.length && text[i] !== ' ' && text[i] !== '\t') i++;
  if (i === 0 || i === text.length || !AUTH_SCHEMES.has(text.slice(0, i).toLowerCase())) return 0;
  let j = i;
  while (j < text.length && (text[j] === ' ' || text[j] === '\t')) j++;
  return j;
}

interface HeaderMatch {
  /** The character before the name when it is a quote (the header is a quoted argument). */
  open: string;
  name: string;
  /** Where the value starts (after the colon and blanks). */
  start: number;
}

export function headerMatches(text: string): HeaderMatch[] {
  const found: HeaderMatch[] = [];
  for (let colon = text.indexOf(':'); colon >= 0; colon = text.indexOf(':', colon + 1)) {
    let end = colon;
    while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
    let begin = end;
    while (begin > 0 && isNameChar(text[begin - 1])) begin--;
    if (begin === end || (begin > 0 && !HEADER_BEFORE.has(text[begin - 1]) && !isSpace(text[begin - 1]))) continue;
    const name = text.slice(begin, end);
    if (!HEADER_NAME.test(name.toLowerCase())) continue;
    let start = colon + 1;
    while (start < text.length && (text[start] === ' ' || text[start] === '\t')) start++;
    const before = begin > 0 ? text[begin - 1] : '';
    found.push({ open: before === '"' || before === "'" ? before : '', name, start });
  }
  return found;
}

function headerEdits(text: string, edits: Edit[]): void {
  for (const m of headerMatches(text)) {
    const name = m.name;
    const lower = name.toLowerCase();
    // `key:` alone is too common (YAML maps, jq); only header-like names ending in -key count.
    if (lower === 'key') continue;
    const open = m.open;
    let start = m.start;
    if (start >= text.length || text[start] === '\n' || text[start] === '\r') continue;
    // The value ends where the quoted header argument ends, or at the end of the line.
    let end: number;
    if (open) {
      end = start;
      while (end < text.length && text[end] !== open && text[end] !== '\n') {
        if (text[end] === '\\' && open === '"') end++;
        end++;
      }
    } else if (text[start] === '"' || text[start] === "'") {
      end = valueEnd(text, start, '');
    } else {
      end = valueEnd(text, start, ' \t\r\n;&|)<>,}');
      if (lower.endsWith('authorization') && authScheme(text.slice(start, end + 1)) > 0) {
        // unquoted `Authorization: Bearer x`: the value is the next word too
        end = valueEnd(text, end + 1, ' \t\r\n;&|)<>,}');
      }
    }
    let value = text.slice(start, end);
    if (lower.endsWith('authorization')) {
      const scheme = authScheme(value);
      if (scheme > 0) {
        start += scheme;
        value = value.slice(scheme);
      }
    }
    if (!value.trim() || isReference(value.trim()) || value === REDACTED) continue;
    edits.push({ start, end, text: maskValue(value) });
  }
}

const BEARER = /\b(Bearer|Basic)[ \t]+([A-Za-z0-9._~+/=-]{8,})/g;
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s:@/'"]*):([^\s@/'"]+)@/gi;
const QUERY_SECRET = /([?&](?:access_token|id_token|refresh_token|token|auth|auth_token|api_key|apikey|api-key|key|secret|client_secret|password|passwd|pwd|sig|signature|x-amz-signature|x-amz-credential|x-amz-security-token|private_token|code|sessionid|session_token|jwt)=)([^&\s'"#]+)/gi;
// "password": "x", \"token\":\"x\" (JSON inside a double-quoted shell word), 'secret': 'x' (Python).
const JSON_SECRET = /(\\?["'])([A-Za-z0-9_.-]+)\1(\s*:\s*)(\\?["'])/g;
// NAME=value anywhere: env assignments, --flag=value, connection strings, npmrc `_authToken=`.
const ASSIGNMENT = /(?<![\w.$])([A-Za-z_][\w-]*)=/g;

/**
 * Whether `text` has a run of at least `length` characters that can make up a token (every
 * TOKEN_SHAPES alternative is at least 13 such characters long).
 */
/** Every TOKEN_SHAPES alternative starts with one of these. */
export const TOKEN_PREFIXES = ['gh', 'github_pat_', 'xox', 'xapp-', 'sk_', 'rk_', 'pk_', 'whsec_', 'AKIA', 'ASIA', 'AGPA', 'AIDA', 'AROA', 'AIPA', 'ANPA', 'ANVA', 'AIza', 'ya29.', 'gl', 'npm_', 'sk-', 'do', 'sbp_', 'nfp_', 'hf_', 'lin_api_', 'dp.', 'pul-', 'shp', 'pscale_', 'napi_', 'PMAK-', 'dapi', 'sntr', 'SG.', 'hv', 'fo1_', 'fm1', 'fm2', 'rnd_', 'vcp_', 'eyJ'];

function hasTokenRun(text: string, length: number): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const tokenChar = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 43 || c === 47 || c === 61 || c === 45;
    run = tokenChar ? run + 1 : 0;
    if (run >= length) return true;
  }
  return false;
}

// Each pattern below runs only when the text holds what it must contain to match: the result is
// the same, and a one-shot hook process does not pay for compiling regular expressions that
// cannot match (`git status` compiles none of them).
function patternEdits(text: string, edits: Edit[]): void {
  if (text.includes(':')) headerEdits(text, edits);

  if (text.includes('Bearer') || text.includes('Basic')) BEARER.lastIndex = 0;
  else BEARER.lastIndex = text.length + 1;
  for (let m = BEARER.exec(text); m; m = BEARER.exec(text)) {
    const start = m.index + m[0].length - m[2].length;
    if (m[1] === 'Basic' && !/[0-9+/=]/.test(m[2])) continue;
    edits.push({ start, end: start + m[2].length, text: REDACTED });
  }

  URL_CREDENTIALS.lastIndex = text.includes('://') && text.includes('@') ? 0 : text.length + 1;
  for (let m = URL_CREDENTIALS.exec(text); m; m = URL_CREDENTIALS.exec(text)) {
    if (isReference(m[3]) || m[3] === REDACTED) continue;
    const start = m.index + m[1].length + m[2].length + 1;
    edits.push({ start, end: start + m[3].length, text: REDACTED });
  }

  QUERY_SECRET.lastIndex = text.includes('=') && (text.includes('?') || text.includes('&')) ? 0 : text.length + 1;
  for (let m = QUERY_SECRET.exec(text); m; m = QUERY_SECRET.exec(text)) {
    if (isReference(m[2]) || m[2] === REDACTED) continue;
    const start = m.index + m[1].length;
    edits.push({ start, end: start + m[2].length, text: REDACTED });
  }

  JSON_SECRET.lastIndex = text.includes(':') && (text.includes('"') || text.includes("'")) ? 0 : text.length + 1;
  for (let m = JSON_SECRET.exec(text); m; m = JSON_SECRET.exec(text)) {
    if (!isSecretName(m[2])) continue;
    const quote = m[4];
    const start = m.index + m[0].length;
    let end: number;
    if (quote.length === 2) {
      end = text.indexOf(quote, start);
    } else {
      end = start;
      while (end < text.length && text[end] !== quote && text[end] !== '\n') {
        if (text[end] === '\\') end++;
        end++;
      }
    }
    if (end < 0) end = text.length;
    const value = text.slice(start, end);
    if (!value || isReference(value) || value === REDACTED) continue;
    edits.push({ start, end, text: REDACTED });
  }

  ASSIGNMENT.lastIndex = text.includes('=') ? 0 : text.length + 1;
  for (let m = ASSIGNMENT.exec(text); m; m = ASSIGNMENT.exec(text)) {
    const name = m[1];
    const secret = isSecretName(name);
    if (!secret && !isKeyName(name)) continue;
    const start = m.index + m[0].length;
    if (text[start] === '=') continue; // a comparison (`password == x`), not an assignment
    const end = valueEnd(text, start, ' \t\r\n;&|)<>`\'",}');
    const value = text.slice(start, end);
    const inner = unquote(value);
    if (!inner || isReference(value) || inner === REDACTED) continue;
    if (!secret && !looksLikeSecretValue(inner)) continue;
    edits.push({ start, end, text: maskValue(value) });
    ASSIGNMENT.lastIndex = Math.max(ASSIGNMENT.lastIndex, end);
  }

  TOKEN_SHAPES.lastIndex = hasTokenRun(text, 13) && TOKEN_PREFIXES.some((p) => text.includes(p)) ? 0 : text.length + 1;
  for (let m = TOKEN_SHAPES.exec(text); m; m = TOKEN_SHAPES.exec(text)) {
    // a token shape must stand alone, not be the middle of a longer identifier
    const before = m.index > 0 ? text[m.index - 1] : '';
    if (/[A-Za-z0-9]/.test(before)) continue;
    edits.push({ start: m.index, end: m.index + m[0].length, text: REDACTED });
  }

  PEM.lastIndex = text.includes('-----BEGIN') ? 0 : text.length + 1;
  for (let m = PEM.exec(text); m; m = PEM.exec(text)) {
    const start = m.index + m[1].length;
    edits.push({ start, end: m.index + m[0].length - m[2].length, text: REDACTED });
  }
}

// ─── Pass 2: words by position ───────────────────────────────────────────────────────────────

interface Word {
  start: number;
  end: number;
  /** Text without quotes (approximate: enough to read flags and values). */
  value: string;
  raw: string;
}

const BREAKS = ' \t\r\n;&|()';

/** Splits shell-like text into simple commands of words (quotes and `$( … )` kept whole, operators split). */
export function scanSegments(text: string): Word[][] {
  const segments: Word[][] = [];
  let words: Word[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const ch = text[i];
    if (ch === ' ' || ch === '\t' || ch === '\r') {
      i++;
      continue;
    }
    if (BREAKS.includes(ch)) {
      if (words.length) segments.push(words);
      words = [];
      i++;
      continue;
    }
    if (ch === '\\' && text[i + 1] === '\n') {
      i += 2;
      continue;
    }
    const start = i;
    let value = '';
    while (i < n && !BREAKS.includes(text[i])) {
      const c = text[i];
      if (c === "'") {
        const close = text.indexOf("'", i + 1);
        const stop = close < 0 ? n : close;
        value += text.slice(i + 1, stop);
        i = stop + 1;
      } else if (c === '"') {
        i++;
        while (i < n && text[i] !== '"') {
          if (text[i] === '\\' && i + 1 < n) i++;
          value += text[i];
          i++;
        }
        i++;
      } else if (c === '`' || (c === '$' && (text[i + 1] === '(' || text[i + 1] === '{'))) {
        const stop = expansionEnd(text, i);
        value += text.slice(i, stop);
        i = stop;
      } else if (c === '\\' && i + 1 < n) {
        value += text[i + 1];
        i += 2;
      } else {
        value += c;
        i++;
      }
    }
    const end = Math.min(i, n);
    words.push({ start, end, value, raw: text.slice(start, end) });
  }
  if (words.length) segments.push(words);
  return segments;
}

// Programs whose secrets are recognisable only by position.
// Sets, not regular expressions: this pass runs for every command the hook logs.
const names = (list: string): ReadonlySet<string> => new Set(list.split(' '));
const MYSQL_FAMILY = names('mysql mysqldump mysqladmin mysqlimport mysqlshow mysqlcheck mysqlpump mysqlsh mysqlbinlog mariadb mariadb-dump mariadb-admin mariadb-import mariadb-check mariadb-show');
const MONGO_FAMILY = names('mongo mongosh mongodump mongorestore mongoexport mongoimport mongostat mongotop mongofiles');
const LOGIN_TOOLS = names('docker podman nerdctl helm oras buildah skopeo crane regctl');
const SQLSERVER = names('sqlcmd bcp osql isql');
const HTTPIE = names('http https xh xhs');
const POSITIONAL = names('redis-cli sshpass curl vault');

/**
 * What a word must contain (lower-cased, quotes and backslashes aside) for the word pass to find
 * anything: the stem of a secret's name, or a program whose positional flags carry secrets. Long
 * scripts and pipelines mostly have neither, and the pass is the costliest one.
 */
export const WORD_PASS_STEMS = [
  'pass', 'pwd', 'token', 'secret', 'key', 'auth', 'credential', 'cookie', 'bearer', 'signature', 'dsn',
  'mysql', 'mariadb', 'mongo', 'http', 'xh', ...LOGIN_TOOLS, ...SQLSERVER, ...POSITIONAL,
];

export function mayNeedWordPass(text: string): boolean {
  const plain = text.replace(/["'\\]/g, '').toLowerCase();
  return WORD_PASS_STEMS.some((stem) => plain.includes(stem));
}

/** Programs whose positional flags carry secrets: the families above, and every mysql*, mariadb*, mongo* tool. */
function isPositionalProgram(name: string): boolean {
  return POSITIONAL.has(name) || MYSQL_FAMILY.has(name) || MONGO_FAMILY.has(name) || LOGIN_TOOLS.has(name) || SQLSERVER.has(name) || HTTPIE.has(name) || /^(?:mysql\w*|mariadb[\w-]*|mongo\w*)$/.test(name);
}

function basename(word: string): string {
  const slash = word.lastIndexOf('/');
  return slash >= 0 ? word.slice(slash + 1) : word;
}

/** Masks a word, or only the part of it after `from` characters (`-p` of `-psecret`, `user:` of `user:pass`). */
function maskWord(word: Word, edits: Edit[], from = 0): void {
  const rest = word.value.slice(from);
  if (!rest || isReference(rest) || rest === REDACTED) return;
  if (from === 0) {
    edits.push({ start: word.start, end: word.end, text: maskValue(word.raw) });
    return;
  }
  const prefix = word.value.slice(0, from);
  if (word.raw.startsWith(prefix)) edits.push({ start: word.start + from, end: word.end, text: REDACTED });
  else edits.push({ start: word.start, end: word.end, text: prefix + REDACTED });
}

/** `user:pass` (after an attached flag of `skip` characters) → mask after the first colon. */
function maskUserPass(word: Word, edits: Edit[], skip = 0): void {
  const colon = word.value.indexOf(':', skip);
  if (colon >= 0) maskWord(word, edits, colon + 1);
}

/** The value word of a flag (`-a x`), or the rest of the flag word (`-ax`). Returns the words consumed. */
function maskFlagValue(word: Word, next: Word | undefined, edits: Edit[], flagLength: number): number {
  if (word.value.length > flagLength) {
    maskWord(word, edits, flagLength);
    return 0;
  }
  if (next && !next.value.startsWith('-')) {
    maskWord(next, edits);
    return 1;
  }
  return 0;
}

export function wordEdits(text: string, edits: Edit[]): void {
  for (const words of scanSegments(text)) {
    // The program that gives positional flags their meaning: the last known one seen in this
    // simple command, so wrappers in front (`sudo -u x mysql`, `docker exec db mysql`) do not hide it.
    let program = '';
    let login = false;
    for (let i = 0; i < words.length; i++) {
      const word = words[i];
      const v = word.value;
      const next = words[i + 1];
      const nextIsValue = next !== undefined && !next.value.startsWith('-');
      const name = basename(v);
      if (isPositionalProgram(name) && !v.startsWith('-')) {
        program = name;
        login = false;
        continue;
      }
      if (v === 'login' && LOGIN_TOOLS.has(program)) login = true;
      // --password x, -storepass x, --api-key x, --oauth2-bearer x
      // (single-dash names only in lower case: `-pS3cret` is mysql's attached password, not a flag name)
      if ((/^--[A-Za-z][\w-]*$/.test(v) || /^-[a-z][a-z0-9_-]+$/.test(v)) && isSecretName(v)) {
        if (nextIsValue) {
          maskWord(next, edits);
          i++;
        }
        continue;
      }
      // `aws configure set aws_secret_access_key x`, `npm config set //host/:_authToken x`
      if (nextIsValue && i > 0 && words[i - 1].value === 'set' && isSecretName(v.replace(/^.*[:/]/, ''))) {
        maskWord(next, edits);
        i++;
        continue;
      }
      if (!program) continue;
      if (MYSQL_FAMILY.has(program)) {
        if (/^-p./.test(v)) maskWord(word, edits, 2);
      } else if (program === 'redis-cli') {
        if (v === '-a') i += maskFlagValue(word, next, edits, 2);
      } else if (program === 'sshpass' || MONGO_FAMILY.has(program) || login) {
        if (/^-p/.test(v)) i += maskFlagValue(word, next, edits, 2);
      } else if (SQLSERVER.has(program)) {
        if (/^-P/.test(v)) i += maskFlagValue(word, next, edits, 2);
      } else if (program === 'curl') {
        if (/^(?:-u|--user|-U|--proxy-user)$/.test(v) && next) {
          maskUserPass(next, edits);
          i++;
        } else if (/^-[uU]./.test(v)) maskUserPass(word, edits, 2);
        else if (/^--(?:proxy-)?user=/.test(v)) maskUserPass(word, edits, v.indexOf('=') + 1);
        else if (/^(?:-b|--cookie)$/.test(v) && nextIsValue && next.value.includes('=')) {
          maskWord(next, edits);
          i++;
        }
      } else if (HTTPIE.has(program)) {
        if (/^(?:-a|--auth)$/.test(v) && next) {
          if (next.value.includes(':')) maskUserPass(next, edits);
          else maskWord(next, edits);
          i++;
        }
      } else if (program === 'vault') {
        if (v === 'login' && nextIsValue && !next.value.includes('=')) {
          maskWord(next, edits);
          i++;
        }
      }
    }
  }
}

/**
 * The text with secrets replaced by `[redacted]`. Safe to call on any text (commands, reasons,
 * JSON); idempotent; never throws.
 */
export function redact(text: string): string {
  if (!text) return text;
  // One hook run redacts the same command for the request file, the audit line and the message.
  const known = recent.get(text);
  if (known !== undefined) return known;
  let out: string;
  try {
    const first: Edit[] = [];
    patternEdits(text, first);
    const once = applyEdits(text, first);
    const second: Edit[] = [];
    if (mayNeedWordPass(once)) wordEdits(once, second);
    out = applyEdits(once, second);
  } catch {
    // Never let a redaction bug leak the text: hide all of it.
    out = REDACTED;
  }
  if (text.length <= RECENT_MAX_TEXT) {
    if (recent.size >= RECENT_LIMIT) recent.clear();
    recent.set(text, out);
  }
  return out;
}

/** Results of recent calls (a long-running `check --batch` clears it now and then). */
const recent = new Map<string, string>();
const RECENT_LIMIT = 256;
const RECENT_MAX_TEXT = 64 * 1024;
