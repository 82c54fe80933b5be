// Everything one injection run needs, started once: a folder of generated pages served on 127.0.0.1,
// the hijacked model, Chromium with the built Tandem configured to use both, and the network watch.
import { access, cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Page } from 'puppeteer';
import { EXTENSION_DIR, launchTandem, type TandemBrowser } from '../../scripts/browser/launch';
import { startFixtureServer, type FixtureServer } from '../../scripts/browser/fixture-server';
import { startHijackedModel, type HijackedModel } from './hijacked-model';
import { watchNetwork, type NetworkWatch } from './network-watch';

export interface InjectionRig {
  tandem: TandemBrowser;
  site: FixtureServer;
  /** The same server under the name localhost: a site that is not a GitHub host (docs pages). */
  docsOrigin: string;
  model: HijackedModel;
  watch: NetworkWatch;
  /** The API key Tandem is configured with: it must never reach a page. */
  apiKey: string;
  writePages(files: Record<string, string>): Promise<void>;
  /** A new tab, watched before it loads anything. */
  openWatched(url: string): Promise<Page>;
  close(): Promise<void>;
}

export async function startRig(options: { extensionDir?: string } = {}): Promise<InjectionRig> {
  const root = await mkdtemp(join(tmpdir(), 'tandem-injection-'));
  const pages = join(root, 'pages');
  await mkdir(pages);
  const apiKey = 'sk-test-injection-0000';
  const site = await startFixtureServer(pages);
  const model = await startHijackedModel({ apiKey });
  const docsOrigin = site.origin.replace('127.0.0.1', 'localhost');
  const tandem = await launchTandem({ extensionDir: await privateCopy(options.extensionDir ?? EXTENSION_DIR, root) });
  const watch = await watchNetwork(tandem.browser);
  await tandem.configure({
    githubHosts: [site.host],
    ambientHosts: ['github.com', site.host, new URL(docsOrigin).host],
    provider: { baseUrl: model.llm.url, apiKey, model: 'fake-model' },
  });
  return {
    tandem,
    site,
    docsOrigin,
    model,
    watch,
    apiKey,
    async writePages(files) {
      for (const [path, content] of Object.entries(files)) {
        const target = join(pages, path);
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, content);
      }
    },
    async openWatched(url) {
      const page = await tandem.browser.newPage();
      await watch.ready(page);
      await page.goto(url);
      return page;
    },
    async close() {
      await watch.close();
      await tandem.close();
      await site.close();
      await model.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

export class ExtensionBuildError extends Error {
  override name = 'ExtensionBuildError';
}

/**
 * Others rebuild .output while this suite runs; a copy of its own keeps the loaded extension whole.
 * A copy taken in the middle of someone's build misses files, so it is checked and retried.
 */
async function privateCopy(source: string, root: string): Promise<string> {
  const target = join(root, 'extension');
  for (let attempt = 1; attempt <= 10; attempt++) {
    await rm(target, { recursive: true, force: true });
    await cp(source, target, { recursive: true }).catch((error: unknown) => console.warn(`injection: copying the build failed (${String(error)}), retrying`));
    const complete = await Promise.all(['manifest.json', 'background.js', 'sidepanel.html', 'content-scripts/content.js', 'quickjs.wasm'].map((file) =>
      access(join(target, file)).then(() => true, () => false)));
    if (complete.every(Boolean)) return target;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new ExtensionBuildError(`${source} has no complete build; run npm run build`);
}
