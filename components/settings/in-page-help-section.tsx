import { SwitchSection } from './switch-section';

/** Whether Tandem adds its Explain buttons inside GitHub pages. */
export function InPageHelpSection({ enabled, onChange }: { enabled: boolean; onChange: (enabled: boolean) => void }) {
  return (
    <SwitchSection
      id="in-page"
      title="In-page help"
      label="Show Explain buttons inside GitHub pages"
      hint="Small buttons next to checks, diffs and logs open Tandem’s panel with an answer."
      testId="in-page-help"
      enabled={enabled}
      onChange={onChange}
    />
  );
}
