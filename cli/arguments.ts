// What every command shares in reading its arguments: the usage error, flag values, URLs, numbers, the saved page.
import { readFile } from 'node:fs/promises';

/** A mistake in how the command was called: printed with the usage line, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function flagValue(args: string[], index: number, flag: string): string {
  const value = args[index + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value`);
  return value;
}

export function parseUrl(text: string): string {
  if (!URL.canParse(text)) throw new UsageError(`--url must be an absolute URL such as https://github.com/owner/repo/pull/1, got '${text}'`);
  return new URL(text).href;
}

export function positiveNumber(flag: string, text: string, kind: { whole?: boolean; unit?: string } = {}): number {
  const value = Number(text);
  const valid = kind.whole ? Number.isInteger(value) && value > 0 : Number.isFinite(value) && value > 0;
  if (!valid) throw new UsageError(`${flag} must be a positive ${kind.whole ? 'whole ' : ''}number${kind.unit ? ` of ${kind.unit}` : ''}, got '${text}'`);
  return value;
}

export async function readHtml(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new UsageError(`cannot read ${path} (${reason})`);
  }
}
