// Reads the failing checks' job logs for the pr-checks card, in the page's own session: the links are chosen
// and every log is read by lib/capture (pure); this file brings the fetch, which asks only this page's origin,
// follows no redirect and stops at a size cap, and masks secrets before anything leaves the page.
import { chooseCheckLinks } from '../../lib/capture/github/check-links';
import { CheckLogFetchError, readCheckLog, type CheckLogReader, type FetchedText } from '../../lib/capture/github/check-log-reader';
import { redactDeep } from '../../lib/capture/redact';
import type { Check, CheckLog, CheckState } from '../../lib/context/types';

const CAPS = { page: 4 * 1024 * 1024, log: 8 * 1024 * 1024 } as const;
const TIMEOUT_MS = 20_000;
const STATES = new Set<CheckState>(['success', 'failure', 'pending', 'skipped', 'neutral', 'cancelled', 'unknown']);

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

async function fetchSameOriginText(url: string, what: 'page' | 'log'): Promise<FetchedText> {
  // The second wall (lib's sameOriginActionsUrl is the first): nothing but this page's origin is asked.
  if (new URL(url, location.href).origin !== location.origin) throw new CheckLogFetchError(`${url} is on another site, which Tandem does not ask`);
  const cap = CAPS[what];
  const name = what === 'page' ? 'the job page' : 'the log';
  let response: Response;
  try {
    response = await fetch(url, {
      credentials: 'same-origin',
      // A redirect may lead to another origin (a sign-in service, a log store): it is reported, never followed.
      redirect: 'manual',
      headers: { Accept: what === 'page' ? 'text/html' : 'text/plain, text/html;q=0.9' },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new CheckLogFetchError(`${name} could not be fetched (${error instanceof Error ? error.message : String(error)})`);
  }
  if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
    throw new CheckLogFetchError(`GitHub answered ${name} with a redirect (to a sign-in page, or to where the log is stored on another site), which Tandem does not follow`);
  }
  const declared = Number(response.headers.get('content-length') ?? '');
  if (declared > cap) {
    await response.body?.cancel();
    throw new CheckLogFetchError(`${name} is ${megabytes(declared)}, more than the ${megabytes(cap)} Tandem reads`);
  }
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text: await readCapped(response, cap, name) };
}

async function readCapped(response: Response, cap: number, name: string): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    bytes += value.byteLength;
    if (bytes > cap) {
      await reader.cancel();
      throw new CheckLogFetchError(`${name} is larger than the ${megabytes(cap)} Tandem reads`);
    }
    text += decoder.decode(value, { stream: true });
  }
}

const reader: CheckLogReader = {
  fetchText: fetchSameOriginText,
  // An inert document: its scripts do not run and it loads nothing.
  parseHtml: (html) => new DOMParser().parseFromString(html, 'text/html'),
};

function checksOf(input: unknown): Pick<Check, 'name' | 'state' | 'link'>[] {
  if (!Array.isArray(input)) throw new TypeError('check-logs-read needs a list of checks');
  return input.slice(0, 200).flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const { name, state, link } = item as Record<string, unknown>;
    if (typeof name !== 'string' || typeof state !== 'string' || !STATES.has(state as CheckState)) return [];
    return [{ name: name.slice(0, 300), state: state as CheckState, ...(typeof link === 'string' ? { link: link.slice(0, 2_000) } : {}) }];
  });
}

export async function readCheckLogsHere(input: Record<string, unknown>): Promise<{ logs: CheckLog[] }> {
  const page = location.href;
  const choice = chooseCheckLinks(checksOf(input.checks), page);
  const logs: CheckLog[] = [];
  // One after another: two or three page loads each, in the user's session, need not compete with the page.
  for (const target of choice.targets) logs.push(await readCheckLog(target, page, reader));
  for (const refused of choice.refused) {
    logs.push({ check: refused.check, link: refused.link, read: false, problem: refused.reason, fetched: [], failedSteps: [], errors: [], locations: [] });
  }
  // Logs print secrets more often than pages do: masked here, before the logs leave the page.
  return { logs: redactDeep(logs).value };
}
