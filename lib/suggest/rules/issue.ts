// Rules for GitHub issues.
import { issueData } from '../page-data';
import type { Rule } from '../types';
import { issueStanding, repositoryOfUrl } from '../../skills/issue-thread';
import { listNames } from '../wording';

export const issueDiscussion: Rule = {
  id: 'issue-discussion',
  kinds: ['github.issue'],
  suggest(context) {
    const issue = issueData(context);
    if (!issue) return [];
    const { owner } = repositoryOfUrl(context.url);
    const standing = issueStanding(issue, { readAt: context.capturedAt, ...(owner ? { owner } : {}) });
    return [
      {
        title: 'Where does this issue stand?',
        why: standing.why,
        // Someone left waiting is what the page hides best; a long thread is where reading saves the most.
        score: Math.min(0.75, (standing.waiting ? 0.6 : 0.45) + 0.01 * issue.comments.length),
        run: { skill: 'issue-summary' },
      },
    ];
  },
};

/** Things in an issue that point at code: `inline code`, file paths with an extension, and call-like names. */
export function codeReferences(text: string, max = 5): string[] {
  const found: string[] = [];
  const add = (reference: string) => {
    const trimmed = reference.trim();
    if (trimmed.length >= 3 && trimmed.length <= 60 && !found.includes(trimmed)) found.push(trimmed);
  };
  for (const match of text.matchAll(/`([^`\n]+)`/g)) add(match[1]!);
  for (const match of text.matchAll(/(?:^|[\s(])((?:[\w.-]+\/)*[\w.-]+\.(?:[cm]?[jt]sx?|py|go|rb|rs|java|kt|cs|php|swift|c|cc|cpp|h|css|scss|html|vue|svelte|json|ya?ml|toml|md))\b/gm)) {
    add(match[1]!);
  }
  for (const match of text.matchAll(/\b([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\(\)/g)) add(`${match[1]!}()`);
  return found.slice(0, max);
}

export const issueFindCode: Rule = {
  id: 'issue-find-code',
  kinds: ['github.issue'],
  suggest(context) {
    const issue = issueData(context);
    if (!issue) return [];
    const references = codeReferences(`${issue.title}\n${issue.body}`);
    const why =
      references.length > 0
        ? `Issue #${issue.number} mentions ${listNames(references.map((reference) => `\`${reference}\``))}.`
        : `Issue #${issue.number} (“${issue.title}”) names no file or function; the code search starts from its description.`;
    return [
      {
        title: 'Find the code this is about',
        why,
        score: references.length > 0 ? 0.45 : 0.3,
        run: {
          ask: 'Which files, functions or settings in this repository is this issue about? Quote the paths, identifiers or error messages from the issue that point there.',
        },
      },
    ];
  },
};

export const issueRules: Rule[] = [issueDiscussion, issueFindCode];
