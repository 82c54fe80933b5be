import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Conversation } from '../conversation/types';
import { latestConversationFor, listConversations, loadConversation, saveConversation, updateConversation } from './conversations';

function conversation(id: string, tabId: number | undefined, updatedAt: number, url = 'https://github.com/a/b/pull/1'): Conversation {
  return { id, url, title: id, kind: 'github.pull', ...(tabId === undefined ? {} : { tabId }), createdAt: 1, updatedAt, turns: [{ role: 'user', id: `u-${id}`, text: id, at: 1 }] };
}

beforeEach(() => fakeBrowser.reset());

describe('conversation storage', () => {
  it('keeps every conversation in the index when saves overlap', async () => {
    await Promise.all(Array.from({ length: 12 }, (_, index) => saveConversation(conversation(`c${index}`, 1, index + 1))));
    expect((await listConversations()).map((entry) => entry.id).sort()).toEqual(Array.from({ length: 12 }, (_, index) => `c${index}`).sort());
  });

  it('applies overlapping updates one after the other, each on the result of the last', async () => {
    await saveConversation(conversation('c1', 1, 1));
    await Promise.all(
      ['a', 'b', 'c'].map((text) =>
        updateConversation('c1', (stored) => (stored ? { ...stored, turns: [...stored.turns, { role: 'user', id: text, text, at: 2 }] } : null)),
      ),
    );
    expect((await loadConversation('c1'))?.turns.map((turn) => turn.id)).toEqual(['u-c1', 'a', 'b', 'c']);
  });

  it('finds the newest conversation of this tab on this page, not another open tab’s', async () => {
    const open = new Set([1, 2, 3]);
    await saveConversation(conversation('older', 1, 1));
    await saveConversation(conversation('other-tab', 2, 3));
    await saveConversation(conversation('newer', 1, 2, 'https://github.com/a/b/pull/1#discussion_r1'));
    expect((await latestConversationFor('https://github.com/a/b/pull/1', 1, open))?.id).toBe('newer');
    expect((await latestConversationFor('https://github.com/a/b/pull/1', 2, open))?.id).toBe('other-tab');
    expect(await latestConversationFor('https://github.com/a/b/pull/1', 3, open)).toBeNull();
    expect(await latestConversationFor('https://github.com/a/b/pull/2', 1, open)).toBeNull();
  });

  it('gives a tab the page’s newest conversation whose tab is gone or was never recorded', async () => {
    await saveConversation(conversation('before-tabs', undefined, 1));
    expect((await latestConversationFor('https://github.com/a/b/pull/1', 7, new Set([7])))?.id).toBe('before-tabs');
    await saveConversation(conversation('closed-tab', 4, 2));
    expect((await latestConversationFor('https://github.com/a/b/pull/1', 7, new Set([7])))?.id).toBe('closed-tab');
    // While tab 4 is open, its conversation stays its own.
    expect((await latestConversationFor('https://github.com/a/b/pull/1', 7, new Set([4, 7])))?.id).toBe('before-tabs');
  });
});
