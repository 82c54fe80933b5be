// Decides who sent a message from what the browser says about the sender, never from the message.
import type { SenderRole } from './protocol';

export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number };
  frameId?: number;
}

export interface ExtensionIdentity {
  id: string;
  /** The extension's own origin, e.g. chrome-extension://<id> (no trailing slash). */
  origin: string;
}

/**
 * 'extension' for our own pages (side panel, options), 'content' for our content script in a tab's
 * top frame, null for anything else (other extensions, sub-frames, unknown senders).
 */
export function senderRole(sender: SenderInfo, self: ExtensionIdentity): SenderRole | null {
  if (sender.id !== self.id) return null;
  const url = sender.url ?? sender.origin ?? '';
  if (originOf(url) === self.origin) return 'extension';
  // Content scripts only report from the top frame: a sub-frame is another site's document.
  if (typeof sender.tab?.id === 'number' && sender.frameId === 0) return 'content';
  return null;
}

function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null; // an unparsable sender URL is simply not our origin
  }
}
