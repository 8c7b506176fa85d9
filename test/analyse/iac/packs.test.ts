import { PACKS, describePackExamples } from '../cloud/harness.js';

for (const pack of PACKS.filter((p) => ['terraform', 'pulumi', 'cdk', 'serverless', 'sst'].includes(p.pack))) describePackExamples(pack);
