import type { ComponentChildren } from 'preact';
import { SettingsSection } from './settings-section';

export interface SwitchSectionProps {
  id: string;
  title: string;
  label: string;
  hint: ComponentChildren;
  testId: string;
  enabled: boolean;
  onChange: (enabled: boolean) => void;
}

/** A settings section holding one on/off switch with its label and a line of explanation. */
export function SwitchSection({ id, title, label, hint, testId, enabled, onChange }: SwitchSectionProps) {
  return (
    <SettingsSection id={id} title={title}>
      <label class="switch-row">
        <input type="checkbox" checked={enabled} onChange={(event) => onChange(event.currentTarget.checked)} data-testid={testId} />
        <span>
          <span class="switch-row__label">{label}</span>
          <span class="switch-row__hint">{hint}</span>
        </span>
      </label>
    </SettingsSection>
  );
}
