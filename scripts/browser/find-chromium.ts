// Finds the Chromium to drive (`npm start`, the end-to-end tests, the bench): CHROME_PATH, a Chromium or
// Chrome for Testing installed where this OS puts it, else a Chrome for Testing in puppeteer's cache.
// Branded Google Chrome is left out on purpose: since 137 it ignores --load-extension in every channel.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { Browser, detectBrowserPlatform, getInstalledBrowsers } from '@puppeteer/browsers';
import { PUPPETEER_REVISIONS } from 'puppeteer-core/internal/revisions.js';

export class ChromiumNotFoundError extends Error {
  override name = 'ChromiumNotFoundError';
  /** Set when CHROME_PATH named a browser that is not there, rather than no browser being found at all. */
  constructor(message: string, readonly configuredPath?: string) {
    super(message);
  }
}

/** Where to look: the process's own by default; tests pass another OS's. */
export interface BrowserSearch {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  home: string;
}

export function currentSearch(): BrowserSearch {
  return { env: process.env, platform: process.platform, home: homedir() };
}

/** The Chromium builds puppeteer was released against, so its protocol matches: what the postinstall fetches. */
export const PINNED_CHROME_BUILD = PUPPETEER_REVISIONS.chrome;

/** Puppeteer's cache, as puppeteer itself resolves it (.puppeteerrc.cjs sets no other directory). */
export function puppeteerCacheDir(search: BrowserSearch): string {
  return search.env.PUPPETEER_CACHE_DIR ?? paths(search).join(search.home, '.cache', 'puppeteer');
}

/** The fixed places a Chromium or Chrome for Testing is installed on this OS, in the order they are tried. */
export function systemCandidates(search: BrowserSearch): string[] {
  const { join } = paths(search);
  switch (search.platform) {
    case 'darwin':
      return [
        '/Applications/Chromium.app/Contents/MacOS/Chromium',
        join(search.home, 'Applications/Chromium.app/Contents/MacOS/Chromium'),
        '/Applications/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
        join(search.home, 'Applications/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing'),
        // Homebrew's `brew install --cask chromium` links here too, but the app bundle above is what it installs.
      ];
    case 'win32': {
      const roots = [search.env.LOCALAPPDATA, search.env.PROGRAMFILES, search.env['PROGRAMFILES(X86)']].filter((root): root is string => Boolean(root));
      return roots.map((root) => join(root, 'Chromium', 'Application', 'chrome.exe'));
    }
    default:
      return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'];
  }
}

/** Chrome for Testing builds in puppeteer's cache: the pinned build first, then the newest. */
export async function cachedChromeForTesting(search: BrowserSearch): Promise<string[]> {
  const installed = await getInstalledBrowsers({ cacheDir: puppeteerCacheDir(search) }).catch((error: unknown) => {
    // A cache that cannot be read is a cache with nothing in it; the error names what was tried.
    console.debug('Tandem: puppeteer cache not readable', error);
    return [];
  });
  const platform = detectBrowserPlatform();
  return installed
    .filter((build) => build.browser === Browser.CHROME && build.platform === platform)
    .sort((a, b) => Number(b.buildId === PINNED_CHROME_BUILD) - Number(a.buildId === PINNED_CHROME_BUILD) || compareBuilds(b.buildId, a.buildId))
    .map((build) => build.executablePath);
}

export async function findChromium(search: BrowserSearch = currentSearch(), exists: (file: string) => boolean = existsSync): Promise<string> {
  const configured = search.env.CHROME_PATH;
  if (configured) {
    // An explicit choice that is wrong is reported, not replaced by a browser the user did not ask for.
    if (exists(configured)) return configured;
    throw new ChromiumNotFoundError(`CHROME_PATH is set to ${configured}, which does not exist. Point it at a Chromium or Chrome for Testing binary, or unset it.`, configured);
  }
  for (const candidate of systemCandidates(search)) if (exists(candidate)) return candidate;
  for (const candidate of await cachedChromeForTesting(search)) if (exists(candidate)) return candidate;
  throw new ChromiumNotFoundError(`No Chromium found. ${howToGetChromium(search)}`);
}

/** The one command that gives this machine a browser Tandem can load itself into. */
export function howToGetChromium(search: BrowserSearch = currentSearch(), debianLike = isDebianLike()): string {
  const install = search.platform === 'linux' && debianLike ? 'sudo apt-get install chromium' : 'npx puppeteer browsers install chrome';
  return `Install one with \`${install}\`, or set CHROME_PATH to a Chromium or Chrome for Testing binary.`;
}

function isDebianLike(): boolean {
  // Only Debian itself: Ubuntu ships Chromium as a snap, and its apt package is a stub that installs the snap.
  try {
    return /^ID="?debian"?$/m.test(readFileSync('/etc/os-release', 'utf8'));
  } catch {
    return false; // no os-release: not a Linux whose package name we know
  }
}

function paths(search: BrowserSearch): path.PlatformPath {
  return search.platform === 'win32' ? path.win32 : path.posix;
}

function compareBuilds(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
