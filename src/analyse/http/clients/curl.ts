// curl: the requests one invocation sends. Options are read with curl's own table (combined short
// flags `-sSfL`, attached values `-XDELETE`, `--request=DELETE`, prefixes), data options are
// assembled the way curl assembles them (`-d` parts joined by `&`, `@file` bodies, `-G` moving
// them into the query), `-K` config files are parsed with the same option reader, and `-:`/`--next`
// starts a new group of options for the following URLs.
import type { AnalysisContext, ExecCommand } from '../../../types.js';
import { buildRequest, headerEntry } from '../build.js';
import type { FormField, HeaderEntry, HttpRequest, QueryParam, RequestBody } from '../model.js';
import { parseQuery } from '../url.js';
import { CURL_LONG_WITH_ARGUMENT, CURL_SHORT, resolveCurlLong } from './curl-options.js';
import { isDynamicText, readNamedFile, readStdin, type TextSource } from './sources.js';

type Part = TextSource;

interface Group {
  method?: string;
  methodDynamic: boolean;
  get: boolean;
  head: boolean;
  upload?: string;
  data: Part[];
  json: Part[];
  form: FormField[];
  headers: HeaderEntry[];
  urls: Array<{ text: string; dynamic: boolean }>;
  urlQuery: string[];
  requestTarget?: string;
  unixSocket?: string;
  awsSigv4?: string;
  /** A config file we could not read may set anything. */
  hidden?: string;
}

/** Options after `-:`/`--next` start from nothing, as curl resets them for the following URLs. */
const newGroup = (): Group => ({
  methodDynamic: false,
  get: false,
  head: false,
  data: [],
  json: [],
  form: [],
  headers: [],
  urls: [],
  urlQuery: [],
});

/** curl's `-d @file` strips carriage returns and newlines; `--data-binary @file` keeps the bytes. */
type DataMode = 'ascii' | 'binary' | 'raw' | 'urlencode' | 'json';

/** How each `--data*` option reads its value (`-d` is `--data`, i.e. ascii). */
const DATA_MODES = {
  data: 'ascii',
  'data-ascii': 'ascii',
  'data-binary': 'binary',
  'data-raw': 'raw',
  'data-urlencode': 'urlencode',
} as const satisfies Record<string, DataMode>;

function dataPart(value: string, dynamic: boolean, mode: DataMode, cmd: ExecCommand, ctx: AnalysisContext): Part {
  if (mode === 'raw') return { text: value, dynamic };
  if (mode === 'urlencode') return urlencodePart(value, dynamic, cmd, ctx);
  if (!value.startsWith('@')) return { text: value, dynamic };
  const source = readNamedFile(value.slice(1), cmd, ctx, dynamic);
  if ('unknown' in source) return source;
  return { text: mode === 'ascii' ? source.text.replace(/[\r\n]/g, '') : source.text, dynamic: source.dynamic };
}

// --data-urlencode forms: `content`, `=content`, `name=content`, `@file`, `name@file`.
function urlencodePart(value: string, dynamic: boolean, cmd: ExecCommand, ctx: AnalysisContext): Part {
  const eq = value.indexOf('=');
  const at = value.indexOf('@');
  let name = '';
  let content: TextSource;
  if (at >= 0 && (eq < 0 || at < eq)) {
    name = value.slice(0, at);
    content = readNamedFile(value.slice(at + 1), cmd, ctx, dynamic);
  } else if (eq >= 0) {
    name = value.slice(0, eq);
    content = { text: value.slice(eq + 1), dynamic };
  } else {
    content = { text: value, dynamic };
  }
  if ('unknown' in content) return content;
  const encoded = encodeURIComponent(content.text);
  return { text: name ? `${name}=${encoded}` : encoded, dynamic: content.dynamic };
}

function formField(value: string, dynamic: boolean, literal: boolean, cmd: ExecCommand, ctx: AnalysisContext): FormField | undefined {
  const eq = value.indexOf('=');
  if (eq <= 0) return undefined;
  const name = value.slice(0, eq);
  const content = value.slice(eq + 1);
  if (literal) return { name, value: content };
  if (content.startsWith('@')) return { name, file: content.slice(1).split(';')[0] };
  if (content.startsWith('<')) {
    const file = content.slice(1).split(';')[0];
    const source = readNamedFile(file, cmd, ctx, dynamic);
    return 'unknown' in source ? { name, file } : { name, value: source.text };
  }
  return { name, value: content.split(';type=')[0] };
}

