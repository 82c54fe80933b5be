// capturePage: (Document, URL) → PageContext. Classify, run the page family's adapter (falling back to
// the generic one), find the focus, attach the selection, redact secrets, enforce size limits.

import type { Facts, PageContext, PageKind } from '../context/types';
import type { Adapter, AdapterOutput, CaptureEnvironment } from './adapter';
import { classify, toUrl } from './classify';
import { dashboardAdapter } from './dashboard/index';
import { docsAdapter } from './docs';
import { computeFocus, type Viewport } from './focus';
import { captureGeneric, genericAdapter } from './generic';
import { githubAdapters } from './github/index';
import { DEFAULT_CAPTURE_LIMITS, shrinkToFit, type CaptureLimits } from './limits';
import { redactDeep, redactText } from './redact';
import { truncateText } from './text';

export type { CaptureLimits } from './limits';
export { classify } from './classify';
export { redactDeep, redactText } from './redact';

export type CaptureOptions = CaptureEnvironment & {
  /** The user's selection as text (window.getSelection().toString()). */
  selection?: string;
  /** The visible area; null skips focus, undefined uses the window's height when there is one. */
  viewport?: Viewport | null;
  now?: () => number;
  limits?: Partial<CaptureLimits>;
  /** Called after each stage (classify, adapter, focus, redact, limits) with its start and end in performance.now() time. */
  onStage?: (stage: CaptureStage, start: number, end: number) => void;
};

export type CaptureStage = 'classify' | 'adapter' | 'focus' | 'redact' | 'limits';

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

async function runAdapter(document: Document, url: URL, kind: PageKind, options: CaptureOptions): Promise<AdapterRun> {
  const adapter = adapterFor(kind);
  if (adapter === genericAdapter && kind !== 'generic') {
    return { kind: 'generic', output: captureGeneric(document), failure: `no adapter for ${kind} pages; used the generic adapter` };
  }
  try {
    return { kind, output: await adapter.capture(document, url, kind, options) };
  } catch (error) {
    if (adapter === genericAdapter) throw error;
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    // The page's specific reading failed (markup changed, unexpected DOM): the generic text is still useful.
    return { kind: 'generic', output: captureGeneric(document), failure: `${adapter.id} adapter failed (${message}); used the generic adapter` };
  }
}

function capFacts(facts: Facts, maxChars: number): Facts {
  const capped: Facts = {};
  for (const [key, value] of Object.entries(facts)) {
    capped[key] = typeof value === 'string' && value.length > maxChars ? `${value.slice(0, maxChars)}…` : value;
  }
  return capped;
}

export async function capturePage(document: Document, url: string, options: CaptureOptions): Promise<PageContext> {
  const limits: CaptureLimits = { ...DEFAULT_CAPTURE_LIMITS, ...options.limits };
  const parsed = toUrl(url);
  if (!parsed) throw new InvalidPageUrlError(url);
  let stageStarted = performance.now();
  const stage = (name: CaptureStage): void => {
    const now = performance.now();
    options.onStage?.(name, stageStarted, now);
    stageStarted = now;
  };
  const classified = classify(parsed, document, options.githubHosts);
  stage('classify');
  const run = await runAdapter(document, parsed, classified, options);
  stage('adapter');
  const cut = [...(run.output.cut ?? [])];
  const facts: Facts = { ...run.output.facts };
  if (run.failure) {
    cut.push(run.failure);
    facts.classifiedAs = classified;
  }
  const focus = run.output.focus ?? computeFocus(document, options.viewport);
  stage('focus');
  const title = run.output.title || document.title.trim();
  // Redact first: the limits below cut strings, and a cut secret would no longer be recognised.
  // redactDeep copies, so the adapter's output is never changed in place.
  const redacted = redactDeep({ title, facts, data: run.output.data, focus });
  let redactions = redacted.count;
  const data = redacted.value.data;
  stage('redact');
  cut.push(...shrinkToFit(data, limits.maxDataChars));
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
  return context;
}
