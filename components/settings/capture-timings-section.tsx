import { SwitchSection } from './switch-section';

/** For developers: whether each capture leaves its timings on the page's performance timeline. */
export function CaptureTimingsSection({ enabled, onChange }: { enabled: boolean; onChange: (enabled: boolean) => void }) {
  return (
    <SwitchSection
      id="developer"
      title="For developers"
      label="Record capture timings on each page"
      hint="Adds tandem-capture measures to the page’s performance timeline, for DevTools. The page can read them, so it would know Tandem read it."
      testId="capture-timings"
      enabled={enabled}
      onChange={onChange}
    />
  );
}
