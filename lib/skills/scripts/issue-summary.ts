// What the issue-summary skill runs in the sandbox (its card: ../issue-summary.ts), built into script
// text by scripts/build-sandbox-scripts.ts. It sees the prelude's globals (../../sandbox/prelude-globals.d.ts).
import type { PageData } from '../../context/types';
import { repositoryOfUrl, summariseIssue } from '../issue-thread';

export function issueSummary(page: PageData) {
  if (page.type !== 'issue') throw new Error('issue-summary needs an issue page');
  const { owner, repository } = repositoryOfUrl(context.url);
  // Ages are counted to when the page was read, so a re-run tomorrow says the same.
  const summary = summariseIssue(page, { readAt: context.capturedAt, owner }, repository);
  view.markdown(summary.markdown);
  return { waiting: summary.waiting, ask: summary.ask, errors: summary.errors, references: summary.references, decisions: summary.decisions, state: summary.state };
}
