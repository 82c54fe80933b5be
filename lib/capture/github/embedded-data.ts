// GitHub's React pages embed their first payload as JSON; it names the pull request even
// before (or without) the React tree rendering, so it backs up the DOM readings.
import { parseEmbeddedJson } from './embedded-route';

export interface EmbeddedPull {
  number?: number;
  title?: string;
  state?: string;
  isDraft?: boolean;
  author?: string;
  baseBranch?: string;
  headBranch?: string;
  commitsCount?: number;
}

const maxDepth = 6;

export function readEmbeddedPull(document: Document): EmbeddedPull | undefined {
  for (const script of Array.from(document.querySelectorAll('script[data-target="react-app.embeddedData"]'))) {
    const payload = parseEmbeddedJson(script.textContent ?? '');
    const found = findPull(payload, 0);
    if (found) return found;
  }
  return undefined;
}

function findPull(value: unknown, depth: number): EmbeddedPull | undefined {
  if (depth > maxDepth || typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const candidate = record['pullRequest'];
  if (isPullRecord(candidate)) return toEmbeddedPull(candidate);
  for (const child of Object.values(record)) {
    const found = findPull(child, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function isPullRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>)['number'] === 'number';
}

function toEmbeddedPull(record: Record<string, unknown>): EmbeddedPull {
  const author = record['author'];
  const login = typeof author === 'object' && author !== null ? (author as Record<string, unknown>)['login'] : undefined;
  const result: EmbeddedPull = {};
  if (typeof record['number'] === 'number') result.number = record['number'];
  if (typeof record['title'] === 'string') result.title = record['title'];
  if (typeof record['state'] === 'string') result.state = record['state'];
  if (typeof record['isDraft'] === 'boolean') result.isDraft = record['isDraft'];
  if (typeof login === 'string') result.author = login;
  if (typeof record['baseBranch'] === 'string') result.baseBranch = record['baseBranch'];
  if (typeof record['headBranch'] === 'string') result.headBranch = record['headBranch'];
  if (typeof record['commitsCount'] === 'number') result.commitsCount = record['commitsCount'];
  return result;
}
