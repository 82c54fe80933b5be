// "Explain selection": one button under a selection of code, gone when the selection is.
import { codeSelectionOf } from '../../../lib/in-page-help/code-selection';
import { belowSelection } from '../../../lib/in-page-help/geometry';
import { explainSelection } from '../../../lib/in-page-help/requests';
import type { HelpRequest } from '../../../lib/in-page-help/types';
import { createHelpButton, moveHostTo, type HelpButton } from './help-button';

export interface SelectionButton {
  /** Shows the button under the current selection when it is code, hides it otherwise. */
  update(): void;
  hide(): void;
}

export function createSelectionButton(document: Document, onRequest: (request: HelpRequest, button: HTMLButtonElement) => void): SelectionButton {
  let current: (HelpButton & { text: string }) | null = null;

  function hide(): void {
    current?.host.remove();
    current = null;
  }

  function update(): void {
    const selection = document.getSelection();
    const code = codeSelectionOf(selection);
    const range = code && selection ? selection.getRangeAt(selection.rangeCount - 1) : null;
    const rects = range ? Array.from(range.getClientRects()).filter((rect) => rect.width > 0 || rect.height > 0) : [];
    const end = rects.at(-1);
    if (!code || !end) {
      hide();
      return;
    }
    if (!current) {
      const made = createHelpButton(document, 'selection', 'Explain selection', () => {
        if (current) onRequest(explainSelection(current.text), current.button);
        hide();
      });
      current = { ...made, text: code.text };
      document.body.append(current.host);
    }
    current.text = code.text;
    const size = current.button.getBoundingClientRect();
    moveHostTo(current.host, belowSelection(end, size, document.documentElement.clientWidth));
  }

  return { update, hide };
}
