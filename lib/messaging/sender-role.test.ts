import { describe, expect, it } from 'vitest';
import { senderRole } from './sender-role';

const self = { id: 'abcdefghijklmnop', origin: 'chrome-extension://abcdefghijklmnop' };

describe('senderRole', () => {
  it('recognises our own pages, even when they sit in a tab', () => {
    expect(senderRole({ id: self.id, url: `${self.origin}/sidepanel.html?tabId=3` }, self)).toBe('extension');
    expect(senderRole({ id: self.id, url: `${self.origin}/sidepanel.html`, tab: { id: 4 }, frameId: 0 }, self)).toBe('extension');
  });

  it('recognises our content script in a top frame', () => {
    expect(senderRole({ id: self.id, url: 'https://github.com/o/r/pull/1', tab: { id: 7 }, frameId: 0 }, self)).toBe('content');
  });

  it('rejects sub-frames, other extensions and senders without a tab', () => {
    expect(senderRole({ id: self.id, url: 'https://evil.example/', tab: { id: 7 }, frameId: 3 }, self)).toBeNull();
    expect(senderRole({ id: 'another-extension', url: `${self.origin}/x.html` }, self)).toBeNull();
    expect(senderRole({ id: self.id, url: 'https://github.com/' }, self)).toBeNull();
    expect(senderRole({ id: self.id, url: 'chrome-extension://abcdefghijklmnop.evil.example/x' }, self)).toBeNull();
  });
});
