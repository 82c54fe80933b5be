// What a run gets as input: the page data and the rest of the page context.
import type { PageContext, PageData } from '../context/types';

export type SandboxContext = Pick<PageContext, 'url' | 'title' | 'kind' | 'facts' | 'selection'>;

export interface SandboxInput {
  /** Becomes the `page` global; normally PageContext.data, but any JSON value is accepted. */
  page: PageData | unknown;
  /** Becomes the `context` global. */
  context?: SandboxContext;
}

/** The `context` global when the caller has no page context (e.g. a bare data file in the CLI). */
export const EMPTY_SANDBOX_CONTEXT: SandboxContext = Object.freeze({ url: '', title: '', kind: 'generic', facts: {} });

export function sandboxInputFromContext(pageContext: PageContext): SandboxInput {
  const { url, title, kind, facts, selection } = pageContext;
  return { page: pageContext.data, context: selection === undefined ? { url, title, kind, facts } : { url, title, kind, facts, selection } };
}
