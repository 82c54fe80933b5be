// Finds the Chromium to drive: CHROME_PATH, Debian's /usr/bin/chromium, or a browser puppeteer downloaded itself.
import { existsSync } from 'node:fs';

export class ChromiumNotFoundError extends Error {
  override name = 'ChromiumNotFoundError';
}

export async function findChromium(): Promise<string> {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const candidate of candidates) if (candidate && existsSync(candidate)) return candidate;
  try {
    const puppeteer = await import('puppeteer');
    const bundled = puppeteer.executablePath();
    if (bundled && existsSync(bundled)) return bundled;
  } catch (error) {
    // puppeteer's own browser is optional: fall through to the clear error below.
    void error;
  }
  throw new ChromiumNotFoundError(
    'No Chromium found. Install one (Debian: apt-get install -y chromium) or set CHROME_PATH to a Chrome/Chromium binary.',
  );
}
