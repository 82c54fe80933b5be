import { describe, expect, it } from 'vitest';
import { draftFromSettings, settingsFromDraft, validateDraft } from '../../components/settings/settings-draft';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/storage/settings';

const stored: Settings = {
  ...DEFAULT_SETTINGS,
  provider: { baseUrl: 'http://localhost:11434/v1', apiKey: '', model: 'qwen2.5-coder:7b' },
  ambientHosts: ['github.com', 'ghe.corp', 'grafana.corp'],
  githubHosts: ['ghe.corp'],
};

describe('the settings draft', () => {
  it('round-trips stored settings and recognises the preset', () => {
    const draft = draftFromSettings(stored);
    expect(draft.preset).toBe('ollama');
    expect(settingsFromDraft(draft, stored)).toEqual(stored);
  });

  it('puts Enterprise hosts in both lists and keeps ambient hosts the form does not show', () => {
    const draft = { ...draftFromSettings(stored), enterpriseHosts: ['ghe.corp', 'git.example:8443'], githubAmbient: false };
    const next = settingsFromDraft(draft, stored);
    expect(next.githubHosts).toEqual(['ghe.corp', 'git.example:8443']);
    expect(next.ambientHosts).toEqual(['ghe.corp', 'git.example:8443', 'grafana.corp']);
  });

  it('stores no provider after Remove provider, and trims what was typed', () => {
    expect(settingsFromDraft({ ...draftFromSettings(stored), preset: null }, stored).provider).toBeNull();
    const typed = { ...draftFromSettings(stored), preset: 'custom' as const, baseUrl: ' https://llm.corp/v1/ ', model: ' m ', apiKey: ' k ' };
    expect(settingsFromDraft(typed, stored).provider).toEqual({ baseUrl: 'https://llm.corp/v1', apiKey: 'k', model: 'm' });
  });

  it('keeps Chrome’s on-device model as the provider, and remembers when the user leaves it', () => {
    const onDevice: Settings = { ...DEFAULT_SETTINGS, onDevice: 'chosen' };
    const draft = draftFromSettings(onDevice);
    expect(draft).toMatchObject({ onDevice: true, preset: null });
    expect(settingsFromDraft(draft, onDevice)).toEqual(onDevice);
    expect(validateDraft(draft, false)).toEqual({});
    // A server picked instead: the on-device model is declined, so it is not chosen again by default.
    const server = settingsFromDraft({ ...draft, onDevice: false, preset: 'ollama', baseUrl: 'http://localhost:11434/v1', model: 'm' }, onDevice);
    expect(server).toMatchObject({ onDevice: 'declined', provider: { baseUrl: 'http://localhost:11434/v1' } });
    // Stored with a server provider, the on-device choice is not shown as picked.
    expect(draftFromSettings({ ...stored, onDevice: 'chosen' }).onDevice).toBe(false);
  });

  it('names what blocks saving', () => {
    const draft = { ...draftFromSettings(DEFAULT_SETTINGS), preset: 'openai' as const, baseUrl: 'ftp://x', tokenBudget: '40000' };
    expect(Object.keys(validateDraft(draft, true)).sort()).toEqual(['apiKey', 'baseUrl', 'model', 'tokenBudget']);
    expect(validateDraft(draftFromSettings(DEFAULT_SETTINGS), false)).toEqual({});
  });
});
