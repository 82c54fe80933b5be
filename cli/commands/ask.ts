// `ask <file.html> --url <page-url> "<question>" [--github-host host]... [--budget N]`: captures a saved page,
// asks the configured model about it through the same turn runner as the side panel, and prints the run
// as it happens: streamed answer text, each script with its result, proposed actions, retries, errors.
import type { Command, CliIO } from '../command';
import { UsageError, flagValue, parseUrl, positiveNumber } from '../arguments';
import type { ProviderSettings } from '../../lib/agent/client';
import type { AgentEvent } from '../../lib/agent/events';
import { targetReport } from '../../lib/actions/check-target';
import { describeAction, type ActionDescription } from '../../lib/actions/describe';
import { showHiddenCharacters } from '../../lib/actions/display-text';
import type { Action } from '../../lib/context/types';
import type { ScriptResult, View } from '../../lib/context/types';
import { runTurn } from '../../lib/conversation/run-turn';
import { readSection } from '../../lib/capture/read-section';
import { loadSavedPage } from './capture';

const USAGE = 'usage: ask <file.html> --url <page-url> "<question>" [--github-host host]... [--budget N]\n' +
  'environment: TANDEM_MODEL (required), OPENAI_API_KEY, OPENAI_BASE_URL (default https://api.openai.com/v1)';

export const DEFAULT_BASE_URL = 'https://api.openai.com/v1';
/** The extension's default prompt budget (Settings → token budget). */
export const DEFAULT_ASK_BUDGET = 1300;
/** Longest script value printed; the whole value is one `tandem sandbox` run away. */
const VALUE_PREVIEW_CHARS = 2000;

export interface AskArguments {
  htmlPath: string;
  url: string;
  question: string;
  githubHosts: string[];
  budget: number;
}

export type AskEnvironment = Partial<Record<'OPENAI_BASE_URL' | 'OPENAI_API_KEY' | 'TANDEM_MODEL', string>>;

/** A terminal that can also print without a line break, so answer text streams token by token. */
export type StreamingCliIO = CliIO & { write?: (text: string) => void };





export function parseAskArguments(args: string[]): AskArguments {
  const positional: string[] = [];
  const githubHosts: string[] = [];
  let url: string | undefined;
  let budget = DEFAULT_ASK_BUDGET;
  for (let index = 0; index < args.length; index++) {
    const argument = args[index]!;
    if (argument === '--url') url = parseUrl(flagValue(args, index++, argument));
    else if (argument === '--github-host') githubHosts.push(flagValue(args, index++, argument).toLowerCase());
    else if (argument === '--budget') budget = positiveNumber('--budget', flagValue(args, index++, argument), { whole: true, unit: 'tokens' });
    else if (argument.startsWith('--')) throw new UsageError(`unknown option ${argument}`);
    else positional.push(argument);
  }
  const [htmlPath, ...words] = positional;
  if (htmlPath === undefined) throw new UsageError('the HTML file is missing');
  if (url === undefined) throw new UsageError('--url is required: the page is classified by its URL');
  // An unquoted question arrives as several words; they still make one question.
  const question = words.join(' ').trim();
  if (question === '') throw new UsageError('the question is missing (quote it: "What changed?")');
  return { htmlPath, url, question, githubHosts, budget };
}

export function providerFromEnvironment(environment: AskEnvironment): ProviderSettings {
  const model = environment.TANDEM_MODEL?.trim();
  if (!model) {
    throw new UsageError('TANDEM_MODEL is not set: name the model to ask, e.g. TANDEM_MODEL=gpt-4o-mini (with OPENAI_API_KEY), or TANDEM_MODEL=llama3.1 OPENAI_BASE_URL=http://localhost:11434/v1');
  }
  const baseUrl = environment.OPENAI_BASE_URL?.trim() || DEFAULT_BASE_URL;
  if (!URL.canParse(baseUrl)) throw new UsageError(`OPENAI_BASE_URL must be an absolute URL ending in /v1, got '${baseUrl}'`);
  const provider: ProviderSettings = { baseUrl, model };
  const apiKey = environment.OPENAI_API_KEY?.trim();
  if (apiKey) provider.apiKey = apiKey;
  return provider;
}

function viewSummary(view: View): string {
  if (view.type === 'markdown') return `markdown (${view.text.split('\n').length} lines)`;
  const title = view.title === undefined ? '' : ` "${view.title}"`;
  if (view.type === 'table') return `table${title} (${view.rows.length} rows)`;
  return `chart${title} (${view.series.length} series)`;
}

function preview(value: unknown): string {
  const text = JSON.stringify(value, null, 2) ?? 'undefined';
  return text.length > VALUE_PREVIEW_CHARS ? `${text.slice(0, VALUE_PREVIEW_CHARS)}… (${text.length.toLocaleString('en-US')} characters)` : text;
}

/** A finished script trail as lines: the code, then what it returned, showed and logged, and how long it took. */
export function scriptTrailLines(code: string, result: ScriptResult, label: string): string[] {
  const lines = [`── ${label} ──`, code.trim(), `── ${result.ok ? 'result' : 'failed'} · ${Math.round(result.ms)} ms ──`];
  if (result.ok) lines.push(preview(result.value ?? null));
  else lines.push(`error: ${result.error ?? 'unknown error'}`);
  if (result.views && result.views.length > 0) lines.push(`views: ${result.views.map(viewSummary).join(', ')}`);
  for (const log of result.logs) lines.push(`log: ${log}`);
  lines.push('──');
  return lines;
}

