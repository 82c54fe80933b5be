// What a sandbox script sees as globals (the helper prelude in ./prelude/). The built-in skills' scripts
// (lib/skills/scripts/) are type-checked against these declarations; they run inside QuickJS.
import type { Cell, PageContext, PageData } from '../context/types';

declare global {
  /** The captured page's data (PageContext.data): the full data, not the budgeted prompt view. */
  const page: PageData;
  /** The rest of the PageContext: url, title, kind, facts, the user's selection and when the page was read. */
  const context: Pick<PageContext, 'url' | 'title' | 'kind' | 'facts' | 'selection'> & Partial<Pick<PageContext, 'capturedAt'>>;

  type KeyOf<T> = keyof T | ((item: T) => unknown);

  /** Sum of the numbers; numeric strings count, null/undefined/''/booleans/NaN are skipped. */
  function sum(values: readonly number[]): number;
  /** Mean of the numbers (skipping as `sum` does); NaN for an empty list. */
  function mean(values: readonly number[]): number;
  /** Median of the numbers (skipping as `sum` does); NaN for an empty list. */
  function median(values: readonly number[]): number;
  /** Items grouped by the key's value turned into a string (`undefined` → 'undefined'). */
  function groupBy<T>(items: readonly T[], key: KeyOf<T>): Record<string, T[]>;
  /**
   * A stable sorted copy, ascending unless `order` is 'desc'. Numbers, numeric strings, booleans and
   * dates compare as numbers, anything else as strings; null/undefined/NaN keys go last either way.
   */
  function sortBy<T>(items: readonly T[], key: KeyOf<T>, order?: 'asc' | 'desc'): T[];
  /** The n items with the largest key, largest first (ties keep their order). */
  function topN<T>(items: readonly T[], n: number, key: KeyOf<T>): T[];

  interface SandboxDiffFile {
    path: string;
    previousPath?: string;
    status: string;
    additions: number;
    deletions: number;
    hunks: { header: string; oldStart: number; oldLines: number; newStart: number; newLines: number; lines: string[] }[];
  }
  interface ChangedLine {
    path: string;
    /** New-side line number for added lines, old-side for removed lines. */
    line: number;
    /** The line's content without its leading '+' or '-' marker. */
    text: string;
  }
  /** The changed files of a pull request, a commit or a compare view (empty on other pages). */
  function files(): SandboxDiffFile[];
  /** The hunks of the changed file at `path`; empty when no such file changed. */
  function hunks(path: string): SandboxDiffFile['hunks'];
  /**
   * Added lines, optionally only those matching `pattern` (a RegExp, or a string found anywhere in the
   * line; matched against the text without its marker) and only in the file at `path`.
   */
  function addedLines(pattern?: RegExp | string, path?: string): ChangedLine[];
  /** Removed lines, filtered as `addedLines` does. */
  function removedLines(pattern?: RegExp | string, path?: string): ChangedLine[];

  const view: {
    /** Rows as objects (columns from their keys) or as arrays (with options.columns). */
    table(rows: readonly (Record<string, unknown> | readonly unknown[])[], options?: { title?: string; columns?: string[] }): void;
    markdown(text: string): void;
    /** Values must be finite numbers (numeric strings are converted); anything else throws a TypeError. */
    chart(
      series:
        | { name: string; values: number[]; labels?: string[] }
        | readonly { name: string; values: number[]; labels?: string[] }[],
      options?: { title?: string; marks?: number[] },
    ): void;
  };
  /** Typing aid only: cells in tables are stringified numbers, strings, booleans or null. */
  type SandboxCell = Cell;
}

export {};
