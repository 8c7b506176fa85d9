// HTTPie (`http`, `https`) and xh (`xh`, `xhs`): `[METHOD] URL [ITEM …]`. Items: `Header:value`,
// `key==query`, `key=string` and `key:=json` (JSON body fields, so POST), `key=@file`, `key:=@file`,
// `field@file` (upload). `:3000/path` is localhost. `--offline`/`--curl` print instead of sending.
import type { AnalysisContext, ExecCommand } from '../../../types.js';
import { buildRequest, keepHeader } from '../build.js';
import type { FormField, HeaderEntry, HttpClient, HttpRequest, QueryParam, RequestBody } from '../model.js';
import { readNamedFile, readStdin } from './sources.js';

const WITH_VALUE = new Set([
  '--auth', '--auth-type', '--output', '--print', '--pretty', '--style', '--verify', '--cert', '--cert-key', '--cert-key-pass',
  '--timeout', '--max-redirects', '--session', '--session-read-only', '--proxy', '--ssl', '--ciphers', '--format-options',
  '--response-charset', '--response-mime', '--default-scheme', '--boundary', '--raw', '--max-headers', '--history-print',
  '--bearer', '--http-version', '--resolve', '--interface', '--unix-socket', '--method',
]);
const SHORT_WITH_VALUE: Record<string, string> = { a: '--auth', A: '--auth-type', o: '--output', p: '--print', s: '--style', P: '--history-print' };
const SHORT_FLAGS: Record<string, string> = { f: '--form', j: '--json', I: '--ignore-stdin' };

/** Separators, longest first so that `:=@` wins over `:=` and `:` at the same position. */
const SEPARATORS = [':=@', '=@', '==', ':=', '=', '@', ':', ';'];

export interface RequestItem {
  key: string;
  separator: string;
  value: string;
}

/** Splits an item at its first unescaped separator (HTTPie's rule: earliest position, then longest). */
export function parseItem(text: string): RequestItem | undefined {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
      continue;
    }
    for (const separator of SEPARATORS) {
      if (text.startsWith(separator, i)) {
        const key = text.slice(0, i).replace(/\\(.)/g, '$1');
        if (!key && separator !== ':' && separator !== '==') return undefined;
        return { key, separator, value: text.slice(i + separator.length) };
      }
    }
  }
  return undefined;
}

/** `:3000/x` → `localhost:3000/x`, `:/x` → `localhost/x` (HTTPie and xh shorthand). */
function expandShorthand(url: string): string {
  if (!url.startsWith(':')) return url;
  const rest = url.slice(1);
  if (rest === '' || rest.startsWith('/')) return 'localhost' + rest;
  return 'localhost:' + rest;
}

