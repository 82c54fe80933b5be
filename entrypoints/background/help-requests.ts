// Help asked for from a page's in-page button, waiting for that tab's panel to take it. Kept in session
// storage: the service worker may stop between the click and the panel's first message.
import { storage } from 'wxt/utils/storage';
import type { HelpRequest } from '../../lib/in-page-help/types';

interface Pending {
  request: HelpRequest;
  at: number;
}

/** A request the panel has not taken within this time is stale: opening the panel later must not start a run. */
const LIFETIME_MS = 2 * 60_000;

const pendingItem = storage.defineItem<Record<string, Pending>>('session:helpRequests', { fallback: {} });

// Read-modify-write of one item: serialised so two clicks (or a click and a take) never lose one another.
let queue: Promise<unknown> = Promise.resolve();
function serially<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work);
  // The caller gets the failure through `next`; the queue itself only has to move on.
  queue = next.then(() => undefined, () => undefined);
  return next;
}

function fresh(all: Record<string, Pending>, now: number): Record<string, Pending> {
  return Object.fromEntries(Object.entries(all).filter(([, pending]) => now - pending.at < LIFETIME_MS));
}

export function putHelpRequest(tabId: number, request: HelpRequest): Promise<void> {
  return serially(async () => {
    const now = Date.now();
    await pendingItem.setValue({ ...fresh(await pendingItem.getValue(), now), [tabId]: { request, at: now } });
  });
}

/** The tab's pending request, removed so that only one panel runs it; null when there is none. */
export function takeHelpRequest(tabId: number): Promise<HelpRequest | null> {
  return serially(async () => {
    const all = fresh(await pendingItem.getValue(), Date.now());
    const pending = all[tabId];
    if (!pending) return null;
    delete all[tabId];
    await pendingItem.setValue(all);
    return pending.request;
  });
}
