// capturePage: (Document, URL) → PageContext. On the page (readPage): classify, run the page family's
// adapter (falling back to the generic one), find the focus, attach the selection, redact secrets. Then,
// wherever it is cheapest (finishReading): parse a pull request's `.diff`, and hold the result to the size limits.

import type { Facts, PageContext, PageKind, PageReading } from '../context/types';
import type { Adapter, AdapterOutput, CaptureEnvironment } from './adapter';
import { classifyWithTurns, toUrl } from './classify';
import { dashboardAdapter } from './dashboard/index';
import { docsAdapter } from './docs';
import { computeFocus, type Viewport } from './focus';
import { captureGeneric, genericAdapter } from './generic';
import { redactPendingPaths } from './github/diff-patch';
import { githubAdapters } from './github/index';
import { finishReading } from './finish-reading';
import { DEFAULT_CAPTURE_LIMITS, jsonSizeBound, shrinkToFit, type CaptureLimits } from './limits';
import { redactDeep, redactText } from './redact';
import { truncateText } from './text';
import { LONG_STAGE_MS, turnTaker } from './turns';

export type { CaptureLimits } from './limits';
export { classify } from './classify';
export { redactDeep, redactText } from './redact';
export { finishReading } from './finish-reading';

export type CaptureOptions = CaptureEnvironment & {
  /** The user's selection as text (window.getSelection().toString()). */
  selection?: string;
  /** The visible area; null skips focus, undefined uses the window's height when there is one. */
  viewport?: Viewport | null;
  now?: () => number;
  limits?: Partial<CaptureLimits>;
  /** Called after each stage (classify, adapter, focus, redact, limits; then diff, limits again) with its start and end in performance.now() time. */
  onStage?: (stage: CaptureStage, start: number, end: number) => void;
};

export type CaptureStage = 'classify' | 'adapter' | 'focus' | 'redact' | 'limits' | 'diff';

export class InvalidPageUrlError extends Error {
  override name = 'InvalidPageUrlError';
  constructor(url: string) {
    super(`Not an absolute URL: ${url}`);
  }
}

export const ADAPTERS: Adapter[] = [...githubAdapters, docsAdapter, dashboardAdapter, genericAdapter];

export function adapterFor(kind: PageKind): Adapter {
  return ADAPTERS.find((adapter) => adapter.kinds.includes(kind)) ?? genericAdapter;
}

interface AdapterRun {
  kind: PageKind;
  output: AdapterOutput;
  failure?: string;
}

/** `turn` is capture's own (see readPage): the generic reading a fallback makes takes its turns too. */
async function runAdapter(document: Document, url: URL, kind: PageKind, options: CaptureOptions, turn: () => Promise<void>): Promise<AdapterRun> {
  const adapter = adapterFor(kind);
  if (adapter === genericAdapter && kind !== 'generic') {
    return { kind: 'generic', output: await captureGeneric(document, turn), failure: `no adapter for ${kind} pages; used the generic adapter` };
  }
  try {
    return { kind, output: await adapter.capture(document, url, kind, options) };
  } catch (error) {
    if (adapter === genericAdapter) throw error;
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    // The page's specific reading failed (markup changed, unexpected DOM): the generic text is still useful.
    return { kind: 'generic', output: await captureGeneric(document, turn), failure: `${adapter.id} adapter failed (${message}); used the generic adapter` };
  }
}

function capFacts(facts: Facts, maxChars: number): Facts {
  const capped: Facts = {};
  for (const [key, value] of Object.entries(facts)) {
    capped[key] = typeof value === 'string' && value.length > maxChars ? `${value.slice(0, maxChars)}…` : value;
  }
  return capped;
}

/** Reads and finishes the page in one go, as the CLI and the tests do. */
export async function capturePage(document: Document, url: string, options: CaptureOptions): Promise<PageContext> {
  return finishReading(await readPage(document, url, options), options);
}

/**
 * Everything that needs the page, done on the page: the reading, redacted and within the size limits.
 * What is left (parsing a pull request's `.diff`) needs only data, and finishReading does it off the
 * page's main thread.
 */
export async function readPage(document: Document, url: string, options: CaptureOptions): Promise<PageReading> {
  const limits: CaptureLimits = { ...DEFAULT_CAPTURE_LIMITS, ...options.limits };
  const parsed = toUrl(url);
  if (!parsed) throw new InvalidPageUrlError(url);
  let stageStarted = performance.now();
  const stage = (name: CaptureStage): void => {
    const now = performance.now();
    options.onStage?.(name, stageStarted, now);
    stageStarted = now;
  };
  // On a huge page each stage is long: the page gets a turn between them (where the caller gives it one).
  // On an ordinary page without waits they are short, and no turn is taken: it would only let the page's
  // first layout in before the cards.
  const turn = turnTaker(options.yieldToPage, LONG_STAGE_MS);
  const classified = await classifyWithTurns(parsed, document, options.githubHosts, turn);
  stage('classify');
  await turn();
  const run = await runAdapter(document, parsed, classified, options, turn);
  stage('adapter');
  await turn();
  const cut = [...(run.output.cut ?? [])];
  const facts: Facts = { ...run.output.facts };
  if (run.failure) {
    cut.push(run.failure);
    facts.classifiedAs = classified;
  }
  const focus = run.output.focus ?? computeFocus(document, options.viewport);
  stage('focus');
  await turn();
  const title = run.output.title || document.title.trim();
  // Redact first: the limits cut strings, and a cut secret would no longer be recognised.
  // redactDeep copies, so the adapter's output is never changed in place.
  const redacted = redactDeep({ title, facts, data: run.output.data, focus, pendingDiff: run.output.pendingDiff });
  let redactions = redacted.count;
  stage('redact');
  // Held to the size cap before it leaves the page, a `.diff` waiting to be parsed included: sending
  // an unbounded reading would freeze the page while the browser serialises it.
  const { data, pendingDiff } = redacted.value;
  if (pendingDiff) redactions += redactPendingPaths(pendingDiff);
  cut.push(...shrinkToFit(data, limits.maxDataChars));
  if (pendingDiff) cut.push(...shrinkToFit(pendingDiff, Math.max(0, limits.maxDataChars - jsonSizeBound(data)), 'page.diff'));
  stage('limits');
  const context: PageContext = {
    url: parsed.href,
    title: truncateText(redacted.value.title, limits.maxTitleChars).text,
    kind: run.kind,
    capturedAt: (options.now ?? Date.now)(),
    facts: capFacts(redacted.value.facts, limits.maxFactChars),
    data,
    redactions,
  };
  if (redacted.value.focus && redacted.value.focus.length > 0) context.focus = redacted.value.focus;
  const selection = options.selection?.trim();
  if (selection) {
    // Redact before capping, so a cut never splits a secret into an unrecognisable half.
    const clean = redactText(selection);
    const capped = truncateText(clean.text, limits.maxSelectionChars);
    if (capped.truncated) cut.push(`${clean.text.length - capped.text.length} characters of the selection`);
    redactions += clean.count;
    context.selection = capped.text;
    context.redactions = redactions;
  }
  // The URL itself can carry a password or a token in its query.
  const cleanUrl = redactText(context.url);
  if (cleanUrl.count > 0) {
    context.url = cleanUrl.text;
    context.redactions += cleanUrl.count;
  }
  if (cut.length > 0) context.cut = cut.map((entry) => redactText(entry).text);
  return pendingDiff && pendingDiff.length > 0 ? { context, pendingDiff } : { context };
}
