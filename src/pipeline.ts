// parse ─▶ expand ─▶ analyse ─▶ policy, for one command line. No I/O beyond bounded file reads
// (scripts given by path, @file bodies, package.json scripts); the hook, `check` and `explain`
// all decide through here.
import { analysersFor, sqlAnalyser } from './analyse/index.js';
import { productionHints } from './analyse/context.js';
import { onlyPrintsHelp } from './analyse/help.js';
import { expand } from './expand/index.js';
import { parse, ParseError, type ParseLimits, type Script } from './parse/index.js';
import { applyPolicy, findingDecision } from './policy/index.js';
import { builtinPackSource } from './rules/builtin.js';
import { RuleSet } from './rules/registry.js';
import type { AnalysisContext, Decision, ExecCommand, Finding } from './types.js';
import { fileProblem, readSmallFile } from './util/files.js';
import { homeDir } from './state/paths.js';

export interface EvaluateInput {
  command: string;
  cwd: string;
}

export interface EvaluateOptions {
  rules?: RuleSet;
  /** Wall-clock budget for the whole decision, in milliseconds (default 1000). */
  budgetMs?: number;
  parseLimits?: Partial<ParseLimits>;
  /** Home folder for `~` (default: the HOME of this process). */
  home?: string;
}

export interface Evaluation {
  decision: Decision;
  findings: Finding[];
  /** Every command that would run, after expansion. */
  commands: ExecCommand[];
  /** The syntax tree, when the line parsed. */
  script?: Script;
}

let builtinRuleSet: RuleSet | undefined;

export function builtinRules(): RuleSet {
  builtinRuleSet ??= new RuleSet(builtinPackSource());
  return builtinRuleSet;
}

function parseFailure(error: ParseError): Finding {
  if (error.kind === 'limit') {
    return { rule: 'exec.limit', action: `analyse a command beyond the guard's limits (${error.message})`, reason: `the command was not checked: ${error.message}` };
  }
  return { rule: 'exec.parse-error', action: `run shell text that does not parse (${error.message})`, reason: `the command is not valid shell (${error.message}), so what it would run cannot be checked` };
}

function analyserFailed(what: string, error: unknown): Finding {
  return {
    rule: 'internal.error',
    action: 'analyse a command',
    reason: `the ${what} analyser failed (${error instanceof Error ? error.message : String(error)}); the command is held rather than passed unchecked`,
  };
}

function analyse(cmd: ExecCommand, ctx: AnalysisContext, rules: RuleSet): Finding[] {
  if (onlyPrintsHelp(cmd)) return [];
  const findings: Finding[] = [];
  try {
    findings.push(...rules.matchCommand(cmd, ctx));
  } catch (error) {
    findings.push(analyserFailed('rule', error));
  }
  for (const analyser of analysersFor(cmd)) {
    try {
      const found = analyser.analyse(cmd, ctx);
      if (found.length) findings.push(...found);
    } catch (error) {
      findings.push(analyserFailed(analyser.name, error));
    }
  }
  if (findings.length === 0) return findings;
  // A config rule that allows this command quiets the built-in findings on it (never a deny).
  const allowedBy = findings.find((f) => {
    const rule = rules.byId.get(f.rule);
    return rule !== undefined && rule.source !== 'builtin' && findingDecision(f, rules) === 'allow';
  });
  if (allowedBy) {
    const kept = findings.filter((f) => f === allowedBy || findingDecision(f, rules) === 'deny');
    findings.length = 0;
    findings.push(...kept);
  }
  for (const finding of findings) {
    finding.command ??= cmd.display;
    const own = finding.hints ?? [];
    // Skip a context hint whose value an analyser's own hint already names.
    const hints = productionHints(cmd, finding).filter((h) => !own.some((o) => o.includes(h.slice(h.lastIndexOf(' ') + 1))));
    if (hints.length) finding.hints = [...new Set([...own, ...hints])];
  }
  return findings;
}

/** The words of the first simple command of `text`, when it is one and parses. */
function firstCommandWords(text: string): string[] | undefined {
  try {
    const first = parse(text, { maxLength: 65_536 }).statements[0]?.body.first.commands[0];
    return first?.type === 'SimpleCommand' ? first.words.map((w) => w.value) : undefined;
  } catch {
    return undefined; // not shell: names no command
  }
}

/** The same finding for the same command once (loop passes and repeated lines produce copies). */
function distinct(findings: Finding[]): Finding[] {
  if (findings.length < 2) return findings;
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.rule}\0${f.action}\0${f.target ?? ''}\0${f.command ?? ''}\0${f.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function evaluate(input: EvaluateInput, options: EvaluateOptions = {}): Evaluation {
  const rules = options.rules ?? builtinRules();
  // Date.now, not performance.now: the global `performance` loads perf_hooks on first use.
  const deadline = Date.now() + (options.budgetMs ?? 1000);
  const home = options.home ?? homeDir();
  const parseNested = (text: string) => parse(text, options.parseLimits);

  let script: Script;
  try {
    script = parse(input.command, options.parseLimits);
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    const { decision, findings } = applyPolicy([parseFailure(error)], rules);
    return { decision, findings, commands: [] };
  }

  let expansion: ReturnType<typeof expand>;
  try {
    expansion = expand(script, { cwd: input.cwd, home, readFile: readSmallFile, fileProblem, parse: parseNested, deadline });
  } catch (error) {
    // A bug in expansion must not let the command through: hold it, and say why.
    const failure: Finding = { rule: 'internal.error', action: 'expand a command', reason: `the guard failed while working out what the command runs (${error instanceof Error ? error.message : String(error)}); the command is held rather than passed unchecked` };
    const { decision, findings } = applyPolicy([failure], rules);
    return { decision, findings, commands: [], script };
  }
  const ctx: AnalysisContext = {
    rules,
    analyseSql: (text, cmd) => sqlAnalyser()(text, cmd),
    commandWords: firstCommandWords,
    readFile: expansion.readFile,
  };

  const findings = [...expansion.findings];
  for (const cmd of expansion.commands) {
    findings.push(...analyse(cmd, ctx, rules));
    if (Date.now() > deadline) {
      findings.push({ rule: 'exec.limit', action: "analyse a command beyond the guard's limits (the time budget for one decision ran out)", reason: 'the command was not fully checked: the time budget for one decision ran out' });
      break;
    }
  }
  const { decision, findings: decided } = applyPolicy(distinct(findings), rules);
  return { decision, findings: decided, commands: expansion.commands, script };
}
