// Reads one rendered comment (classic timeline, review comment, or the React issue viewer).
import type { Comment } from '../../context/types';
import { limits } from './limits';
import { markdownText } from './markdown-text';
import { loginFromHref, textOf } from './text';

const authorSelector = 'a.author, [data-testid="avatar-link"], [data-testid="issue-body-header-author"], .author';

export interface CommentReading {
  comment: Comment;
  cut: boolean;
}

/** The comment whose container is `container`; its body is the first markdown body inside. */
export function readComment(container: Element, bodySelector = '.js-comment-body, [data-testid="markdown-body"], .markdown-body'): CommentReading | undefined {
  const body = container.matches(bodySelector) ? container : container.querySelector(bodySelector);
  if (!body) return undefined;
  const text = markdownText(body, limits.commentChars);
  const comment: Comment = { body: text.text };
  const author = authorOf(container);
  if (author) comment.author = author;
  const time = container.querySelector('relative-time[datetime], time-ago[datetime], local-time[datetime], time[datetime]');
  const createdAt = time?.getAttribute('datetime');
  if (createdAt) comment.createdAt = createdAt;
  const association = associationOf(container);
  if (association) comment.association = association;
  return { comment, cut: text.cut };
}

/** GitHub's words for how an author relates to the repository; "Author" (of the issue) is not one. */
const associations = /^(Owner|Member|Collaborator|Contributor|First-time contributor|Sponsor)$/i;

/** The association label in a comment's header (React: its test id; classic: a Label in the header). */
export function associationOf(container: Element): string | undefined {
  const labelled = textOf(container.querySelector('[data-testid="comment-author-association"]'));
  if (labelled !== '') return labelled;
  const header = container.querySelector('.timeline-comment-header, [data-testid="comment-header"]');
  const label = Array.from(header?.querySelectorAll('.Label, .timeline-comment-label') ?? []).map((element) => textOf(element)).find((text) => associations.test(text));
  return label;
}

function authorOf(container: Element): string | undefined {
  const link = container.querySelector(authorSelector);
  if (!link) return undefined;
  return textOf(link) || loginFromHref(link.getAttribute('href'));
}
