// Reads a check / job / step state from the words and icons GitHub uses for it.
import type { CheckState } from '../../context/types';

const conclusionWords: [RegExp, CheckState][] = [
  [/\b(fail|failed|failing|failure|error|errored|timed[ _-]?out|startup[ _-]?failure|action[ _-]?required)\b/i, 'failure'],
  [/\b(cancel+ed|cancel+ing)\b/i, 'cancelled'],
  [/\b(skip|skipped|skipping)\b/i, 'skipped'],
  [/\b(neutral|stale)\b/i, 'neutral'],
  [/\b(in[ _-]?progress|queued|pending|waiting|expected|running|requested|started)\b/i, 'pending'],
  [/\b(success|successful|successfully|succeeded|passed|passing|completed)\b/i, 'success'],
];

const iconStates: [string, CheckState][] = [
  ['octicon-x-circle', 'failure'],
  ['octicon-x', 'failure'],
  ['octicon-stop', 'cancelled'],
  ['octicon-skip', 'skipped'],
  ['octicon-square', 'neutral'],
  ['octicon-dot-fill', 'pending'],
  ['octicon-clock', 'pending'],
  ['octicon-check-circle', 'success'],
  ['octicon-check', 'success'],
];

/** The state named by a word such as "failure", "Successful in 2m" or "in_progress"; 'unknown' when none. */
export function stateFromWords(text: string): CheckState {
  for (const [pattern, state] of conclusionWords) if (pattern.test(text)) return state;
  return 'unknown';
}

/** The state shown by an element: its data attributes and labels first, then its status icon. */
export function stateOfElement(element: Element): CheckState {
  const attributes = ['data-conclusion', 'data-status', 'aria-label', 'title'];
  for (const name of attributes) {
    const value = element.getAttribute(name);
    if (value) {
      const state = stateFromWords(value);
      if (state !== 'unknown') return state;
    }
  }
  for (const labelled of Array.from(element.querySelectorAll('[aria-label], [title], [data-conclusion]')).slice(0, 12)) {
    const value = labelled.getAttribute('data-conclusion') ?? labelled.getAttribute('aria-label') ?? labelled.getAttribute('title') ?? '';
    const state = stateFromWords(value);
    if (state !== 'unknown') return state;
  }
  return stateOfIcon(element);
}

function stateOfIcon(element: Element): CheckState {
  const icon = element.querySelector('svg.octicon, svg[class*="octicon-"]');
  const classes = ` ${icon?.getAttribute('class') ?? ''} `;
  for (const [name, state] of iconStates) if (classes.includes(` ${name} `)) return state;
  return 'unknown';
}
