// Builds a file's hunks from unified diff lines read off the page, holding them to the per-file and
// whole-diff line limits and reporting what was dropped.
import type { Hunk } from '../../context/types';
import { limits } from './limits';

export const hunkHeaderPattern = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** Diff lines still allowed across all files, and where every cut is reported. */
export interface LineBudget {
  remaining: number;
  cut: string[];
}

export class HunkBuilder {
  private readonly hunks: Hunk[] = [];
  private current: Hunk | undefined;
  private kept = 0;
  private dropped = 0;

  constructor(
    private readonly budget: LineBudget,
    private readonly path: string,
  ) {}

  header(text: string): void {
    this.current = startHunk(text);
    this.hunks.push(this.current);
  }

  /** A line with its marker: "+text", "-text" or " text". */
  line(line: string): void {
    if (this.kept >= limits.linesPerFile || this.budget.remaining <= 0) {
      this.dropped += 1;
      return;
    }
    if (!this.current) this.header('');
    this.current?.lines.push(line);
    this.kept += 1;
    this.budget.remaining -= 1;
  }

  finish(): Hunk[] {
    if (this.dropped > 0) this.budget.cut.push(`${this.dropped} diff lines of ${this.path}`);
    return this.hunks.filter((hunk) => hunk.lines.length > 0 || hunk.header !== '');
  }
}

function startHunk(header: string): Hunk {
  const match = hunkHeaderPattern.exec(header);
  return {
    header,
    oldStart: Number(match?.[1] ?? 0),
    oldLines: Number(match?.[2] ?? (match ? 1 : 0)),
    newStart: Number(match?.[3] ?? 0),
    newLines: Number(match?.[4] ?? (match ? 1 : 0)),
    lines: [],
  };
}
