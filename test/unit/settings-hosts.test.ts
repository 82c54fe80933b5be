import { describe, expect, it } from 'vitest';
import { normalizeHost } from '../../lib/storage/settings';

describe('normalizeHost', () => {
  it('accepts host and host:port, lower-cased', () => {
    expect(normalizeHost(' GHE.Example.com ')).toEqual({ ok: true, host: 'ghe.example.com' });
    expect(normalizeHost('git.corp:8443')).toEqual({ ok: true, host: 'git.corp:8443' });
    expect(normalizeHost('127.0.0.1:4000')).toEqual({ ok: true, host: '127.0.0.1:4000' });
  });

  it('reduces a pasted address to its host', () => {
    expect(normalizeHost('https://ghe.example.com/acme/widgets/pull/1')).toEqual({ ok: true, host: 'ghe.example.com' });
  });

  it('refuses paths, other schemes, bad characters and ports', () => {
    for (const input of ['', 'ghe.example.com/acme', 'ftp://ghe.example.com', 'ghe_example.com', 'ghe example.com', '-bad.com', 'host:70000', 'host:']) {
      expect(normalizeHost(input).ok, input).toBe(false);
    }
  });
});
