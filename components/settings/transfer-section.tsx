import { SettingsSection } from './settings-section';

export interface TransferSectionProps {
  notice: { tone: 'ok' | 'error'; lines: string[] } | null;
  onExport: () => void;
  onImport: (file: File) => void;
}

/** Settings and skills out to one file and back in; the API key never leaves. */
export function TransferSection({ notice, onExport, onImport }: TransferSectionProps) {
  return (
    <SettingsSection id="transfer" title="Export and import" description="One JSON file with your settings and skills, for another browser or a teammate. It never holds your API key.">
      <div class="input-group">
        <button type="button" class="button" onClick={onExport} data-testid="settings-export">Export settings and skills</button>
        <label class="button">
          Import a file…
          <input
            type="file"
            accept="application/json,.json"
            class="visually-hidden"
            data-testid="settings-import"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              event.currentTarget.value = '';
              if (file) onImport(file);
            }}
          />
        </label>
      </div>
      {notice && (
        <div class={`field__status field__status--${notice.tone === 'ok' ? 'success' : 'warning'}`} role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="transfer-notice">
          {notice.lines.length === 1 ? notice.lines[0] : (
            <>
              {notice.lines[0]}
              <ul class="transfer__problems">{notice.lines.slice(1).map((line) => <li key={line}>{line}</li>)}</ul>
            </>
          )}
        </div>
      )}
    </SettingsSection>
  );
}
