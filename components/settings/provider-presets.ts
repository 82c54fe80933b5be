// The servers people most often point Tandem at; anything else speaking the OpenAI API is "custom".
export type PresetId = 'openai' | 'ollama' | 'lmstudio' | 'custom';

export interface ProviderPreset {
  id: PresetId;
  label: string;
  /** Empty for custom: the user types it. */
  baseUrl: string;
  needsKey: boolean;
  modelPlaceholder: string;
  hint: string;
}

export const PROVIDER_PRESETS: readonly ProviderPreset[] = [
  {
    id: 'openai',
    label: 'OpenAI',
    baseUrl: 'https://api.openai.com/v1',
    needsKey: true,
    modelPlaceholder: 'gpt-4.1-mini',
    hint: 'Needs an API key from platform.openai.com.',
  },
  {
    id: 'ollama',
    label: 'Ollama',
    baseUrl: 'http://localhost:11434/v1',
    needsKey: false,
    modelPlaceholder: 'qwen2.5-coder:7b',
    hint: 'Runs on this computer; no key needed. Pick a model that supports tool calling.',
  },
  {
    id: 'lmstudio',
    label: 'LM Studio',
    baseUrl: 'http://localhost:1234/v1',
    needsKey: false,
    modelPlaceholder: 'qwen2.5-7b-instruct',
    hint: 'Start the local server in LM Studio (Developer tab); no key needed.',
  },
  {
    id: 'custom',
    label: 'Custom',
    baseUrl: '',
    needsKey: false,
    modelPlaceholder: 'model id',
    hint: 'Any OpenAI-compatible server: vLLM, OpenRouter, a company gateway…',
  },
];

export function presetById(id: PresetId): ProviderPreset {
  const preset = PROVIDER_PRESETS.find((candidate) => candidate.id === id);
  if (!preset) throw new Error(`unknown provider preset ${id}`);
  return preset;
}

/** The preset a stored base URL came from, so reopening Settings shows the same choice. */
export function presetForBaseUrl(baseUrl: string): PresetId {
  const trimmed = baseUrl.trim().replace(/\/+$/, '');
  return PROVIDER_PRESETS.find((preset) => preset.baseUrl !== '' && preset.baseUrl === trimmed)?.id ?? 'custom';
}
