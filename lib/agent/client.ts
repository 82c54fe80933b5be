// The one place an OpenAI-compatible client is built from the user's provider settings.
import OpenAI from 'openai';
import { EndpointNotFoundError, toAgentError, type AgentErrorInfo } from './errors';
import { eventSplittingFetch } from './sse-event-chunks';

export interface ProviderSettings {
  /** For example https://api.openai.com/v1 or http://localhost:11434/v1 */
  baseUrl: string;
  /** Local servers need none; the SDK still wants a string. */
  apiKey?: string;
  model: string;
  /** How long to wait for the server to start answering a request. */
  timeoutMs?: number;
  /** How long a started answer may go without a chunk before it counts as stalled (the agent loop's default otherwise). */
  stallTimeoutMs?: number;
}

export const defaultTimeoutMs = 60_000;

export function createClient(settings: ProviderSettings): OpenAI {
  return new OpenAI({
    baseURL: settings.baseUrl,
    apiKey: settings.apiKey || 'not-needed',
    // The key lives in the background context of an extension the user installed, not a web page.
    dangerouslyAllowBrowser: true,
    // Retries are the agent loop's, so they show up as events and respect the Stop button.
    maxRetries: 0,
    timeout: settings.timeoutMs ?? defaultTimeoutMs,
    fetch: eventSplittingFetch(),
  });
}

let lastClient: { key: string; client: OpenAI } | undefined;

/** The client for these settings, reused while they stay the same: building one costs a question 1–3 ms. */
export function clientFor(settings: ProviderSettings): OpenAI {
  const key = JSON.stringify([settings.baseUrl, settings.apiKey ?? '', settings.timeoutMs ?? defaultTimeoutMs]);
  if (lastClient?.key !== key) lastClient = { key, client: createClient(settings) };
  return lastClient.client;
}

/** Model ids the server lists, sorted. */
export async function listModels(settings: ProviderSettings, signal?: AbortSignal): Promise<string[]> {
  const client = createClient(settings);
  const ids: string[] = [];
  for await (const model of client.models.list({ signal })) ids.push(model.id);
  return ids.sort((left, right) => left.localeCompare(right));
}

export type ConnectionTest =
  | { ok: true; models: string[]; /** Whether the configured model is among them. */ modelListed: boolean }
  | { ok: false; error: AgentErrorInfo };

/** For the Settings page: can we reach the server with this key, and which models does it have? */
export async function testConnection(settings: ProviderSettings, signal?: AbortSignal): Promise<ConnectionTest> {
  try {
    const models = await listModels(settings, signal);
    return { ok: true, models, modelListed: models.includes(settings.model) };
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    // A 404 on /models says the base URL is wrong, not the model.
    const agentError = status === 404 ? new EndpointNotFoundError(settings.baseUrl) : toAgentError(error, settings);
    return { ok: false, error: agentError.toInfo() };
  }
}
