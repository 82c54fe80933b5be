import type { Skill } from './types';
import * as fileRisk from './file-risk';

// Helpers reach the sandbox through `uses`; referenced as free names so no import rewriting touches them.
declare const rankFileRisks: typeof fileRisk.rankFileRisks;

export const reviewDraft: Skill = {
  id: 'review-draft',
  title: 'Draft a review comment',
  description: 'A review comment in markdown listing the risks found in the changed files, ready to fill into the review box.',
  kinds: ['github.pull', 'github.pull.files'],
  views: ['markdown'],
  uses: fileRisk.fileRiskFunctions,
  main: (page) => {
    if (page.type !== 'pull') throw new Error('review-draft needs a pull request page');
    const risks = rankFileRisks(page.files).slice(0, 8);
    const failing = page.checks.filter((check) => check.state === 'failure' || check.state === 'cancelled');
    const lines: string[] = [];
    if (risks.length === 0 && failing.length === 0) {
      lines.push('Thanks! I found nothing that stands out as risky in this change set.');
    } else {
      lines.push('Thanks for the change! A few things worth a closer look before merging:', '');
      for (const risk of risks) lines.push(`- \`${risk.path}\`: ${risk.reasons.join(', ')}`);
      if (failing.length > 0) lines.push(`- Failing checks: ${failing.map((check) => check.name).join(', ')}`);
      const untested = risks.filter((risk) => risk.reasons.some((reason) => reason.includes('without a matching test')));
      if (untested.length > 0) lines.push('', `Could you add or update tests for ${untested.length === 1 ? 'this file' : 'these files'}?`);
    }
    const text = lines.join('\n');
    view.markdown(text);
    return { text, risks };
  },
  propose: (value) => {
    const text = typeof value === 'object' && value !== null && 'text' in value ? String((value as { text: unknown }).text) : '';
    if (!text) return null;
    return {
      // GitHub's conversation comment box; the content script checks the label before it fills anything.
      action: { type: 'fill', selector: 'textarea#new_comment_field', label: 'Comment body', text },
      why: 'Put this draft into the pull request’s comment box, for you to edit and post yourself.',
    };
  },
};
