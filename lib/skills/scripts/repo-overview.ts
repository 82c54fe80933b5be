// What the repo-overview skill runs in the sandbox (its card: ../repo-overview.ts), built into script text
// by scripts/build-sandbox-scripts.ts. It sees the prelude's globals (../../sandbox/prelude-globals.d.ts).
import type { PageData } from '../../context/types';
import { repoStart } from '../repo-start';

export function repoOverview(page: PageData) {
  if (page.type !== 'repo') throw new Error('repo-overview needs a repository home page');
  // Ages are counted to when the page was read, so a re-run tomorrow says the same.
  const start = repoStart(page, context.capturedAt);
  view.markdown(start.markdown);
  return { commands: start.commands, buildFiles: start.buildFiles, needs: start.needs, caveats: start.caveats, about: start.about, activity: start.activity };
}
