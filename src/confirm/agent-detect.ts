// Is this process running inside an AI agent? `interlock approve` refuses when it is.
//
// Environment markers: only variables that an agent sets for the commands it runs. Prefixes such
// as CLAUDE_CODE_*, CURSOR_*, GEMINI_*, CODEX_* or COPILOT_* are NOT used: people export
// CLAUDE_CODE_USE_BEDROCK, GEMINI_API_KEY, CODEX_HOME or COPILOT_MODEL in their own shells, IDE
// terminals get CURSOR_TRACE_ID / CLAUDE_CODE_SSE_PORT, and a guard that refuses the human in
// their own terminal would be switched off.
//
// Process ancestry: an agent CLI among the ancestors (the agent's shell tool spawned us). IDE
// names (cursor, code, windsurf) are NOT used: a human's integrated terminal descends from them too.
import { readFileSync } from 'node:fs';
import { childProcess } from '../util/vendor.js';
import { own } from '../util/own.js';

export interface AgentSign {
  /** 'environment' or 'process'. */
  kind: 'environment' | 'process';
  /** Which agent, as far as we can tell. */
  agent: string;
  /** The variable (NAME=value) or process (pid name) that gave it away. */
  evidence: string;
}

interface EnvMarker {
  name: string;
  agent: string;
  /** The marker counts only with this value (case-insensitive); any non-empty value otherwise. */
  value?: string;
}

// Sources: Claude Code docs (code.claude.com/docs/en/env-vars: CLAUDECODE) and
// anthropics/claude-code#531; Gemini CLI docs/tools/shell.md (GEMINI_CLI=1); openai/codex
// codex-rs spawn.rs / exec_env.rs / unified_exec (CODEX_SANDBOX, CODEX_SANDBOX_NETWORK_DISABLED,
// CODEX_THREAD_ID, CODEX_CI); cli/cli internal/agents/detect.go and gitbutler detect_agent.rs
// (CURSOR_AGENT, CURSOR_EXTENSION_HOST_ROLE=agent-exec, COPILOT_CLI, OPENCODE, AGENT=amp, AI_AGENT,
// AUGMENT_AGENT, ANTIGRAVITY_AGENT); Cline docs (CLINE_ACTIVE=true in its terminals);
// agentsmd/agents.md#136 (AGENT=<name>: Amp, Goose, Pi); earendil-works/pi (PI_CODING_AGENT);
// charmbracelet/crush (CRUSH=1); Warp (OZ_RUN_ID).
export const ENV_MARKERS: readonly EnvMarker[] = [
  { name: 'CLAUDECODE', agent: 'Claude Code' },
  { name: 'CLAUDE_CODE_ENTRYPOINT', agent: 'Claude Code' },
  { name: 'CURSOR_AGENT', agent: 'Cursor agent' },
  { name: 'CURSOR_EXTENSION_HOST_ROLE', agent: 'Cursor agent', value: 'agent-exec' },
  { name: 'GEMINI_CLI', agent: 'Gemini CLI' },
  { name: 'CODEX_SANDBOX', agent: 'Codex' },
  { name: 'CODEX_SANDBOX_NETWORK_DISABLED', agent: 'Codex' },
  { name: 'CODEX_THREAD_ID', agent: 'Codex' },
  { name: 'CODEX_CI', agent: 'Codex' },
  { name: 'COPILOT_CLI', agent: 'Copilot CLI' },
  { name: 'COPILOT_AGENT', agent: 'Copilot' },
  { name: 'OPENCODE', agent: 'OpenCode' },
  { name: 'OPENCODE_CLIENT', agent: 'OpenCode' },
  { name: 'CLINE_ACTIVE', agent: 'Cline', value: 'true' },
  { name: 'AUGMENT_AGENT', agent: 'Augment' },
  { name: 'ANTIGRAVITY_AGENT', agent: 'Antigravity' },
  { name: 'PI_CODING_AGENT', agent: 'Pi' },
  { name: 'CRUSH', agent: 'Crush' },
  { name: 'GOOSE_TERMINAL', agent: 'Goose' },
  { name: 'TRAE_AI_SHELL_ID', agent: 'Trae' },
  { name: 'OZ_RUN_ID', agent: 'Warp agent' },
  { name: 'AI_AGENT', agent: 'an AI agent' },
  { name: 'AGENT', agent: 'an AI agent' },
];

const FALSY = new Set(['', '0', 'false', 'no', 'off']);

const AGENT_NAME = /^[a-z0-9][a-z0-9._ -]{0,39}$/;

