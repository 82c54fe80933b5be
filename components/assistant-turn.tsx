import type { TargetReport } from '../lib/actions/describe';
import type { Action, ScriptResult } from '../lib/context/types';
import type { AssistantTurn as Turn, ProposedAction } from '../lib/conversation/types';
import { ActionCard } from './action-card';
import { CopyButton } from './copy-button';
import { ErrorNotice } from './error-notice';
import { Markdown } from './markdown';
import { ScriptTrail } from './script-trail';
import type { SaveSkillDefaults } from './save-skill-form';
import type { UserSkillSaved } from '../lib/messaging/protocol';
import type { UserSkillDraft } from '../lib/user-skills/types';

export interface AssistantTurnProps {
  turn: Turn;
  onRerun: (code: string, skill?: string) => Promise<ScriptResult>;
  onRetry?: () => void;
  onApprove: (turnId: string, proposal: ProposedAction) => void;
  onDismiss: (turnId: string, proposal: ProposedAction) => void;
  onUndo: (turnId: string, proposal: ProposedAction) => void;
  onPreview: (action: Action) => Promise<TargetReport>;
  /** Why this turn's proposals cannot run in the tab shown now (another page or tab); absent when they can. */
  actionsInert?: string;
  /** Saves a trail's script as the user's own skill; `saveDefaults` fills the form (the page, a name). */
  onSaveSkill?: (draft: UserSkillDraft) => Promise<UserSkillSaved>;
  saveDefaults?: SaveSkillDefaults;
}

export function AssistantTurn({ turn, onRerun, onRetry, onApprove, onDismiss, onUndo, onPreview, actionsInert, onSaveSkill, saveDefaults }: AssistantTurnProps) {
  const answer = turn.parts.flatMap((part) => (part.kind === 'text' ? [part.text] : [])).join('\n\n').trim();
  return (
    <article class="turn turn--assistant" data-testid="assistant-turn" data-status={turn.status} aria-busy={turn.status === 'running'}>
      {turn.parts.map((part, index) => {
        if (part.kind === 'text') return <Markdown key={index} text={part.text} class="turn__text" />;
        if (part.kind === 'script') return <ScriptTrail key={part.trail.callId} trail={part.trail} onRerun={onRerun} onSaveSkill={onSaveSkill} saveDefaults={saveDefaults} />;
        if (part.kind === 'note') return <p key={index} class="turn__note">{part.text}</p>;
        return (
          <ActionCard
            key={part.proposal.callId}
            proposal={part.proposal}
            onApprove={(proposal) => onApprove(turn.id, proposal)}
            onDismiss={(proposal) => onDismiss(turn.id, proposal)}
            onUndo={(proposal) => onUndo(turn.id, proposal)}
            onPreview={onPreview}
            inertReason={actionsInert}
          />
        );
      })}
      {turn.status === 'running' && <p class="turn__working" role="status"><span class="spinner" aria-hidden="true" />Working…</p>}
      {turn.status === 'stopped' && <p class="turn__note">Stopped.</p>}
      {turn.error && turn.status !== 'stopped' && <ErrorNotice error={turn.error} onRetry={onRetry} />}
      {turn.status === 'done' && answer && (
        <footer class="turn__footer">
          <CopyButton text={answer} label="Copy answer" />
        </footer>
      )}
    </article>
  );
}
