import type { ComponentChildren } from 'preact';

export interface SettingsSectionProps {
  id: string;
  title: string;
  description?: ComponentChildren;
  children: ComponentChildren;
}

/** One titled card of the options page; the heading names the region for screen readers. */
export function SettingsSection({ id, title, description, children }: SettingsSectionProps) {
  return (
    <section class="settings-section" aria-labelledby={`${id}-heading`} data-testid={`section-${id}`}>
      <header class="settings-section__header">
        <h2 id={`${id}-heading`}>{title}</h2>
        {description && <p class="settings-section__description">{description}</p>}
      </header>
      <div class="settings-section__body">{children}</div>
    </section>
  );
}
