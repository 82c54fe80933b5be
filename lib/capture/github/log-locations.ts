// The files and lines a job log's errors point to (`src/foo.ts:42`), the repository's own files first.
import type { LogLocation } from '../../context/types';
import { clipText } from '../clip';
import { isErrorLine, type LogLine } from './log-errors';

const MAX_LOCATIONS = 5;
// Where a location is looked for around an error line: a traceback's frames come before it, a test
// runner's `at file:line` after it.
const BEFORE = 12;
const AFTER = 4;

const EXTENSION = String.raw`\.[A-Za-z][\w]{0,9}`;
const PATH = String.raw`(?:[A-Za-z]:[\\/])?[\w.@~+\-\\/]*?[\w@~+\-]` + EXTENSION;
const LOCATION_PATTERNS: RegExp[] = [
  // Python: File "path", line 42
  /File "([^"]+)", line (\d+)/g,
  // tsc, MSVC, C#: path(42,5)
  new RegExp(String.raw`(${PATH})\((\d+)(?:,(\d+))?\)`, 'g'),
  // Most tools: path:42 or path:42:5 (node, vitest, jest, go, rust, eslint --format unix, gcc)
  new RegExp(String.raw`(${PATH}):(\d+)(?::(\d+))?`, 'g'),
];
// ESLint's default output: the file on a line of its own, then `  42:5  error  …` under it.
const BARE_PATH = new RegExp(String.raw`^\s*(${PATH})\s*$`);
const ESLINT_ROW = /^\s+(\d+):(\d+)\s+(?:error|✖)/;

// A runner's checkout of the repository: what follows it is the repository's own path.
const WORKSPACE_PREFIXES = [
  /^.*?\/work\/(?!_)[^/]+\/[^/]+\//, // /home/runner/work/<repo>/<repo>/ (not _actions, _temp, _tool)
  /^\/__w\/[^/]+\/[^/]+\//, // container jobs
  /^[A-Za-z]:[\\/]a[\\/][^\\/]+[\\/][^\\/]+[\\/]/, // Windows runners: D:\a\<repo>\<repo>\
  /^.*?\/workspace\//, // a container's checkout
];
// Dependencies, the language runtime and the runner's actions: not where the fix goes.
const NOT_OWN = /(?:^|[\\/])(?:node_modules|site-packages|dist-packages|_actions|\.cargo|go[\\/]pkg[\\/]mod|vendor|\.venv|venv)[\\/]|^(?:node:|internal[\\/]|<)|^\/(?:usr|opt|lib|nix)\/|^[A-Za-z]:[\\/](?:Program Files|hostedtoolcache)/i;

/** The error lines' locations in `lines` (the steps in `steps` only, when given), the repository's own first. */
export function findLocations(lines: LogLine[], steps?: readonly string[]): LogLocation[] {
  const wanted = steps && steps.length > 0 ? new Set(steps) : undefined;
  const seen = new Set<string>();
  const found: LogLocation[] = [];
  const windows = new Set<number>();
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    if (!line || (wanted && (line.step === undefined || !wanted.has(line.step))) || !isErrorLine(line.text)) continue;
    for (let near = Math.max(0, index - BEFORE); near <= Math.min(lines.length - 1, index + AFTER); near++) {
      if (lines[near]?.step === line.step) windows.add(near);
    }
  }
  for (const index of [...windows].sort((a, b) => a - b)) {
    for (const location of locationsIn(lines, index)) {
      const key = `${location.path}:${location.line}`;
      if (seen.has(key)) continue;
      seen.add(key);
      found.push(location);
    }
  }
  // Stable: the repository's own files first, each group in the order the log shows them.
  return [...found.filter((location) => location.own), ...found.filter((location) => !location.own)].slice(0, MAX_LOCATIONS);
}

function locationsIn(lines: LogLine[], index: number): LogLocation[] {
  const text = lines[index]?.text ?? '';
  const found: LogLocation[] = [];
  const taken: [number, number][] = [];
  for (const pattern of LOCATION_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      // A shape matched by an earlier pattern (`File "a.py", line 3`) is not read again by a later one.
      if (taken.some(([from, to]) => start < to && end > from)) continue;
      taken.push([start, end]);
      const location = locationOf(match[1] ?? '', match[2], match[3], text);
      if (location) found.push(location);
    }
  }
  const bare = BARE_PATH.exec(text)?.[1];
  if (bare && found.length === 0) {
    for (let next = index + 1; next < Math.min(lines.length, index + 50); next++) {
      const row = ESLINT_ROW.exec(lines[next]?.text ?? '');
      if (!row) continue;
      const location = locationOf(bare, row[1], row[2], lines[next]?.text ?? '');
      if (location) found.push(location);
      break;
    }
  }
  return found;
}

function locationOf(rawPath: string, line: string | undefined, column: string | undefined, text: string): LogLocation | undefined {
  const lineNumber = Number(line);
  if (!Number.isInteger(lineNumber) || lineNumber <= 0) return undefined;
  const trimmed = rawPath.replace(/^\.\//, '');
  // A URL (`https://host/x.js:10`) is a web address, not a file in the checkout.
  if (/^[a-z]+:\/\//i.test(trimmed) || trimmed.includes('://')) return undefined;
  const workspace = WORKSPACE_PREFIXES.find((prefix) => prefix.test(trimmed));
  const path = (workspace ? trimmed.replace(workspace, '') : trimmed).replace(/\\/g, '/');
  const own = !NOT_OWN.test(trimmed) && (workspace !== undefined || !/^(?:\/|[A-Za-z]:)/.test(trimmed));
  const location: LogLocation = { path, line: lineNumber, text: clipText(text.trim(), 300), own };
  const columnNumber = Number(column);
  if (column !== undefined && Number.isInteger(columnNumber) && columnNumber > 0) location.column = columnNumber;
  return location;
}
