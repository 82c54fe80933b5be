import { SettingsSection } from './settings-section';

export interface InPageHelpSectionProps {
  enabled: boolean;
  onChange: (enabled: boolean) => void;
}

/** Whether Tandem adds its Explain buttons inside GitHub pages. */
export function InPageHelpSection({ enabled, onChange }: InPageHelpSectionProps) {
  return (
    <SettingsSection id="in-page" title="In-page help">
      <label class="switch-row">
        <input type="checkbox" checked={enabled} onChange={(event) => onChange(event.currentTarget.checked)} data-testid="in-page-help" />
        <span>
          <span class="switch-row__label">Show Explain buttons inside GitHub pages</span>
          <span class="switch-row__hint">Small buttons next to checks, diffs and logs open Tandem’s panel with an answer.</span>
        </span>
      </label>
    </SettingsSection>
  );
}
