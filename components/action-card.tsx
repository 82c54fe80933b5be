import { useEffect, useState } from 'preact/hooks';
import type { Action } from '../lib/context/types';
import type { ProposedAction } from '../lib/conversation/types';

export interface ActionCardProps {
  proposal: ProposedAction;
  onApprove: (proposal: ProposedAction) => void;
  onDismiss: (proposal: ProposedAction) => void;
  onUndo?: (proposal: ProposedAction) => void;
  /** Outlines the target on the page; resolves to an error message when the target is not there. */
  onPreview?: (action: Action) => Promise<string | null>;
}

const PREVIEWABLE = new Set<Action['type']>(['fill', 'click', 'highlight']);

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
  const [targetProblem, setTargetProblem] = useState<string | null>(null);
  const canPreview = Boolean(onPreview) && PREVIEWABLE.has(action.type);
  // Before approval the page shows what would change: outline the target as soon as the card appears.
  useEffect(() => {
    if (proposal.status === 'proposed' && canPreview && onPreview) void onPreview(action).then(setTargetProblem);
  }, [proposal.callId]);
  return (
    <section class={`action-card action-card--${proposal.status}`} data-testid="action-card" data-status={proposal.status} aria-label="Proposed action">
      <header class="action-card__header">
        <span class="action-card__badge">Needs your approval</span>
        <strong>{headline(action)}</strong>
      </header>
      {proposal.why && <p class="action-card__why">{proposal.why}</p>}
      {text !== null && <pre class="code-block action-card__preview" data-testid="action-preview">{text}</pre>}
      {targetProblem && proposal.status === 'proposed' && <p class="action-card__warning" role="alert">{targetProblem}</p>}
      {proposal.message && <p class="action-card__message" role="status">{proposal.message}</p>}
      <div class="action-card__buttons">
        {proposal.status === 'proposed' && (
          <>
            <button type="button" class="button button--primary" onClick={() => onApprove(proposal)} data-testid="action-approve">Approve</button>
            {canPreview && onPreview && (
              <button type="button" class="button" onClick={() => void onPreview(action).then(setTargetProblem)}>Show on page</button>
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
