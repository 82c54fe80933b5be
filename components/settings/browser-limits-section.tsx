import { SettingsSection } from './settings-section';

export interface BrowserLimitsSectionProps {
  limits: { id: string; text: string }[];
}

/** What works differently in this browser; absent where everything works (Chrome, Edge, Brave). */
export function BrowserLimitsSection({ limits }: BrowserLimitsSectionProps) {
  if (limits.length === 0) return null;
  return (
    <SettingsSection id="browser-limits" title="In this browser" description="Some of Tandem works differently here than in Chrome.">
      <ul class="browser-limits">
        {limits.map((limit) => (
          <li key={limit.id} data-testid="browser-limit" data-limit={limit.id}>{limit.text}</li>
        ))}
      </ul>
    </SettingsSection>
  );
}
