// Thousands of seeded random and malformed messages through the background router, from every kind of
// sender: a handler runs only for a well-formed message from the sender its name allows; nothing throws;
// every refusal is a well-formed { ok: false, error } reply.
import { describe, expect, it, vi } from 'vitest';
import { routeBackgroundMessage, type BackgroundHandlers } from '../../lib/messaging/background-router';
import { backgroundGuards } from '../../lib/messaging/guards';
import { backgroundSenders, type BackgroundMessageName } from '../../lib/messaging/protocol';
import type { SenderInfo } from '../../lib/messaging/sender-role';
import { seededRandom, type Random } from '../injection/prng';

const self = { id: 'tandem-id', origin: 'chrome-extension://tandem-id' };

type Role = 'extension' | 'content' | null;

/** Each sender with the role it must get, written down here rather than computed by the code under test. */
const SENDERS: { label: string; sender: SenderInfo; role: Role }[] = [
  { label: 'side panel', sender: { id: 'tandem-id', url: 'chrome-extension://tandem-id/sidepanel.html' }, role: 'extension' },
  { label: 'options page', sender: { id: 'tandem-id', url: 'chrome-extension://tandem-id/options.html#general' }, role: 'extension' },
  { label: 'panel opened in a tab', sender: { id: 'tandem-id', url: 'chrome-extension://tandem-id/sidepanel.html?tabId=3', tab: { id: 3 }, frameId: 0 }, role: 'extension' },
  { label: 'content script, top frame', sender: { id: 'tandem-id', url: 'https://github.com/acme/widgets/pull/42', tab: { id: 5 }, frameId: 0 }, role: 'content' },
  { label: 'content script, sub-frame', sender: { id: 'tandem-id', url: 'https://ads.example/frame', tab: { id: 5 }, frameId: 7 }, role: null },
  { label: 'content script, no frame id', sender: { id: 'tandem-id', url: 'https://github.com/', tab: { id: 5 } }, role: null },
  { label: 'another extension page', sender: { id: 'other-id', url: 'chrome-extension://other-id/popup.html' }, role: null },
  { label: "another extension's content script", sender: { id: 'other-id', url: 'https://github.com/', tab: { id: 5 }, frameId: 0 }, role: null },
  { label: 'a look-alike extension origin', sender: { id: 'tandem-id', url: 'chrome-extension://tandem-id.evil.example/x.html' }, role: null },
  { label: 'a page naming our origin in its URL', sender: { id: 'tandem-id', url: 'https://evil.example/#chrome-extension://tandem-id/' }, role: null },
  { label: 'a page (no extension id)', sender: { url: 'https://evil.example/', origin: 'https://evil.example', tab: { id: 5 }, frameId: 0 }, role: null },
  { label: 'an empty sender', sender: {}, role: null },
];

const context = {
  url: 'https://github.com/acme/widgets', title: 'widgets', kind: 'generic', capturedAt: 1, facts: {},
  data: { type: 'generic', text: '', outline: [], tables: [], links: [] }, redactions: 0,
};
const pullContext = { ...context, kind: 'github.pull', data: { type: 'pull', number: 1, files: [] } };
const pendingFile = { lines: ['diff --git a/a.ts b/a.ts', '--- a/a.ts', '+++ b/a.ts', '@@ -0,0 +1 @@', '+x'], total: 1, additions: 1, deletions: 0 };
const fill = { type: 'fill', selector: '#new_comment_field', label: 'Comment body', text: 'hello' };

