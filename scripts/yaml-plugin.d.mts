import type { Plugin } from 'esbuild';

export function yamlToModule(text: string, file: string, options?: { stripExamples?: boolean }): string;
export const bundledExamples: Record<string, { match: string[]; noMatch: string[] }>;
export function yamlPacks(): { name: string; resolveId(id: string): string | null; load(id: string): string | null; transform(code: string, id: string): { code: string; map: null } | null };
export const yamlEsbuild: Plugin;
export function readPack(text: string, file: string, options?: { stripExamples?: boolean }): unknown;
export const packsDir: string;
