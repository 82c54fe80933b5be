// What a run gets as input: the page data and the rest of the page context.
import type { PageContext, PageData } from '../context/types';

/** `capturedAt` is when the page was read: a script's "now", so an answer's ages do not drift on re-runs. */
export type SandboxContext = Pick<PageContext, 'url' | 'title' | 'kind' | 'facts' | 'selection'> & Partial<Pick<PageContext, 'capturedAt'>>;

export interface SandboxInput {
  /** Becomes the `page` global; normally PageContext.data, but any JSON value is accepted. */
  page: PageData | unknown;
  /** Becomes the `context` global. */
  context?: SandboxContext;
}

/** The `context` global when the caller has no page context (e.g. a bare data file in the CLI). */
export const EMPTY_SANDBOX_CONTEXT: SandboxContext = Object.freeze({ url: '', title: '', kind: 'generic', facts: {} });

export function sandboxInputFromContext(pageContext: PageContext): SandboxInput {
  const { url, title, kind, facts, selection, capturedAt } = pageContext;
  return { page: pageContext.data, context: selection === undefined ? { url, title, kind, facts, capturedAt } : { url, title, kind, facts, selection, capturedAt } };
}
