// Reads the client's hook payload from stdin within a deadline, as cheaply as Node allows.
//
// A client that never finishes writing must not stall the hook (a stalled hook lets the command
// run in most clients), and Node cannot exit while a blocking read of stdin is pending in its
// thread pool. The public way to read a pipe or socket without blocking is process.stdin, whose
// stream machinery costs ~4 ms of a ~25 ms start-up on every command. So on Linux the hook first
// makes its own stdin non-blocking and polls it with plain reads:
//   - a pipe is reopened through /proc/self/fd/0 with O_NONBLOCK (a description of its own);
//   - a socket (Node-based clients pass a socketpair) is opened as a libuv pipe handle, which sets
//     O_NONBLOCK on it, through the same internal binding process.stdin itself uses;
// and /proc/self/fdinfo confirms the flag before any read. Anything else, or any doubt, falls
// back to the process.stdin stream. Regular files never block and are read directly.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** Largest payload read; a command larger than this cannot be checked anyway (the parser stops at 1 MiB). */
export const MAX_PAYLOAD_BYTES = 16 * 1024 * 1024;

const O_NONBLOCK_FLAG = 0o4000; // Linux

/** Set while a stream read of stdin is still open (after a time-out): the process must exit by itself. */
export let stdinStillOpen = false;

const tooLarge = () => new Error(`the hook payload is larger than ${MAX_PAYLOAD_BYTES / 1024 / 1024} MiB`);

/** Reads the whole payload from stdin; rejects when it is a terminal, closed, too large or not complete in time. */
export function readStdin(timeoutMs: number): Promise<string> {
  let kind: 'file' | 'pipe' | 'socket';
  try {
    const stat = fstatSync(0);
    if (stat.isCharacterDevice()) return Promise.reject(new Error('no payload: stdin is a terminal or /dev/null, not the client payload'));
    kind = stat.isFIFO() ? 'pipe' : stat.isSocket() ? 'socket' : 'file';
  } catch {
    return Promise.reject(new Error('no payload: stdin is closed'));
  }
  try {
    if (kind === 'file') return Promise.resolve(pollRead(0, Infinity));
    const fd = nonBlockingStdin(kind);
    if (fd !== undefined) return Promise.resolve(pollRead(fd, Date.now() + timeoutMs, timeoutMs));
  } catch (error) {
    return Promise.reject(error);
  }
  return readStream(timeoutMs);
}

let pipeHandle: unknown; // kept referenced for the life of the process: closing it would close fd 0

/** A non-blocking descriptor for stdin, or undefined when this platform or Node offers none. */
function nonBlockingStdin(kind: 'pipe' | 'socket'): number | undefined {
  if (process.platform !== 'linux') return undefined;
  let fd: number | undefined;
  try {
    if (kind === 'pipe') {
      fd = openSync('/proc/self/fd/0', constants.O_RDONLY | constants.O_NONBLOCK);
    } else {
      const binding = (process as unknown as { binding(name: string): { Pipe: new (type: number) => { open(fd: number): number }; constants: { SOCKET: number } } }).binding('pipe_wrap');
      const handle = new binding.Pipe(binding.constants.SOCKET);
      if (handle.open(0) !== 0) return undefined;
      pipeHandle = handle;
      fd = 0;
    }
    if (isNonBlocking(fd)) return fd;
  } catch {
    // no /proc, no binding: use the stream
  }
  if (fd !== undefined && fd !== 0) closeSync(fd);
  return undefined;
}

function isNonBlocking(fd: number): boolean {
  // A raw read: /proc files are small, and readFileSync's general path costs more than the rest.
  const info = openSync(`/proc/self/fdinfo/${fd}`, 'r');
  let text: string;
  try {
    const buffer = Buffer.allocUnsafe(512);
    text = buffer.toString('latin1', 0, readSync(info, buffer, 0, buffer.length, 0));
  } finally {
    closeSync(info);
  }
  const at = text.indexOf('flags:');
  if (at < 0) return false;
  const flags = parseInt(text.slice(at + 6).trim().split('\n', 1)[0], 8);
  return Number.isInteger(flags) && (flags & O_NONBLOCK_FLAG) !== 0;
}

let sleeper: Int32Array | undefined;
function sleepMs(ms: number): void {
  sleeper ??= new Int32Array(new SharedArrayBuffer(4));
  Atomics.wait(sleeper, 0, 0, ms);
}

/** Reads `fd` to end of file; on a non-blocking descriptor, waits for data until `deadline`. */
function pollRead(fd: number, deadline: number, timeoutMs = 0): string {
  const chunks: Buffer[] = [];
  let size = 0;
  let buffer = Buffer.allocUnsafe(64 * 1024);
  for (;;) {
    let bytes: number;
    try {
      bytes = readSync(fd, buffer, 0, buffer.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EOF') break;
      if (code !== 'EAGAIN') throw error;
      if (Date.now() >= deadline) throw new Error(`no complete payload on stdin within ${timeoutMs} ms`);
      sleepMs(1);
      continue;
    }
    if (bytes === 0) break;
    chunks.push(buffer.subarray(0, bytes));
    size += bytes;
    if (size > MAX_PAYLOAD_BYTES) throw tooLarge();
    buffer = buffer.length - bytes >= 16 * 1024 ? buffer.subarray(bytes) : Buffer.allocUnsafe(64 * 1024);
  }
  if (fd !== 0) closeSync(fd);
  return Buffer.concat(chunks, size).toString('utf8');
}

/** The portable way: the process.stdin stream, which can be destroyed on a time-out. */
function readStream(timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const input = process.stdin;
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    const abandon = (error: Error) => {
      stdinStillOpen = true;
      input.destroy();
      settle(() => reject(error));
    };
    const timer = setTimeout(() => abandon(new Error(`no complete payload on stdin within ${timeoutMs} ms`)), timeoutMs);
    input.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size > MAX_PAYLOAD_BYTES) abandon(tooLarge());
    });
    input.on('end', () => settle(() => resolve(Buffer.concat(chunks, size).toString('utf8'))));
    input.on('error', (error) => settle(() => reject(error)));
  });
}
