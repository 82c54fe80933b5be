import type { Proactivity } from '../../lib/storage/settings';
import { SettingsSection } from './settings-section';

export interface ProactivitySectionProps {
  proactivity: Proactivity;
  hasProvider: boolean;
  feedbackMessage: string | null;
  onChange: (proactivity: Proactivity) => void;
  onResetFeedback: () => void;
}

const LEVELS: { value: Proactivity; label: string; explanation: string }[] = [
  { value: 'off', label: 'Off', explanation: 'Tandem reads a page only when you open its panel or ask.' },
  { value: 'suggest', label: 'Suggest', explanation: 'Offers cards for what you might want done, computed offline; nothing is sent anywhere.' },
  {
    value: 'prefetch',
    label: 'Prefetch',
    explanation: 'Also prepares the top card’s answer with your provider in the background, so opening it is instant (uses tokens).',
  },
];

/** How much Tandem does on its own, and a way to bring back suggestions the user muted. */
export function ProactivitySection({ proactivity, hasProvider, feedbackMessage, onChange, onResetFeedback }: ProactivitySectionProps) {
  return (
    <SettingsSection id="proactivity" title="Suggestions" description="How much Tandem does before you ask.">
      <fieldset class="field">
        <legend class="field__label">Proactivity</legend>
        <div class="choice-list">
          {LEVELS.map((level) => (
            <label class="choice" key={level.value}>
              <input
                type="radio"
                name="proactivity"
                value={level.value}
                checked={proactivity === level.value}
                onChange={() => onChange(level.value)}
                aria-describedby={`proactivity-${level.value}-explanation`}
                data-testid={`proactivity-${level.value}`}
              />
              <span class="choice__text">
                <span class="choice__label">
                  {level.label}
                  {level.value === 'suggest' && <span class="badge">Default</span>}
                </span>
                <span class="choice__explanation" id={`proactivity-${level.value}-explanation`}>
                  {level.explanation}
                  {level.value === 'prefetch' && !hasProvider && ' Needs a provider; until then it acts like Suggest.'}
                </span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <div class="field field--inline">
        <div>
          <p class="field__label" id="muted-heading">Muted suggestions</p>
          <p class="field__hint" id="muted-hint">A suggestion dismissed three times on a kind of page stops showing there.</p>
          <p class="field__status" role="status" data-testid="reset-muted-result">{feedbackMessage ?? ''}</p>
        </div>
        <button type="button" class="button" aria-describedby="muted-hint" onClick={onResetFeedback} data-testid="reset-muted">
          Reset muted suggestions
        </button>
      </div>
    </SettingsSection>
  );
}
