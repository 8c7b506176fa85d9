// Reading and re-writing a client's JSON config without disturbing it: the indentation and the
// final newline are kept, key order is kept (JSON.parse preserves it), and a file that is not
// valid JSON is refused, never overwritten. A file whose formatting already matches
// `JSON.stringify` with its own indentation comes back byte-for-byte except for our entry.
import { readFileSync, statSync } from 'node:fs';

export class InstallError extends Error {}

export interface JsonStyle {
  indent: string;
  finalNewline: boolean;
  /** Line ending: a file written on Windows keeps its CRLF. */
  eol: '\n' | '\r\n';
}

export interface JsonFile {
  path: string;
  /** The file's text, undefined when it does not exist. */
  text: string | undefined;
  data: Record<string, unknown>;
  style: JsonStyle;
  mode?: number;
}

const DEFAULT_STYLE: JsonStyle = { indent: '  ', finalNewline: true, eol: '\n' };

export function detectStyle(text: string): JsonStyle {
  // A one-line file stays on one line.
  const indent = text.trim().includes('\n') ? (/\n([ \t]+)\S/.exec(text)?.[1] ?? DEFAULT_STYLE.indent) : '';
  return { indent, finalNewline: text.endsWith('\n'), eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

export function readJsonFile(path: string): JsonFile {
  let text: string | undefined;
  let mode: number | undefined;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new InstallError(`${path} exists but is not a regular file; refusing to touch it`);
    mode = stat.mode & 0o777;
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof InstallError) throw error;
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new InstallError(`cannot read ${path}: ${(error as Error).message}`);
  }
  if (text === undefined || text.trim() === '') return { path, text, data: {}, style: DEFAULT_STYLE, mode };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InstallError(`${path} is not valid JSON (${(error as Error).message}); fix or move it first — Interlock will not overwrite it`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new InstallError(`${path} does not hold a JSON object; refusing to change it`);
  return { path, text, data: data as Record<string, unknown>, style: detectStyle(text), mode };
}

export function formatJson(data: unknown, style: JsonStyle): string {
  const text = JSON.stringify(data, null, style.indent) + (style.finalNewline ? '\n' : '');
  return style.eol === '\n' ? text : text.replace(/\n/g, '\r\n');
}

/** A deep copy, so an edit can be compared with the original. */
export function cloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
