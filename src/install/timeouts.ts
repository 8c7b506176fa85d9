// The hook timeout written into every client that has one. Most clients let the command run when
// a hook times out, so it must exceed Interlock's slowest answer: ~2 s normally (stdin 1.5 s at
// most, a decision budget of 1 s), up to 8 s more when `confirm.waitSeconds` makes the hook wait
// for an approval (capped by config maxWaitMs). 15 s leaves room for a loaded machine.
export const HOOK_TIMEOUT_SECONDS = 15;
