import { describe, expect, it } from 'vitest';
import type { ConversationTurn } from '../prompt';
import { CallTooLongError, fitCall, replyRoom, type CallParts, type OnDeviceCall } from './fit-prompt';

/** The test's tokenizer: four characters a token, as the e2e shim counts. */
function measureByChars(calls: OnDeviceCall[] = []) {
  return async (call: OnDeviceCall) => {
    calls.push(call);
    return Math.ceil([call.system, ...call.messages.map((message) => message.content)].join('\n\n').length / 4) + JSON.stringify(call.schema).length / 4;
  };
}

/** A page whose serialisation honours the budget, like serializeForPrompt: about four characters a token. */
function pageOf(tokens: number) {
  const budgets: number[] = [];
  return {
    budgets,
    contextTextFor(budget: number) {
      budgets.push(budget);
      return `# Page\n${'x'.repeat(Math.min(tokens, budget) * 4)}`;
    },
  };
}

function parts(overrides: Partial<CallParts> = {}): CallParts {
  return { system: 'You are Tandem.', schema: { anyOf: [] }, history: [], contextTextFor: pageOf(100).contextTextFor, question: 'How many files?', steps: [], ...overrides };
}

function turns(count: number, chars: number): ConversationTurn[] {
  return Array.from({ length: count * 2 }, (_, index) => ({
    role: index % 2 === 0 ? ('user' as const) : ('assistant' as const),
    content: `${index % 2 === 0 ? 'Question' : 'Answer'} ${Math.floor(index / 2)}. ${'y'.repeat(chars)}`,
  }));
}

describe('fitCall', () => {
  it('sends the page fenced as data with the question last, at the user budget when the window allows', async () => {
    const page = pageOf(100);
    const fitted = await fitCall(parts({ contextTextFor: page.contextTextFor }), { contextWindow: 8000, measure: measureByChars(), tokenBudget: 1300 });
    expect(fitted.contextBudget).toBe(1300);
    expect(fitted.compactions).toEqual([]);
    const last = fitted.call.messages.at(-1);
    expect(last?.role).toBe('user');
    expect(last?.content).toMatch(/<page-data>\n# Page[\s\S]*<\/page-data>\n\nMy question: How many files\?$/);
  });

  it('never gives the page more than a third or so of a small window', async () => {
    const fitted = await fitCall(parts(), { contextWindow: 2000, measure: measureByChars(), tokenBudget: 1300 });
    expect(fitted.contextBudget).toBe(700);
  });

  it('shrinks the page until the model’s own count fits, leaving room for the reply', async () => {
    const page = pageOf(5000);
    const measured: OnDeviceCall[] = [];
    const system = `You are Tandem. ${'s'.repeat(6000)}`;
    const fitted = await fitCall(parts({ system, contextTextFor: page.contextTextFor }), { contextWindow: 3000, measure: measureByChars(measured), tokenBudget: 6000 });
    expect(fitted.tokens).toBeLessThanOrEqual(3000 - replyRoom(3000));
    expect(page.budgets[0]).toBe(1050);
    expect(fitted.contextBudget).toBeLessThan(1050);
    expect(measured.length).toBeGreaterThan(1);
  });

  it('compacts a long conversation into a digest of whole turns before cutting the page', async () => {
    const page = pageOf(600);
    const fitted = await fitCall(parts({ history: turns(8, 600), contextTextFor: page.contextTextFor }), { contextWindow: 4000, measure: measureByChars(), tokenBudget: 1300 });
    const [first] = fitted.call.messages;
    // The newest exchange stays whole, starting with its question; older ones are in the digest.
    expect(first).toMatchObject({ role: 'user' });
    expect(first?.content).toMatch(/^Question 7\./);
    expect(fitted.call.messages.filter((message) => message.role === 'assistant')).toHaveLength(1);
    const question = fitted.call.messages.at(-1)?.content ?? '';
    expect(question).toMatch(/^Earlier in this conversation \(shortened\):\n- I asked: Question 0\./);
    expect(question).toContain('You answered: Answer 6.');
    expect(fitted.compactions[0]).toBe('older turns shortened to a digest');
  });

  it('shortens earlier tool output, keeping each step’s output fenced as data', async () => {
    const steps = [
      { reply: '{"tool":"run_script","code":"1"}', kind: 'tool-output' as const, tool: 'run_script', text: 'a'.repeat(3000) },
      { reply: '{"tool":"run_script","code":"2"}', kind: 'tool-output' as const, tool: 'run_script', text: 'b'.repeat(500) },
    ];
    const fitted = await fitCall(parts({ steps }), { contextWindow: 1400, measure: measureByChars(), tokenBudget: 300 });
    expect(fitted.compactions).toEqual(['earlier tool results shortened']);
    const outputs = fitted.call.messages.slice(-3);
    expect(outputs.map((message) => message.role)).toEqual(['user', 'assistant', 'user']);
    expect(fitted.call.messages.at(-3)?.content).toMatch(/<page-data>\na{400}… \[shortened\]\n<\/page-data>/);
    expect(fitted.call.messages.at(-1)?.content).toContain(`<page-data>\n${'b'.repeat(500)}\n</page-data>`);
  });

  it('says how far over it is when nothing more can be given up', async () => {
    const error = await fitCall(parts({ question: 'z'.repeat(20_000) }), { contextWindow: 2000, measure: measureByChars(), tokenBudget: 1300 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CallTooLongError);
    expect((error as CallTooLongError).limit).toBe(1500);
    expect((error as CallTooLongError).tokens).toBeGreaterThan(5000);
  });
});