export function agentFromEnvironment(env: NodeJS.ProcessEnv): AgentSign | undefined {
  for (const marker of ENV_MARKERS) {
    const raw = env[marker.name];
    if (raw === undefined) continue;
    const value = raw.trim().toLowerCase();
    if (marker.value ? value !== marker.value : FALSY.has(value)) continue;
    // AGENT / AI_AGENT carry any text the agent's environment chose: it names the client in
    // pending requests and the audit log only when it looks like a name.
    const named = marker.name === 'AGENT' || marker.name === 'AI_AGENT';
    const plain = AGENT_NAME.test(value);
    const agent = named ? (plain ? value : 'an agent') : marker.agent;
    return { kind: 'environment', agent, evidence: named && !plain ? `${marker.name} is set` : `${marker.name}=${raw.length > 40 ? raw.slice(0, 40) + '…' : raw}` };
  }
  return undefined;
}

// Agent CLIs by process or script name (node-based CLIs show up as `node <script>`).
const AGENT_PROCESSES: Record<string, string> = {
  claude: 'Claude Code',
  'claude-code': 'Claude Code',
  'cursor-agent': 'Cursor agent',
  gemini: 'Gemini CLI',
  codex: 'Codex',
  copilot: 'Copilot CLI',
  amp: 'Amp',
  opencode: 'OpenCode',
  goose: 'Goose',
  aider: 'Aider',
  crush: 'Crush',
  cline: 'Cline CLI',
  qwen: 'Qwen Code',
  auggie: 'Augment',
  droid: 'Factory Droid',
  'kiro-cli': 'Kiro',
  kimi: 'Kimi CLI',
};
// Package paths of node-based agent CLIs, for `node /…/node_modules/@openai/codex/bin/codex.js`.
const AGENT_PACKAGES: Array<[string, string]> = [
  ['/@anthropic-ai/claude-code/', 'Claude Code'],
  ['/@google/gemini-cli/', 'Gemini CLI'],
  ['/@openai/codex/', 'Codex'],
  ['/@github/copilot/', 'Copilot CLI'],
  ['/@sourcegraph/amp/', 'Amp'],
  ['/opencode-ai/', 'OpenCode'],
  ['/cursor-agent/', 'Cursor agent'],
  ['/@qwen-code/', 'Qwen Code'],
  ['/@augmentcode/auggie/', 'Augment'],
];

function programName(word: string): string {
  const base = word.split(/[\\/]/).pop() ?? '';
  return base.replace(/\.(?:exe|js|cjs|mjs)$/i, '').toLowerCase();
}

/** The agent a process is, judging by its name and first two arguments. */
export function agentFromProcess(comm: string, argv: readonly string[]): string | undefined {
  for (const name of [comm, argv[0] ?? '', argv[1] ?? '']) {
    const agent = own(AGENT_PROCESSES, programName(name));
    if (agent) return agent;
  }
  const script = argv[1] ?? '';
  for (const [path, agent] of AGENT_PACKAGES) if (script.includes(path)) return agent;
  return undefined;
}

export interface ProcessInfo {
  pid: number;
  ppid: number;
  comm: string;
  argv: string[];
}

/** Reads one process on Linux from /proc. */
function procInfo(pid: number): ProcessInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid …": comm may hold spaces and parentheses; it ends at the last ')'
    const open = stat.indexOf('(');
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(open + 1, close);
    const ppid = Number(stat.slice(close + 2).split(' ')[1]);
    let argv: string[] = [];
    try {
      argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    } catch {
      // a process we may not read
    }
    return { pid, ppid, comm, argv };
  } catch {
    return undefined;
  }
}

/** Reads one process elsewhere with ps (macOS, BSD). */
function psInfo(pid: number): ProcessInfo | undefined {
  try {
    const out = childProcess().execFileSync('ps', ['-o', 'ppid=,args=', '-p', String(pid)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 2000 }).trim();
    const match = /^(\d+)\s+(.*)$/.exec(out);
    if (!match) return undefined;
    const argv = match[2].split(/\s+/);
    return { pid, ppid: Number(match[1]), comm: argv[0] ?? '', argv };
  } catch {
    return undefined;
  }
}

/** Our ancestors, nearest first (at most `limit`). */
export function ancestors(limit = 64, startPid: number = process.ppid): ProcessInfo[] {
  if (process.platform === 'win32') return [];
  const read = process.platform === 'linux' ? procInfo : psInfo;
  const chain: ProcessInfo[] = [];
  let pid = startPid;
  const seen = new Set<number>();
  while (pid > 1 && chain.length < limit && !seen.has(pid)) {
    seen.add(pid);
    const info = read(pid);
    if (!info) break;
    chain.push(info);
    pid = info.ppid;
  }
  return chain;
}

export function agentFromAncestors(chain: readonly ProcessInfo[] = ancestors()): AgentSign | undefined {
  for (const info of chain) {
    const agent = agentFromProcess(info.comm, info.argv);
    if (agent) return { kind: 'process', agent, evidence: `process ${info.pid} (${info.comm})` };
  }
  return undefined;
}

/** Any sign that an agent runs this process: environment first (cheap), then ancestry. */
export function detectAgent(env: NodeJS.ProcessEnv = process.env, chain?: readonly ProcessInfo[]): AgentSign | undefined {
  return agentFromEnvironment(env) ?? agentFromAncestors(chain ?? ancestors());
}
