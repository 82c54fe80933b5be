import type { Skill } from './types';
import * as fileRisk from './file-risk';

// Helpers reach the sandbox through `uses`; referenced as free names so no import rewriting touches them.
declare const rankFileRisks: typeof fileRisk.rankFileRisks;

export const prRisk: Skill = {
  id: 'pr-risk',
  title: 'Riskiest files',
  description: 'Changed files ranked by risk: size, sensitive paths (migrations, auth, CI, containers, dependencies), missing test changes, deletions.',
  kinds: ['github.pull', 'github.pull.files'],
  views: ['table'],
  uses: fileRisk.fileRiskFunctions,
  main: (page) => {
    if (page.type !== 'pull') throw new Error('pr-risk needs a pull request page');
    const risks = rankFileRisks(page.files);
    view.table(
      risks.map((risk) => ({ file: risk.path, score: risk.score, reasons: risk.reasons.join('; '), changed: `+${risk.additions} −${risk.deletions}` })),
      { title: risks.length > 0 ? 'Files ranked by risk' : 'No risky files found' },
    );
    return { files: risks };
  },
};
