// What the pr-risk skill runs in the sandbox (its card: ../pr-risk.ts), built into script text by
// scripts/build-sandbox-scripts.ts. It sees the prelude's globals (../../sandbox/prelude-globals.d.ts).
import type { PageData } from '../../context/types';
import { rankFileRisks } from '../file-risk';
import { diffNotReadNote } from '../pull-reading';

export function prRisk(page: PageData) {
  if (page.type !== 'pull') throw new Error('pr-risk needs a pull request page');
  // No files read is not "no risky files": say what is missing instead of ranking nothing.
  if (!page.read.diff) {
    view.markdown(`**Risk not assessed.** ${diffNotReadNote(page)}`);
    return { diffRead: false, shown: page.shown, files: [] };
  }
  const risks = rankFileRisks(page.files);
  view.table(
    risks.map((risk) => ({ file: risk.path, score: risk.score, reasons: risk.reasons.join('; '), changed: `+${risk.additions} −${risk.deletions}` })),
    { title: risks.length > 0 ? 'Files ranked by risk' : 'No risky files found' },
  );
  return { diffRead: true, files: risks };
}
