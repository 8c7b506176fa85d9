// SQL text → findings, for every tool that carries SQL (database clients here; `heroku pg:psql`,
// `wrangler d1 execute`, HTTP bodies elsewhere, through `ctx.analyseSql`). The dialect comes from
// the program name; the work is one linear scan (./sql/scanner.ts) and a per-statement classifier.
import type { ExecCommand, Finding } from '../../types.js';
import { genericCommandHints, sqlFinding } from './findings.js';
import { dialectFor, type Dialect } from './sql/dialect.js';
import type { SqlEffect } from './sql/effect.js';
import { analyseScript } from './sql/script.js';

/** Findings for SQL text run by `cmd`. */
export function analyseSql(text: string, cmd: ExecCommand): Finding[] {
  if (!text) return [];
  const effects = analyseScript(text, { dialect: dialectFor(cmd.name) });
  if (effects.length === 0) return [];
  const hints = genericCommandHints(cmd, text);
  return effects.map((e) => sqlFinding(e, hints));
}

export interface SqlTextOptions {
  dialect: Dialect;
  readFile?: (path: string) => string | undefined;
  database?: string;
}

/** For this domain's clients, which know their dialect, connection and how to read include files. */
export function analyseSqlText(text: string, options: SqlTextOptions): SqlEffect[] {
  return text ? analyseScript(text, options) : [];
}
