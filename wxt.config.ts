import { createRequire } from 'node:module';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { writeSandboxScripts } from './scripts/build-sandbox-scripts';

const require = createRequire(import.meta.url);

/**
 * Emscripten's loader names its .wasm with `new URL(…, import.meta.url)`, which the service worker's
 * bundle would inline as 670 KB of base64 that is never used: the worker loads quickjs.wasm from the
 * extension (lib/sandbox/wasm-location.ts), so that fallback is cut from the loader.
 */
function withoutInlinedQuickjsWasm(): Plugin {
  const fallback = '(new URL("emscripten-module.wasm",import.meta.url)).href';
  return {
    name: 'tandem:without-inlined-quickjs-wasm',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('quickjs-wasmfile-release-sync') || !code.includes(fallback)) return null;
      return { code: code.replaceAll(fallback, '"quickjs.wasm"'), map: null };
    },
  };
}

/**
 * The panel shows text a hijacked model wrote. Whatever markup slips past the sanitiser, this policy is
 * what keeps it from loading anything: images only from the extension or inline, no media, frames,
 * objects, fonts or styles from elsewhere, no form posts. Network requests (connect-src) reach only
 * what the service worker's model client needs: the provider the user types in Settings, which may be
 * any https host or a plain-http server on the user's own network (Ollama, LM Studio).
 * The service worker runs under the same policy.
 */
export const EXTENSION_PAGES_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "child-src 'none'",
  "worker-src 'self'",
  "connect-src 'self' https: http:",
  "form-action 'none'",
  "base-uri 'none'",
].join('; ');

// Tandem's extension build. Manifest fields that WXT cannot infer from entrypoints live here.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  hooks: {
    // The prelude and the skills' scripts run in the sandbox as text built from their TypeScript: always
    // rebuilt, so a build never ships text older than its sources.
    'build:before': async () => {
      await writeSandboxScripts();
    },
    // The sandbox's QuickJS engine: shipped as a file of the extension, loaded by the service worker.
    'build:publicAssets': (_wxt, files) => {
      files.push({
        absoluteSrc: require.resolve('@jitl/quickjs-wasmfile-release-sync/wasm'),
        relativeDest: 'quickjs.wasm',
      });
    },
  },
  vite: () => ({ plugins: [preact(), withoutInlinedQuickjsWasm()] }),
  // The sources zip for addons.mozilla.org: what builds the add-on, not screenshots and scratch files of test runs.
  zip: { excludeSources: ['test-results/**', 'coverage/**'] },
  manifest: ({ browser }) => ({
    name: 'Tandem',
    description: 'An ambient AI teammate: sees the page you see, offers what you would want done, shows its work.',
    // Firefox has no sidePanel API (its panel is the sidebar_action below) and rejects the permission.
    permissions: ['storage', ...(browser === 'firefox' ? [] : ['sidePanel']), 'tabs', 'activeTab', 'scripting', 'declarativeNetRequest', 'clipboardWrite'],
    // Local model servers (Ollama, LM Studio) on any port: needed to strip the Origin header Ollama refuses.
    host_permissions: ['https://github.com/*', 'http://localhost/*', 'http://127.0.0.1/*', 'http://[::1]/*'],
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    action: { default_title: 'Open Tandem' },
    // The toolbar button opens the side panel, so its command is the panel's keyboard shortcut; Firefox's
    // own command for that is opening the sidebar (`_execute_action` means nothing to a Manifest V2 add-on).
    commands: {
      [browser === 'firefox' ? '_execute_sidebar_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+T' }, description: 'Open the Tandem side panel',
      },
    },
    content_security_policy: { extension_pages: EXTENSION_PAGES_POLICY },
    ...(browser === 'firefox'
      ? {
          sidebar_action: { default_panel: 'sidepanel.html', default_title: 'Tandem' },
          // WXT drops optional_host_permissions from a Manifest V2 build; GitHub Enterprise hosts are asked for here.
          optional_permissions: ['http://*/*', 'https://*/*'],
          browser_specific_settings: {
            gecko: {
              id: 'tandem@tandem.dev',
              // The first versions that read data_collection_permissions (Firefox 140 ESR; 142 on Android).
              strict_min_version: '140.0',
              // Page content goes to the model provider the user configures (never anywhere else).
              data_collection_permissions: { required: ['websiteContent'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
