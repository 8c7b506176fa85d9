// `interlock watch`: a terminal the human keeps open. Each new held command shows up as it
// arrives (fs.watch, with polling as a fallback), rings the bell, raises a desktop notification,
// and can be approved (same typed check as `interlock approve`) or denied from here.
import { watch as watchFolder, readdirSync, type FSWatcher } from 'node:fs';
import { parseArgs } from 'node:util';
import type { CliCommand } from '../command.js';
import { wantsHelp } from '../command.js';
import { resolvePaths, type Paths } from '../../state/paths.js';
import { appendAudit, type Approver } from '../../audit/log.js';
import { ensureDir } from '../../confirm/files.js';
import { BELL, notifyDesktop } from '../../confirm/notify.js';
import { confirmInteractively, lineReader, type LineReader } from '../../confirm/prompt.js';
import { denyRequest, isOpen, openRequest, pendingRequests, pruneState, readRequest, RequestError, type PendingRequest } from '../../confirm/requests.js';
import { checkHumanTerminal, ttyName, userName } from '../../confirm/terminal.js';
import { oneLine, summary } from '../../confirm/format.js';
import { confirmTimesFor } from '../../confirm/times.js';
import { formatRequestList } from './pending.js';

const help = `Usage: interlock watch [--no-bell] [--no-notify] [--interval <ms>]

Keep this running in a terminal of your own. Each command Interlock holds shows up here as it
arrives; the terminal bell rings and a desktop notification is raised (notify-send on Linux,
osascript on macOS, when installed).

Commands at the prompt:
  a [id]     approve (shows the request and asks you to type its target)
  d [id]     deny
  l          list the requests waiting
  q          quit
With one request waiting, the id may be left out.

Options:
      --no-bell          Do not ring the terminal bell
      --no-notify        Do not raise desktop notifications
      --interval <ms>    Polling interval, a fallback for file-change events (default 1000)
  -h, --help             Show this help
`;

const PROMPT = 'interlock> ';

interface WatchState {
  paths: Paths;
  seen: Set<string>;
  bell: boolean;
  notify: boolean;
  /** While a request is being confirmed, announcements wait. */
  busy: boolean;
  queued: PendingRequest[];
  reader?: LineReader;
}

function announcement(request: PendingRequest, interactive: boolean): string {
  const how = interactive ? `approve: a ${request.id}    deny: d ${request.id}` : `approve: interlock approve ${request.id}    deny: interlock deny ${request.id}`;
  return `\nNew request ${request.id} from ${request.client} in ${request.cwd}:\n` + `    ${oneLine(summary(request), 110)}\n` + `    ${oneLine(request.command, 110)}\n` + `  ${how}\n`;
}

function announce(state: WatchState, request: PendingRequest): void {
  if (state.busy) {
    state.queued.push(request);
    return;
  }
  const text = (state.bell ? BELL : '') + announcement(request, state.reader !== undefined);
  if (state.reader) state.reader.interrupt(text);
  else process.stdout.write(text);
  if (state.notify) notifyDesktop('Interlock: approval needed', `${summary(request)} (interlock approve ${request.id})`);
}

/** Looks for requests not seen yet (a folder scan: this is the human's side, not the hook). */
function scan(state: WatchState): void {
  let names: string[];
  try {
    names = readdirSync(state.paths.pending).filter((name) => name.endsWith('.json'));
  } catch {
    return;
  }
  const now = new Date();
  for (const name of names) {
    const id = name.slice(0, -'.json'.length);
    if (state.seen.has(id)) continue;
    const request = readRequest(state.paths, id);
    if (!request) continue; // being written: the next scan gets it
    state.seen.add(id);
    if (isOpen(request, now)) announce(state, request);
  }
}

/** The request an `a`/`d` command means: the id given, or the only one waiting. */
function target(state: WatchState, id: string | undefined): string | undefined {
  if (id) return id;
  const open = pendingRequests(state.paths);
  if (open.length === 1) return open[0].id;
  process.stdout.write(open.length === 0 ? 'No requests are waiting.\n' : 'Several requests are waiting: say which (a <id>).\n');
  return undefined;
}

async function approveFromWatch(state: WatchState, reader: LineReader, id: string | undefined): Promise<void> {
  const check = checkHumanTerminal();
  if (!check.ok) {
    process.stdout.write(`Refused: ${check.reason}\n`);
    return;
  }
  const which = target(state, id);
  if (!which) return;
  let request: PendingRequest;
  try {
    request = openRequest(state.paths, which);
  } catch (error) {
    if (!(error instanceof RequestError)) throw error;
    process.stdout.write(`${error.message}\n`);
    return;
  }
  await confirmInteractively(state.paths, request, reader, (text) => process.stdout.write(text), { times: await confirmTimesFor(request.cwd) });
}

