import { describe, expect, it } from 'vitest';
import { LOCAL_ENDPOINT_RULE_ID, originRuleFor } from '../../entrypoints/background/ollama-origin';

const extensionId = 'abcdefghijklmnopabcdefghijklmnop';

describe('originRuleFor', () => {
  it('strips Origin only for Tandem’s requests to a local Ollama', () => {
    expect(originRuleFor('http://localhost:11434/v1', extensionId)).toEqual({
      id: LOCAL_ENDPOINT_RULE_ID,
      priority: 1,
      action: { type: 'modifyHeaders', requestHeaders: [{ header: 'origin', operation: 'remove' }] },
      condition: {
        urlFilter: '|http://localhost:11434/',
        requestDomains: ['localhost'],
        initiatorDomains: [extensionId],
        resourceTypes: ['xmlhttprequest', 'other'],
      },
    });
  });

  it('covers the loopback addresses and the default port', () => {
    expect(originRuleFor('http://127.0.0.1:1234/v1', extensionId)?.condition.urlFilter).toBe('|http://127.0.0.1:1234/');
    expect(originRuleFor('http://[::1]:11434/v1', extensionId)?.condition).toMatchObject({ urlFilter: '|http://[::1]:11434/', requestDomains: ['[::1]'] });
    expect(originRuleFor('http://localhost/v1', extensionId)?.condition.urlFilter).toBe('|http://localhost/');
  });

  it('covers plain-http servers on private LAN addresses', () => {
    for (const url of ['http://192.168.1.20:11434/v1', 'http://10.0.0.5/v1', 'http://172.20.3.4:8000/v1']) {
      expect(originRuleFor(url, extensionId)?.condition.requestDomains).toEqual([new URL(url).hostname]);
    }
  });

  it('leaves hosted providers and public addresses alone', () => {
    for (const url of ['https://api.openai.com/v1', 'http://172.32.0.1/v1', 'https://192.168.1.20/v1', 'http://ollama.example.com/v1', 'not a url', '']) {
      expect(originRuleFor(url, extensionId)).toBeNull();
    }
  });
});
