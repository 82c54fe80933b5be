import { useEffect, useState } from 'preact/hooks';
import { describeAction, type TargetReport } from '../lib/actions/describe';
import { hiddenCharacterRuns, showHiddenCharacters } from '../lib/actions/display-text';
import type { Action } from '../lib/context/types';
import type { ProposedAction } from '../lib/conversation/types';

export interface ActionCardProps {
  proposal: ProposedAction;
  onApprove: (proposal: ProposedAction) => void;
  onDismiss: (proposal: ProposedAction) => void;
  onUndo?: (proposal: ProposedAction) => void;
  /** Outlines the target on the page; resolves to what the page found there (its name, or why the action cannot run). */
  onPreview?: (action: Action) => Promise<TargetReport>;
  /** Why this proposal cannot run here (made on another page or in another tab): the card is shown, inert. */
  inertReason?: string;
}

const PREVIEWABLE = new Set<Action['type']>(['fill', 'click', 'highlight']);

const BADGES: Record<ProposedAction['status'], string> = {
  proposed: 'Needs your approval',
  done: 'Done',
  failed: 'Not done',
  dismissed: 'Dismissed',
  undone: 'Undone',
};

/**
 * A proposed action: exactly what will happen, and nothing happens until the user approves. The words
 * come from describeAction, the same function the CLI prints, completed by what the page found.
 */
export function ActionCard({ proposal, onApprove, onDismiss, onUndo, onPreview, inertReason }: ActionCardProps) {
  const { action } = proposal;
  const [report, setReport] = useState<TargetReport | undefined>(undefined);
  const description = describeAction(action, report);
  const canPreview = Boolean(onPreview) && PREVIEWABLE.has(action.type) && inertReason === undefined;
  const preview = () => {
    if (onPreview) void onPreview(action).then(setReport);
  };
  // Before approval the page shows what would change: outline the target as soon as the card appears.
  useEffect(() => {
    if (proposal.status === 'proposed' && canPreview) preview();
  }, [proposal.callId]);
  return (
    <section class={`action-card action-card--${proposal.status}`} data-testid="action-card" data-status={proposal.status} aria-label="Proposed action">
      <header class="action-card__header">
        <span class="action-card__badge">{inertReason !== undefined && proposal.status === 'proposed' ? 'Cannot run here' : BADGES[proposal.status]}</span>
        <strong data-testid="action-summary">{description.summary}</strong>
      </header>
      {description.found !== undefined && (
        <p class="action-card__why action-card__found" data-testid="action-target">On the page: “{description.found}”</p>
      )}
      {proposal.why && <p class="action-card__why">{proposal.why}</p>}
      {description.detail !== undefined && (
        <pre class="code-block action-card__preview" data-testid="action-preview">
          <DetailText text={description.detail} />
        </pre>
      )}
      {description.note && <p class="action-card__why action-card__note" data-testid="action-note">{description.note}</p>}
      {description.warnings && (
        <ul class="action-card__warning" data-testid="action-warnings">
          {description.warnings.map((warning) => <li key={warning}>{warning}</li>)}
        </ul>
      )}
      {description.refusal && proposal.status === 'proposed' && (
        <p class="action-card__warning" role="alert" data-testid="action-refusal">As the page is now, Tandem would not do this: {description.refusal}</p>
      )}
      {proposal.message && <p class="action-card__message" role="status">{proposal.message}</p>}
      {inertReason !== undefined && proposal.status === 'proposed' && (
        <p class="action-card__why action-card__note" data-testid="action-inert">{inertReason}</p>
      )}
      <div class="action-card__buttons">
        {proposal.status === 'proposed' && inertReason === undefined && (
          <>
            {/* Still possible (the page may change), but not the obvious next step once the page said no. */}
            <button type="button" class={description.refusal ? 'button' : 'button button--primary'} onClick={() => onApprove(proposal)} data-testid="action-approve">
              Approve
            </button>
            {canPreview && <button type="button" class="button" onClick={preview}>Show on page</button>}
            <button type="button" class="button button--ghost" onClick={() => onDismiss(proposal)} data-testid="action-dismiss">Dismiss</button>
          </>
        )}
        {proposal.status === 'proposed' && inertReason !== undefined && (
          <button type="button" class="button button--ghost" onClick={() => onDismiss(proposal)} data-testid="action-dismiss">Dismiss</button>
        )}
        {/* A failed action changed nothing: the page may have changed since (a box appeared), so it can run again, or go. */}
        {proposal.status === 'failed' && inertReason === undefined && (
          <>
            <button type="button" class="button" onClick={() => onApprove(proposal)} data-testid="action-retry">Retry</button>
            <button type="button" class="button button--ghost" onClick={() => onDismiss(proposal)} data-testid="action-dismiss">Dismiss</button>
          </>
        )}
        {proposal.status === 'failed' && inertReason !== undefined && (
          <button type="button" class="button button--ghost" onClick={() => onDismiss(proposal)} data-testid="action-dismiss">Dismiss</button>
        )}
        {proposal.status === 'done' && proposal.undoToken && onUndo && inertReason === undefined && (
          <button type="button" class="button" onClick={() => onUndo(proposal)} data-testid="action-undo">Undo</button>
        )}
      </div>
    </section>
  );
}

/** The whole text, with each invisible character shown as its code point where it sits. */
function DetailText({ text }: { text: string }) {
  return (
    <>
      {hiddenCharacterRuns(text).map((run, index) =>
        run.codePoint === undefined ? run.text : <mark key={index} class="action-card__hidden" title="Invisible character">{showHiddenCharacters(run.text)}</mark>,
      )}
    </>
  );
}
