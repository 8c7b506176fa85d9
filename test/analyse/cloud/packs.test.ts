import { PACKS, describePackExamples } from './harness.js';

for (const pack of PACKS.filter((p) => ['aws', 'gcloud', 'azure'].includes(p.pack))) describePackExamples(pack);
