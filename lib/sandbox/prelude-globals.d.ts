// What a sandbox script sees as globals (the helper prelude). Built-in skills are written as
// self-contained functions against these declarations and run inside QuickJS, never in Node's scope.
import type { Cell, PageContext, PageData } from '../context/types';

declare global {
  /** The captured page's data (PageContext.data): the full data, not the budgeted prompt view. */
  const page: PageData;
  /** The rest of the PageContext: url, title, kind, facts and the user's selection. */
  const context: Pick<PageContext, 'url' | 'title' | 'kind' | 'facts' | 'selection'>;

  type KeyOf<T> = keyof T | ((item: T) => unknown);

  function sum(values: readonly number[]): number;
  function mean(values: readonly number[]): number;
  function median(values: readonly number[]): number;
  function groupBy<T>(items: readonly T[], key: KeyOf<T>): Record<string, T[]>;
  /** A sorted copy, ascending unless `order` is 'desc'. */
  function sortBy<T>(items: readonly T[], key: KeyOf<T>, order?: 'asc' | 'desc'): T[];
  /** The n items with the largest key, largest first. */
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
    text: string;
  }
  /** The pull request's changed files (empty on other pages). */
  function files(): SandboxDiffFile[];
  function hunks(path: string): SandboxDiffFile['hunks'];
  /** Added lines, optionally only those matching `pattern` and only in `path`. */
  function addedLines(pattern?: RegExp | string, path?: string): ChangedLine[];
  function removedLines(pattern?: RegExp | string, path?: string): ChangedLine[];

  const view: {
    /** Rows as objects (columns from their keys) or as arrays (with options.columns). */
    table(rows: readonly (Record<string, unknown> | readonly unknown[])[], options?: { title?: string; columns?: string[] }): void;
    markdown(text: string): void;
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
