import { describe, expect, it } from 'vitest';
import { isRunStart } from './guards';
import type { RunCommand } from './protocol';

const start = (request: unknown) => ({ type: 'run-start', tabId: 3, conversationId: null, request }) as RunCommand;

describe('isRunStart', () => {
  it('takes a question, with or without the title of the card that asked it', () => {
    expect(isRunStart(start({ type: 'ask', question: 'Why?' }))).toBe(true);
    expect(isRunStart(start({ type: 'ask', question: 'Summarise the threads: for each, the file…', title: 'Summarise the open threads' }))).toBe(true);
  });

  it('refuses a title that is empty, not text, or too long to be one', () => {
    expect(isRunStart(start({ type: 'ask', question: 'Why?', title: '  ' }))).toBe(false);
    expect(isRunStart(start({ type: 'ask', question: 'Why?', title: 42 }))).toBe(false);
    expect(isRunStart(start({ type: 'ask', question: 'Why?', title: 'x'.repeat(501) }))).toBe(false);
  });
});
