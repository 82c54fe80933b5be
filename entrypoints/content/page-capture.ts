// The content script's capture of the live page: lib/capture with the live window's selection, viewport and fetch.
import { readPage } from '../../lib/capture/index';
import { nextTask } from '../../lib/capture/next-task';
import type { PageReading } from '../../lib/context/types';

// Re-captures happen on every significant DOM change; the .diff of one pull request is fetched once.
const fetched = new Map<string, Promise<string>>();

async function fetchSameOrigin(url: string): Promise<string> {
  if (new URL(url, location.href).origin !== location.origin) throw new Error(`refusing a cross-origin fetch of ${url}`);
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
  return response.text();
}

function fetchOnce(url: string): Promise<string> {
  let pending = fetched.get(url);
  if (!pending) {
    pending = fetchSameOrigin(url);
    // A failed fetch is not remembered, so the next capture tries again.
    pending.catch(() => fetched.delete(url));
    if (fetched.size > 20) fetched.clear();
    fetched.set(url, pending);
  }
  return pending;
}

const MEASURES = ['tandem-capture', 'tandem-capture-main-thread', 'tandem-capture-longest-slice', ...['classify', 'adapter', 'focus', 'redact', 'limits'].map((stage) => `tandem-capture:${stage}`)];

/**
 * The page read and redacted here; the background finishes it (see lib/capture/finish-reading.ts).
 * With `recordTimings` (the captureTimings setting), its timings are left on the page's timeline.
 */
export async function captureLivePage(githubHosts: string[], recordTimings: boolean): Promise<PageReading> {
  // Only the latest capture's figures stay on the page's timeline: a page re-read every few seconds
  // would otherwise collect them without end.
  if (recordTimings) for (const name of MEASURES) performance.clearMeasures(name);
  const started = performance.now();
  let waited = 0;
  // The longest stretch between waits: how long at most the page could not respond because of capture.
  let sliceStarted = started;
  let longestSlice = 0;
  // Time spent waiting (on the network, or while the page has its turn) is not capture's own.
  const waitingOn = async <T>(work: () => Promise<T>): Promise<T> => {
    const waitStarted = performance.now();
    longestSlice = Math.max(longestSlice, waitStarted - sliceStarted);
    try {
      return await work();
    } finally {
      sliceStarted = performance.now();
      waited += sliceStarted - waitStarted;
    }
  };
  const reading = await readPage(document, location.href, {
    githubHosts,
    selection: window.getSelection()?.toString() || undefined,
    viewport: { top: 0, bottom: window.innerHeight },
    onStage: recordTimings ? (stage, start, end) => performance.measure(`tandem-capture:${stage}`, { start, end }) : undefined,
    // Same-origin only (the pull request's .diff): the page's own cookies, never another site.
    fetchText: (url) => waitingOn(() => fetchOnce(url)),
    // While capture yields, the page runs its own tasks (its first layout of a long diff, often): theirs, not capture's.
    yieldToPage: () => waitingOn(nextTask),
  });
  const ended = performance.now();
  longestSlice = Math.max(longestSlice, ended - sliceStarted);
  if (!recordTimings) return reading;
  // On the page's performance timeline, so `npm run bench` (and DevTools) can read what a capture costs:
  // from start to finish, and the part that held the page's main thread (the rest waited on the network
  // or yielded, while the page went on with its own work).
  performance.measure('tandem-capture', { start: started, end: ended });
  performance.measure('tandem-capture-main-thread', { start: started, duration: Math.max(0, ended - started - waited) });
  performance.measure('tandem-capture-longest-slice', { start: started, duration: longestSlice });
  return reading;
}
