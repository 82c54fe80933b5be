// Which browser `npm start` and the end-to-end tests drive, on each OS, and what they say when there is none.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ChromiumNotFoundError, findChromium, howToGetChromium, PINNED_CHROME_BUILD, systemCandidates, type BrowserSearch,
} from '../../scripts/browser/find-chromium';

const linux = (env: BrowserSearch['env'] = {}, home = '/home/ada'): BrowserSearch => ({ env, platform: 'linux', home });
const only = (...present: string[]) => (file: string) => present.includes(file);

let cache: string | undefined;
afterEach(async () => {
  if (cache) await rm(cache, { recursive: true, force: true });
  cache = undefined;
});

/** A puppeteer cache holding Chrome for Testing builds laid out as `npx puppeteer browsers install chrome` leaves them. */
async function cacheWith(...builds: string[]): Promise<{ dir: string; executable: (build: string) => string }> {
  cache = await mkdtemp(join(tmpdir(), 'tandem-puppeteer-cache-'));
  const dir = cache;
  const executable = (build: string) => join(dir, 'chrome', `linux-${build}`, 'chrome-linux64', 'chrome');
  for (const build of builds) {
    await mkdir(dirname(executable(build)), { recursive: true });
    await writeFile(executable(build), '');
  }
  return { dir, executable };
}

describe('findChromium', () => {
  it('takes CHROME_PATH before any installed Chromium', async () => {
    const found = await findChromium(linux({ CHROME_PATH: '/opt/cft/chrome', PUPPETEER_CACHE_DIR: '/nowhere' }), only('/opt/cft/chrome', '/usr/bin/chromium'));
    expect(found).toBe('/opt/cft/chrome');
  });

  it('reports a CHROME_PATH that points nowhere instead of quietly using another browser', async () => {
    const search = findChromium(linux({ CHROME_PATH: '/opt/typo/chrome', PUPPETEER_CACHE_DIR: '/nowhere' }), only('/usr/bin/chromium'));
    await expect(search).rejects.toThrow(ChromiumNotFoundError);
    await expect(search).rejects.toThrow(/CHROME_PATH is set to \/opt\/typo\/chrome, which does not exist/);
  });

  it("prefers Debian's chromium, then other distributions' names, then the snap", async () => {
    expect(systemCandidates(linux())).toEqual(['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium']);
    expect(await findChromium(linux({ PUPPETEER_CACHE_DIR: '/nowhere' }), only('/usr/bin/chromium-browser', '/snap/bin/chromium'))).toBe('/usr/bin/chromium-browser');
  });

  it('knows Chromium and Chrome for Testing on macOS, system-wide before per-user', () => {
    expect(systemCandidates({ env: {}, platform: 'darwin', home: '/Users/ada' })).toEqual([
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Users/ada/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
      '/Users/ada/Applications/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
    ]);
  });

  it('knows Chromium on Windows, per-user install first, with Windows paths', () => {
    const env = { LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local', PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' };
    expect(systemCandidates({ env, platform: 'win32', home: 'C:\\Users\\ada' })).toEqual([
      'C:\\Users\\ada\\AppData\\Local\\Chromium\\Application\\chrome.exe',
      'C:\\Program Files\\Chromium\\Application\\chrome.exe',
      'C:\\Program Files (x86)\\Chromium\\Application\\chrome.exe',
    ]);
  });

  it("falls back to puppeteer's cache, the build puppeteer is pinned to before newer ones", async () => {
    const { dir, executable } = await cacheWith('99.0.1.2', PINNED_CHROME_BUILD, '999.0.0.1');
    const inCache = (file: string) => file.startsWith(dir) && existsSync(file);
    expect(await findChromium(linux({ PUPPETEER_CACHE_DIR: dir }), inCache)).toBe(executable(PINNED_CHROME_BUILD));
    await rm(executable(PINNED_CHROME_BUILD));
    expect(await findChromium(linux({ PUPPETEER_CACHE_DIR: dir }), inCache)).toBe(executable('999.0.0.1'));
  });

  it('uses an installed Chromium before anything in the cache', async () => {
    const { dir } = await cacheWith(PINNED_CHROME_BUILD);
    const found = await findChromium(linux({ PUPPETEER_CACHE_DIR: dir }), (file) => file === '/snap/bin/chromium' || file.startsWith(dir));
    expect(found).toBe('/snap/bin/chromium');
  });

  it('names the command that fixes a machine with no browser', async () => {
    const search = findChromium(linux({ PUPPETEER_CACHE_DIR: '/nowhere' }), only());
    await expect(search).rejects.toThrow(/^No Chromium found\. Install one with `.+`, or set CHROME_PATH/);
    expect(howToGetChromium(linux(), true)).toContain('`sudo apt-get install chromium`');
    expect(howToGetChromium(linux(), false)).toContain('`npx puppeteer browsers install chrome`');
    expect(howToGetChromium({ env: {}, platform: 'darwin', home: '/Users/ada' }, true)).toContain('`npx puppeteer browsers install chrome`');
  });
});

describe('npm start without a browser', () => {
  it('says which browser is missing and exits 1 at once, not hanging on its sample server', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { env: { ...process.env, CHROME_PATH: '/opt/typo/chrome', DISPLAY: '' } });
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect({ code, output }).toEqual({ code: 1, output: expect.stringContaining('ChromiumNotFoundError: CHROME_PATH is set to /opt/typo/chrome') });
  }, 20_000);
});
