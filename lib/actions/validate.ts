// The strict gate every proposed action passes before a card is shown and again before it runs:
// the proposal may come from a model steered by the page, so nothing about its shape is trusted.
import { firstProblem } from '../schema/problems';
import { actionSchema, type Action } from './action-schema';

export { describeAction } from './describe';

export type ValidationResult = { ok: true; action: Action } | { ok: false; error: string };

export interface ValidateOptions {
  /** Parses selectors; defaults to the global document, and selectors go unchecked where there is none (service worker). */
  document?: Document;
}

export function validateAction(value: unknown, options: ValidateOptions = {}): ValidationResult {
  const parsed = actionSchema.safeParse(value);
  if (!parsed.success) return { ok: false, error: firstProblem(parsed.error) };
  const action = parsed.data;
  if (action.type === 'open') return { ok: true, action: { type: 'open', url: new URL(action.url.trim()).href } };
  const problem = action.type === 'copy' ? undefined : selectorProblem(action.selector, options);
  return problem === undefined ? { ok: true, action } : { ok: false, error: problem };
}

/** The schema cannot parse CSS; a document can, where there is one. */
function selectorProblem(selector: string, options: ValidateOptions): string | undefined {
  const parser = options.document ?? globalThis.document;
  if (parser === undefined) return undefined;
  try {
    // A fragment parses the selector without matching it against the page.
    parser.createDocumentFragment().querySelector(selector);
  } catch (error) {
    if (isSyntaxError(error)) return `\`selector\` is not valid CSS: ${selector}`;
    throw error;
  }
  return undefined;
}

function isSyntaxError(error: unknown): boolean {
  // jsdom and browsers throw a DOMException named SyntaxError, from another realm than ours.
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'SyntaxError';
}
