// Lets Tandem talk to a model server on this machine or the local network. Ollama (and some proxies)
// answer 403 to any request carrying a chrome-extension:// Origin unless OLLAMA_ORIGINS is set, so for
// exactly that server, and only for requests Tandem itself makes, the Origin header is removed.
import { browser, type Browser } from 'wxt/browser';
import { localEndpointOrigin } from '../../lib/storage/settings';

/** One rule at most, so a fixed id replaces it in place. */
export const LOCAL_ENDPOINT_RULE_ID = 1;

type Rule = Browser.declarativeNetRequest.Rule;

/** The rule that strips `Origin` from Tandem's requests to a local provider, or null for any other provider. */
export function originRuleFor(baseUrl: string, extensionId: string): Rule | null {
  const origin = localEndpointOrigin(baseUrl);
  if (origin === null) return null;
  const { hostname } = new URL(origin);
  return {
    id: LOCAL_ENDPOINT_RULE_ID,
    priority: 1,
    action: {
      type: 'modifyHeaders',
      requestHeaders: [{ header: 'origin', operation: 'remove' }],
    },
    condition: {
      // requestDomains alone would also match other ports of the host; the anchored prefix pins the port.
      urlFilter: `|${origin}/`,
      requestDomains: [hostname],
      initiatorDomains: [extensionId],
      resourceTypes: ['xmlhttprequest', 'other'],
    },
  };
}

/** Installs or removes the rule to match the provider; call at startup and whenever the settings change. */
export async function syncLocalEndpointOriginRule(provider: { baseUrl: string } | null): Promise<void> {
  // The extension's own host: its id in Chrome, a per-profile UUID in Firefox (which rejects the add-on id here).
  const rule = provider ? originRuleFor(provider.baseUrl, new URL(browser.runtime.getURL('/')).host) : null;
  // One atomic update: the old rule (if any) goes and the new one (if any) comes.
  await browser.declarativeNetRequest.updateDynamicRules({
    removeRuleIds: [LOCAL_ENDPOINT_RULE_ID],
    addRules: rule ? [rule] : [],
  });
}
