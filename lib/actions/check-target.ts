// Finds an action's target and applies the policy to it, answering with the name of what was found
// either way: the card shows that name next to the proposed one, also when the action is refused.
// The executor runs on it before every preview and execution; the CLI runs it on the saved page.
import type { Action } from '../context/types';
import { primaryLabel } from './accessible-label';
import type { TargetReport } from './describe';
import { ActionError, TargetMismatchError, TargetNotAllowedError } from './errors';
import { clickRefusal, fillRefusal } from './policy';
import { resolveTarget } from './resolve-target';

export type PageAction = Extract<Action, { selector: string }>;

export type TargetCheck =
  | { ok: true; target: Element; label?: string }
  | { ok: false; error: ActionError; label?: string };

/** `ignored` keeps Tandem's own overlay out of the matches. Throws only what is not an ActionError. */
export function checkTarget(document: Document, action: PageAction, ignored?: Element): TargetCheck {
  let target: Element;
  try {
    // A click's label must be the element's accessible name; other actions accept any label it carries.
    target = resolveTarget(document, { selector: action.selector, label: action.label, byName: action.type === 'click' }, ignored);
  } catch (error) {
    if (error instanceof TargetMismatchError) return { ok: false, error, ...withLabel(error.found) };
    if (error instanceof ActionError) return { ok: false, error };
    throw error;
  }
  const label = primaryLabel(target);
  const refusal = action.type === 'fill' ? fillRefusal(target) : action.type === 'click' ? clickRefusal(target) : undefined;
  if (refusal !== undefined) return { ok: false, error: new TargetNotAllowedError(refusal), ...withLabel(label) };
  return { ok: true, target, ...withLabel(label) };
}

/** What describeAction needs from the page; undefined for copy and open, which have no target. */
export function targetReport(document: Document, action: Action): TargetReport | undefined {
  if (action.type === 'copy' || action.type === 'open') return undefined;
  const check = checkTarget(document, action);
  return { ...withLabel(check.label), ...(check.ok ? {} : { problem: check.error.message }) };
}

function withLabel(label: string | undefined): { label?: string } {
  return label === undefined ? {} : { label };
}
