import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { Envelope, Reply } from '../../lib/messaging/protocol';
import { sendToBackground } from '../../lib/messaging/send';
import { thinCapture } from './thin-capture';
import { watchNavigation } from './watch-navigation';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main(ctx) {
    const capture = () => thinCapture(document, location.href);

    // The background asks for a capture when a panel opens on this tab, even off the ambient list.
    browser.runtime.onMessage.addListener((message: unknown, sender) => {
      const envelope = message as Envelope;
      if (envelope?.channel !== 'tandem' || sender.id !== browser.runtime.id || sender.tab) return undefined;
      if (envelope.name !== 'context-capture') return undefined;
      const reply: Reply<unknown> = { ok: true, value: capture() };
      return Promise.resolve(reply);
    });

    const report = async () => {
      const { capture: wanted } = await sendToBackground('content-ready', { url: location.href });
      if (wanted && !ctx.isInvalid) await sendToBackground('context-update', { context: capture() });
    };
    await report().catch((error: unknown) => console.debug('Tandem: capture not sent', error));
    watchNavigation(ctx, () => {
      report().catch((error: unknown) => console.debug('Tandem: capture not sent', error));
    });
  },
});
