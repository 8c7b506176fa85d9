// kubectl (and oc, kubecolor, `microk8s kubectl`, `k3s kubectl`): dispatches on the subcommand.
// `exec` is not here: the expansion stage analyses the command it runs inside the pod.
import type { Analyser, AnalysisContext, ExecCommand, Finding } from '../../types.js';
import { analyseApplyPrune } from './apply-prune.js';
import { analyseDelete } from './delete.js';
import { analyseDrain } from './drain.js';
import { readKubectl } from './kubectl-args.js';
import { analyseReplace } from './replace.js';

export const kubectlAnalyser: Analyser = {
  name: 'kubernetes',
  commands: ['kubectl', 'oc', 'kubecolor', 'microk8s', 'k3s', 'microk8s.kubectl'],
  analyse(cmd: ExecCommand, ctx: AnalysisContext): Finding[] {
    const line = readKubectl(cmd);
    if (!line) return [];
    switch (line.verb) {
      case 'delete':
        return analyseDelete(line, ctx);
      case 'drain':
        return analyseDrain(line);
      case 'replace':
        return analyseReplace(line, ctx);
      case 'apply':
        return analyseApplyPrune(line);
      default:
        return [];
    }
  },
};
