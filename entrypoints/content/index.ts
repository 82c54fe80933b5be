import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createExecutor } from '../../lib/actions/executor';
import { validateAction } from '../../lib/actions/validate';
import { readSection } from '../../lib/capture/read-section';
import { contentInputs } from '../../lib/messaging/content-inputs';
import { RejectedMessageError, serializeError } from '../../lib/messaging/errors';
import type { ContentHandlers, ContentMessageName, Envelope, Reply } from '../../lib/messaging/protocol';
import { firstProblem } from '../../lib/schema/problems';
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

    const handlers: ContentHandlers = {
      'context-capture': async (input) => {
        githubHosts = input.githubHosts;
        return captureLivePage(githubHosts, captureTimings);
      },
      'section-read': async (input) => readSection(document, input.section.slice(0, 300)),
      'action-execute': async (input) => executor.execute(checked(input.action)),
      'action-preview': async (input) => {
        if (input.action === null) {
          executor.clearPreview();
          return { ok: true, message: 'Cleared' };
        }
        return executor.preview(checked(input.action));
      },
      'action-undo': async (input) => executor.undo(input.undoToken),
      'check-logs-read': readCheckLogsHere,
    };

    // Only the background may ask (it has no tab); pages and other extensions cannot reach this listener.
    browser.runtime.onMessage.addListener((message: unknown, sender) => {
      const envelope = message as Envelope;
      if (envelope?.channel !== 'tandem' || sender.id !== browser.runtime.id || sender.tab) return undefined;
      if (!Object.hasOwn(handlers, envelope.name)) return undefined;
      const name = envelope.name as ContentMessageName;
      const input = contentInputs[name].safeParse(envelope.input);
      if (!input.success) {
        const rejected = new RejectedMessageError(`"${name}" has malformed input: ${firstProblem(input.error)}`);
        return Promise.resolve<Reply<unknown>>({ ok: false, error: serializeError(rejected) });
      }
      // The schema for `name` made `input.data`, so it is the input that name's handler takes.
      const handler = handlers[name] as (input: unknown) => Promise<unknown>;
      return handler(input.data).then(
        (value): Reply<unknown> => ({ ok: true, value }),
        (error: unknown): Reply<unknown> => ({ ok: false, error: serializeError(error) }),
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