interface Option {
  name: string;
  value?: string;
  dynamic: boolean;
}

/** Splits a command line's arguments into options and URLs with curl's table. */
function readOptions(args: readonly string[], dynamic: readonly boolean[]): Array<Option | { url: string; dynamic: boolean }> {
  const out: Array<Option | { url: string; dynamic: boolean }> = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const dyn = dynamic[i] ?? false;
    if (arg === '--') {
      for (let j = i + 1; j < args.length; j++) out.push({ url: args[j], dynamic: dynamic[j] ?? false });
      break;
    }
    if (arg.startsWith('--') && arg.length > 2) {
      const eq = arg.indexOf('=');
      let raw = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
      const expand = raw.startsWith('expand-');
      if (expand) raw = raw.slice('expand-'.length);
      const name = resolveCurlLong(raw);
      if (!name) continue; // curl rejects unknown options; nothing is sent for them
      if (CURL_LONG_WITH_ARGUMENT.has(name)) {
        if (eq > 0) out.push({ name, value: arg.slice(eq + 1), dynamic: dyn || (expand && arg.includes('{{')) });
        else if (i + 1 < args.length) {
          out.push({ name, value: args[i + 1], dynamic: (dynamic[i + 1] ?? false) || (expand && args[i + 1].includes('{{')) });
          i++;
        }
      } else out.push({ name, dynamic: false });
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const name = CURL_SHORT[arg[j]];
        if (!name) continue;
        if (CURL_LONG_WITH_ARGUMENT.has(name)) {
          const attached = arg.slice(j + 1);
          if (attached) out.push({ name, value: attached, dynamic: dyn });
          else if (i + 1 < args.length) {
            out.push({ name, value: args[i + 1], dynamic: dynamic[i + 1] ?? false });
            i++;
          }
          break;
        }
        out.push({ name, dynamic: false });
      }
      continue;
    }
    out.push({ url: arg, dynamic: dyn });
  }
  return out;
}

