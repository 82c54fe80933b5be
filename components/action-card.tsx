import type { Action } from '../lib/context/types';
import type { ProposedAction } from '../lib/conversation/types';

export interface ActionCardProps {
  proposal: ProposedAction;
  onApprove: (proposal: ProposedAction) => void;
  onDismiss: (proposal: ProposedAction) => void;
  onUndo?: (proposal: ProposedAction) => void;
  onPreview?: (action: Action) => void;
}

function headline(action: Action): string {
  switch (action.type) {
    case 'copy':
      return `Copy ${action.text.length.toLocaleString('en-US')} characters to the clipboard`;
    case 'open':
      return `Open ${action.url} in a new tab`;
    case 'fill':
      return `Fill “${action.label}” with ${action.text.length.toLocaleString('en-US')} characters (not submitted)`;
    case 'click':
      return `Click “${action.label}”`;
    case 'highlight':
      return `Highlight ${action.label ? `“${action.label}”` : action.selector} on the page`;
  }
}

function preview(action: Action): string | null {
  if (action.type === 'fill' || action.type === 'copy') return action.text;
  return null;
}

/** A proposed action: exactly what will happen, and nothing happens until the user approves. */
export function ActionCard({ proposal, onApprove, onDismiss, onUndo, onPreview }: ActionCardProps) {
  const { action } = proposal;
  const text = preview(action);
  return (
    <section class={`action-card action-card--${proposal.status}`} data-testid="action-card" data-status={proposal.status} aria-label="Proposed action">
      <header class="action-card__header">
        <span class="action-card__badge">Needs your approval</span>
        <strong>{headline(action)}</strong>
      </header>
      {proposal.why && <p class="action-card__why">{proposal.why}</p>}
      {text !== null && <pre class="code-block action-card__preview" data-testid="action-preview">{text}</pre>}
      {proposal.message && <p class="action-card__message" role="status">{proposal.message}</p>}
      <div class="action-card__buttons">
        {proposal.status === 'proposed' && (
          <>
            <button type="button" class="button button--primary" onClick={() => onApprove(proposal)} data-testid="action-approve">Approve</button>
            {onPreview && action.type !== 'copy' && action.type !== 'open' && (
              <button type="button" class="button" onClick={() => onPreview(action)}>Show on page</button>
            )}
            <button type="button" class="button button--ghost" onClick={() => onDismiss(proposal)} data-testid="action-dismiss">Dismiss</button>
          </>
        )}
        {proposal.status === 'done' && proposal.undoToken && onUndo && (
          <button type="button" class="button" onClick={() => onUndo(proposal)} data-testid="action-undo">Undo</button>
        )}
      </div>
    </section>
  );
}
