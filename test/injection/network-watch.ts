// Records every request of every target in the browser (pages, the side panel, the service worker) over
// CDP, and every URL a page target ever shows, so the suite can say where page data could have gone.
import type { Browser, CDPSession, Page, Target } from 'puppeteer';

export interface SeenRequest {
  url: string;
  /** The target that made it: its type and URL at the time. */
  from: string;
}

export interface NetworkWatch {
  requests: SeenRequest[];
  /** Every URL a page target was created with or navigated to. */
  pageUrls: SeenRequest[];
  /** Resolves once the page's requests are being recorded: call it before navigating a new page. */
  ready(page: Page): Promise<void>;
  /** Attachment failures (a target closed before it could be watched is not one). */
  problems: string[];
  close(): Promise<void>;
}

const WATCHED_TYPES = new Set(['page', 'service_worker', 'shared_worker', 'background_page', 'webview', 'other']);

/** Schemes that never leave the machine: the extension's own files, inline data, the blank page. */
const INTERNAL_SCHEMES = new Set(['chrome-extension:', 'data:', 'blob:', 'about:', 'chrome:', 'devtools:', 'chrome-untrusted:']);

export function isInternalUrl(url: string): boolean {
  try {
    return INTERNAL_SCHEMES.has(new URL(url).protocol);
  } catch {
    return url === ''; // a target with no URL yet has made no request
  }
}

/** Requests whose origin is not internal and not in `allowed`. */
export function foreignRequests(seen: readonly SeenRequest[], allowed: readonly string[]): SeenRequest[] {
  return seen.filter((request) => !isInternalUrl(request.url) && !allowed.includes(new URL(request.url).origin));
}

export async function watchNetwork(browser: Browser): Promise<NetworkWatch> {
  const attached = new Map<Target, Promise<void>>();
  const sessions: CDPSession[] = [];
  const watch: NetworkWatch = {
    requests: [],
    pageUrls: [],
    problems: [],
    ready: (page) => attach(page.target()),
    close: async () => {
      browser.off('targetcreated', onTarget);
      browser.off('targetchanged', onChanged);
      await Promise.allSettled(sessions.map((session) => session.detach()));
    },
  };
  const describe = (target: Target) => `${target.type()} ${target.url()}`;

  function attach(target: Target): Promise<void> {
    const existing = attached.get(target);
    if (existing) return existing;
    const pending = (async () => {
      if (!WATCHED_TYPES.has(target.type())) return;
      let session: CDPSession;
      try {
        session = await target.createCDPSession();
      } catch (error) {
        watch.problems.push(`could not attach to ${describe(target)}: ${String(error)}`);
        return;
      }
      sessions.push(session);
      session.on('Network.requestWillBeSent', (event) => watch.requests.push({ url: event.request.url, from: describe(target) }));
      // Service workers also report the requests they make; Fetch is not needed to see them.
      await session.send('Network.enable').catch((error: unknown) => watch.problems.push(`Network.enable failed on ${describe(target)}: ${String(error)}`));
    })();
    attached.set(target, pending);
    return pending;
  }
  function onTarget(target: Target) {
    if (target.type() === 'page') watch.pageUrls.push({ url: target.url(), from: 'created' });
    void attach(target);
  }
  function onChanged(target: Target) {
    if (target.type() === 'page') watch.pageUrls.push({ url: target.url(), from: 'navigated' });
  }
  browser.on('targetcreated', onTarget);
  browser.on('targetchanged', onChanged);
  await Promise.all(browser.targets().map(attach));
  return watch;
}
