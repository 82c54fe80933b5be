import { useRef } from 'preact/hooks';
import type { Suggestion } from '../lib/context/types';

export interface SuggestionDeckProps {
  suggestions: Suggestion[];
  onAccept: (suggestion: Suggestion) => void;
  onDismiss: (suggestion: Suggestion) => void;
  disabled?: boolean;
}

const SWIPE_PX = 80;

function runLabel(suggestion: Suggestion): string {
  if ('skill' in suggestion.run) return 'Built-in · no key needed';
  if ('ask' in suggestion.run) return 'Asks the model';
  return 'Proposes an action';
}

/**
 * What Tandem noticed on this page, best first. Accept with a click, Enter or →, or a swipe right;
 * dismiss with ×, Delete or ←, or a swipe left.
 */
export function SuggestionDeck({ suggestions, onAccept, onDismiss, disabled = false }: SuggestionDeckProps) {
  const start = useRef<{ x: number; id: string } | null>(null);
  if (suggestions.length === 0) return null;

  const onKeyDown = (event: KeyboardEvent, suggestion: Suggestion) => {
    if (disabled) return;
    if (event.key === 'Enter' || event.key === 'ArrowRight') {
      event.preventDefault();
      onAccept(suggestion);
    } else if (event.key === 'ArrowLeft' || event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      onDismiss(suggestion);
    }
  };
  const onPointerUp = (event: PointerEvent, suggestion: Suggestion) => {
    const began = start.current;
    start.current = null;
    if (!began || began.id !== suggestion.id || disabled) return;
    const moved = event.clientX - began.x;
    if (moved > SWIPE_PX) onAccept(suggestion);
    else if (moved < -SWIPE_PX) onDismiss(suggestion);
  };

  return (
    <section class="deck" aria-label="Suggestions for this page" data-testid="suggestion-deck">
      <h2 class="deck__title">Suggested for this page</h2>
      <ul class="deck__list">
        {suggestions.map((suggestion, index) => (
          <li
            key={suggestion.id}
            class="card"
            data-testid="suggestion-card"
            data-rule={suggestion.rule}
            tabIndex={0}
            aria-label={`${suggestion.title}. ${suggestion.why}`}
            aria-keyshortcuts={index === 0 ? 'Enter ArrowRight ArrowLeft' : undefined}
            onKeyDown={(event) => onKeyDown(event, suggestion)}
            onPointerDown={(event) => {
              start.current = { x: event.clientX, id: suggestion.id };
            }}
            onPointerUp={(event) => onPointerUp(event, suggestion)}
          >
            <button type="button" class="card__main" onClick={() => onAccept(suggestion)} disabled={disabled} data-testid="suggestion-accept" tabIndex={-1}>
              <strong class="card__title">{suggestion.title}</strong>
              <span class="card__why">{suggestion.why}</span>
              <span class="card__run">{runLabel(suggestion)}</span>
            </button>
            <button type="button" class="card__dismiss" onClick={() => onDismiss(suggestion)} aria-label={`Dismiss “${suggestion.title}”`} data-testid="suggestion-dismiss" tabIndex={-1}>
              ×
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
