// Exit codes of `interlock run` and `interlock shell` when Interlock itself decides not to run the
// command. Everything else is the wrapped command's own status (128+n when a signal ended it),
// so a wrapper in front of a tool changes nothing for the scripts and agents that read it.
//
// The codes come from sysexits.h, chosen to be unlikely from the usual tools and to say what to
// do next: 75 "try again later" (after a human approves), 77 "not permitted".
export const WRAP_EXIT = {
  /** Held for a typed confirmation nobody could give here: run `interlock approve <id>`, then retry. EX_TEMPFAIL. */
  held: 75,
  /** Denied by policy (never allowed from an agent), or the human declined at the prompt. EX_NOPERM. */
  refused: 77,
  /** Interlock could not check or start the command (fail closed: nothing ran). EX_SOFTWARE. */
  internal: 70,
  /** Bad arguments to the wrapper itself (bash uses 2 for the same). */
  usage: 2,
  /** The program does not exist (as in bash). */
  notFound: 127,
  /** The program exists but cannot be executed (as in bash). */
  cannotExecute: 126,
} as const;
