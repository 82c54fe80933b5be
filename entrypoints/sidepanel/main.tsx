import { render } from 'preact';
import { App } from './app';
import { startPanelStore } from './store';
import '../../components/theme.css';

const root = document.getElementById('app');
if (root) {
  startPanelStore();
  render(<App />, root);
}