function denyFromWatch(state: WatchState, id: string | undefined): void {
  const which = target(state, id);
  if (!which) return;
  const by: Approver = { user: userName(), tty: ttyName(), how: 'interlock watch' };
  try {
    const request = denyRequest(state.paths, which, by);
    appendAudit(state.paths, { event: 'denial', decision: 'denied', requestId: request.id, client: request.client, session: request.session, cwd: request.cwd, command: request.command, rules: request.findings.map((f) => f.rule), approver: by });
    process.stdout.write(`Denied ${request.id}.\n`);
  } catch (error) {
    if (!(error instanceof RequestError)) throw error;
    process.stdout.write(`${error.message}\n`);
  }
}

async function interact(state: WatchState, reader: LineReader): Promise<void> {
  for (;;) {
    const line = await reader.ask(PROMPT);
    if (line === null) return;
    const [word = '', id] = line.trim().split(/\s+/);
    switch (word.toLowerCase()) {
      case '':
        break;
      case 'a':
      case 'approve':
        state.busy = true;
        try {
          await approveFromWatch(state, reader, id);
        } finally {
          state.busy = false;
        }
        for (const request of state.queued.splice(0)) if (isOpen(request, new Date())) announce(state, request);
        break;
      case 'd':
      case 'deny':
        denyFromWatch(state, id);
        break;
      case 'l':
      case 'list': {
        const open = pendingRequests(state.paths);
        process.stdout.write(open.length ? formatRequestList(open, new Date()) : 'No requests are waiting.\n');
        break;
      }
      case 'q':
      case 'quit':
      case 'exit':
        return;
      default:
        process.stdout.write('Commands: a [id] approve, d [id] deny, l list, q quit.\n');
    }
  }
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
}

export const command: CliCommand = {
  name: 'watch',
  summary: 'show held commands as they arrive, with bell and desktop notification; approve or deny them',
  help,
  async run(args) {
    if (wantsHelp(args)) {
      process.stdout.write(help);
      return 0;
    }
    let values;
    try {
      values = parseArgs({ args, options: { 'no-bell': { type: 'boolean' }, 'no-notify': { type: 'boolean' }, interval: { type: 'string' } } }).values;
    } catch (error) {
      process.stderr.write(`interlock watch: ${error instanceof Error ? error.message : String(error)}\n\n${help}`);
      return 2;
    }
    const interval = values.interval === undefined ? 1000 : Number(values.interval);
    if (!Number.isFinite(interval) || interval < 50) {
      process.stderr.write('interlock watch: --interval must be a number of milliseconds ≥ 50\n');
      return 2;
    }
    const paths = resolvePaths(process.env);
    ensureDir(paths.pending);
    try {
      pruneState(paths);
    } catch {
      // housekeeping only
    }
    const state: WatchState = { paths, seen: new Set(), bell: !values['no-bell'], notify: !values['no-notify'], busy: false, queued: [] };
    const interactive = process.stdin.isTTY === true && process.stdout.isTTY === true;
    const check = checkHumanTerminal();

    const open = pendingRequests(paths);
    process.stdout.write(`Watching for held commands in ${paths.pending}${interactive ? '' : ' (display only: no terminal to approve from)'}.\n`);
    if (interactive && !check.ok) process.stdout.write(`Approving from here is refused: ${check.reason}\n`);
    if (open.length) {
      process.stdout.write(`\n${open.length} request${open.length === 1 ? '' : 's'} already waiting:\n\n${formatRequestList(open, new Date())}`);
      if (state.bell) process.stdout.write(BELL);
    }
    for (const request of listRequestIds(paths)) state.seen.add(request);
    if (interactive) process.stdout.write('Commands: a [id] approve, d [id] deny, l list, q quit.\n');

    let watcher: FSWatcher | undefined;
    let pendingScan: NodeJS.Timeout | undefined;
    try {
      watcher = watchFolder(paths.pending, () => {
        // events come in bursts (temp file, link, unlink): scan once they settle
        if (pendingScan) clearTimeout(pendingScan);
        pendingScan = setTimeout(() => scan(state), 30);
      });
      watcher.on('error', () => watcher?.close());
    } catch {
      watcher = undefined; // polling only
    }
    const poll = setInterval(() => scan(state), interval);
    try {
      if (interactive) {
        state.reader = lineReader();
        await interact(state, state.reader);
      } else {
        await untilSignal();
      }
    } finally {
      clearInterval(poll);
      if (pendingScan) clearTimeout(pendingScan);
      watcher?.close();
      state.reader?.close();
    }
    return 0;
  },
};

function listRequestIds(paths: Paths): string[] {
  try {
    return readdirSync(paths.pending)
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.slice(0, -'.json'.length));
  } catch {
    return [];
  }
}
