// End-to-end tests spawn the built CLI; build it once before the suite runs.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export default function setup(): void {
  const root = join(import.meta.dirname, '..');
  const bin = join(root, 'dist', 'interlock.cjs');
  const sources = Math.max(newestMtime(join(root, 'src')), newestMtime(join(root, 'config')));
  if (!existsSync(bin) || statSync(bin).mtimeMs < sources) {
    try {
      execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'pipe' });
    } catch (error) {
      // Unit tests still run; tests that spawn the CLI fail and say the build is broken.
      const output = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
      process.stderr.write(`\n[global-setup] build failed; end-to-end tests will fail:\n${output.slice(0, 2000)}\n`);
    }
  }
}
