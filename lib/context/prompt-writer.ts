// Writes lines into a prompt under a token budget, sharing the budget fairly between sections and
// marking whatever did not fit, so the model knows what exists beyond what it was shown.

import { countTokens } from './tokens';

export interface Section {
  /** A heading line written before the lines (counted in the section's share). */
  heading?: string;
  lines: string[];
  /** The marker for lines that did not fit, e.g. "212 more lines of src/x.ts — available to scripts as page.files". */
  cutNote: (omittedLines: number) => string;
}

const MAX_LINE_CHARS = 400;
/** Room kept for a section's cut marker so it always fits after the last line. */
const MARKER_RESERVE = 40;
/** A section given less than this is not worth starting; it is summarised by its cut marker instead. */
export const MIN_SECTION_TOKENS = 150;

// Generous on purpose: an underestimate cuts a section that would have fitted.
const estimateTokens = (text: string): number => Math.ceil(text.length / 2.5) + 2;

function clip(line: string): string {
  return line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS)}… [line cut]` : line;
}

export class PromptWriter {
  private readonly parts: string[] = [];
  /** Parts added with force() come first and are never trimmed by finish(). */
  private forcedParts = 0;
  private used = 0;
  readonly cut: string[] = [];

  constructor(readonly budget: number) {}

  get remaining(): number {
    return Math.max(0, this.budget - this.used);
  }

  get tokensUsed(): number {
    return this.used;
  }

  /** Adds a line whatever the budget (facts, headings that must be there). */
  force(line: string): void {
    const text = `${line}\n`;
    this.parts.push(text);
    if (this.forcedParts === this.parts.length - 1) this.forcedParts += 1;
    this.used += countTokens(text);
  }

  /** Adds a line when it fits in `limit` more tokens (default: the rest of the budget); returns its cost, or -1. */
  tryAdd(line: string, limit = this.remaining): number {
    const text = `${line}\n`;
    const cost = countTokens(text);
    if (cost > limit || cost > this.remaining) return -1;
    this.parts.push(text);
    this.used += cost;
    return cost;
  }

  /** Adds a cut marker and records it; markers use the reserve, so they may pass a section's share. */
  markCut(note: string): void {
    this.cut.push(note);
    this.tryAdd(`… [cut: ${note}]`);
  }

  /** Writes a section's lines within `share` tokens; returns the tokens spent. */
  writeSection(section: Section, share: number): number {
    const start = this.used;
    // The last line needs no room for a marker after it: nothing would be cut.
    const limit = (isLast: boolean): number => Math.max(0, share - (this.used - start) - (isLast ? 0 : MARKER_RESERVE));
    if (section.heading !== undefined && this.tryAdd(section.heading, limit(section.lines.length === 0)) < 0) {
      this.markCut(section.cutNote(section.lines.length));
      return this.used - start;
    }
    let written = 0;
    for (const line of section.lines) {
      if (this.tryAdd(clip(line), limit(written === section.lines.length - 1)) < 0) break;
      written += 1;
    }
    if (written < section.lines.length) this.markCut(section.cutNote(section.lines.length - written));
    return this.used - start;
  }

  /**
   * Writes sections in order within `total` tokens. Short sections take what they need; the rest share
   * what is left equally. When even `MIN_SECTION_TOKENS` each cannot be given, only the first sections
   * are written and the others are summarised by `summarise(omitted)`.
   */
  writeSections(sections: Section[], total: number, summarise?: (omitted: Section[]) => string): void {
    const available = Math.min(total, this.remaining);
    const fitting = summarise ? Math.max(0, Math.min(sections.length, Math.floor(available / MIN_SECTION_TOKENS))) : sections.length;
    const written = sections.slice(0, fitting);
    const shares = shareOut(written.map(sectionEstimate), available - (fitting < sections.length ? MARKER_RESERVE : 0));
    written.forEach((section, index) => {
      const before = this.used;
      const share = shares[index] ?? 0;
      this.writeSection(section, share);
      // Anything a section left unused goes to the sections after it.
      const unused = share - (this.used - before);
      if (unused > 0 && index + 1 < shares.length) {
        const rest = shares.length - index - 1;
        for (let next = index + 1; next < shares.length; next++) shares[next] = (shares[next] ?? 0) + unused / rest;
      }
    });
    const omitted = sections.slice(fitting);
    if (omitted.length > 0 && summarise) this.markCut(summarise(omitted));
  }

  /** The text, trimmed to the budget if joining lines tokenised differently than counting them one by one. */
  finish(): { text: string; tokens: number } {
    let text = this.parts.join('');
    let tokens = countTokens(text);
    while (tokens > this.budget && this.parts.length > this.forcedParts) {
      let excess = tokens - this.budget;
      while (excess > 0 && this.parts.length > this.forcedParts) {
        const removed = this.parts.pop() ?? '';
        excess -= countTokens(removed);
      }
      text = this.parts.join('');
      tokens = countTokens(text);
    }
    return { text, tokens };
  }
}

function sectionEstimate(section: Section): number {
  let total = estimateTokens(section.heading ?? '') + MARKER_RESERVE;
  for (const line of section.lines) total += estimateTokens(clip(line));
  return total;
}

/** Water-filling: every section gets min(its need, an equal share of what the smaller ones left). */
export function shareOut(needs: number[], total: number): number[] {
  const shares = needs.map(() => 0);
  const order = needs.map((need, index) => ({ need, index })).sort((a, b) => a.need - b.need);
  let left = Math.max(0, total);
  order.forEach((entry, position) => {
    const equal = left / (order.length - position);
    const share = Math.min(entry.need, equal);
    shares[entry.index] = share;
    left -= share;
  });
  return shares;
}
