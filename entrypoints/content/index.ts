import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createExecutor } from '../../lib/actions/executor';
import { validateAction } from '../../lib/actions/validate';
import { readSection } from '../../lib/capture/read-section';
import { isRecord } from '../../lib/messaging/guards';
import type { ContentMessageName, Envelope, Reply } from '../../lib/messaging/protocol';
import { sendToBackground } from '../../lib/messaging/send';
import { readCheckLogsHere } from './check-logs';
import { startInPageHelp } from './in-page-help/index';
import { captureLivePage } from './page-capture';
import { watchNavigation } from './watch-navigation';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  // As soon as the DOM is parsed, not after the page's images: cards then appear about when the page does.
  // What the page's scripts render later reaches Tandem through watchNavigation's re-capture.
  runAt: 'document_end',
  async main(ctx) {
    let githubHosts: string[] = [];
    let captureTimings = false;
    // Runs only actions the background forwards after the user's click in the panel; checked again here.
    const executor = createExecutor(document);
    ctx.onInvalidated(() => executor.clearPreview());
    // Buttons inside GitHub's pages (entrypoints/content/in-page-help); on or off per the background's reply.
    const inPageHelp = startInPageHelp(ctx);
    const checked = (value: unknown) => {
      const result = validateAction(value, { document });
      if (!result.ok) throw new TypeError(result.error);
      return result.action;
    };

    const handlers: { [Name in ContentMessageName]: (input: Record<string, unknown>) => Promise<unknown> } = {
      'context-capture': async (input) => {
        if (Array.isArray(input.githubHosts)) githubHosts = input.githubHosts.filter((host): host is string => typeof host === 'string');
        return captureLivePage(githubHosts, captureTimings);
      },
      'section-read': async (input) => readSection(document, typeof input.section === 'string' ? input.section.slice(0, 300) : ''),
      'action-execute': async (input) => executor.execute(checked(input.action)),
      'action-preview': async (input) => {
        if (input.action === null) {
          executor.clearPreview();
          return { ok: true, message: 'Cleared' };
        }
        return executor.preview(checked(input.action));
      },
      'action-undo': async (input) => executor.undo(String(input.undoToken)),
      'check-logs-read': readCheckLogsHere,
    };

    // Only the background may ask (it has no tab); pages and other extensions cannot reach this listener.
    browser.runtime.onMessage.addListener((message: unknown, sender) => {
      const envelope = message as Envelope;
      if (envelope?.channel !== 'tandem' || sender.id !== browser.runtime.id || sender.tab) return undefined;
      if (!Object.hasOwn(handlers, envelope.name) || !isRecord(envelope.input)) return undefined;
      const handler = handlers[envelope.name as ContentMessageName];
      return handler(envelope.input).then(
        (value): Reply<unknown> => ({ ok: true, value }),
        (error: unknown): Reply<unknown> => ({ ok: false, error: { name: error instanceof Error ? error.name : 'Error', message: String(error) } }),
      );
    });

    const report = async () => {
      const answer = await sendToBackground('content-ready', { url: location.href });
      githubHosts = answer.githubHosts;
      captureTimings = answer.captureTimings;
      try {
        if (answer.capture && !ctx.isInvalid) await sendToBackground('context-update', { reading: await captureLivePage(githubHosts, captureTimings) });
      } finally {
        // After the capture: placing the buttons lays out the page, and the first card need not wait for it.
        inPageHelp.setEnabled(answer.inPageHelp);
      }
    };
    const reportQuietly = () => report().catch((error: unknown) => console.debug('Tandem: capture not sent', error));
    // Watching starts before the first report: what the page renders while it is read is a change too.
    watchNavigation(ctx, () => void reportQuietly());
    await reportQuietly();
  },
});
