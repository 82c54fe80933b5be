// Typed one-shot messages: to the background from any context, and from the background to a tab.
import { browser } from 'wxt/browser';
import type { BackgroundMessageName, BackgroundProtocol, ContentMessageName, ContentProtocol, Envelope, Reply } from './protocol';
import { RemoteError } from './errors';

function unwrap<Output>(reply: unknown, name: string): Output {
  const typed = reply as Reply<Output> | undefined;
  if (!typed || typeof typed !== 'object') throw new RemoteError('NoReplyError', `No reply to "${name}"`);
  if (!typed.ok) throw new RemoteError(typed.error.name, typed.error.message);
  return typed.value;
}

export async function sendToBackground<Name extends BackgroundMessageName>(
  name: Name,
  input: BackgroundProtocol[Name]['input'],
): Promise<BackgroundProtocol[Name]['output']> {
  const envelope: Envelope<Name> = { channel: 'tandem', name, input };
  return unwrap(await browser.runtime.sendMessage(envelope), name);
}

export async function sendToTab<Name extends ContentMessageName>(
  tabId: number,
  name: Name,
  input: ContentProtocol[Name]['input'],
): Promise<ContentProtocol[Name]['output']> {
  const envelope: Envelope<Name> = { channel: 'tandem', name, input };
  return unwrap(await browser.tabs.sendMessage(tabId, envelope, { frameId: 0 }), name);
}
