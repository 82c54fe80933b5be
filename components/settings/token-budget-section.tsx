import { TOKEN_BUDGET_RANGE } from '../../lib/storage/settings-rules';
import { SettingsSection } from './settings-section';

export interface TokenBudgetSectionProps {
  value: string;
  error?: string;
  onChange: (value: string) => void;
}

/** How much of a page the model is sent with each question. */
export function TokenBudgetSection({ value, error, onChange }: TokenBudgetSectionProps) {
  return (
    <SettingsSection id="budget" title="Token budget">
      <div class="field">
        <label class="field__label" for="token-budget">Tokens of page context per question</label>
        <div class="input-group input-group--narrow">
          <input
            id="token-budget"
            class="input input--number"
            type="number"
            inputMode="numeric"
            min={TOKEN_BUDGET_RANGE.min}
            max={TOKEN_BUDGET_RANGE.max}
            step={100}
            value={value}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby="token-budget-help"
            onInput={(event) => onChange(event.currentTarget.value)}
            data-testid="token-budget"
          />
          <span class="input-group__suffix">tokens</span>
        </div>
        <p id="token-budget-help" class={error ? 'field__error' : 'field__hint'}>
          {error ??
            `What the model receives with each question: page facts and an outline (${TOKEN_BUDGET_RANGE.min}–${TOKEN_BUDGET_RANGE.max.toLocaleString('en')}). Scripts Tandem runs still see all the page’s data, so a small budget rarely loses answers.`}
        </p>
      </div>
    </SettingsSection>
  );
}
