// The one protocol between Tandem's contexts: every message name, who may send it, and its input/output.
// Types only (plus the name lists the sender checks need), so every context can import it.
import type { PageContext } from '../context/types';

/** Who sent a message, decided from the browser's `sender`, never from the message itself. */
export type SenderRole = 'content' | 'extension';

/** What the panel shows about one tab. Built by the background from the latest capture. */
export interface TabView {
  tabId: number;
  context: PageContext;
  /** Tokens of the serialised context the model would receive. */
  tokens: number;
}

/** Messages to the background through runtime.sendMessage. */
export interface BackgroundProtocol {
  'content-ready': { from: 'content'; input: { url: string }; output: { capture: boolean; githubHosts: string[] } };
  'context-update': { from: 'content'; input: { context: PageContext }; output: { accepted: boolean } };
  'tab-view-get': { from: 'extension'; input: { tabId: number }; output: TabView | null };
}

/** Messages from the background to a tab's content script through tabs.sendMessage. */
export interface ContentProtocol {
  'context-capture': { from: 'extension'; input: Record<string, never>; output: PageContext };
}

export type BackgroundMessageName = keyof BackgroundProtocol;
export type ContentMessageName = keyof ContentProtocol;

export const backgroundSenders: { [Name in BackgroundMessageName]: BackgroundProtocol[Name]['from'] } = {
  'content-ready': 'content',
  'context-update': 'content',
  'tab-view-get': 'extension',
};

export const contentSenders: { [Name in ContentMessageName]: ContentProtocol[Name]['from'] } = {
  'context-capture': 'extension',
};

/** The envelope every one-shot message travels in; `channel` keeps Tandem's messages apart from anyone else's. */
export interface Envelope<Name extends string = string> {
  channel: 'tandem';
  name: Name;
  input: unknown;
}

export type Reply<Output> = { ok: true; value: Output } | { ok: false, error: { name: string; message: string } };

// ─── The panel's long-lived port ────────────────────────────────────────────

export const PANEL_PORT = 'tandem-panel';

export type PanelToBackground = { type: 'tab-watch'; tabId: number };

export type BackgroundToPanel = { type: 'tab-view'; tabId: number; view: TabView | null };