/** One well-formed input per message name. A name without one here is only sent malformed or mis-sent. */
const VALID: Partial<Record<BackgroundMessageName, Record<string, unknown>>> = {
  'content-ready': { url: 'https://github.com/acme/widgets' },
  'context-update': { reading: { context } },
  'tab-view-get': { tabId: 4 },
  'script-rerun': { tabId: 4, code: 'return 1' },
  'conversation-list': {},
  'conversation-get': { id: 'conversation-abc' },
  'conversation-delete': { id: 'conversation-abc' },
  'provider-test': { provider: { baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3' } },
  'action-execute': { tabId: 4, proposal: { conversationId: 'conversation-abc', turnId: 'turn-1', callId: 'call_1' } },
  'action-preview': { tabId: 4, action: fill },
  'action-undo': { tabId: 4, undoToken: 'undo-1' },
  'suggestion-feedback': { tabId: 4, suggestionId: 'pull-failing-checks', verdict: 'dismiss' },
};

const NAMES = Object.keys(backgroundSenders) as BackgroundMessageName[];
const ODD_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '', ' action-execute', 'Action-Execute', 'action-execute\u0000', 'run-start', 'context-capture', 'section-read'];

function typeName(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

function randomValue(random: Random, depth = 0): unknown {
  const choice = random.integer(depth >= 3 ? 7 : 10);
  switch (choice) {
    case 0: return null;
    case 1: return random.pick([true, false]);
    case 2: return random.pick([0, -1, 1.5, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY, -0, 4]);
    case 3: return random.string(random.integer(12));
    case 4: return random.pick(['__proto__', 'javascript:alert(1)', 'chrome-extension://tandem-id/', '<img src=x onerror=alert(1)>', 'x'.repeat(300), '../../etc/passwd', '\u202e']);
    case 5: return undefined;
    case 6: return random.string(3, 'ab-_');
    case 7: return Array.from({ length: random.integer(4) }, () => randomValue(random, depth + 1));
    default: {
      const record: Record<string, unknown> = {};
      const keys = ['tabId', 'url', 'code', 'id', 'action', 'context', 'provider', 'type', 'undoToken', 'verdict', '__proto__', 'constructor', random.string(4)];
      for (let count = random.integer(4); count > 0; count--) record[random.pick(keys)] = randomValue(random, depth + 1);
      return record;
    }
  }
}

/** Field values of another type that the protocol allows all the same (a null action clears the preview). */
const ALSO_VALID: Partial<Record<BackgroundMessageName, Record<string, unknown[]>>> = {
  'action-preview': { action: [null] },
};

/** A value of another type than `original` that the field does not allow either. */
function otherTypeThan(original: unknown, allowed: unknown[], random: Random): unknown {
  for (;;) {
    const candidate = randomValue(random, 2);
    if (typeName(candidate) !== typeName(original) && !allowed.includes(candidate)) return candidate;
  }
}

/** A copy of a valid input that is wrong for sure: not an object, or one field's type changed or the field gone. */
function malformed(name: BackgroundMessageName, valid: Record<string, unknown>, random: Random): unknown {
  const keys = Object.keys(valid);
  if (keys.length === 0 || random.integer(4) === 0) return random.pick([null, [], 'input', 42, undefined, true]);
  const key = random.pick(keys);
  const copy: Record<string, unknown> = { ...valid };
  if (random.integer(3) === 0) delete copy[key];
  else copy[key] = otherTypeThan(valid[key], ALSO_VALID[name]?.[key] ?? [], random);
  return copy;
}

/** Inputs that have the right types but values no guard may accept. */
const HOSTILE: Partial<Record<BackgroundMessageName, unknown[]>> = {
  'context-update': [
    { reading: { context: { ...context, kind: 'bank' } } },
    { reading: { context: { ...context, data: { text: '' } } } },
    // A diff to parse only for a pull request whose files are still empty: lines of text, counts, within capture's caps.
    { reading: { context, pendingDiff: [pendingFile] } },
    { reading: { context: { ...pullContext, data: { ...pullContext.data, files: [{ path: 'a.ts', status: 'added', additions: 1, deletions: 0, hunks: [] }] } }, pendingDiff: [pendingFile] } },
    { reading: { context: pullContext, pendingDiff: [] } },
    { reading: { context: pullContext, pendingDiff: [{ ...pendingFile, lines: [7] }] } },
    { reading: { context: pullContext, pendingDiff: [{ ...pendingFile, additions: -1 }] } },
    { reading: { context: pullContext, pendingDiff: [{ ...pendingFile, lines: Array.from({ length: 120_001 }, () => '+x') }] } },
    { reading: { context: pullContext, pendingDiff: [{ ...pendingFile, lines: [`diff --git ${'a/'.repeat(2_500_001)}`] }] } },
  ],
  'tab-view-get': [{ tabId: -1 }, { tabId: 1.5 }, { tabId: Number.NaN }],
  'script-rerun': [{ tabId: 4, code: 'x'.repeat(200_001) }],
  'conversation-get': [{ id: '../../etc/passwd' }, { id: 'a b' }, { id: 'x'.repeat(81) }, { id: '' }],
  'conversation-delete': [{ id: '__proto__/x' }],
  'provider-test': [{ provider: { baseUrl: 'file:///etc/passwd', model: 'm' } }, { provider: { baseUrl: 'javascript:alert(1)', model: 'm' } }, { provider: { baseUrl: 'http://x', model: 'm', apiKey: 7 } }],
  'action-execute': [
    // An action in the message is never run: only a stored proposal, named by where it is stored.
    { tabId: 4, action: fill },
    { tabId: 4, proposal: { conversationId: 'conversation-abc', turnId: 'turn-1', callId: 'call_1' }, action: fill },
    { tabId: 4, proposal: { conversationId: 'conversation-abc', turnId: 'turn-1', callId: 'call_1', action: fill } },
    { tabId: 4, proposal: { conversationId: '../x', turnId: 'turn-1', callId: 'call_1' } },
    { tabId: 4, proposal: { suggestionId: '' } },
    { tabId: 4, proposal: { suggestionId: 'card', action: fill } },
  ],
  'action-undo': [{ tabId: 4, undoToken: 'x'.repeat(201) }],
  'suggestion-feedback': [{ tabId: 4, suggestionId: 'x', verdict: 'approve' }],
};

function spyHandlers() {
  const spies = Object.fromEntries(NAMES.map((name) => [name, vi.fn(() => ({ handled: name }))]));
  return spies as unknown as BackgroundHandlers & Record<BackgroundMessageName, ReturnType<typeof vi.fn>>;
}

function expectRefusal(reply: unknown, label: string): void {
  expect(reply, label).toMatchObject({ ok: false, error: { name: expect.any(String), message: expect.any(String) } });
  expect(Object.keys(reply as object).sort(), label).toEqual(['error', 'ok']);
}

const ITERATIONS = 6_000;

describe('background message fuzzing', () => {
  it(`routes ${ITERATIONS} seeded random messages: handlers only for well-formed, correctly sent ones; no throw; refusals well-formed`, async () => {
    const random = seededRandom(20_241_120);
    const spies = spyHandlers();
    const expectedCalls = new Map<BackgroundMessageName, number>();
    const tally = { garbage: 0, oddName: 0, valid: 0, misSent: 0, malformed: 0, hostile: 0 };

    for (let round = 0; round < ITERATIONS; round++) {
      const { label, sender, role } = random.pick(SENDERS);
      const name = random.pick(NAMES);
      const valid = VALID[name];
      const kind = random.integer(6);
      let message: unknown;
      let deliver = false;
      if (kind === 0) {
        tally.garbage += 1;
        message = random.pick([randomValue(random), { channel: 'Tandem', name, input: valid }, { channel: 'tandem', name: 7, input: valid }, { name, input: valid }]);
      } else if (kind === 1) {
        tally.oddName += 1;
        message = { channel: 'tandem', name: random.pick([...ODD_NAMES, random.string(10)]), input: randomValue(random) };
      } else if (kind === 2 && valid) {
        message = { channel: 'tandem', name, input: structuredClone(valid) };
        deliver = role === backgroundSenders[name];
        if (deliver) tally.valid += 1;
        else tally.misSent += 1;
      } else if (kind === 3 && HOSTILE[name]) {
        tally.hostile += 1;
        message = { channel: 'tandem', name, input: structuredClone(random.pick(HOSTILE[name] ?? [])) };
      } else {
        tally.malformed += 1;
        message = { channel: 'tandem', name, input: valid ? malformed(name, valid, random) : randomValue(random) };
        // Without a known-good shape a random input may be valid by chance: only judge it from wrong senders.
        if (!valid && role === backgroundSenders[name]) continue;
      }

      const description = `round ${round}: ${JSON.stringify(message)?.slice(0, 200)} from ${label}`;
      let reply: unknown;
      try {
        reply = await routeBackgroundMessage(message, sender, self, spies, backgroundGuards);
      } catch (error) {
        expect.fail(`the router threw on ${description}: ${String(error)}`);
      }
      const isEnvelope = typeof message === 'object' && message !== null && (message as { channel?: unknown }).channel === 'tandem' && typeof (message as { name?: unknown }).name === 'string';
      if (!isEnvelope) expect(reply, description).toBeUndefined();
      else if (deliver) {
        expect(reply, description).toEqual({ ok: true, value: { handled: name } });
        expectedCalls.set(name, (expectedCalls.get(name) ?? 0) + 1);
      } else expectRefusal(reply, description);
    }

    for (const name of NAMES) expect(spies[name], name).toHaveBeenCalledTimes(expectedCalls.get(name) ?? 0);
    // Every category was exercised many times, so the test would notice a hole.
    for (const [category, count] of Object.entries(tally)) expect(count, category).toBeGreaterThan(100);
  });

  it('never hands an action to run to anything but the panel, however the message is dressed', async () => {
    const random = seededRandom(7);
    const spies = spyHandlers();
    const outsiders = SENDERS.filter((entry) => entry.role !== 'extension');
    for (let round = 0; round < 1_000; round++) {
      const { sender } = random.pick(outsiders);
      const name = random.pick(['action-execute', 'action-preview', 'action-undo', 'script-rerun', 'provider-test'] as const);
      const reply = await routeBackgroundMessage({ channel: 'tandem', name, input: structuredClone(VALID[name]) }, sender, self, spies, backgroundGuards);
      expectRefusal(reply, `${name} from ${JSON.stringify(sender)}`);
    }
    for (const name of NAMES) expect(spies[name]).not.toHaveBeenCalled();
  });

  it('turns a throwing handler into a well-formed error reply', async () => {
    const spies = spyHandlers();
    spies['tab-view-get'].mockImplementation(() => {
      throw new RangeError('storage is gone');
    });
    const panel = SENDERS[0]?.sender ?? {};
    const reply = await routeBackgroundMessage({ channel: 'tandem', name: 'tab-view-get', input: { tabId: 1 } }, panel, self, spies, backgroundGuards);
    expect(reply).toEqual({ ok: false, error: { name: 'RangeError', message: 'storage is gone' } });
  });
});
