import type { ConnectionState } from './view-state';

export interface ConnectionResultProps {
  connection: ConnectionState;
  /** The model currently typed, which may differ from the one tested. */
  model: string;
}

/** The outcome of "Test connection", said so the user knows what to do next. */
export function ConnectionResult({ connection, model }: ConnectionResultProps) {
  if (connection.state === 'idle') return null;
  if (connection.state === 'testing') {
    return (
      <p class="connection-result connection-result--pending" role="status" data-testid="connection-result" data-state="testing">
        <span class="spinner" aria-hidden="true" /> Testing the connection…
      </p>
    );
  }
  if (connection.state === 'failed') {
    return (
      <div class="connection-result connection-result--error" role="alert" data-testid="connection-result" data-state="error">
        <p class="connection-result__title">The test could not run</p>
        <p>{connection.message}. Reload this page and try again.</p>
      </div>
    );
  }
  const { result } = connection;
  if (!result.ok) {
    return (
      <div class="connection-result connection-result--error" role="alert" data-testid="connection-result" data-state="error" data-error={result.error.name}>
        <p class="connection-result__title">{result.error.message}</p>
        {result.error.fix && <p class="connection-result__fix" data-testid="connection-fix">{result.error.fix}</p>}
      </div>
    );
  }
  const count = result.models.length;
  const trimmed = model.trim();
  const listed = result.models.includes(trimmed);
  return (
    <div
      class={`connection-result ${trimmed === '' || listed ? 'connection-result--ok' : 'connection-result--warning'}`}
      role="status"
      data-testid="connection-result"
      data-state="ok"
      data-model-listed={String(listed)}
    >
      <p class="connection-result__title">
        Connected to {connection.baseUrl} — {count} model{count === 1 ? '' : 's'} available.
      </p>
      <p>
        {trimmed === ''
          ? 'Choose one of them in Model (the field suggests them as you type).'
          : listed
            ? `“${trimmed}” is one of them: Tandem is ready to answer questions.`
            : `“${trimmed}” is not among them. Check the spelling, or pick one the field suggests.`}
      </p>
    </div>
  );
}
