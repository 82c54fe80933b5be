import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { testConnection } from '../../lib/agent/client';
import { isEnvelope, routeBackgroundMessage, type BackgroundHandlers } from '../../lib/messaging/background-router';
import { backgroundGuards, isPageReading } from '../../lib/messaging/guards';
import { RejectedMessageError } from '../../lib/messaging/errors';
import { sendToTab } from '../../lib/messaging/send';
import type { SenderInfo } from '../../lib/messaging/sender-role';
import { runScript } from '../../lib/sandbox/run-script';
import { sandboxInputFromContext } from '../../lib/sandbox/sandbox-input';
import { setSandboxWasmLocation } from '../../lib/sandbox/wasm-location';
import { deleteConversation, latestConversationFor, listConversations, loadConversation, updateConversation } from '../../lib/storage/conversations';
import { withProposalDecision } from '../../lib/conversation/merge-turns';
import { getSkill, SKILL_LIMITS } from '../../lib/skills/index';
import { DEFAULT_SETTINGS, modelSource, readSettings, settingsItem } from '../../lib/storage/settings';
import { syncLocalEndpointOriginRule } from './ollama-origin';
import { acceptPanelPorts, isWatched, pushTabView } from './panel-ports';
import { putHelpRequest, takeHelpRequest } from './help-requests';
import { openPanelFor, toggleSidebarOnToolbarClick } from './open-panel';
import { acceptRunPorts, settleInterruptedTurns } from './runs';
import { runApprovedProposal } from './approved-actions';
import { preloadSandboxQuietly } from './sandbox-preload';
import { finishCapture } from './finish-capture';
import { keepLocalStorageFromContentScripts } from './storage-access';
import { forgetTab, getTabView, putTabView, rememberTabView } from './tab-store';
import { buildTabView, carriedOver, keptFrom, sharedContext, withCardAccepted, type CarriedOver } from './tab-views';
import { cancelPrefetch, prefetchTopCard } from './prefetch';
import { contextForSkill } from './check-logs';
import { showSuggestionCount } from './badge';
import { recordFeedback } from '../../lib/suggest/index';
import { feedbackItem } from '../../lib/storage/feedback';
import type { PageContext } from '../../lib/context/types';
import type { TabView } from '../../lib/messaging/protocol';
import { redactedQuote } from '../../lib/in-page-help/requests';
import { userSkillsItem } from '../../lib/storage/user-skills';
import { isUserSkillId } from '../../lib/user-skills/types';
import { deleteUserSkill, importSettingsFile, saveUserSkill, skillChoicesFor, skillFinder, userSkillCardRules } from './user-skills';

