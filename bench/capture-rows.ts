// Capture time and prompt tokens on a page: jsdom parse + capturePage, beside jsdom parse +
// body.textContent on the same parse; the budgeted prompt beside the page's visible text.
import { parseSavedPage } from '../cli/commands/capture';
import { capturePage } from '../lib/capture/index';
import type { PageContext } from '../lib/context/types';
import { serializeForPrompt } from '../lib/context/serialize';
import { countTokens } from '../lib/context/tokens';
import { median, timeOnce } from './measure';
import { bodyTextContent, visibleBodyText } from './page-text';
import { benchRow, type BenchRow } from './rows';

export interface BenchPage {
  name: string;
  html: string;
  url: string;
  runs: number;
}

export interface CapturedPage {
  rows: BenchRow[];
  context: PageContext;
  /** Tokens of the page's visible body text. */
  textTokens: number;
  /** Median capturePage time alone, without the parse. */
  captureOnlyMs: number;
  /** Elements the page has, for "nothing lost" checks that need the DOM. */
  fileHeaders: number;
}

/** The prompt budget the extension ships with (Settings → token budget). */
export const PROMPT_BUDGET = 1300;

const capture = (document: Document, url: string) => capturePage(document, url, { githubHosts: [], viewport: null });

export async function measureCapture(page: BenchPage): Promise<CapturedPage> {
  const parses: number[] = [];
  const captures: number[] = [];
  const texts: number[] = [];
  let context: PageContext | undefined;
  let textTokens = 0;
  let fileHeaders = 0;
  for (let run = 0; run < page.runs; run++) {
    let document: Document | undefined;
    parses.push(await timeOnce(() => (document = parseSavedPage(page.html, page.url))));
    const parsed = document!;
    // Alternate the order so neither side always runs on a DOM the other has just warmed.
    const readText = async () => texts.push(await timeOnce(() => bodyTextContent(parsed)));
    const readContext = async () => captures.push(await timeOnce(async () => (context = await capture(parsed, page.url))));
    if (run % 2 === 0) {
      await readText();
      await readContext();
    } else {
      await readContext();
      await readText();
    }
    if (run === page.runs - 1) {
      textTokens = countTokens(visibleBodyText(parsed));
      fileHeaders = parsed.querySelectorAll('.file-header[data-path]').length;
    }
    // jsdom keeps a closed window's DOM only until the next collection; big pages would pile up otherwise.
    parsed.defaultView?.close();
  }
  const parseMs = median(parses);
  const captureOnlyMs = median(captures);
  const textMs = median(texts);
  const prompt = serializeForPrompt(context!, PROMPT_BUDGET);
  const rows = [
    benchRow({
      group: 'capture',
      name: `capture ${page.name}`,
      unit: 'ms',
      value: median(parses.map((parse, index) => parse + captures[index]!)),
      baselineName: 'jsdom parse + body.textContent',
      baseline: median(parses.map((parse, index) => parse + texts[index]!)),
      target: { ratioAtMost: 2, why: 'capturing costs at most one more parse' },
      note: `parse ${parseMs.toFixed(0)} ms; capturePage alone ${captureOnlyMs.toFixed(1)} ms vs textContent ${textMs.toFixed(1)} ms; ${page.runs} runs`,
    }),
    benchRow({
      group: 'tokens',
      name: `prompt tokens ${page.name}`,
      unit: 'tokens',
      value: prompt.tokens,
      baselineName: 'visible body text',
      baseline: textTokens,
      target: { ratioAtMost: 0.2, why: '≥ 5× fewer' },
      note: `serializeForPrompt(context, ${PROMPT_BUDGET}); full data ${JSON.stringify(context!.data).length.toLocaleString('en-US')} chars stays in the sandbox`,
    }),
  ];
  return { rows, context: context!, textTokens, captureOnlyMs, fileHeaders };
}
