// Getting a human's attention for a new request: the terminal bell, and a desktop notification
// where the platform has a notifier (notify-send, osascript). Fire and forget: a notifier that is
// missing, slow or failing never blocks or breaks `interlock watch`.
import { childProcess } from '../util/vendor.js';
import { which } from '../util/path-lookup.js';

export const BELL = '\x07';

function appleScriptString(text: string): string {
  return '"' + text.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';
}

/** The notifier command for this platform, if one is installed. */
export function notifierCommand(title: string, body: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): [string, string[]] | undefined {
  if (platform === 'darwin') {
    const osascript = which('osascript', env);
    if (osascript) return [osascript, ['-e', `display notification ${appleScriptString(body)} with title ${appleScriptString(title)}`]];
    return undefined;
  }
  const notifySend = which('notify-send', env);
  if (notifySend) return [notifySend, ['--app-name=Interlock', '--urgency=critical', title, body]];
  return undefined;
}

/** Raises a desktop notification if possible; silently does nothing otherwise. */
export function notifyDesktop(title: string, body: string): void {
  const command = notifierCommand(title, body);
  if (!command) return;
  try {
    const child = childProcess().spawn(command[0], command[1], { detached: true, stdio: 'ignore' });
    child.on('error', () => {});
    child.unref();
  } catch {
    // no notification, no harm
  }
}
