// The postinstall step that gives a fresh machine a browser for `npm start` and the end-to-end tests: when no
// Chromium is found, Chrome for Testing is fetched into puppeteer's cache. It never fails the install: without
// a network (or when opted out) it says which command fixes it and exits 0.
//   tsx scripts/ensure-browser.ts [--force]   --force fetches Chrome for Testing even when a Chromium is found
import { pathToFileURL } from 'node:url';
import { Browser, canDownload, detectBrowserPlatform, getDownloadUrl, install } from '@puppeteer/browsers';
import { ChromiumNotFoundError, currentSearch, findChromium, howToGetChromium, PINNED_CHROME_BUILD, puppeteerCacheDir, type BrowserSearch } from './browser/find-chromium';

export type EnsureOutcome =
  | { status: 'found'; path: string }
  | { status: 'skipped'; reason: string }
  | { status: 'installed'; path: string }
  | { status: 'failed'; reason: string };

export interface Installer {
  /** Where the browser comes from, for the messages. */
  source: string;
  /** Whether the download host answers at all; kept short so an offline install is not held up. */
  reachable(): Promise<boolean>;
  /** Downloads and unpacks the browser; resolves to its executable. */
  install(): Promise<string>;
}

export interface EnsureBrowserOptions {
  search?: BrowserSearch;
  /** How a file's presence is checked while looking for a browser (tests pretend a machine has none). */
  exists?: (file: string) => boolean;
  force?: boolean;
  installer?: Installer;
  probeTimeoutMs?: number;
  downloadTimeoutMs?: number;
  log?: (line: string) => void;
}

const PROBE_TIMEOUT_MS = 8_000;
// Chrome for Testing is about 170 MB: a slow line gets time, a stalled one does not hold `npm install` forever.
const DOWNLOAD_TIMEOUT_MS = 10 * 60_000;

export class BrowserDownloadTimeoutError extends Error {
  override name = 'BrowserDownloadTimeoutError';
}

/** Set to anything but "" / 0 / false: the values npm and CI systems use for a yes. */
function isSet(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

export function skipReason(env: BrowserSearch['env']): string | null {
  if (isSet(env.TANDEM_SKIP_BROWSER_DOWNLOAD)) return 'TANDEM_SKIP_BROWSER_DOWNLOAD is set';
  if (isSet(env.PUPPETEER_SKIP_DOWNLOAD)) return 'PUPPETEER_SKIP_DOWNLOAD is set';
  // CI provides its browser itself (.ci/run installs Debian's chromium): no surprise downloads there.
  if (isSet(env.CI)) return 'running in CI';
  return null;
}

/** Chrome for Testing at the build puppeteer speaks to, from Google's bucket or PUPPETEER_CHROME_DOWNLOAD_BASE_URL. */
export function chromeForTestingInstaller(search: BrowserSearch): Installer {
  const options = {
    browser: Browser.CHROME,
    buildId: PINNED_CHROME_BUILD,
    cacheDir: puppeteerCacheDir(search),
    baseUrl: search.env.PUPPETEER_CHROME_DOWNLOAD_BASE_URL,
  };
  const platform = detectBrowserPlatform();
  return {
    source: platform ? getDownloadUrl(options.browser, platform, options.buildId, options.baseUrl).href : `a ${process.platform} build (none exists)`,
    reachable: () => canDownload(options),
    install: async () => (await install({ ...options, downloadProgressCallback: 'default' })).executablePath,
  };
}

export async function ensureBrowser(options: EnsureBrowserOptions = {}): Promise<EnsureOutcome> {
  const search = options.search ?? currentSearch();
  const log = options.log ?? ((line: string) => console.log(line));
  if (!options.force) {
    const found = await findChromium(search, options.exists).catch((error: unknown) => error);
    if (typeof found === 'string') return { status: 'found', path: found };
    if (found instanceof ChromiumNotFoundError && found.configuredPath) {
      // The user chose a browser; fetching another would hide the mistake.
      log(`Tandem: ${found.message}`);
      return { status: 'skipped', reason: 'CHROME_PATH points nowhere' };
    }
  }
  const skip = skipReason(search.env);
  if (skip) {
    log(`Tandem: no Chromium found and ${skip}, so none is downloaded. ${howToGetChromium(search)}`);
    return { status: 'skipped', reason: skip };
  }

  const installer = options.installer ?? chromeForTestingInstaller(search);
  log(`Tandem: fetching Chrome for Testing ${PINNED_CHROME_BUILD} into ${puppeteerCacheDir(search)} for \`npm start\` and the end-to-end tests…`);
  try {
    const reachable = await within(installer.reachable(), options.probeTimeoutMs ?? PROBE_TIMEOUT_MS, `${installer.source} did not answer`);
    // canDownload says no both for a missing build and for no network at all (its request failed).
    if (!reachable) throw new Error(`${installer.source} cannot be fetched from here`);
    const path = await within(installer.install(), options.downloadTimeoutMs ?? DOWNLOAD_TIMEOUT_MS, 'the download stalled');
    log(`Tandem: Chrome for Testing is ready at ${path}`);
    return { status: 'installed', path };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    log(`Tandem: could not download Chrome for Testing (${reason}). The install goes on without it; \`npm start\` and the end-to-end tests need a browser. ${howToGetChromium(search)}`);
    return { status: 'failed', reason };
  }
}

function within<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new BrowserDownloadTimeoutError(`${what} within ${ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`}`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function main(): Promise<void> {
  const outcome = await ensureBrowser({ force: process.argv.includes('--force') });
  if (outcome.status === 'found') console.log(`Tandem: browser for \`npm start\` and the end-to-end tests: ${outcome.path}`);
  // A download abandoned on timeout still holds sockets open: leave now rather than wait for them.
  process.exit(0);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    // Whatever went wrong here must not fail `npm install`: say it and go on.
    console.warn('Tandem: the browser check failed:', error);
    process.exit(0);
  });
}
