// Proactivity "prefetch": the top card's answer is computed in the background as soon as the page is read,
// so accepting the card shows it at once. A new page (or a new top card) cancels the work in progress.
import type { AgentEvent } from '../../lib/agent/events';
import type { ProviderSettings } from '../../lib/agent/client';
import { runTurn } from '../../lib/conversation/run-turn';
import type { RunRequestSummary } from '../../lib/conversation/types';
import type { PageContext, Suggestion } from '../../lib/context/types';
import { pageKey } from '../../lib/conversation/page-key';
import type { Skill } from '../../lib/skills/types';
import { contextForSkill } from './check-logs';

/** A prefetched answer uses at most this many model calls: it is a guess at what the user wants. */
const PREFETCH_MAX_STEPS = 3;

interface Prefetch {
  tabId: number;
  requestKey: string;
  page: string;
  events: AgentEvent[];
  done: Promise<void>;
  controller: AbortController;
}

const prefetches = new Map<number, Prefetch>();

export function requestForCard(card: Suggestion): RunRequestSummary | null {
  if ('skill' in card.run) return { type: 'skill', skill: card.run.skill, title: card.title };
  if ('ask' in card.run) return { type: 'ask', question: card.run.ask, quote: card.run.quote };
  return null; // an action card has nothing to compute: it waits for approval
}

function keyOf(request: RunRequestSummary): string {
  return request.type === 'ask' ? `ask:${request.question}\n${request.quote?.text ?? ''}` : `skill:${request.skill}`;
}

export interface PrefetchInput {
  tabId: number;
  context: PageContext;
  card: Suggestion | undefined;
  provider: ProviderSettings | null;
  tokenBudget: number;
  /** Finds the card's skill by id, saved skills included. */
  findSkill?: (id: string) => Skill | undefined;
}

/** Starts (or keeps) the prefetch of the tab's top card; anything else in flight for the tab is cancelled. */
export function prefetchTopCard({ tabId, context, card, provider, tokenBudget, findSkill }: PrefetchInput): void {
  const request = card ? requestForCard(card) : null;
  const current = prefetches.get(tabId);
  // A re-capture of the same page (GitHub re-renders often) keeps the answer in flight rather than paying for it twice.
  if (current && request && current.requestKey === keyOf(request) && current.page === pageKey(context.url)) return;
  cancelPrefetch(tabId);
  // Questions need a model; skills run offline, so they are prefetched with or without one.
  if (!request || (request.type === 'ask' && !provider)) return;
  const controller = new AbortController();
  const entry: Prefetch = { tabId, requestKey: keyOf(request), page: pageKey(context.url), events: [], controller, done: Promise.resolve() };
  entry.done = (async () => {
    // A skill that goes and looks (the failing checks' logs) looks now too: prefetching is the user's choice.
    const runContext = request.type === 'skill' ? await contextForSkill(tabId, context, request.skill) : context;
    if (controller.signal.aborted) return;
    const events = runTurn(request, { context: runContext, provider, tokenBudget, history: [], signal: controller.signal, maxSteps: PREFETCH_MAX_STEPS, findSkill });
    for await (const event of events) entry.events.push(event);
  })().catch((error: unknown) => {
    // A failed prefetch is simply not used: the user's accept runs the card afresh and sees any error then.
    entry.events = [];
    console.debug('Tandem: prefetch failed', error);
  });
  prefetches.set(tabId, entry);
}

export function cancelPrefetch(tabId: number): void {
  prefetches.get(tabId)?.controller.abort();
  prefetches.delete(tabId);
}

/**
 * The prefetched events for this request on this capture, once complete; null when there is none (or it failed),
 * so the caller runs the request itself.
 */
export async function takePrefetch(tabId: number, request: RunRequestSummary, url: string): Promise<AgentEvent[] | null> {
  const entry = prefetches.get(tabId);
  if (!entry || entry.requestKey !== keyOf(request) || entry.page !== pageKey(url)) return null;
  prefetches.delete(tabId);
  await entry.done;
  const last = entry.events.at(-1);
  return last?.type === 'run-end' ? entry.events : null;
}
