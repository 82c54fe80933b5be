// `capture <file.html> --url <page-url> [--budget N] [--prompt] [--github-host host]...`: captures a saved
// page with jsdom as the extension would, and prints the PageContext as JSON (or the budgeted prompt).
import { readFile } from 'node:fs/promises';
import { JSDOM, VirtualConsole } from 'jsdom';
import type { Command, CliIO } from '../command';
import { capturePage } from '../../lib/capture/index';
import { serializeForPrompt, DEFAULT_PROMPT_BUDGET } from '../../lib/context/serialize';

const USAGE = 'usage: capture <file.html> --url <page-url> [--budget N] [--prompt] [--github-host host]...';

export interface CaptureArguments {
  htmlPath: string;
  url: string;
  budget: number;
  prompt: boolean;
  githubHosts: string[];
}

class UsageError extends Error {
  override readonly name = 'UsageError';
}

function flagValue(args: string[], index: number, flag: string): string {
  const value = args[index + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value`);
  return value;
}

function parseBudget(text: string): number {
  const budget = Number(text);
  if (!Number.isInteger(budget) || budget <= 0) throw new UsageError(`--budget must be a positive whole number of tokens, got '${text}'`);
  return budget;
}

function parseUrl(text: string): string {
  try {
    return new URL(text).href;
  } catch {
    // The message below names the fix; the URL parser's own error adds nothing.
    throw new UsageError(`--url must be an absolute URL such as https://github.com/owner/repo/pull/1, got '${text}'`);
  }
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
    else if (argument === '--budget') budget = parseBudget(flagValue(args, index++, argument));
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

async function readHtml(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new UsageError(`cannot read ${path} (${reason})`);
  }
}

/** A document like the one the content script sees, without running the page's scripts or loading anything. */
export function parseSavedPage(html: string, url: string): Document {
  // Saved pages carry CSS jsdom cannot parse; its complaints are noise for a capture.
  const virtualConsole = new VirtualConsole();
  return new JSDOM(html, { url, virtualConsole }).window.document;
}

export const captureCommand: Command = async (args: string[], io: CliIO) => {
  let parsed: CaptureArguments;
  let html: string;
  try {
    parsed = parseCaptureArguments(args);
    html = await readHtml(parsed.htmlPath);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`capture: ${error.message}`);
    io.err(USAGE);
    return 2;
  }
  const document = parseSavedPage(html, parsed.url);
  const context = await capturePage(document, parsed.url, { githubHosts: parsed.githubHosts, viewport: null });
  if (!parsed.prompt) {
    io.out(JSON.stringify(context, null, 2));
    return 0;
  }
  const prompt = serializeForPrompt(context, parsed.budget);
  io.out(prompt.text.trimEnd());
  io.out(`tokens: ${prompt.tokens}`);
  return 0;
};
