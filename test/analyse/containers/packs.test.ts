import { PACKS, describePackExamples } from '../cloud/harness.js';

for (const pack of PACKS.filter((p) => ['docker', 'podman'].includes(p.pack))) describePackExamples(pack);
