import { render } from 'preact';
import { SettingsPage } from './settings-page';
import '../../components/theme.css';

const root = document.getElementById('app');
if (root) render(<SettingsPage />, root);
