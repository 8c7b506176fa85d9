// Cloud CLIs (aws, gcloud, gsutil, bq, az, azd, eksctl, sam, copilot, eb, amplify) are covered by
// declarative rules in config/packs/{aws,gcloud,azure}.yaml: their command paths end in a verb,
// so patterns over the path generalise across services without code.
import type { Analyser } from '../../types.js';

export const analysers: Analyser[] = [];
