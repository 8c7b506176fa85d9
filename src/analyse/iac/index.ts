import type { Analyser } from '../../types.js';
import { pulumiAnalyser } from './pulumi.js';
import { terraformAnalyser } from './terraform.js';

export const analysers: Analyser[] = [terraformAnalyser, pulumiAnalyser];
