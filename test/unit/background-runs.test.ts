// The background's run ports over the real conversation storage (the fake browser's), with the model
// replaced by a scripted turn that waits for the test: what is stored while, and after, a run streams.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { AgentEvent } from '../../lib/agent/events';
import type { RunUpdate } from '../../lib/messaging/protocol';
import type { RunRequestSummary } from '../../lib/conversation/types';

type PortListener = (port: FakePort) => void;
let onConnect: PortListener | undefined;

vi.mock('wxt/browser', async () => {
  const { fakeBrowser: fake } = await import('wxt/testing/fake-browser');
  const runtime = new Proxy(fake.runtime, {
    get: (target, property) => (property === 'onConnect' ? { addListener: (listener: PortListener) => (onConnect = listener) } : Reflect.get(target, property)),
  });
  return { browser: new Proxy(fake, { get: (target, property) => (property === 'runtime' ? runtime : Reflect.get(target, property)) }) };
});

const view = {
  tabId: 7,
  context: { url: 'https://github.com/a/b/pull/1', title: 'PR', kind: 'generic', capturedAt: 1, facts: {}, redactions: 0, data: { type: 'generic', text: '', outline: [], tables: [], links: [] } },
  tokens: 1, suggestions: [], dismissed: [], accepted: [], sections: [], excluded: [],
};
vi.mock('../../entrypoints/background/tab-store', () => ({ getTabView: async () => view }));
vi.mock('../../entrypoints/background/prefetch', () => ({ takePrefetch: async () => null }));
vi.mock('../../entrypoints/background/sandbox-preload', () => ({ preloadSandboxQuietly: () => undefined }));
vi.mock('../../lib/storage/settings', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../lib/storage/settings')>()),
  readSettings: async () => ({ provider: { baseUrl: 'http://127.0.0.1:9/v1', model: 'm' }, tokenBudget: 1000 }),
}));

let release: () => void = () => undefined;
vi.mock('../../lib/conversation/run-turn', () => ({
  async *runTurn(): AsyncGenerator<AgentEvent> {
    yield { type: 'run-start', runId: 'r' };
    yield { type: 'action-propose', callId: 'call-1', action: { type: 'copy', text: 'LGTM' }, why: 'asked' };
    await new Promise<void>((resolve) => (release = resolve));
    yield { type: 'text-delta', text: 'Answer.' };
    yield { type: 'run-end', text: 'Answer.', steps: 1 };
  },
}));

const { acceptRunPorts, settleInterruptedTurns } = await import('../../entrypoints/background/runs');
const { deleteConversation, listConversations, loadConversation, updateConversation } = await import('../../lib/storage/conversations');
const { withProposalDecision } = await import('../../lib/conversation/merge-turns');
const { RUN_PORT } = await import('../../lib/messaging/protocol');

interface FakePort {
  name: string;
  sender: { url: string };
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

/** Connects a panel's run port, asks a question, and gives what the run accepted. */
async function startRun(request: RunRequestSummary = { type: 'ask', question: 'Q?' }): Promise<{ updates: RunUpdate[]; ended: Promise<void>; conversationId: string; turnId: string }> {
  const updates: RunUpdate[] = [];
  let send: (message: unknown) => void = () => undefined;
  let ended: () => void = () => undefined;
  const port: FakePort = {
    name: RUN_PORT,
    sender: { url: 'chrome-extension://tandem/sidepanel.html' },
    postMessage: (message) => updates.push(message as RunUpdate),
    disconnect: () => ended(),
    onMessage: { addListener: (listener) => (send = listener) },
    onDisconnect: { addListener: () => undefined },
  };
  const done = new Promise<void>((resolve) => (ended = resolve));
  onConnect?.(port);
  send({ type: 'run-start', tabId: 7, conversationId: null, request });
  await vi.waitFor(() => expect(updates.some((update) => update.type === 'run-event' && update.event.type === 'action-propose')).toBe(true));
  const accepted = updates.find((update) => update.type === 'run-accepted');
  if (accepted?.type !== 'run-accepted') throw new Error('the run was not accepted');
  return { updates, ended: done, conversationId: accepted.conversation.id, turnId: accepted.turnId };
}

beforeEach(() => {
  fakeBrowser.reset();
});
acceptRunPorts('chrome-extension://tandem');

describe('a run and the stored conversation', () => {
  it('keeps the user’s decision on a proposal made while the run was still streaming', async () => {
    const run = await startRun();
    await updateConversation(run.conversationId, (stored) => (stored ? withProposalDecision(stored, run.turnId, 'call-1', { status: 'done', message: 'Copied.' }) : null));
    release();
    await run.ended;
    const turn = (await loadConversation(run.conversationId))?.turns.find((candidate) => candidate.id === run.turnId);
    expect(turn).toMatchObject({ status: 'done', parts: [{ kind: 'action', proposal: { status: 'done', message: 'Copied.' } }, { kind: 'text', text: 'Answer.' }] });
  });

  it('shows a card’s title as the user’s message, and keeps the question it asked for the model', async () => {
    const question = 'Summarise the unresolved review threads on this pull request: for each, the file, what the reviewer asks for.';
    const run = await startRun({ type: 'ask', question, title: 'Summarise the open threads' });
    release();
    await run.ended;
    const user = (await loadConversation(run.conversationId))?.turns.find((turn) => turn.role === 'user');
    expect(user).toMatchObject({ text: 'Summarise the open threads', question });
  });

  it('shows a typed question as it was typed', async () => {
    const run = await startRun({ type: 'ask', question: 'Which file changed most?' });
    release();
    await run.ended;
    const user = (await loadConversation(run.conversationId))?.turns.find((turn) => turn.role === 'user');
    expect(user).toEqual(expect.objectContaining({ text: 'Which file changed most?' }));
    expect(user).not.toHaveProperty('question');
  });

  it('does not bring back a conversation deleted from History while its answer streamed', async () => {
    const run = await startRun();
    await deleteConversation(run.conversationId);
    release();
    await run.ended;
    expect(await loadConversation(run.conversationId)).toBeNull();
    expect(await listConversations()).toEqual([]);
  });

  it('ends the run cleanly when storage fails, and no longer counts the turn as live', async () => {
    const run = await startRun();
    const stored = await loadConversation(run.conversationId);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    release();
    await run.ended;
    expect(run.updates.at(-1)).toMatchObject({ type: 'run-event', event: { type: 'run-end' } });
    expect(warn).toHaveBeenCalled();
    // The copy in storage still says running; nothing live holds it, so it is shown as interrupted.
    const settled = stored ? settleInterruptedTurns(stored) : null;
    expect(settled?.turns.find((turn) => turn.id === run.turnId)).toMatchObject({ status: 'error', error: { name: 'InterruptedError' } });
    vi.restoreAllMocks();
  });
});