export function httpieRequests(cmd: ExecCommand, ctx: AnalysisContext): HttpRequest[] {
  const client: HttpClient = cmd.name === 'xh' || cmd.name === 'xhs' ? 'xh' : 'httpie';
  let scheme = cmd.name === 'https' || cmd.name === 'xhs' ? 'https' : 'http';
  const args = cmd.argv.slice(1);
  const positionals: Array<{ text: string; dynamic: boolean }> = [];
  const options = new Map<string, string>();
  const flags = new Set<string>();
  let afterDashes = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const dynamic = cmd.dynamic[i + 1] ?? false;
    if (afterDashes || !arg.startsWith('-') || arg === '-') {
      positionals.push({ text: arg, dynamic });
      continue;
    }
    if (arg === '--') {
      afterDashes = true;
      continue;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq > 0 ? arg.slice(0, eq) : arg;
      if (eq > 0) options.set(name, arg.slice(eq + 1));
      else if (WITH_VALUE.has(name) && i + 1 < args.length) options.set(name, args[++i]);
      else flags.add(name);
      continue;
    }
    for (let j = 1; j < arg.length; j++) {
      const long = SHORT_WITH_VALUE[arg[j]];
      if (long) {
        const attached = arg.slice(j + 1);
        options.set(long, attached || (i + 1 < args.length ? args[++i] : ''));
        break;
      }
      const flag = SHORT_FLAGS[arg[j]];
      if (flag) flags.add(flag);
    }
  }
  if (flags.has('--offline') || flags.has('--curl') || flags.has('--curl-long')) return [];
  if (flags.has('--https')) scheme = 'https';
  if (positionals.length === 0) return [];

  // `http GET url …`: a letters-only first word followed by more words is the method.
  let method: string | undefined;
  let rest = positionals;
  if (positionals.length >= 2 && /^[a-zA-Z]+$/.test(positionals[0].text)) {
    method = positionals[0].text.toUpperCase();
    rest = positionals.slice(1);
  }
  const url = expandShorthand(rest[0].text);
  const form = flags.has('--form') || flags.has('--multipart');

  const headers: HeaderEntry[] = [];
  const query: QueryParam[] = [];
  const fields: Array<[string, unknown]> = [];
  const uploads: FormField[] = [];
  let unknownSource: string | undefined;
  let dynamicBody = false;
  for (const item of rest.slice(1)) {
    const parsed = parseItem(item.text);
    if (!parsed) continue;
    dynamicBody ||= item.dynamic;
    const { key, separator, value } = parsed;
    switch (separator) {
      case ':':
      case ';':
        if (key) headers.push(keepHeader(key, value));
        break;
      case '==':
        query.push({ name: key, value });
        break;
      case '=':
        fields.push([key, value]);
        break;
      case ':=':
        try {
          fields.push([key, JSON.parse(value)]);
        } catch {
          fields.push([key, value]);
        }
        break;
      case '=@':
      case ':=@': {
        const source = readNamedFile(value, cmd, ctx, item.dynamic);
        if ('unknown' in source) unknownSource ??= source.unknown;
        else if (separator === '=@') fields.push([key, source.text]);
        else {
          try {
            fields.push([key, JSON.parse(source.text)]);
          } catch {
            fields.push([key, source.text]);
          }
        }
        break;
      }
      case '@':
        uploads.push({ name: key, file: value.split(';')[0] });
        break;
    }
  }

  let body: RequestBody = { kind: 'none' };
  let impliedContentType: string | undefined;
  const raw = options.get('--raw');
  if (raw !== undefined) {
    body = { kind: 'text', text: raw, dynamic: false };
    impliedContentType = 'application/json';
  } else if (unknownSource) {
    body = { kind: 'unknown', source: unknownSource };
  } else if (uploads.length) {
    body = { kind: 'multipart', fields: [...fields.map(([name, value]) => ({ name, value: String(value) })), ...uploads] };
    impliedContentType = 'multipart/form-data';
  } else if (fields.length) {
    if (form) {
      const text = fields.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v))}`).join('&');
      body = { kind: 'text', text, dynamic: dynamicBody };
      impliedContentType = 'application/x-www-form-urlencoded';
    } else {
      body = { kind: 'text', text: JSON.stringify(Object.fromEntries(fields)), dynamic: dynamicBody };
      impliedContentType = 'application/json';
    }
  } else if (cmd.stdin && !flags.has('--ignore-stdin')) {
    const source = readStdin(cmd, ctx);
    body = 'unknown' in source ? { kind: 'unknown', source: source.unknown } : { kind: 'text', text: source.text, dynamic: source.dynamic };
  }

  const explicit = options.get('--method');
  const finalMethod = explicit ?? method ?? (body.kind === 'none' ? 'GET' : 'POST');
  return [
    buildRequest({
      client,
      url,
      defaultScheme: scheme,
      method: finalMethod,
      methodKnown: !(method && positionals[0].dynamic),
      headers,
      impliedContentType,
      body,
      extraQuery: query,
      unixSocket: options.get('--unix-socket'),
    }),
  ];
}
