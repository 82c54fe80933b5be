/// <reference types="chrome" />
// Reads what the background holds for a tab, and says it in plain words for the terminal.
import type { TabView } from '../../lib/messaging/protocol';
import type { TandemBrowser } from './launch';

export async function readTabView(tandem: TandemBrowser, tabId: number): Promise<TabView | null> {
  return tandem.worker.evaluate(async (id) => {
    const key = `tab-view:${id}`;
    const stored = await chrome.storage.session.get(key);
    return (stored[key] as TabView | undefined) ?? null;
  }, tabId);
}

export function describeTabView(view: TabView): string {
  const { context } = view;
  const lines = [
    `  kind:       ${context.kind}`,
    `  title:      ${context.title}`,
    `  tokens:     ${view.tokens} (what the model would receive)`,
    `  redactions: ${context.redactions}`,
  ];
  const facts = Object.entries(context.facts);
  if (facts.length > 0) lines.push(`  facts:      ${facts.map(([name, value]) => `${name}=${String(value)}`).join(', ')}`);
  if (view.suggestions.length > 0) {
    lines.push('', 'Tandem suggests:');
    for (const suggestion of view.suggestions) lines.push(`  • ${suggestion.title} — ${suggestion.why}`);
  }
  return lines.join('\n');
}
