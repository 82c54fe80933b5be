// The part of capture that needs no page: a pull request's (or commit's, or compare view's) `.diff`, read and redacted on the page, parsed
// into files and hunks, and the result held to the size limits. The content script leaves it to the
// service worker, so the page's main thread pays only for reading; the CLI and the tests run it straight
// after readPage.
import { hasDiff } from '../context/change-data';
import type { PageContext, PageReading } from '../context/types';
import { parsePendingDiff } from './github/diff-patch';
import { DEFAULT_CAPTURE_LIMITS, shrinkToFit, type CaptureLimits } from './limits';
import { redactText } from './redact';
import type { CaptureOptions } from './index';

type FinishOptions = Pick<CaptureOptions, 'onStage'> & { limits?: Partial<CaptureLimits> };

/** The finished PageContext. The reading is consumed: its data is completed and shrunk in place. */
export async function finishReading(reading: PageReading, options: FinishOptions = {}): Promise<PageContext> {
  const { context, pendingDiff } = reading;
  // Everything else was held to the limits on the page already.
  if (!pendingDiff || !hasDiff(context.data)) return context;
  const limits: CaptureLimits = { ...DEFAULT_CAPTURE_LIMITS, ...options.limits };
  const started = performance.now();
  // Lines were redacted on the page; parsing only splits them into files and hunks. The cut names
  // file paths, which were redacted there too.
  const parsed = await parsePendingDiff(pendingDiff);
  context.data.files = parsed.files;
  const parsedAt = performance.now();
  options.onStage?.('diff', started, parsedAt);
  const cut = [...parsed.cut, ...shrinkToFit(context.data, limits.maxDataChars)];
  options.onStage?.('limits', parsedAt, performance.now());
  if (cut.length === 0) return context;
  // Like everything in `cut`, redacted (the limits name parts of the data).
  return { ...context, cut: [...(context.cut ?? []), ...cut.map((entry) => redactText(entry).text)] };
}
