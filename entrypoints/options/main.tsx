import { render } from 'preact';
import { SettingsPage } from './settings-page';
import { startOptionsStore } from './store';
import { startUserSkills } from './user-skills';
import '../../components/theme.css';
import '../../components/settings/settings.css';

const root = document.getElementById('app');
if (root) {
  render(<SettingsPage />, root);
  startUserSkills().catch((error: unknown) => console.error('Tandem: could not load the saved skills', error));
  startOptionsStore().catch((error: unknown) => {
    // Without settings there is nothing to edit; say so instead of showing "Loading…" forever.
    console.error('Tandem: could not load settings', error);
    root.textContent = `Tandem could not load its settings: ${error instanceof Error ? error.message : String(error)}`;
  });
}
