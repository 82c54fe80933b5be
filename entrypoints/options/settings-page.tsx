import { AmbientSitesSection } from '../../components/settings/ambient-sites-section';
import { BrowserLimitsSection } from '../../components/settings/browser-limits-section';
import { ProactivitySection } from '../../components/settings/proactivity-section';
import { ProviderSection } from '../../components/settings/provider-section';
import { SaveBar } from '../../components/settings/save-bar';
import { SwitchSection } from '../../components/settings/switch-section';
import { TokenBudgetSection } from '../../components/settings/token-budget-section';
import {
  addHost,
  askForHost,
  canSave,
  chooseOnDevice,
  choosePreset,
  connection,
  dirty,
  discardChanges,
  draft,
  errors,
  feedbackMessage,
  hostAccess,
  hostNotice,
  models,
  removeHost,
  removeProvider,
  saved,
  resetMutedSuggestions,
  save,
  saveBlocker,
  saveState,
  testProvider,
  updateDraft,
} from './store';
import { currentBrowserLimits } from './browser-limits';
import { UserSkillsSection } from '../../components/settings/user-skills-section';
import { TransferSection } from '../../components/settings/transfer-section';
import {
  deleteSkill, editing, exportFile, importFile, saveEditedCode, setEnabled, skillNotice, transferNotice, tried, tryOnCurrentTab, userSkills,
} from './user-skills';
import { HARDWARE_LIMITS } from '../../lib/agent/on-device/prompt-api';
import { downloadOnDevice, onDeviceStatus } from '../sidepanel/on-device';

/** Tandem's options page: the sections wired to the store; saving is explicit. */
export function SettingsPage() {
  const current = draft.value;
  return (
    <div class="settings-page">
      <header class="settings-page__header">
        <h1 class="settings-page__title">Tandem settings</h1>
        <p class="settings-page__subtitle">Changes apply after you save. Everything here stays in this browser.</p>
      </header>
      {current === null ? (
        <p class="settings-page__loading" role="status">
          <span class="spinner" aria-hidden="true" /> Loading settings…
        </p>
      ) : (
        <form
          class="settings-form"
          data-testid="settings-form"
          data-ready="true"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <ProviderSection
            draft={current}
            errors={errors.value}
            models={models.value}
            connection={connection.value}
            onPreset={choosePreset}
            onChange={updateDraft}
            onTest={() => void testProvider()}
            onRemove={removeProvider}
            onDevice={{
              status: onDeviceStatus.value,
              chosen: current.onDevice && saved.value?.onDevice === 'chosen',
              hardwareLimits: HARDWARE_LIMITS,
              onDownload: downloadOnDevice,
              onUse: chooseOnDevice,
            }}
            onChooseOnDevice={chooseOnDevice}
          />
          <ProactivitySection
            proactivity={current.proactivity}
            hasProvider={current.preset !== null || current.onDevice}
            feedbackMessage={feedbackMessage.value}
            onChange={(proactivity) => updateDraft({ proactivity })}
            onResetFeedback={() => void resetMutedSuggestions()}
          />
          <AmbientSitesSection
            githubAmbient={current.githubAmbient}
            hosts={current.enterpriseHosts}
            access={hostAccess.value}
            notice={hostNotice.value}
            onGithubAmbient={(githubAmbient) => updateDraft({ githubAmbient })}
            onAdd={addHost}
            onRemove={removeHost}
            onAllow={askForHost}
          />
          <TokenBudgetSection value={current.tokenBudget} error={errors.value.tokenBudget} onChange={(tokenBudget) => updateDraft({ tokenBudget })} />
          <SwitchSection
            id="in-page"
            title="In-page help"
            label="Show Explain buttons inside GitHub pages"
            hint="Small buttons next to checks, diffs and logs open Tandem’s panel with an answer."
            testId="in-page-help"
            enabled={current.inPageHelp}
            onChange={(inPageHelp) => updateDraft({ inPageHelp })}
          />
          <SwitchSection
            id="developer"
            title="For developers"
            label="Record capture timings on each page"
            hint="Adds tandem-capture measures to the page’s performance timeline, for DevTools. The page can read them, so it would know Tandem read it."
            testId="capture-timings"
            enabled={current.captureTimings}
            onChange={(captureTimings) => updateDraft({ captureTimings })}
          />
          <BrowserLimitsSection limits={currentBrowserLimits()} />
          <SaveBar dirty={dirty.value} canSave={canSave.value} blocker={saveBlocker.value} saveState={saveState.value} onDiscard={discardChanges} />
        </form>
      )}
      {/* Outside the form: each change here is saved at once, not by the save bar. */}
      <div class="settings-extra">
        <UserSkillsSection
          skills={userSkills.value}
          editing={editing.value}
          notice={skillNotice.value}
          tried={tried.value}
          onEdit={(skill) => {
            editing.value = skill ? { id: skill.id, code: skill.code } : null;
          }}
          onCode={(code) => {
            if (editing.value) editing.value = { ...editing.value, code };
          }}
          onSaveCode={(skill) => void saveEditedCode(skill)}
          onTry={(skill) => void tryOnCurrentTab(skill)}
          onEnabled={(skill, enabled) => void setEnabled(skill, enabled)}
          onDelete={(skill) => void deleteSkill(skill)}
        />
        <TransferSection notice={transferNotice.value} onExport={() => void exportFile()} onImport={(file) => void importFile(file)} />
      </div>
    </div>
  );
}
