// The background's one message router: a handler per protocol name, each run only for its allowed sender.
import type { BackgroundMessageName, BackgroundProtocol, Envelope, Reply } from './protocol';
import { backgroundSenders } from './protocol';
import { RejectedMessageError, serializeError } from './errors';
import { senderRole, type ExtensionIdentity, type SenderInfo } from './sender-role';

export interface HandlerContext {
  sender: SenderInfo;
  /** The tab of a content-script sender. */
  tabId?: number;
}

export type BackgroundHandlers = {
  [Name in BackgroundMessageName]: (
    input: BackgroundProtocol[Name]['input'],
    context: HandlerContext,
  ) => Promise<BackgroundProtocol[Name]['output']> | BackgroundProtocol[Name]['output'];
};

export type InputGuards = { [Name in BackgroundMessageName]: (input: unknown) => input is BackgroundProtocol[Name]['input'] };

export function isEnvelope(message: unknown): message is Envelope {
  if (typeof message !== 'object' || message === null) return false;
  const candidate = message as Partial<Envelope>;
  return candidate.channel === 'tandem' && typeof candidate.name === 'string';
}

/**
 * Routes one message. Returns undefined for messages that are not Tandem's (so other listeners may answer),
 * otherwise a Reply: a rejected sender or malformed input is an error reply, never a handler call.
 */
export async function routeBackgroundMessage(
  message: unknown,
  sender: SenderInfo,
  self: ExtensionIdentity,
  handlers: BackgroundHandlers,
  guards: InputGuards,
): Promise<Reply<unknown> | undefined> {
  if (!isEnvelope(message)) return undefined;
  const name = message.name as BackgroundMessageName;
  if (!Object.hasOwn(backgroundSenders, name)) {
    return { ok: false, error: { name: 'RejectedMessageError', message: `Unknown message "${message.name}"` } };
  }
  const role = senderRole(sender, self);
  if (role !== backgroundSenders[name]) {
    return { ok: false, error: serializeError(new RejectedMessageError(`"${name}" is not accepted from this sender`)) };
  }
  if (!guards[name](message.input)) {
    return { ok: false, error: serializeError(new RejectedMessageError(`"${name}" has malformed input`)) };
  }
  try {
    const handler = handlers[name] as (input: unknown, context: HandlerContext) => unknown;
    const value = await handler(message.input, { sender, tabId: role === 'content' ? sender.tab?.id : undefined });
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: serializeError(error) };
  }
}
