import type { SaveState } from './view-state';

export interface SaveBarProps {
  dirty: boolean;
  canSave: boolean;
  /** Why Save is disabled although something changed, if that is the reason. */
  blocker: string | null;
  saveState: SaveState;
  onDiscard: () => void;
}

/** The sticky footer: what is unsaved, why it cannot be saved yet, and the Save button. */
export function SaveBar({ dirty, canSave, blocker, saveState, onDiscard }: SaveBarProps) {
  const status =
    saveState.state === 'saving'
      ? 'Saving…'
      : saveState.state === 'failed'
        ? `Not saved: ${saveState.message}`
        : dirty
          ? (blocker ?? 'You have unsaved changes.')
          : saveState.state === 'saved'
            ? 'Saved'
            : 'All changes saved.';
  const tone = saveState.state === 'failed' || (dirty && blocker) ? 'error' : saveState.state === 'saved' && !dirty ? 'ok' : 'neutral';
  return (
    <div class="save-bar" data-testid="save-bar">
      <p class={`save-bar__status save-bar__status--${tone}`} role="status" data-testid="save-status" data-state={saveState.state}>
        {tone === 'ok' && <span aria-hidden="true">✓ </span>}
        {status}
      </p>
      <div class="save-bar__buttons">
        <button type="button" class="button" onClick={onDiscard} disabled={!dirty} data-testid="discard">
          Discard changes
        </button>
        <button type="submit" class="button button--primary" disabled={!canSave} data-testid="save">
          {saveState.state === 'saving' ? 'Saving…' : 'Save'}
        </button>
      </div>
    </div>
  );
}
