import { PACKS, describePackExamples } from '../cloud/harness.js';

for (const pack of PACKS.filter((p) => ['kubernetes', 'helm'].includes(p.pack))) describePackExamples(pack);
