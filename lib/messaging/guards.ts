// Shape checks for every incoming message: content scripts run next to untrusted pages, so input is checked.
import type { InputGuards } from './background-router';
import type { PageContext } from '../context/types';

const PAGE_KINDS = new Set([
  'github.pull', 'github.pull.files', 'github.issue', 'github.blob', 'github.actions', 'github.repo',
  'docs', 'dashboard', 'generic',
]);

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isTabId(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

export function isPageContext(value: unknown): value is PageContext {
  if (!isRecord(value)) return false;
  return (
    typeof value.url === 'string' &&
    typeof value.title === 'string' &&
    typeof value.kind === 'string' &&
    PAGE_KINDS.has(value.kind) &&
    typeof value.capturedAt === 'number' &&
    isRecord(value.facts) &&
    isRecord(value.data) &&
    typeof value.data.type === 'string' &&
    typeof value.redactions === 'number'
  );
}

export const backgroundGuards: InputGuards = {
  'content-ready': (input): input is { url: string } => isRecord(input) && typeof input.url === 'string',
  'context-update': (input): input is { context: PageContext } => isRecord(input) && isPageContext(input.context),
  'tab-view-get': (input): input is { tabId: number } => isRecord(input) && isTabId(input.tabId),
};
