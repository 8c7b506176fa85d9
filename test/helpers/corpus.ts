// The shared data sits beside the project (../shared), on a development machine and in CI alike.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));
export const CORPUS_FILE = `${SHARED}corpus/commands.jsonl`;

/** The labeled corpus, one parsed JSON object per line. */
export function corpusCases<T = { id: string; command: string; expect: 'allow' | 'confirm'; category: string }>(file = CORPUS_FILE): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as T);
}
