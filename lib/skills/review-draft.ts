import { SKILL_SCRIPTS } from '../generated/sandbox-scripts';
import type { Skill } from './types';

export const reviewDraft: Skill = {
  id: 'review-draft',
  title: 'Draft a review comment',
  description: 'A review comment in markdown listing the risks found in the changed files, ready to fill into the review box.',
  kinds: ['github.pull', 'github.pull.files'],
  views: ['markdown'],
  script: SKILL_SCRIPTS['review-draft'],
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
