import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, readSettings, settingsItem, type Settings } from '../../lib/storage/settings';

/** Foundation settings: the GitHub Enterprise hosts Tandem reads as GitHub. Providers arrive with the agent. */
export function SettingsPage() {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [hosts, setHosts] = useState('');
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    void readSettings().then((loaded) => {
      setSettings(loaded);
      setHosts(loaded.githubHosts.join('\n'));
    });
  }, []);

  const save = async (event: Event) => {
    event.preventDefault();
    const githubHosts = hosts.split(/\s+/).map((host) => host.trim().toLowerCase()).filter(Boolean);
    const next = { ...settings, githubHosts };
    await settingsItem.setValue(next);
    setSettings(next);
    setSaved(true);
  };

  return (
    <main class="settings">
      <h1>Tandem settings</h1>
      <form onSubmit={save}>
        <label for="github-hosts">GitHub Enterprise hosts (one per line)</label>
        <textarea id="github-hosts" data-testid="github-hosts" rows={4} value={hosts} onInput={(event) => setHosts(event.currentTarget.value)} />
        <button type="submit">Save</button>
        {saved && <p role="status">Saved.</p>}
      </form>
    </main>
  );
}
