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
  return { comment, cut: text.cut };
}

function authorOf(container: Element): string | undefined {
  const link = container.querySelector(authorSelector);
  if (!link) return undefined;
  return textOf(link) || loginFromHref(link.getAttribute('href'));
}
