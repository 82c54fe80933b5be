import type { AgentErrorInfo } from '../lib/agent/errors';

export interface ErrorNoticeProps {
  error: AgentErrorInfo;
  onRetry?: () => void;
}

/** A failed run, said plainly with what to do about it. */
export function ErrorNotice({ error, onRetry }: ErrorNoticeProps) {
  return (
    <div class="error-notice" role="alert" data-testid="error-notice" data-error={error.name}>
      <p class="error-notice__message">{error.message}</p>
      {error.fix && <p class="error-notice__fix">{error.fix}</p>}
      <div class="error-notice__buttons">
        {onRetry && <button type="button" class="button button--small" onClick={onRetry} data-testid="retry">Retry</button>}
        {/needs? ?settings|open settings|api key|provider/i.test(`${error.fix ?? ''} ${error.message}`) && (
          <a class="button button--small button--ghost" href="/options.html" target="_blank" rel="noopener">Open Settings</a>
        )}
      </div>
    </div>
  );
}
