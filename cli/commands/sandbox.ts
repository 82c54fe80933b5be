// `sandbox <script.js> [--page <context.json>] [--timeout <ms>]`: runs a script in the QuickJS sandbox
// over a saved page and prints the ScriptResult as JSON.
import { readFile } from 'node:fs/promises';
import type { Command, CliIO } from '../command';
import { UsageError, flagValue, positiveNumber } from '../arguments';
import type { PageContext } from '../../lib/context/types';
import { runScript } from '../../lib/sandbox/run-script';
import { sandboxInputFromContext, type SandboxInput } from '../../lib/sandbox/sandbox-input';

const USAGE = 'usage: sandbox <script.js> [--page <context.json>] [--timeout <ms>]';

export interface SandboxArguments {
  scriptPath: string;
  pagePath?: string;
  timeoutMs?: number;
}




export function parseSandboxArguments(args: string[]): SandboxArguments {
  const positional: string[] = [];
  let pagePath: string | undefined;
  let timeoutMs: number | undefined;
  for (let index = 0; index < args.length; index++) {
    const argument = args[index] as string;
    if (argument === '--page') pagePath = flagValue(args, index++, argument);
    else if (argument === '--timeout') timeoutMs = positiveNumber('--timeout', flagValue(args, index++, argument), { unit: 'milliseconds' });
    else if (argument.startsWith('--')) throw new UsageError(`unknown option ${argument}`);
    else positional.push(argument);
  }
  const [scriptPath, ...extra] = positional;
  if (scriptPath === undefined) throw new UsageError('the script file is missing');
  if (extra.length > 0) throw new UsageError(`unexpected argument ${extra[0]}`);
  return { scriptPath, pagePath, timeoutMs };
}

function isPageContext(value: unknown): value is PageContext {
  return typeof value === 'object' && value !== null && 'data' in value && 'kind' in value;
}

/** A saved PageContext gives `page` and `context`; any other JSON is the bare `page` data. */
export function sandboxInputFromJson(json: unknown): SandboxInput {
  return isPageContext(json) ? sandboxInputFromContext(json) : { page: json };
}

async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the ${what} ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function readPage(pagePath: string | undefined): Promise<SandboxInput> {
  if (pagePath === undefined) return { page: null };
  const text = await readText(pagePath, 'page file');
  try {
    return sandboxInputFromJson(JSON.parse(text));
  } catch (error) {
    throw new UsageError(`the page file ${pagePath} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function run(args: string[], io: CliIO): Promise<number> {
  const options = parseSandboxArguments(args);
  const code = await readText(options.scriptPath, 'script');
  const input = await readPage(options.pagePath);
  const result = await runScript(code, input, options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs });
  io.out(JSON.stringify(result, null, 2));
  return result.ok ? 0 : 1;
}

export const sandboxCommand: Command = async (args, io) => {
  try {
    return await run(args, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`sandbox: ${error.message}\n${USAGE}`);
    return 2;
  }
};
