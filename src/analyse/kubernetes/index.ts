import type { Analyser } from '../../types.js';
import { kubectlAnalyser } from './kubectl.js';

export const analysers: Analyser[] = [kubectlAnalyser];
