// How long an approval lasts: the effective config for the request's folder (confirm.grantTtlMinutes;
// a project config may only shorten it until trusted), else the default.
import { loadEffectiveConfig } from '../config/load.js';
import type { ConfirmTimes } from './requests.js';

export async function confirmTimesFor(cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<ConfirmTimes> {
  try {
    const config = await loadEffectiveConfig(cwd, env);
    return { grantTtlMs: config.grantTtlMinutes * 60_000 };
  } catch {
    return {}; // an unreadable config: the default (10 minutes)
  }
}
