// Finds the one element an action is about. The rule: among the elements the selector matches, keep
// the visible ones; without a label (highlight only) the first of those is the target; with a label,
// exactly one visible match must carry it. Several equally labelled matches are refused rather than
// guessed, since a page can plant a look-alike to catch the first match. A click's label must be the
// element's accessible name itself: a tooltip or placeholder saying "Preview" on a button that reads
// "Post" does not make it a Preview button.
import { AmbiguousTargetError, InvalidActionError, TargetMismatchError, TargetNotFoundError } from './errors';
import { accessibleLabels, labelMatches, nameMatches, primaryLabel } from './accessible-label';
import { displayLine } from './display-text';
import { isVisible } from './visibility';

export interface TargetQuery {
  selector: string;
  label?: string;
  /** Match the label against the accessible name only, not every label the element carries. */
  byName?: boolean;
}

/** Throws an ActionError naming what went wrong; `ignored` keeps Tandem's own overlay out of the matches. */
export function resolveTarget(document: Document, query: TargetQuery, ignored?: Element): Element {
  const visible = queryAll(document, query.selector).filter((element) => element !== ignored && isVisible(element));
  if (visible.length === 0) throw new TargetNotFoundError(`Nothing visible on the page matches ${displayLine(query.selector)}.`);
  const first = visible[0];
  if (query.label === undefined && first !== undefined) return first;
  const label = query.label ?? '';
  const matches = query.byName === true ? nameMatches : labelMatches;
  const labelled = visible.filter((element) => matches(element, label));
  if (labelled.length === 1 && labelled[0] !== undefined) return labelled[0];
  if (labelled.length > 1) {
    throw new AmbiguousTargetError(`${labelled.length} visible elements match ${displayLine(query.selector)} and are labelled “${displayLine(label)}”; use a selector that picks one.`);
  }
  const found = foundLabels(visible);
  const is = found === undefined ? 'has no name' : `is ${query.byName === true ? 'named' : 'labelled'} ${found}`;
  const only = visible.length === 1 ? visible[0] : undefined;
  throw new TargetMismatchError(`The element at ${displayLine(query.selector)} ${is}, not “${displayLine(label)}”.`, only && primaryLabel(only));
}

function queryAll(document: Document, selector: string): Element[] {
  try {
    return [...document.querySelectorAll(selector)];
  } catch (error) {
    if (typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'SyntaxError') {
      throw new InvalidActionError(`The selector is not valid CSS: ${displayLine(selector)}`);
    }
    throw error;
  }
}

function foundLabels(elements: Element[]): string | undefined {
  const labels = elements.slice(0, 3).map((element) => accessibleLabels(element)[0]).filter((label) => label !== undefined);
  if (labels.length === 0) return undefined;
  return `${labels.map((label) => `“${displayLine(label, 60)}”`).join(' or ')}`;
}
