import { AmbientSitesSection } from '../../components/settings/ambient-sites-section';
import { CaptureTimingsSection } from '../../components/settings/capture-timings-section';
import { InPageHelpSection } from '../../components/settings/in-page-help-section';
import { ProactivitySection } from '../../components/settings/proactivity-section';
import { ProviderSection } from '../../components/settings/provider-section';
import { SaveBar } from '../../components/settings/save-bar';
import { TokenBudgetSection } from '../../components/settings/token-budget-section';
import {
  addHost,
  askForHost,
  canSave,
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
  resetMutedSuggestions,
  save,
  saveBlocker,
  saveState,
  testProvider,
  updateDraft,
} from './store';

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
          />
          <ProactivitySection
            proactivity={current.proactivity}
            hasProvider={current.preset !== null}
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
          <InPageHelpSection enabled={current.inPageHelp} onChange={(inPageHelp) => updateDraft({ inPageHelp })} />
          <CaptureTimingsSection enabled={current.captureTimings} onChange={(captureTimings) => updateDraft({ captureTimings })} />
          <SaveBar dirty={dirty.value} canSave={canSave.value} blocker={saveBlocker.value} saveState={saveState.value} onDiscard={discardChanges} />
        </form>
      )}
    </div>
  );
}
