// The postinstall browser step: fetches Chrome for Testing only when no Chromium is found, and never fails `npm install`.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureBrowser, type Installer } from '../../scripts/ensure-browser';
import type { BrowserSearch } from '../../scripts/browser/find-chromium';

const NO_BROWSER_HERE = '/nowhere/tandem-test-cache';
const noBrowser = (env: BrowserSearch['env'] = {}): BrowserSearch => ({ env: { PUPPETEER_CACHE_DIR: NO_BROWSER_HERE, ...env }, platform: 'freebsd', home: '/nowhere' });

/** An installer double that records what was asked of it. */
function recordingInstaller(behaviour: { reachable?: () => Promise<boolean>; install?: () => Promise<string> } = {}) {
  const calls: string[] = [];
  const installer: Installer = {
    source: 'https://cft.example/chrome-linux64.zip',
    reachable: () => {
      calls.push('reachable');
      return behaviour.reachable?.() ?? Promise.resolve(true);
    },
    install: () => {
      calls.push('install');
      return behaviour.install?.() ?? Promise.resolve('/cache/chrome/linux-1/chrome-linux64/chrome');
    },
  };
  return { installer, calls };
}

function collect() {
  const lines: string[] = [];
  return { lines, log: (line: string) => lines.push(line) };
}

describe('ensureBrowser', () => {
  it('downloads nothing when a Chromium is already there', async () => {
    const { installer, calls } = recordingInstaller();
    const outcome = await ensureBrowser({ search: { env: { CHROME_PATH: process.execPath }, platform: 'linux', home: '/nowhere' }, installer, log: () => {} });
    expect(outcome).toEqual({ status: 'found', path: process.execPath });
    expect(calls).toEqual([]);
  });

  it('fetches Chrome for Testing when none is found', async () => {
    const { installer, calls } = recordingInstaller();
    const { lines, log } = collect();
    const outcome = await ensureBrowser({ exists: () => false, search: noBrowser(), installer, log });
    expect(outcome).toEqual({ status: 'installed', path: '/cache/chrome/linux-1/chrome-linux64/chrome' });
    expect(calls).toEqual(['reachable', 'install']);
    expect(lines.at(-1)).toContain('ready at /cache/chrome/linux-1/chrome-linux64/chrome');
  });

  it('goes on without a browser when the network refuses, naming the command that fixes it', async () => {
    const { installer } = recordingInstaller({ install: () => Promise.reject(new Error('getaddrinfo ENOTFOUND storage.googleapis.com')) });
    const { lines, log } = collect();
    const outcome = await ensureBrowser({ exists: () => false, search: noBrowser(), installer, log });
    expect(outcome).toEqual({ status: 'failed', reason: 'getaddrinfo ENOTFOUND storage.googleapis.com' });
    expect(lines.at(-1)).toMatch(/could not download Chrome for Testing \(getaddrinfo ENOTFOUND.*Install one with `npx puppeteer browsers install chrome`, or set CHROME_PATH/);
  });

  it('gives up quickly on a host that never answers', async () => {
    const { installer, calls } = recordingInstaller({ reachable: () => new Promise(() => {}) });
    const { lines, log } = collect();
    const started = Date.now();
    const outcome = await ensureBrowser({ exists: () => false, search: noBrowser(), installer, log, probeTimeoutMs: 100 });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(outcome.status).toBe('failed');
    expect(lines.at(-1)).toContain('https://cft.example/chrome-linux64.zip did not answer within 100 ms');
    expect(calls).toEqual(['reachable']);
  });

  it.each([
    [{ CI: 'true' }, 'running in CI'],
    [{ TANDEM_SKIP_BROWSER_DOWNLOAD: '1' }, 'TANDEM_SKIP_BROWSER_DOWNLOAD is set'],
    [{ PUPPETEER_SKIP_DOWNLOAD: 'true' }, 'PUPPETEER_SKIP_DOWNLOAD is set'],
  ])('downloads nothing when %j', async (env, reason) => {
    const { installer, calls } = recordingInstaller();
    const { lines, log } = collect();
    expect(await ensureBrowser({ exists: () => false, search: noBrowser(env), installer, log })).toEqual({ status: 'skipped', reason });
    expect(calls).toEqual([]);
    expect(lines.join('\n')).toContain('set CHROME_PATH');
  });

  it('still downloads when such a variable says no', async () => {
    const { installer, calls } = recordingInstaller();
    await ensureBrowser({ exists: () => false, search: noBrowser({ CI: 'false', TANDEM_SKIP_BROWSER_DOWNLOAD: '0' }), installer, log: () => {} });
    expect(calls).toEqual(['reachable', 'install']);
  });

  it('leaves a wrong CHROME_PATH to the user rather than fetching another browser', async () => {
    const { installer, calls } = recordingInstaller();
    const { lines, log } = collect();
    const outcome = await ensureBrowser({ exists: () => false, search: noBrowser({ CHROME_PATH: '/opt/typo/chrome' }), installer, log });
    expect(outcome.status).toBe('skipped');
    expect(calls).toEqual([]);
    expect(lines.join('\n')).toContain('CHROME_PATH is set to /opt/typo/chrome');
  });
});

describe('scripts/ensure-browser.ts as npm runs it', () => {
  let cacheDir: string | undefined;
  afterEach(async () => {
    if (cacheDir) await rm(cacheDir, { recursive: true, force: true });
  });

  function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string; ms: number }> {
    const started = Date.now();
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/ensure-browser.ts', ...args], {
      env: { ...process.env, CI: '', TANDEM_SKIP_BROWSER_DOWNLOAD: '', PUPPETEER_SKIP_DOWNLOAD: '', ...env },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    return new Promise((done) => child.on('close', (code) => done({ code, output, ms: Date.now() - started })));
  }

  /** A port on this machine that refuses connections: a download host out of reach, without touching the network. */
  async function refusedPort(): Promise<number> {
    const server = createServer();
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    const address = server.address();
    await new Promise((closed) => server.close(closed));
    if (!address || typeof address === 'string') throw new Error('no port');
    return address.port;
  }

  it('exits 0 quickly with the fix when the download host cannot be reached', async () => {
    cacheDir = await mkdtemp(join(tmpdir(), 'tandem-puppeteer-cache-'));
    const port = await refusedPort();
    // --force: this machine may well have a Chromium, and the download is what is under test.
    const { code, output, ms } = await run(['--force'], { PUPPETEER_CACHE_DIR: cacheDir, PUPPETEER_CHROME_DOWNLOAD_BASE_URL: `http://127.0.0.1:${port}` });
    expect({ code, output }).toMatchObject({ code: 0 });
    expect(output).toContain(`could not download Chrome for Testing (http://127.0.0.1:${port}/`);
    expect(output).toMatch(/Install one with `[^`]+`, or set CHROME_PATH/);
    expect(ms).toBeLessThan(20_000);
  });

  it('exits 0 without downloading in CI', async () => {
    const { code, output } = await run(['--force'], { CI: 'true', PUPPETEER_CHROME_DOWNLOAD_BASE_URL: 'http://127.0.0.1:9' });
    expect({ code, output }).toMatchObject({ code: 0 });
    expect(output).toContain('running in CI, so none is downloaded');
  });
});
