// What a `-f`/`-k` argument stands for: the kinds a manifest defines when the file (or stdin) can
// be read, the kinds its file name suggests when it cannot, or nothing knowable (a directory, a
// URL, a kustomization, a path held in a variable).
import type { AnalysisContext } from '../../types.js';
import { classifyKind, type KindInfo } from './kinds.js';
import { flagOn, flagValues, type KubectlLine } from './kubectl-args.js';

export type ManifestSource =
  /** Kinds read from the manifest text. */
  | { how: 'read'; path: string; kinds: KindInfo[] }
  /** Kinds guessed from the file name of a manifest that could not be read (`pvc.yaml`, `debug-pod.yaml`). */
  | { how: 'named'; path: string; kinds: KindInfo[] }
  /** Content unknowable here: what it plausibly holds is a whole application. */
  | { how: 'opaque'; path: string; why: string };

const MANIFEST_FILE = /\.(ya?ml|json)$/i;
const TOP_LEVEL_KIND = /^kind:\s*["']?([A-Za-z][\w.-]*)/;
const ITEM_KIND = /^\s+(?:-\s+)?kind:\s*["']?([A-Za-z][\w.-]*)/;
const JSON_KIND = /"kind"\s*:\s*"([A-Za-z][\w.-]*)"/g;

/** Kinds defined in manifest text (multi-document YAML, `kind: List`, or JSON). */
export function kindsInManifest(text: string): KindInfo[] {
  const names: string[] = [];
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    // JSON nests `kind` (roleRef, scaleTargetRef); taking every one over-approximates, which is the safe side.
    for (const match of text.matchAll(JSON_KIND)) names.push(match[1]);
  } else {
    const lines = text.split('\n');
    let list = false;
    for (const line of lines) {
      const top = TOP_LEVEL_KIND.exec(line);
      if (top) {
        names.push(top[1]);
        if (top[1].endsWith('List')) list = true;
      }
    }
    // A `kind: List` carries its objects under `items:`, indented.
    if (list) {
      for (const line of lines) {
        const item = ITEM_KIND.exec(line);
        if (item) names.push(item[1]);
      }
    }
  }
  return names.filter((name) => !name.endsWith('List')).map(classifyKind);
}

/** Kinds a manifest's file name mentions: `k8s/postgres-pvc.yaml` → persistentvolumeclaim. */
export function kindsInFileName(path: string): KindInfo[] {
  const base = path.slice(path.lastIndexOf('/') + 1).replace(MANIFEST_FILE, '');
  const kinds: KindInfo[] = [];
  for (const word of base.split(/[^A-Za-z]+/)) {
    if (word.length < 2) continue;
    const info = classifyKind(word);
    if (info.cls !== 'unknown') kinds.push(info);
  }
  return kinds;
}

/** A manifest URL as shown to humans: no user info and no query string, where tokens travel. */
function withoutSecrets(url: string): string {
  return url.replace(/^([a-z]+:\/\/)[^/@]*@/i, '$1').replace(/[?#].*$/, '');
}

function looksLikeDirectory(path: string, recursive: boolean): boolean {
  if (path.endsWith('/') || path === '.' || path === '..') return true;
  const base = path.slice(path.lastIndexOf('/') + 1);
  return recursive ? !MANIFEST_FILE.test(base) : !base.includes('.');
}

function fromStdin(line: KubectlLine, ctx: AnalysisContext): ManifestSource {
  const stdin = line.cmd.stdin;
  if (stdin && 'text' in stdin) return { how: 'read', path: '-', kinds: kindsInManifest(stdin.text) };
  if (stdin?.kind === 'file') {
    const text = ctx.readFile(stdin.path, line.cmd.cwd);
    if (text !== undefined) return { how: 'read', path: stdin.path, kinds: kindsInManifest(text) };
    return { how: 'named', path: stdin.path, kinds: kindsInFileName(stdin.path) };
  }
  return { how: 'opaque', path: '-', why: 'manifests from stdin' };
}

/** Every manifest source on the line (`-f` values, `-k` directories). */
export function manifestSources(line: KubectlLine, ctx: AnalysisContext): ManifestSource[] {
  const sources: ManifestSource[] = [];
  const recursive = flagOn(line, ['-R', '--recursive']);
  for (const { value, dynamic } of flagValues(line, ['-f', '--filename'])) {
    if (dynamic) sources.push({ how: 'opaque', path: 'manifest path held in a variable', why: 'manifest path not known until run time' });
    else if (value === '-') sources.push(fromStdin(line, ctx));
    else if (/^https?:\/\//i.test(value)) sources.push({ how: 'opaque', path: withoutSecrets(value), why: 'remote manifest' });
    else if (looksLikeDirectory(value, recursive)) sources.push({ how: 'opaque', path: value, why: 'whole manifest directory' });
    else {
      const text = ctx.readFile(value, line.cmd.cwd);
      if (text !== undefined) sources.push({ how: 'read', path: value, kinds: kindsInManifest(text) });
      else sources.push({ how: 'named', path: value, kinds: kindsInFileName(value) });
    }
  }
  for (const { value } of flagValues(line, ['-k', '--kustomize'])) {
    sources.push({ how: 'opaque', path: value, why: 'kustomization' });
  }
  return sources;
}