/** Prints answer text as it streams: raw when the terminal can, otherwise a line at a time. */
class AnswerPrinter {
  private pending = '';
  private midLine = false;
  streamed = false;

  constructor(private readonly io: StreamingCliIO) {}

  text(delta: string): void {
    this.streamed = true;
    if (this.io.write) {
      this.io.write(delta);
      this.midLine = !delta.endsWith('\n') && (this.midLine || delta !== '');
      return;
    }
    this.pending += delta;
    const lastBreak = this.pending.lastIndexOf('\n');
    if (lastBreak === -1) return;
    this.io.out(this.pending.slice(0, lastBreak));
    this.pending = this.pending.slice(lastBreak + 1);
  }

  /** Ends a half-printed line so what follows starts on its own. */
  flush(): void {
    if (this.pending !== '') this.io.out(this.pending);
    else if (this.midLine) this.io.out('');
    this.pending = '';
    this.midLine = false;
  }

  line(text: string): void {
    this.flush();
    this.io.out(text);
  }
}

/** The card's words for a proposal, checked against the saved page as the panel checks the live one. */
type Describe = (action: Action) => ActionDescription;

/** Prints one event; returns the exit code once the run is over. */
function printEvent(event: AgentEvent, printer: AnswerPrinter, io: CliIO, describe: Describe): number | undefined {
  switch (event.type) {
    case 'run-start':
    case 'script-start':
      return undefined;
    case 'text-delta':
      printer.text(event.text);
      return undefined;
    case 'script-end': {
      const label = event.source === 'skill' ? `skill ${event.skill ?? ''}`.trim() : 'script';
      for (const line of scriptTrailLines(event.code, event.result, label)) printer.line(line);
      return undefined;
    }
    case 'section-read':
      printer.line(`(read more of the page: ${event.section}, ${event.chars.toLocaleString('en-US')} characters)`);
      return undefined;
    case 'action-propose': {
      const description = describe(event.action);
      printer.line(`Proposed (not executed): ${description.summary}${event.why ? ` — ${event.why}` : ''}`);
      if (description.found !== undefined) printer.line(`  on the page: “${description.found}”`);
      if (description.detail !== undefined) printer.line(showHiddenCharacters(description.detail));
      if (description.note !== undefined) printer.line(`  note: ${description.note}`);
      for (const warning of description.warnings ?? []) printer.line(`  warning: ${warning}`);
      if (description.refusal !== undefined) printer.line(`  refused on this page: ${description.refusal}`);
      return undefined;
    }
    case 'tool-error':
      printer.line(`(a tool call was malformed and sent back to the model: ${event.message})`);
      return undefined;
    case 'retry':
      printer.flush();
      io.err(`Retrying in ${(event.delayMs / 1000).toFixed(1)} s (attempt ${event.attempt}): ${event.reason}`);
      return undefined;
    case 'run-end':
      if (!printer.streamed && event.text) printer.text(event.text);
      printer.flush();
      return 0;
    case 'run-error':
      printer.flush();
      io.err(`${event.error.name}: ${event.error.message}`);
      if (event.error.fix) io.err(`Fix: ${terminalFix(event.error.name, event.error.fix)}`);
      return 1;
  }
}

/** The panel's fixes point at its Settings page; here the settings are environment variables. */
const TERMINAL_FIXES: Partial<Record<string, string>> = {
  AuthError: 'The API key was refused: check OPENAI_API_KEY (and that the key may use this model).',
  ModelNotFoundError: 'Set TANDEM_MODEL to a model the server lists (GET <OPENAI_BASE_URL>/models); also check that OPENAI_BASE_URL ends with /v1.',
  EndpointNotFoundError: 'Check OPENAI_BASE_URL: it usually ends with /v1 (for example http://localhost:11434/v1).',
  ProviderError: 'The server rejected the request. Check that the model in TANDEM_MODEL supports chat (and tool calling).',
};

export function terminalFix(name: string, fix: string): string {
  return TERMINAL_FIXES[name] ?? fix.replace('Check the base URL in Settings.', 'Check OPENAI_BASE_URL.');
}

async function run(args: string[], io: StreamingCliIO, environment: AskEnvironment): Promise<number> {
  const parsed = parseAskArguments(args);
  const provider = providerFromEnvironment(environment);
  const { document, context } = await loadSavedPage(parsed.htmlPath, parsed.url, parsed);
  const controller = new AbortController();
  // Ctrl-C stops the run through the same signal as the panel's Stop button, so the error says "stopped".
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  const printer = new AnswerPrinter(io);
  try {
    const events = runTurn({ type: 'ask', question: parsed.question }, {
      context,
      provider,
      tokenBudget: parsed.budget,
      history: [],
      signal: controller.signal,
      // As the content script does on the live page: the saved page is the page here.
      readMore: async (section) => readSection(document, section.slice(0, 300)).text,
    });
    const describe: Describe = (action) => describeAction(action, targetReport(document, action));
    for await (const event of events) {
      const code = printEvent(event, printer, io, describe);
      if (code !== undefined) return code;
    }
  } finally {
    process.off('SIGINT', stop);
  }
  printer.flush();
  io.err('ask: the run ended without an answer or an error');
  return 1;
}

/** The command with its environment passed in, for tests. */
export function askWithEnvironment(environment: AskEnvironment): Command {
  return async (args, io) => {
    try {
      return await run(args, io, environment);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      io.err(`ask: ${error.message}`);
      io.err(USAGE);
      return 2;
    }
  };
}

export const askCommand: Command = (args, io) => askWithEnvironment(process.env)(args, io);
