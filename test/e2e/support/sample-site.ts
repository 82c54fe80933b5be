// The setup most e2e files share: Tandem in Chromium, the bundled sample site served as a GitHub
// Enterprise host (and read ambiently), and optionally the fake model as the configured provider.
import { mkdir } from 'node:fs/promises';
import { launchTandem, type TandemBrowser } from '../../../scripts/browser/launch';
import { startFixtureServer, type FixtureServer } from '../../../scripts/browser/fixture-server';
import { startFakeLlm, type FakeLlm, type FakeLlmOptions } from '../../fake-llm/server';

export interface SampleSiteOptions {
  /** Starts the fake model and makes it the provider; absent, Tandem runs with no provider. */
  llm?: FakeLlmOptions;
  /** Provider fields besides the fake model's URL and name (apiKey defaults to ''). */
  provider?: { apiKey?: string; stallTimeoutMs?: number };
  /** Further settings, written the way the options page writes them. */
  settings?: Record<string, unknown>;
}

export interface SampleSite {
  tandem: TandemBrowser;
  site: FixtureServer;
  /** The fake model; undefined (despite the type) when the options asked for none, so only tests that pass `llm` use it. */
  llm: FakeLlm;
}

export async function launchOnSampleSite(options: SampleSiteOptions = {}): Promise<SampleSite> {
  await mkdir('test-results', { recursive: true });
  const site = await startFixtureServer('test/fixtures/site');
  let llm: FakeLlm | undefined;
  let tandem: TandemBrowser | undefined;
  try {
    llm = options.llm ? await startFakeLlm(options.llm) : undefined;
    tandem = await launchTandem();
    await tandem.configure({
      githubHosts: [site.host],
      ambientHosts: ['github.com', site.host],
      ...(llm ? { provider: { baseUrl: llm.url, model: 'fake-model', apiKey: '', ...options.provider } } : {}),
      ...options.settings,
    });
  } catch (error) {
    // A browser that fails to start must not leave the servers holding the test process open.
    await closeSampleSite({ tandem, site, llm });
    throw error;
  }
  return { tandem, site, llm: llm as FakeLlm };
}

export async function closeSampleSite(setup: Partial<SampleSite>): Promise<void> {
  await setup.tandem?.close();
  await setup.site?.close();
  await setup.llm?.close();
}
