// wget: `--method`, `--post-data`/`--post-file` (POST), `--body-data`/`--body-file` (with
// --method), `--header`, and the same settings given as wgetrc commands with `-e`.
import type { AnalysisContext, ExecCommand } from '../../../types.js';
import { buildRequest, headerEntry } from '../build.js';
import type { HeaderEntry, HttpRequest, RequestBody } from '../model.js';
import { readNamedFile, type TextSource } from './sources.js';

/** Long options that take a value (`--opt=value` or `--opt value`), from `wget --help`. */
const WITH_VALUE = new Set(
  `execute output-file append-output report-speed input-file base config rejected-log tries retry-on-http-error
output-document start-pos progress timeout dns-timeout connect-timeout read-timeout wait waitretry quota bind-address
limit-rate restrict-file-names prefer-family user password use-askpass local-encoding remote-encoding directory-prefix
cut-dirs http-user http-password default-page header compression max-redirect proxy-user proxy-password referer
user-agent load-cookies save-cookies post-data post-file method body-data body-file secure-protocol certificate
certificate-type private-key private-key-type ca-certificate ca-directory crl-file pinnedpubkey ciphers hsts-file
ftp-user ftp-password warc-file warc-header warc-max-size warc-dedup warc-tempdir level backups accept reject
accept-regex reject-regex regex-type domains exclude-domains follow-tags ignore-tags include-directories
exclude-directories`.split(/\s+/),
);

/** Short options that take a value; `-n` takes the rest of its cluster (`-nv`, `-nc`, `-np`). */
const SHORT_WITH_VALUE: Record<string, string> = {
  e: 'execute', o: 'output-file', a: 'append-output', i: 'input-file', B: 'base', t: 'tries', O: 'output-document',
  T: 'timeout', w: 'wait', Q: 'quota', P: 'directory-prefix', U: 'user-agent', l: 'level', A: 'accept', R: 'reject',
  D: 'domains', I: 'include-directories', X: 'exclude-directories', n: 'no',
};

interface Settings {
  method?: string;
  methodDynamic: boolean;
  postData?: TextSource;
  bodyData?: TextSource;
  headers: HeaderEntry[];
  urls: Array<{ text: string; dynamic: boolean }>;
}

function apply(name: string, value: string, dynamic: boolean, s: Settings, cmd: ExecCommand, ctx: AnalysisContext): void {
  switch (name.replace(/_/g, '-')) {
    case 'method':
      s.method = value;
      s.methodDynamic = dynamic;
      break;
    case 'post-data':
      s.postData = { text: value, dynamic };
      break;
    case 'post-file':
      s.postData = readNamedFile(value, cmd, ctx, dynamic);
      break;
    case 'body-data':
      s.bodyData = { text: value, dynamic };
      break;
    case 'body-file':
      s.bodyData = readNamedFile(value, cmd, ctx, dynamic);
      break;
    case 'header': {
      const entry = headerEntry(value);
      if (entry) s.headers.push(entry);
      break;
    }
    case 'execute': {
      // wgetrc command: `method = DELETE`, `post_data = …`, `header = …`
      const m = /^\s*([A-Za-z_-]+)\s*=\s*(.*)$/.exec(value);
      if (m) apply(m[1].toLowerCase(), m[2], dynamic, s, cmd, ctx);
      break;
    }
    default:
      break;
  }
}

export function wgetRequests(cmd: ExecCommand, ctx: AnalysisContext): HttpRequest[] {
  const args = cmd.argv.slice(1);
  const s: Settings = { methodDynamic: false, headers: [], urls: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const dynamic = cmd.dynamic[i + 1] ?? false;
    if (arg === '--') {
      for (let j = i + 1; j < args.length; j++) s.urls.push({ text: args[j], dynamic: cmd.dynamic[j + 1] ?? false });
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
      if (eq > 0) apply(name, arg.slice(eq + 1), dynamic, s, cmd, ctx);
      else if (WITH_VALUE.has(name) && i + 1 < args.length) {
        apply(name, args[i + 1], cmd.dynamic[i + 2] ?? false, s, cmd, ctx);
        i++;
      }
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const name = SHORT_WITH_VALUE[arg[j]];
        if (!name) continue;
        const attached = arg.slice(j + 1);
        if (attached) apply(name, attached, dynamic, s, cmd, ctx);
        else if (i + 1 < args.length) {
          apply(name, args[i + 1], cmd.dynamic[i + 2] ?? false, s, cmd, ctx);
          i++;
        }
        break;
      }
      continue;
    }
    s.urls.push({ text: arg, dynamic });
  }

  let method = s.method ?? (s.postData ? 'POST' : 'GET');
  // --body-data only counts with --method; --post-data always means POST.
  const payload = s.postData ?? (s.method ? s.bodyData : undefined);
  let body: RequestBody = { kind: 'none' };
  if (payload) body = 'unknown' in payload ? { kind: 'unknown', source: payload.unknown } : { kind: 'text', text: payload.text, dynamic: payload.dynamic };
  if (!s.method && s.postData) method = 'POST';
  return s.urls.map((url) =>
    buildRequest({
      client: 'wget',
      url: url.text,
      method,
      methodKnown: !s.methodDynamic,
      headers: s.headers,
      impliedContentType: payload ? 'application/x-www-form-urlencoded' : undefined,
      body,
    }),
  );
}
