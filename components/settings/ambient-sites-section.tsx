import { useState } from 'preact/hooks';
import { SettingsSection } from './settings-section';
import type { HostAccess, HostNotice } from './view-state';

export interface AmbientSitesSectionProps {
  githubAmbient: boolean;
  hosts: string[];
  access: Record<string, HostAccess>;
  notice: HostNotice | null;
  onGithubAmbient: (enabled: boolean) => void;
  /** Returns the problem with the typed host, or null once it is added. */
  onAdd: (host: string) => string | null;
  onRemove: (host: string) => void;
  onAllow: (host: string) => void;
}

const ACCESS_LABELS: Record<HostAccess, string> = {
  granted: 'Read as you browse',
  'panel-only': 'Only when the panel is open',
  asking: 'Waiting for your answer…',
};

/** Sites Tandem reads without being asked: github.com and GitHub Enterprise hosts. */
export function AmbientSitesSection({ githubAmbient, hosts, access, notice, onGithubAmbient, onAdd, onRemove, onAllow }: AmbientSitesSectionProps) {
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const add = (event: Event) => {
    event.preventDefault();
    const error = onAdd(typed);
    setProblem(error);
    if (error === null) setTyped('');
  };

  return (
    <SettingsSection
      id="sites"
      title="Ambient sites"
      description="On these sites Tandem reads the page as you browse, to offer suggestions. Elsewhere it reads a page only when you open its panel."
    >
      <label class="switch-row">
        <input type="checkbox" checked={githubAmbient} onChange={(event) => onGithubAmbient(event.currentTarget.checked)} data-testid="github-ambient" />
        <span>
          <span class="switch-row__label">github.com</span>
          <span class="switch-row__hint">Pull requests, issues, Actions runs and code on GitHub.</span>
        </span>
      </label>

      <div class="field">
        <label class="field__label" for="enterprise-host">GitHub Enterprise hosts</label>
        <div class="input-group">
          <input
            id="enterprise-host"
            class="input"
            type="text"
            spellcheck={false}
            autoComplete="off"
            placeholder="github.example.com"
            value={typed}
            aria-invalid={problem ? 'true' : undefined}
            aria-describedby="enterprise-host-help"
            onInput={(event) => {
              setTyped(event.currentTarget.value);
              setProblem(null);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter') add(event);
            }}
            data-testid="enterprise-host-input"
          />
          <button type="button" class="button" onClick={add} disabled={typed.trim() === ''} data-testid="enterprise-host-add">
            Add host
          </button>
        </div>
        <p id="enterprise-host-help" class={problem ? 'field__error' : 'field__hint'} data-testid="enterprise-host-help">
          {problem ?? 'The host name, with :port if it has one. Tandem reads it like github.com and asks the browser for access.'}
        </p>

      {hosts.length > 0 ? (
        <ul class="host-list" aria-label="GitHub Enterprise hosts" data-testid="enterprise-hosts">
          {hosts.map((host) => {
            const state = access[host] ?? 'panel-only';
            return (
              <li class="host-list__item" key={host} data-testid="enterprise-host" data-host={host} data-access={state}>
                <span class="host-list__name">{host}</span>
                <span class={`access access--${state}`}>{ACCESS_LABELS[state]}</span>
                <span class="host-list__buttons">
                  {state === 'panel-only' && (
                    <button type="button" class="button button--small" onClick={() => onAllow(host)} data-testid="enterprise-host-allow">
                      Allow<span class="visually-hidden"> reading {host} as you browse</span>
                    </button>
                  )}
                  <button type="button" class="button button--small button--danger-ghost" onClick={() => onRemove(host)} data-testid="enterprise-host-remove">
                    Remove<span class="visually-hidden"> {host}</span>
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
      ) : (
        <p class="host-list__empty">No Enterprise hosts yet.</p>
      )}
      <p class={`field__status${notice ? ` field__status--${notice.tone}` : ''}`} role="status" data-testid="enterprise-host-notice">
        {notice?.text ?? ''}
      </p>
      </div>
    </SettingsSection>
  );
}
