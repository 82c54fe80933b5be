// The content script sends the page as it read it; what needs no page (parsing a pull request's hunks,
// the size limits) is done here, off the page's main thread.
import { finishReading } from '../../lib/capture/finish-reading';
import type { PageContext, PageReading } from '../../lib/context/types';

export const FINISH_MEASURE = 'tandem-capture-finish';

export async function finishCapture(reading: PageReading): Promise<PageContext> {
  const started = performance.now();
  const context = await finishReading(reading);
  // On the worker's timeline (the latest only), where `npm run bench` and DevTools read what it cost.
  performance.clearMeasures(FINISH_MEASURE);
  performance.measure(FINISH_MEASURE, { start: started, end: performance.now(), detail: { url: context.url } });
  return context;
}
