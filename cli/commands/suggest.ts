// `suggest <file.html> --url <page-url> [--github-host host]... [--selection text] [--limit N]`: captures a
// saved page as the extension would and prints the proactive cards it would show, as JSON.
import type { Command, CliIO } from '../command';
import { UsageError, flagValue, parseUrl, positiveNumber } from '../arguments';
import type { PageContext } from '../../lib/context/types';
import { DEFAULT_SUGGESTION_LIMIT, suggestWithDiagnostics } from '../../lib/suggest/index';
import { captureSavedPage } from './capture';

const USAGE = 'usage: suggest <file.html> --url <page-url> [--github-host host]... [--selection text] [--limit N]';

export interface SuggestArguments {
  htmlPath: string;
  url: string;
  githubHosts: string[];
  selection?: string;
  limit: number;
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
    else if (argument === '--limit') limit = positiveNumber('--limit', flagValue(args, index++, argument), { whole: true });
    else if (argument.startsWith('--')) throw new UsageError(`unknown option ${argument}`);
    else positional.push(argument);
  }
  const [htmlPath, ...extra] = positional;
  if (htmlPath === undefined) throw new UsageError('the HTML file is missing');
  if (extra.length > 0) throw new UsageError(`unexpected argument ${extra[0]}`);
  if (url === undefined) throw new UsageError('--url is required: the page is classified by its URL');
  const parsed: SuggestArguments = { htmlPath, url, githubHosts, limit };
  if (selection !== undefined) parsed.selection = selection;
  return parsed;
}


export const suggestCommand: Command = async (args: string[], io: CliIO) => {
  let parsed: SuggestArguments;
  let context: PageContext;
  try {
    parsed = parseSuggestArguments(args);
    context = await captureSavedPage(parsed.htmlPath, parsed.url, parsed);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`suggest: ${error.message}`);
    io.err(USAGE);
    return 2;
  }
  const report = suggestWithDiagnostics(context, {}, { limit: parsed.limit });
  // A broken rule leaves its card out; say which, so the output is not mistaken for "nothing to suggest".
  for (const failure of report.errors) io.err(`suggest: rule ${failure.rule} failed: ${failure.error}`);
  io.out(JSON.stringify(report.suggestions, null, 2));
  return 0;
};
