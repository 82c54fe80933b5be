import { SKILL_SCRIPTS } from '../generated/sandbox-scripts';
import { COMMENT_BOX_SELECTOR } from '../capture/github/pull-shown';
import type { Skill } from './types';

export const reviewDraft: Skill = {
  id: 'review-draft',
  title: 'Draft a review comment',
  description: 'A review comment built from the page: open threads and whom they wait on, failing checks, untested code, debug output, TODOs, focused tests, masked secrets and copied blocks added, each once with file:line; says when the diff was not read.',
  kinds: ['github.pull', 'github.pull.files'],
  views: ['markdown'],
  script: SKILL_SCRIPTS['review-draft'],
  propose: (value, context) => {
    const text = typeof value === 'object' && value !== null && 'text' in value ? String((value as { text: unknown }).text) : '';
    // No card for a box the page does not have (the Files tab has none): the draft is still in the answer.
    if (!text || context.data.type !== 'pull' || !context.data.commentBox) return null;
    return {
      // GitHub's conversation comment box, labelled "Comment"; the content script checks the label before it fills anything.
      action: { type: 'fill', selector: COMMENT_BOX_SELECTOR, label: 'Comment', text },
      why: 'Put this draft into the pull request’s comment box, for you to edit and post yourself.',
    };
  },
};
