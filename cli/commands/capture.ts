// `capture <file.html> --url <page-url> [--budget N] [--prompt] [--github-host host]...`: captures a saved
// page with jsdom as the extension would, and prints the PageContext as JSON (or the budgeted prompt).
import { JSDOM, VirtualConsole } from 'jsdom';
import type { Command, CliIO } from '../command';
import { UsageError, flagValue, parseUrl, positiveNumber, readHtml } from '../arguments';
import { capturePage } from '../../lib/capture/index';
import type { PageContext } from '../../lib/context/types';
import { serializeForPrompt, DEFAULT_PROMPT_BUDGET } from '../../lib/context/serialize';

const USAGE = 'usage: capture <file.html> --url <page-url> [--budget N] [--prompt] [--github-host host]...';

export interface CaptureArguments {
  htmlPath: string;
  url: string;
  budget: number;
  prompt: boolean;
  githubHosts: string[];
}





export function parseCaptureArguments(args: string[]): CaptureArguments {
  const positional: string[] = [];
  const githubHosts: string[] = [];
  let url: string | undefined;
  let budget = DEFAULT_PROMPT_BUDGET;
  let prompt = false;
  for (let index = 0; index < args.length; index++) {
    const argument = args[index] as string;
    if (argument === '--url') url = parseUrl(flagValue(args, index++, argument));
    else if (argument === '--budget') budget = positiveNumber('--budget', flagValue(args, index++, argument), { whole: true, unit: 'tokens' });
    else if (argument === '--github-host') githubHosts.push(flagValue(args, index++, argument).toLowerCase());
    else if (argument === '--prompt') prompt = true;
    else if (argument.startsWith('--')) throw new UsageError(`unknown option ${argument}`);
    else positional.push(argument);
  }
  const [htmlPath, ...extra] = positional;
  if (htmlPath === undefined) throw new UsageError('the HTML file is missing');
  if (extra.length > 0) throw new UsageError(`unexpected argument ${extra[0]}`);
  if (url === undefined) throw new UsageError('--url is required: the page is classified by its URL');
  return { htmlPath, url, budget, prompt, githubHosts };
}


/** A document like the one the content script sees, without running the page's scripts or loading anything. */
export function parseSavedPage(html: string, url: string): Document {
  // Saved pages carry CSS jsdom cannot parse; its complaints are noise for a capture.
  const virtualConsole = new VirtualConsole();
  return new JSDOM(html, { url, virtualConsole }).window.document;
}

/**
 * The saved page as the content script would capture it. The CLI has no same-origin fetch, so diffs come
 * from the DOM, and no layout, so there is no viewport focus.
 */
export async function captureSavedPage(htmlPath: string, url: string, options: { githubHosts: string[]; selection?: string }): Promise<PageContext> {
  return (await loadSavedPage(htmlPath, url, options)).context;
}

/** The saved page's document with its capture, for commands that read more of the page later (`ask`'s read_more). */
export async function loadSavedPage(
  htmlPath: string,
  url: string,
  options: { githubHosts: string[]; selection?: string },
): Promise<{ document: Document; context: PageContext }> {
  const html = await readHtml(htmlPath);
  const context: Parameters<typeof capturePage>[2] = { githubHosts: options.githubHosts, viewport: null };
  if (options.selection !== undefined) context.selection = options.selection;
  const document = parseSavedPage(html, url);
  return { document, context: await capturePage(document, url, context) };
}

export const captureCommand: Command = async (args: string[], io: CliIO) => {
  let parsed: CaptureArguments;
  let context: PageContext;
  try {
    parsed = parseCaptureArguments(args);
    context = await captureSavedPage(parsed.htmlPath, parsed.url, parsed);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`capture: ${error.message}`);
    io.err(USAGE);
    return 2;
  }
  if (!parsed.prompt) {
    io.out(JSON.stringify(context, null, 2));
    return 0;
  }
  const prompt = serializeForPrompt(context, parsed.budget);
  io.out(prompt.text.trimEnd());
  io.out(`tokens: ${prompt.tokens}`);
  return 0;
};
