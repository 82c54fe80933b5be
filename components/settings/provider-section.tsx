import { useState } from 'preact/hooks';
import { OnDeviceOffer, type OnDeviceOfferProps } from '../on-device-offer';
import { onDeviceOffered } from '../on-device-state';
import { ConnectionResult } from './connection-result';
import { PROVIDER_PRESETS, presetById, type PresetId } from './provider-presets';
import { SettingsSection } from './settings-section';
import type { DraftErrors, SettingsDraft } from './settings-draft';
import type { ConnectionState } from './view-state';

export interface ProviderSectionProps {
  draft: SettingsDraft;
  errors: DraftErrors;
  models: string[];
  connection: ConnectionState;
  onPreset: (preset: PresetId) => void;
  onChange: (patch: Partial<Pick<SettingsDraft, 'baseUrl' | 'apiKey' | 'model'>>) => void;
  onTest: () => void;
  onRemove: () => void;
  /** Chrome's on-device model: a choice of its own where the browser has it ("chosen" is the draft's). */
  onDevice: OnDeviceOfferProps;
  onChooseOnDevice: () => void;
}

/** Which OpenAI-compatible server answers questions, with what key and model. */
export function ProviderSection({ draft, errors, models, connection, onPreset, onChange, onTest, onRemove, onDevice, onChooseOnDevice }: ProviderSectionProps) {
  const onDeviceChoice = onDeviceOffered(onDevice.status) || draft.onDevice;
  const [keyVisible, setKeyVisible] = useState(false);
  const preset = draft.preset ? presetById(draft.preset) : null;
  const testing = connection.state === 'testing';
  const keyInputProps = {
    id: 'provider-api-key',
    class: 'input input--mono',
    spellcheck: false,
    autoComplete: 'off',
    placeholder: preset?.needsKey ? 'sk-…' : 'Local servers need none',
    value: draft.apiKey,
    'aria-invalid': errors.apiKey ? ('true' as const) : undefined,
    'aria-describedby': 'provider-api-key-help',
    onInput: (event: Event) => onChange({ apiKey: (event.currentTarget as HTMLInputElement).value }),
    'data-testid': 'provider-api-key',
  };

  return (
    <SettingsSection
      id="provider"
      title="Model provider"
      description="What answers your questions: Chrome’s built-in model where this browser has one, or any OpenAI-compatible server. Without one, Tandem still reads pages, suggests and runs its built-in skills offline."
    >
      <fieldset class="field">
        <legend class="field__label">Provider</legend>
        <div class="preset-picker" data-testid="provider-presets">
          {onDeviceChoice && (
            <label class="preset-picker__option" data-checked={draft.onDevice}>
              <input type="radio" name="provider-preset" value="on-device" checked={draft.onDevice} onChange={onChooseOnDevice} data-testid="preset-on-device" />
              <span>On this device (Chrome)</span>
            </label>
          )}
          {PROVIDER_PRESETS.map((candidate) => (
            <label class="preset-picker__option" key={candidate.id} data-checked={draft.preset === candidate.id}>
              <input
                type="radio"
                name="provider-preset"
                value={candidate.id}
                checked={draft.preset === candidate.id}
                onChange={() => onPreset(candidate.id)}
                data-testid={`preset-${candidate.id}`}
              />
              <span>{candidate.label}</span>
            </label>
          ))}
        </div>
        {draft.onDevice ? (
          <>
            <p class="field__hint">Chrome’s built-in model runs on this computer: no key, and the page is never sent anywhere. Its context window is small, so long pages are cut shorter.</p>
            <OnDeviceOffer {...onDevice} />
            <div class="button-row">
              <button type="button" class="button button--danger-ghost" onClick={onRemove} data-testid="provider-remove">
                Remove provider
              </button>
            </div>
          </>
        ) : onDevice.status.state === 'unavailable' ? (
          <>
            <p class="field__hint" data-testid="no-provider">No provider yet: pick one to ask Tandem questions about a page.</p>
            <OnDeviceOffer {...onDevice} />
          </>
        ) : preset ? (
          <p class="field__hint">{preset.hint}</p>
        ) : (
          <p class="field__hint" data-testid="no-provider">No provider yet: pick one to ask Tandem questions about a page.</p>
        )}
      </fieldset>

      {preset && (
        <>
          <div class="field">
            <label class="field__label" for="provider-base-url">Base URL</label>
            <input
              id="provider-base-url"
              class="input"
              type="url"
              inputMode="url"
              spellcheck={false}
              autoComplete="off"
              placeholder="https://api.example.com/v1"
              value={draft.baseUrl}
              aria-invalid={errors.baseUrl ? 'true' : undefined}
              aria-describedby="provider-base-url-help"
              onInput={(event) => onChange({ baseUrl: event.currentTarget.value })}
              data-testid="provider-base-url"
            />
            <p id="provider-base-url-help" class={errors.baseUrl && draft.baseUrl !== '' ? 'field__error' : 'field__hint'}>
              {errors.baseUrl && draft.baseUrl !== '' ? errors.baseUrl : 'Usually ends with /v1.'}
            </p>
          </div>

          <div class="field">
            <label class="field__label" for="provider-api-key">
              API key{!preset.needsKey && <span class="field__optional"> (optional)</span>}
            </label>
            <div class="input-group">
              {/* Two literal types, because Preact types a password input apart from a text one. */}
              {keyVisible ? <input type="text" {...keyInputProps} /> : <input type="password" {...keyInputProps} />}
              <button
                type="button"
                class="button"
                aria-pressed={keyVisible}
                aria-controls="provider-api-key"
                onClick={() => setKeyVisible(!keyVisible)}
                data-testid="provider-api-key-toggle"
              >
                {keyVisible ? 'Hide' : 'Show'}
                <span class="visually-hidden"> API key</span>
              </button>
            </div>
            <p id="provider-api-key-help" class={errors.apiKey ? 'field__error' : 'field__hint'}>
              {errors.apiKey ?? 'Kept in this browser only (never synced); only Tandem’s background sends it, to this server.'}
            </p>
          </div>

          <div class="field">
            <label class="field__label" for="provider-model">Model</label>
            <div class="input-group">
              <input
                id="provider-model"
                class="input"
                type="text"
                list="provider-model-options"
                spellcheck={false}
                autoComplete="off"
                placeholder={preset.modelPlaceholder}
                value={draft.model}
                aria-invalid={errors.model && draft.model !== '' ? 'true' : undefined}
                aria-describedby="provider-model-help"
                onInput={(event) => onChange({ model: event.currentTarget.value })}
                data-testid="provider-model"
              />
              <button type="button" class="button" onClick={onTest} disabled={testing || Boolean(errors.baseUrl)} data-testid="load-models">
                Load models
              </button>
            </div>
            <datalist id="provider-model-options" data-testid="provider-model-options">
              {models.map((model) => (
                <option key={model} value={model} />
              ))}
            </datalist>
            <p id="provider-model-help" class="field__hint">
              {models.length > 0
                ? `${models.length} model${models.length === 1 ? '' : 's'} from the server are suggested as you type.`
                : 'Pick a model that supports tool calling.'}
            </p>
          </div>

          <div class="button-row">
            <button type="button" class="button" onClick={onTest} disabled={testing || Boolean(errors.baseUrl)} data-testid="provider-test">
              Test connection
            </button>
            <button type="button" class="button button--danger-ghost" onClick={onRemove} data-testid="provider-remove">
              Remove provider
            </button>
          </div>
          <ConnectionResult connection={connection} model={draft.model} />
        </>
      )}
    </SettingsSection>
  );
}
