// Panel keyboard shortcuts: "/" focuses the composer; Alt+Enter accepts and Alt+Backspace dismisses the top card.
import { useEffect } from 'preact/hooks';

export interface PanelShortcuts {
  acceptTop: () => void;
  dismissTop: () => void;
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export function usePanelShortcuts(shortcuts: PanelShortcuts): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey && event.key === 'Enter') {
        event.preventDefault();
        shortcuts.acceptTop();
      } else if (event.altKey && event.key === 'Backspace') {
        event.preventDefault();
        shortcuts.dismissTop();
      } else if (event.key === '/' && !isTyping(event.target)) {
        event.preventDefault();
        document.getElementById('composer-input')?.focus();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  });
}