/** Reads a curl config file (`-K`): `name = value`, `name value`, `--name value`, quoted values. */
export function configArguments(text: string): string[] {
  const args: string[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(-:|-{0,2}[A-Za-z0-9.#-]+)\s*[=:]?\s*(.*)$/.exec(line);
    if (!m) continue;
    let name = m[1];
    let value = m[2];
    if (!name.startsWith('-')) name = name.length === 1 ? '-' + name : '--' + name;
    args.push(name);
    if (!value) continue;
    if (value.startsWith('"')) {
      let out = '';
      for (let i = 1; i < value.length; i++) {
        const ch = value[i];
        if (ch === '"') break;
        if (ch === '\\' && i + 1 < value.length) {
          const next = value[++i];
          out += next === 'n' ? '\n' : next === 't' ? '\t' : next === 'r' ? '\r' : next;
        } else out += ch;
      }
      value = out;
    } else value = value.split(/\s+/)[0];
    args.push(value);
  }
  return args;
}

const MAX_CONFIG_DEPTH = 2;

function applyOptions(
  items: Array<Option | { url: string; dynamic: boolean }>,
  groups: Group[],
  cmd: ExecCommand,
  ctx: AnalysisContext,
  depth: number,
): void {
  for (const item of items) {
    const group = groups[groups.length - 1];
    if ('url' in item) {
      group.urls.push({ text: item.url, dynamic: item.dynamic });
      continue;
    }
    const value = item.value ?? '';
    switch (item.name) {
      case 'request':
        group.method = value;
        group.methodDynamic = item.dynamic;
        break;
      case 'get':
        group.get = true;
        break;
      case 'head':
        group.head = true;
        break;
      case 'upload-file':
        group.upload = value;
        break;
      case 'url':
        group.urls.push({ text: value, dynamic: item.dynamic });
        break;
      case 'data':
      case 'data-ascii':
      case 'data-binary':
      case 'data-raw':
      case 'data-urlencode':
        group.data.push(dataPart(value, item.dynamic, DATA_MODES[item.name], cmd, ctx));
        break;
      case 'json':
        group.json.push(dataPart(value, item.dynamic, 'json', cmd, ctx));
        break;
      case 'form':
      case 'form-string': {
        const field = formField(value, item.dynamic, item.name === 'form-string', cmd, ctx);
        if (field) group.form.push(field);
        break;
      }
      case 'header': {
        if (value.startsWith('@')) break; // headers from a file: names unknown, none that change the method matter here
        const entry = headerEntry(value);
        if (entry) group.headers.push(entry);
        break;
      }
      case 'url-query':
        group.urlQuery.push(value.startsWith('+') ? value.slice(1) : value);
        break;
      case 'request-target':
        group.requestTarget = value;
        break;
      case 'unix-socket':
      case 'abstract-unix-socket':
        group.unixSocket = value;
        break;
      case 'aws-sigv4':
        group.awsSigv4 = value;
        break;
      case 'next':
        groups.push(newGroup());
        break;
      case 'config': {
        const source = depth >= MAX_CONFIG_DEPTH ? { unknown: 'nested config' } : value === '-' ? readStdin(cmd, ctx) : readNamedFile(value, cmd, ctx, item.dynamic);
        if ('unknown' in source) {
          group.hidden = `curl config ${value}`;
          break;
        }
        const args = configArguments(source.text);
        applyOptions(readOptions(args, args.map(isDynamicText)), groups, cmd, ctx, depth + 1);
        break;
      }
      default:
        break;
    }
  }
}

function joinParts(parts: Part[], separator: string): { text: string; dynamic: boolean } | { unknown: string } {
  const texts: string[] = [];
  let dynamic = false;
  for (const part of parts) {
    if ('unknown' in part) return part;
    texts.push(part.text);
    dynamic ||= part.dynamic;
  }
  return { text: texts.join(separator), dynamic };
}

function groupRequests(group: Group): HttpRequest[] {
  const hasData = group.data.length > 0 || group.json.length > 0 || group.form.length > 0;
  let inferred = 'GET';
  if (group.head) inferred = 'HEAD';
  else if (group.get) inferred = 'GET';
  else if (group.upload !== undefined) inferred = 'PUT';
  else if (hasData) inferred = 'POST';
  const method = group.method ?? inferred;
  const methodKnown = !group.methodDynamic && !group.hidden;

  let body: RequestBody = { kind: 'none' };
  let impliedContentType: string | undefined;
  const extraQuery: QueryParam[] = [];
  for (const q of group.urlQuery) extraQuery.push(...parseQuery(q));

  if (group.form.length) {
    body = { kind: 'multipart', fields: group.form };
    impliedContentType = 'multipart/form-data';
  } else if (group.get && group.data.length) {
    const joined = joinParts(group.data, '&');
    if ('text' in joined) extraQuery.push(...parseQuery(joined.text));
  } else if (group.json.length || group.data.length) {
    const data = group.data.length ? joinParts(group.data, '&') : undefined;
    const json = group.json.length ? joinParts(group.json, '') : undefined;
    const pieces = [data, json].filter((p): p is NonNullable<typeof p> => p !== undefined);
    const unknown = pieces.find((p) => 'unknown' in p);
    if (unknown && 'unknown' in unknown) body = { kind: 'unknown', source: unknown.unknown };
    else {
      const known = pieces as Array<{ text: string; dynamic: boolean }>;
      body = { kind: 'text', text: known.map((p) => p.text).join('&'), dynamic: known.some((p) => p.dynamic) };
    }
    impliedContentType = group.json.length ? 'application/json' : 'application/x-www-form-urlencoded';
  } else if (group.upload !== undefined) {
    body = { kind: 'unknown', source: `upload ${group.upload}` };
  }
  if (group.hidden && body.kind === 'none') body = { kind: 'unknown', source: group.hidden };

  return group.urls.map((url) =>
    buildRequest({
      client: 'curl',
      url: url.text,
      method,
      methodKnown,
      headers: group.headers,
      impliedContentType,
      body,
      extraQuery,
      pathOverride: group.requestTarget,
      unixSocket: group.unixSocket,
      awsSigv4: group.awsSigv4,
    }),
  );
}

export function curlRequests(cmd: ExecCommand, ctx: AnalysisContext): HttpRequest[] {
  const args = cmd.argv.slice(1);
  const groups = [newGroup()];
  applyOptions(readOptions(args, cmd.dynamic.slice(1)), groups, cmd, ctx, 0);
  return groups.flatMap(groupRequests);
}
