import { useState } from 'preact/hooks';
import type { ScriptResult } from '../lib/context/types';
import type { ScriptTrail as Trail } from '../lib/conversation/types';
import { CopyButton } from './copy-button';
import { highlightCode } from './highlight';
import { ResultView } from './result-view';
import { SaveSkillForm, type SaveSkillDefaults } from './save-skill-form';
import type { UserSkillSaved } from '../lib/messaging/protocol';
import type { UserSkillDraft } from '../lib/user-skills/types';

export interface ScriptTrailProps {
  trail: Trail;
  /** Runs the trail's code again on the current page data (with its skill's limits, for a skill). */
  onRerun: (code: string, skill?: string) => Promise<ScriptResult>;
  /** Saves the trail's script as one of the user's skills; absent, the trail offers no "Save as skill". */
  onSaveSkill?: (draft: UserSkillDraft) => Promise<UserSkillSaved>;
  saveDefaults?: SaveSkillDefaults;
}

function visualViews(result: ScriptResult) {
  return (result.views ?? []).filter((view) => view.type !== 'markdown');
}

function summaryOf(trail: Trail, result: ScriptResult | undefined): string {
  const saved = trail.skill?.startsWith('user-');
  const what = trail.source !== 'skill' ? 'Ran a script' : saved ? `Ran your skill ${trail.skill?.slice('user-'.length) ?? ''}` : `Ran the ${trail.skill ?? 'built-in'} skill`;
  if (!result) return `${what}…`;
  return `${what} · ${result.ok ? 'ok' : 'failed'} · ${Math.round(result.ms)} ms`;
}

/** Every answer shows its work: the script, what it returned, and a way to run it again. */
export function ScriptTrail({ trail, onRerun, onSaveSkill, saveDefaults }: ScriptTrailProps) {
  const [rerun, setRerun] = useState<ScriptResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [saving, setSaving] = useState(false);
  const result = rerun ?? trail.result;
  const again = async () => {
    setBusy(true);
    try {
      setRerun(await onRerun(trail.code, trail.skill));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="script-trail" data-testid="script-trail" data-ok={result?.ok ? 'true' : result ? 'false' : 'running'}>
      {/* Tables and charts lead; markdown views are already the answer's text. */}
      {result && result.ok && visualViews(result).length > 0 && <ResultView result={{ ...result, views: visualViews(result), logs: [], value: undefined }} />}
      <details>
        <summary>
          <span class={`status-dot status-dot--${result ? (result.ok ? 'ok' : 'failed') : 'running'}`} aria-hidden="true" />
          {summaryOf(trail, result)}
          {rerun && <span class="script-trail__rerun-note"> (re-run)</span>}
        </summary>
        <div class="script-trail__body">
          <div class="code-header">
            <span>JavaScript · runs in the sandbox over <code>page</code></span>
            <CopyButton text={trail.code} label="Copy script" />
          </div>
          {/* highlightCode escapes everything it returns: the script text cannot become markup. */}
          <pre class="code-block code-block--whole" data-testid="script-code"><code dangerouslySetInnerHTML={{ __html: highlightCode(trail.code) }} /></pre>
          {result && <ResultView result={result} showValue />}
          <div class="script-trail__buttons">
            <button type="button" class="button button--small" onClick={again} disabled={busy || trail.status === 'running'} data-testid="script-rerun">
              {busy ? 'Running…' : 'Re-run on this page'}
            </button>
            {onSaveSkill && saveDefaults && !saving && (
              <button type="button" class="button button--small" onClick={() => setSaving(true)} disabled={trail.status === 'running'} data-testid="script-save-skill">
                Save as skill
              </button>
            )}
          </div>
          {onSaveSkill && saveDefaults && saving && <SaveSkillForm code={trail.code} defaults={saveDefaults} onSave={onSaveSkill} onClose={() => setSaving(false)} />}
        </div>
      </details>
      {result && !result.ok && <p class="result-view__error" role="alert">{result.error}</p>}
    </div>
  );
}
