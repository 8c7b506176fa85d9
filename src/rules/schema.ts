// The shape of a rule pack (config/packs/*.yaml) and of the rules in a user's config file.
// A rule is data: how it matches, what it decides, why, and the examples that prove it.
import type { Decision } from '../types.js';

export interface RulePack {
  /** Pack name, also the first segment of its rule ids: 'git', 'aws', 'kubernetes'. */
  pack: string;
  description: string;
  /** Option tables per program, so positionals are told apart from flag values. */
  tools?: Record<string, ToolSpec>;
  rules: RuleSpec[];
}

export interface ToolSpec {
  /** Flags that take a value as the next word (`-n ns`, `--namespace ns`). `--x=y` never needs listing. */
  valueFlags?: string[];
  /** Flags are single-dash long words (`-destroy`, `-auto-approve`): never split `-abc` into `-a -b -c`. */
  singleDashLong?: boolean;
  /** Boolean flags: a value only as `--x=false`, never the next word (`--cascade false` is `--cascade` and an argument). */
  boolFlags?: string[];
}

export interface RuleSpec {
  /** Dotted id, `<pack>.<what>`: 'git.push.force', 'aws.rds.delete'. Unique across all packs. */
  id: string;
  decision: Decision;
  /** Short verb phrase shown to humans: 'delete RDS instance'. */
  action: string;
  /** One sentence: why it is irreversible (or, for allow rules, why it is fine). */
  reason: string;
  /**
   * Declarative match (any of the list). Absent when a code analyser in src/analyse emits this id.
   */
  match?: MatchSpec | MatchSpec[];
  /** Exceptions: the rule does not fire when any of these match. */
  unless?: MatchSpec | MatchSpec[];
  /** Where the target is, for the human to type when approving. Defaults: first positional after the subcommand. */
  target?: TargetSpec;
  /** Text in an argument that is itself code to analyse (SQL in `heroku pg:psql -c …`). */
  delegate?: DelegateSpec;
  /** Commands this rule must report and must not report. Run by `interlock rules test` and the test suite. */
  examples: { match: string[]; noMatch: string[] };
  /** Set by the loader: 'builtin' or the config file path. */
  source?: string;
  /** Set by the loader: the pack this rule came from ('user' for config rules). */
  pack?: string;
}

/**
 * A rule matches an executed command (command/subcommand/flags/args/env), or an HTTP request the
 * HTTP analyser extracted (http), or a GraphQL operation in a request body (graphql).
 * All string patterns are minimatch patterns (`delete-*`, `{rm,remove}`, `fly{,ctl}`).
 */
export interface MatchSpec {
  /** Program name (basename): 'aws', 'fly{,ctl}', 'docker-compose'. */
  command?: string | string[];
  /** Leading positional words in order; each entry is a pattern or a list of alternatives. */
  subcommand?: Array<string | string[]>;
  flags?: {
    /** At least one of these flags is present (short flags are found inside clusters: `-rf` has `-f`). */
    any?: string[];
    /** All of these are present. */
    all?: string[];
    /** None of these is present. */
    none?: string[];
  };
  /**
   * Flags that must be present with a value matching a pattern (`{'--to': '0'}`,
   * `{'--delete-destination': '{true,prune}'}`), given as `--flag value` or `--flag=value`.
   */
  flagValues?: Record<string, string | string[]>;
  /** Positional words after the subcommand path. */
  args?: { any?: string[]; all?: string[]; none?: string[] };
  /** Variables the line sets: `{NODE_ENV: 'prod*'}`. */
  env?: Record<string, string>;
  http?: HttpMatchSpec;
  graphql?: GraphqlMatchSpec;
}

export interface HttpMatchSpec {
  method?: string | string[];
  host?: string | string[];
  path?: string | string[];
}

export interface GraphqlMatchSpec {
  /** 'mutation' | 'query' | 'subscription' */
  operation?: string | string[];
  /** Root field names of the operation: 'volumeDelete', '*Delete'. */
  field?: string | string[];
  /** Operation names (`mutation DropAll { … }`). */
  name?: string | string[];
}

export interface TargetSpec {
  /** Value of the first of these flags present. */
  flag?: string[];
  /** n-th positional after the subcommand path (0-based). */
  positional?: number;
  /** Fixed text, for rules whose target is the whole thing ('all volumes'). */
  text?: string;
}

export interface DelegateSpec {
  /** SQL text in these flags' values, or in the positional after the subcommand, or on stdin. */
  sql?: { flags?: string[]; positional?: number; stdin?: boolean };
}
