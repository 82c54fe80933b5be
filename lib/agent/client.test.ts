import { afterEach, describe, expect, it } from 'vitest';
import { startFakeLlm, type FakeLlm } from '../../test/fake-llm/server';
import { createClient, listModels, testConnection } from './client';

let server: FakeLlm | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('createClient', () => {
  it('uses the base URL, a placeholder key for keyless servers, and no SDK retries', () => {
    const client = createClient({ baseUrl: 'http://localhost:11434/v1', model: 'llama3.2' });
    expect(client.baseURL).toBe('http://localhost:11434/v1');
    expect(client.apiKey).toBe('not-needed');
    expect(client.maxRetries).toBe(0);
  });
});

describe('testConnection', () => {
  it('lists the models, sorted, and says whether the configured one is there', async () => {
    server = await startFakeLlm({ models: ['zeta', 'alpha', 'mid'] });
    expect(await listModels({ baseUrl: server.url, model: 'mid' })).toEqual(['alpha', 'mid', 'zeta']);
    expect(await testConnection({ baseUrl: server.url, model: 'mid' })).toEqual({ ok: true, models: ['alpha', 'mid', 'zeta'], modelListed: true });
    expect(await testConnection({ baseUrl: server.url, model: 'other' })).toMatchObject({ ok: true, modelListed: false });
  });

  it('reports a refused key as AuthError', async () => {
    server = await startFakeLlm({ requireApiKey: 'sk-good' });
    const result = await testConnection({ baseUrl: server.url, apiKey: 'sk-bad', model: 'm' });
    expect(result).toMatchObject({ ok: false, error: { name: 'AuthError' } });
    expect(server.calls[0]?.headers.authorization).toBe('Bearer sk-bad');
  });

  it('reports a base URL without the API as EndpointNotFoundError', async () => {
    server = await startFakeLlm({});
    const withoutV1 = server.url.replace(/\/v1$/, '');
    const result = await testConnection({ baseUrl: withoutV1, model: 'm' });
    expect(result).toMatchObject({ ok: false, error: { name: 'EndpointNotFoundError', fix: expect.stringContaining('/v1') } });
  });

  it('reports a closed port as NetworkError naming the URL', async () => {
    server = await startFakeLlm({});
    const url = server.url;
    await server.close();
    server = undefined;
    const result = await testConnection({ baseUrl: url, model: 'm' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.name).toBe('NetworkError');
      expect(result.error.message).toContain(url);
    }
  });
});
