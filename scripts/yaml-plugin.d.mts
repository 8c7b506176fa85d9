import type { Plugin } from 'esbuild';

export function yamlToModule(text: string, file: string): string;
export function yamlPacks(): { name: string; resolveId(id: string): string | null; load(id: string): string | null; transform(code: string, id: string): { code: string; map: null } | null };
export const yamlEsbuild: Plugin;