export default defineBackground(() => {
  const self = { id: browser.runtime.id, origin: new URL(browser.runtime.getURL('/')).origin };
  setSandboxWasmLocation(new URL('quickjs.wasm', browser.runtime.getURL('/')).href);

  const handlers = {
    async 'content-ready'({ url }, { tabId }) {
      const settings = await readSettings();
      const host = new URL(url).host.toLowerCase();
      const ambient = settings.proactivity !== 'off' && [...settings.ambientHosts, ...settings.githubHosts].includes(host);
      const github = host === 'github.com' || settings.githubHosts.includes(host);
      const capture = ambient || (tabId !== undefined && isWatched(tabId));
      // While the page reads itself this worker waits: load and warm the sandbox engine meanwhile (after
      // this reply), so a card accepted at once does not wait for it.
      if (capture) setTimeout(preloadSandboxQuietly, 0);
      return { capture, githubHosts: settings.githubHosts, inPageHelp: settings.inPageHelp && github, captureTimings: settings.captureTimings };
    },
    async 'context-update'({ reading }, { tabId }) {
      if (tabId === undefined) return { accepted: false };
      await publish(tabId, await finishCapture(reading));
      // Usually loaded since content-ready already; not if this worker was restarted in between.
      preloadSandboxQuietly();
      return { accepted: true };
    },
    'tab-view-get': ({ tabId }) => getTabView(tabId),
    async 'script-rerun'({ tabId, code, skill }) {
      const view = await getTabView(tabId);
      if (!view) return { ok: false, error: 'NoPageError: Tandem has not read this tab yet', logs: [], ms: 0 };
      // A skill's trail runs again under the limits it first ran with.
      const limits = skill !== undefined && (getSkill(skill) !== undefined || isUserSkillId(skill)) ? SKILL_LIMITS : {};
      // A skill that goes and looks (pr-checks) looks again: the re-run is on the page as it is now.
      const context = skill !== undefined ? await contextForSkill(tabId, sharedContext(view), skill) : sharedContext(view);
      return runScript(code, sandboxInputFromContext(context), limits);
    },
    async 'proposal-update'({ conversationId, turnId, callId, decision }) {
      const updated = await updateConversation(conversationId, (stored) => (stored ? withProposalDecision(stored, turnId, callId, decision) : null));
      return { saved: updated !== null };
    },
    'conversation-list': () => listConversations(),
    async 'conversation-get'({ id }) {
      const conversation = await loadConversation(id);
      return conversation ? settleInterruptedTurns(conversation) : null;
    },
    'conversation-delete': ({ id }) => deleteConversation(id),
    async 'provider-test'({ provider }) {
      // A local server (Ollama) refuses the extension's Origin: the rule must be in place before the first request.
      await syncLocalEndpointOriginRule(provider);
      const result = await testConnection(provider);
      await syncLocalEndpointOriginRule((await readSettings()).provider);
      return result;
    },
    'action-execute': ({ tabId, proposal }) => runApprovedProposal(tabId, proposal),
    'action-preview': ({ tabId, action }) => sendToTab(tabId, 'action-preview', { action }),
    'action-undo': ({ tabId, undoToken }) => sendToTab(tabId, 'action-undo', { undoToken }),
    async 'suggestion-feedback'({ tabId, suggestionId, verdict }) {
      const view = await getTabView(tabId);
      const card = view?.suggestions.find((suggestion) => suggestion.id === suggestionId);
      if (!view || !card) return;
      // An accepted card leaves the deck (and the badge's count) for this page; its answer is in the
      // conversation. Shown before the feedback is written, so no re-capture can come in between.
      if (verdict === 'accept') await show(withCardAccepted(view, card));
      await feedbackItem.setValue(recordFeedback(await feedbackItem.getValue(), view.context.kind, card.rule, verdict));
      if (verdict === 'dismiss') await publish(tabId, view.context, { ...keptFrom(view), dismissed: [...view.dismissed, card.id] });
    },
    async 'context-exclude'({ tabId, section, excluded }) {
      const view = await getTabView(tabId);
      if (!view) return null;
      const next = excluded ? [...new Set([...view.excluded, section])] : view.excluded.filter((id) => id !== section);
      return publish(tabId, view.context, { ...keptFrom(view), excluded: next });
    },
    // In-page help: open the panel while the click's gesture lasts (before any await), then leave it the request.
    async 'help-open'({ request }, { tabId }) {
      if (tabId === undefined) throw new RejectedMessageError('"help-open" comes only from a tab');
      const opened = openPanelFor(tabId);
      // The content script masks secrets in the text it quotes; masked again here, so no page text
      // reaches the model through this door unredacted, whatever sent it.
      await putHelpRequest(tabId, 'ask' in request && request.quote ? { ...request, quote: redactedQuote(request.quote) } : request);
      // A panel already open on this tab takes the request when it next receives the tab's view.
      const view = await getTabView(tabId);
      if (view) pushTabView(tabId, view);
      return { opened: await opened };
    },
    'help-take': ({ tabId }) => takeHelpRequest(tabId),
    async 'skill-list'({ tabId }) {
      const view = await getTabView(tabId);
      return view ? skillChoicesFor(view.context) : [];
    },
    'user-skill-save': ({ skill }) => saveUserSkill(skill),
    'user-skill-delete': ({ id }) => deleteUserSkill(id),
    'settings-import': ({ text }) => importSettingsFile(text),
  } satisfies BackgroundHandlers;

  /** Stores a tab's new capture with its cards, updates the badge and any panel watching the tab. */
  async function publish(tabId: number, context: PageContext, kept?: CarriedOver) {
    const [settings, feedback, carried, extraRules] = await Promise.all([
      readSettings(),
      feedbackItem.getValue(),
      kept ?? getTabView(tabId).then((previous) => carriedOver(previous, context)),
      userSkillCardRules(),
    ]);
    const view = buildTabView(tabId, context, {
      tokenBudget: settings.tokenBudget,
      proactive: settings.proactivity !== 'off',
      modelAvailable: modelSource(settings) !== null,
      feedback,
      extraRules,
      ...carried,
    });
    await show(view);
    if (settings.proactivity === 'prefetch') {
      prefetchTopCard({ tabId, context: sharedContext(view), card: view.suggestions[0], provider: settings.provider, tokenBudget: settings.tokenBudget, findSkill: await skillFinder() });
    }
    return view;
  }

  /** Makes the view its tab's current one: the panel watching the tab, the badge, then session storage. */
  async function show(view: TabView) {
    // Session storage serialises a big capture on this thread, which takes longer than everything else
    // here: the panel and the badge hear of the new cards first, from the view kept in memory.
    rememberTabView(view);
    pushTabView(view.tabId, view);
    await showSuggestionCount(view.tabId, view.suggestions.length);
    await putTabView(view);
  }

  /**
   * Adding or removing the provider changes which cards can work (questions need the model), and
   * proactivity whether there are cards at all: every read tab gets its cards again from its capture.
   */
  async function republishAll() {
    for (const tab of await browser.tabs.query({})) {
      const view = tab.id === undefined ? null : await getTabView(tab.id);
      if (view) await publish(view.tabId, view.context, keptFrom(view));
    }
  }

  // Every listener is registered synchronously so a woken service worker sees the event that woke it.
  browser.runtime.onMessage.addListener((message, sender) => {
    // Not ours: leave it unanswered (undefined) rather than claiming it with a promise.
    if (!isEnvelope(message)) return undefined;
    return routeBackgroundMessage(message, sender as SenderInfo, self, handlers, backgroundGuards);
  });

  acceptPanelPorts(self.origin, {
    async onWatch(tabId) {
      // An open panel is where scripts are asked for and re-run: a worker restarted since the page was read
      // loads its engine again now, not on the first re-run.
      preloadSandboxQuietly();
      const existing = await getTabView(tabId);
      if (existing) return existing;
      return captureNow(tabId);
    },
    async conversationFor(view) {
      const openTabIds = new Set((await browser.tabs.query({})).flatMap((tab) => (tab.id === undefined ? [] : [tab.id])));
      const conversation = await latestConversationFor(view.context.url, view.tabId, openTabIds);
      return conversation ? settleInterruptedTurns(conversation) : null;
    },
  });
  acceptRunPorts(self.origin);

  void keepLocalStorageFromContentScripts();
  void readSettings().then((settings) => syncLocalEndpointOriginRule(settings.provider));
  settingsItem.watch((settings, previous) => {
    void syncLocalEndpointOriginRule(settings?.provider ?? null);
    const sourceOf = (stored: typeof settings) => modelSource({ ...DEFAULT_SETTINGS, ...stored });
    const cardsChange = sourceOf(settings) !== sourceOf(previous) || settings?.proactivity !== previous?.proactivity;
    if (cardsChange) republishAll().catch((error: unknown) => console.error('Tandem: cards not updated after a settings change', error));
  });

  // A skill saved, edited, disabled or deleted changes which cards each read page offers.
  userSkillsItem.watch(() => {
    republishAll().catch((error: unknown) => console.error('Tandem: cards not updated after a saved skill changed', error));
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    cancelPrefetch(tabId);
    void forgetTab(tabId);
  });
  // A full navigation makes the old capture wrong; the content script of the new page reports afresh.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading' && change.url) {
      cancelPrefetch(tabId);
      void forgetTab(tabId);
    }
  });

  async function captureNow(tabId: number) {
    try {
      const settings = await readSettings();
      const reading: unknown = await sendToTab(tabId, 'context-capture', { githubHosts: settings.githubHosts });
      // Checked as a content script's message is: the page's renderer is not trusted.
      if (!isPageReading(reading)) throw new TypeError('the tab answered with something that is not a page reading');
      return await publish(tabId, await finishCapture(reading));
    } catch (error) {
      // No content script in that tab (a browser page, the Web Store, or a tab opened before install).
      console.info(`Tandem: tab ${tabId} cannot be read:`, error);
      return null;
    }
  }

  toggleSidebarOnToolbarClick();
  if (browser.sidePanel) {
    browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch((error: unknown) => {
      console.error('Tandem: could not make the toolbar button open the side panel', error);
    });
  }
});
