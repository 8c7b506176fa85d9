// Writes to stdout/stderr without creating process.stdout/stderr: for a pipe those are net.Socket
// streams whose set-up costs the hook several milliseconds of start-up.
import { writeSync } from 'node:fs';

function writeAll(fd: number, text: string): void {
  const data = Buffer.from(text, 'utf8');
  let offset = 0;
  let spins = 0;
  while (offset < data.length) {
    try {
      offset += writeSync(fd, data, offset);
    } catch (error) {
      // A non-blocking pipe that is full: wait for the reader briefly rather than lose the answer.
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN' || ++spins > 10_000) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
    }
  }
}

export const writeStdout = (text: string): void => writeAll(1, text);
export const writeStderr = (text: string): void => writeAll(2, text);
