import { ContextChip } from '../../components/context-chip';
import { EmptyState } from '../../components/empty-state';
import { connection, tabView } from './store';

export function App() {
  const view = tabView.value;
  return (
    <div class="panel">
      <header class="panel__header">
        <h1 class="panel__brand">Tandem</h1>
      </header>
      <div class="panel__context" aria-live="polite">
        {view ? (
          <ContextChip
            title={view.context.title}
            kind={view.context.kind}
            tokens={view.tokens}
            redactions={view.context.redactions}
          />
        ) : (
          <div class="context-chip context-chip--pending" data-testid="context-chip-pending">
            {connection.value === 'unreadable' ? 'Tandem cannot read this tab (browser pages and the Web Store are off limits).' : 'Reading this tab…'}
          </div>
        )}
      </div>
      <main class="panel__body">
        <EmptyState title="Your teammate on this page">
          <p>Tandem reads the page you are on and offers what you would want done. Answers show the script behind them.</p>
        </EmptyState>
      </main>
    </div>
  );
}
