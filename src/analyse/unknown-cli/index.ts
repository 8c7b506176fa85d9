// The fallback for CLIs no pack knows. It looks at every command, so it is its own (small) domain:
// the platform analysers load only for the programs they name.
import type { Analyser } from '../../types.js';
import { unknownCli } from './unknown-cli.js';

export const analysers: Analyser[] = [unknownCli];
