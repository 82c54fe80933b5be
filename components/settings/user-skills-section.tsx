import type { ScriptResult } from '../../lib/context/types';
import type { UserSkill } from '../../lib/user-skills/types';
import { PAGE_KIND_LABELS } from '../../lib/user-skills/validate';
import { ResultView } from '../result-view';
import { CodeEditor } from './code-editor';
import { SettingsSection } from './settings-section';

export interface UserSkillsSectionProps {
  skills: UserSkill[] | null;
  editing: { id: string; code: string } | null;
  notice: { id: string; tone: 'ok' | 'error'; text: string } | null;
  tried: { id: string; page: string; result: ScriptResult } | null;
  onEdit: (skill: UserSkill | null) => void;
  onCode: (code: string) => void;
  onSaveCode: (skill: UserSkill) => void;
  onTry: (skill: UserSkill) => void;
  onEnabled: (skill: UserSkill, enabled: boolean) => void;
  onDelete: (skill: UserSkill) => void;
}

/** The skills saved from answers: where each applies, its code in an editor, a try on the current tab. */
export function UserSkillsSection({ skills, editing, notice, tried, onEdit, onCode, onSaveCode, onTry, onEnabled, onDelete }: UserSkillsSectionProps) {
  return (
    <SettingsSection
      id="user-skills"
      title="Your skills"
      description="Scripts you saved from an answer (Save as skill on its trail). They run offline in the sandbox, as cards on matching pages or when you type / in the panel."
    >
      {skills === null ? (
        <p class="host-list__empty" role="status">Loading…</p>
      ) : skills.length === 0 ? (
        <p class="host-list__empty" data-testid="user-skills-empty">None yet. Open any answer’s script and choose Save as skill.</p>
      ) : (
        <ul class="skill-list" data-testid="user-skill-list">
          {skills.map((skill) => {
            const open = editing?.id === skill.id ? editing : null;
            const result = tried?.id === skill.id ? tried : null;
            return (
              <li key={skill.id} class="skill-list__item" data-testid="user-skill" data-skill={skill.id} data-enabled={String(skill.enabled)}>
                <div class="skill-list__head">
                  <label class="switch-row skill-list__switch">
                    <input type="checkbox" checked={skill.enabled} onChange={(event) => onEnabled(skill, event.currentTarget.checked)} data-testid="user-skill-enabled" aria-label={`${skill.name} on`} />
                  </label>
                  <div class="skill-list__text">
                    <span class="skill-list__name">{skill.name}</span>
                    {skill.description && <span class="skill-list__description">{skill.description}</span>}
                    <span class="skill-list__where">
                      {skill.kinds.map((kind) => PAGE_KIND_LABELS[kind]).join(', ')} · {skill.urlPattern ? <code>{skill.urlPattern}</code> : 'any address'} ·{' '}
                      {skill.offer === 'card' ? 'as a card' : 'on demand (/)'}
                    </span>
                  </div>
                  <div class="host-list__buttons">
                    <button type="button" class="button button--small" onClick={() => onEdit(open ? null : skill)} aria-expanded={Boolean(open)} data-testid="user-skill-edit">
                      {open ? 'Close' : 'Edit code'}
                    </button>
                    <button type="button" class="button button--small" onClick={() => onTry(skill)} data-testid="user-skill-try">Try on current tab</button>
                    <button type="button" class="button button--small button--danger-ghost" onClick={() => onDelete(skill)} data-testid="user-skill-delete">Delete</button>
                  </div>
                </div>
                {open && (
                  <div class="skill-list__editor">
                    <CodeEditor value={open.code} label={`Code of ${skill.name}`} onChange={onCode} testId="user-skill-code" />
                    <div class="host-list__buttons skill-list__editor-buttons">
                      <button type="button" class="button button--primary button--small" onClick={() => onSaveCode(skill)} disabled={open.code === skill.code} data-testid="user-skill-save-code">Save code</button>
                    </div>
                  </div>
                )}
                {notice?.id === skill.id && (
                  <p class={`field__status field__status--${notice.tone === 'ok' ? 'success' : 'warning'}`} role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="user-skill-notice">{notice.text}</p>
                )}
                {result && (
                  <div class="skill-list__tried" data-testid="user-skill-tried" data-ok={String(result.result.ok)}>
                    <p class="field__hint">On “{result.page}” · {result.result.ok ? 'ok' : 'failed'} · {Math.round(result.result.ms)} ms</p>
                    <ResultView result={result.result} showValue />
                    {!result.result.ok && <p class="field__error">{result.result.error}</p>}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </SettingsSection>
  );
}
