// `suggest <file.html> --url <page-url> [--github-host host]... [--selection text] [--limit N]`: captures a
// saved page as the extension would and prints the proactive cards it would show, as JSON.
import { readFile } from 'node:fs/promises';
import type { Command, CliIO } from '../command';
import { capturePage } from '../../lib/capture/index';
import { DEFAULT_SUGGESTION_LIMIT, suggestWithDiagnostics } from '../../lib/suggest/index';
import { parseSavedPage } from './capture';

const USAGE = 'usage: suggest <file.html> --url <page-url> [--github-host host]... [--selection text] [--limit N]';

export interface SuggestArguments {
  htmlPath: string;
  url: string;
  githubHosts: string[];
  selection?: string;
  limit: number;
}

export class SuggestUsageError extends Error {
  override readonly name = 'SuggestUsageError';
}

function flagValue(args: string[], index: number, flag: string): string {
  const value = args[index + 1];
  if (value === undefined || value.startsWith('--')) throw new SuggestUsageError(`${flag} needs a value`);
  return value;
}

function parseLimit(text: string): number {
  const limit = Number(text);
  if (!Number.isInteger(limit) || limit <= 0) throw new SuggestUsageError(`--limit must be a positive whole number, got '${text}'`);
  return limit;
}

function parseUrl(text: string): string {
  if (!URL.canParse(text)) {
    throw new SuggestUsageError(`--url must be an absolute URL such as https://github.com/owner/repo/pull/1, got '${text}'`);
  }
  return new URL(text).href;
}

export function parseSuggestArguments(args: string[]): SuggestArguments {
  const positional: string[] = [];
  const githubHosts: string[] = [];
  let url: string | undefined;
  let selection: string | undefined;
  let limit = DEFAULT_SUGGESTION_LIMIT;
  for (let index = 0; index < args.length; index++) {
    const argument = args[index]!;
    if (argument === '--url') url = parseUrl(flagValue(args, index++, argument));
    else if (argument === '--github-host') githubHosts.push(flagValue(args, index++, argument).toLowerCase());
    else if (argument === '--selection') selection = flagValue(args, index++, argument);
    else if (argument === '--limit') limit = parseLimit(flagValue(args, index++, argument));
    else if (argument.startsWith('--')) throw new SuggestUsageError(`unknown option ${argument}`);
    else positional.push(argument);
  }
  const [htmlPath, ...extra] = positional;
  if (htmlPath === undefined) throw new SuggestUsageError('the HTML file is missing');
  if (extra.length > 0) throw new SuggestUsageError(`unexpected argument ${extra[0]}`);
  if (url === undefined) throw new SuggestUsageError('--url is required: the page is classified by its URL');
  const parsed: SuggestArguments = { htmlPath, url, githubHosts, limit };
  if (selection !== undefined) parsed.selection = selection;
  return parsed;
}

async function readHtml(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new SuggestUsageError(`cannot read ${path} (${reason})`);
  }
}

export const suggestCommand: Command = async (args: string[], io: CliIO) => {
  let parsed: SuggestArguments;
  let html: string;
  try {
    parsed = parseSuggestArguments(args);
    html = await readHtml(parsed.htmlPath);
  } catch (error) {
    if (!(error instanceof SuggestUsageError)) throw error;
    io.err(`suggest: ${error.message}`);
    io.err(USAGE);
    return 2;
  }
  const document = parseSavedPage(html, parsed.url);
  const options: Parameters<typeof capturePage>[2] = { githubHosts: parsed.githubHosts, viewport: null };
  if (parsed.selection !== undefined) options.selection = parsed.selection;
  const context = await capturePage(document, parsed.url, options);
  const report = suggestWithDiagnostics(context, {}, { limit: parsed.limit });
  // A broken rule leaves its card out; say which, so the output is not mistaken for "nothing to suggest".
  for (const failure of report.errors) io.err(`suggest: rule ${failure.rule} failed: ${failure.error}`);
  io.out(JSON.stringify(report.suggestions, null, 2));
  return 0;
};
