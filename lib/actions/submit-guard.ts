// Cancels any form submission the page starts while Tandem's own events are being dispatched: a page
// handler may answer an input event or a click with form.requestSubmit(), and Tandem never submits.
// (A page calling form.submit() fires no event and cannot be stopped from here; the policy's refusal
// of submit buttons and destructive labels is the main defence, this is the second.)

export interface GuardReport {
  /** How many submissions were cancelled during the guarded call. */
  blockedSubmissions: number;
}

export function withSubmitGuard<T>(document: Document, dispatch: () => T): { value: T } & GuardReport {
  const view = document.defaultView;
  let blockedSubmissions = 0;
  const block = (event: Event): void => {
    blockedSubmissions += 1;
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  // The window's capture phase is the first stop of every submit event in the document.
  const target: EventTarget = view ?? document;
  target.addEventListener('submit', block, true);
  try {
    return { value: dispatch(), blockedSubmissions };
  } finally {
    target.removeEventListener('submit', block, true);
  }
}
