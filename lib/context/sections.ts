// The parts of a captured page the user can see listed and exclude from what is sent to the model.
import { shownTotals } from '../skills/pull-reading';
import type { PageContext, PullData } from './types';

export interface ContextSection {
  id: string;
  label: string;
  /** Items (files, comments…) or characters, whichever the part is made of. */
  size: string;
  /** A part the page has but Tandem could not read: listed so nobody takes its absence for "none", with nothing to exclude. */
  notRead?: true;
}

const LABELS: Record<string, string> = {
  description: 'Description',
  body: 'Issue body',
  files: 'Changed files and diff',
  checks: 'Checks',
  threads: 'Review threads',
  comments: 'Comments',
  commits: 'Commits',
  labels: 'Labels',
  reviewers: 'Reviewers',
  assignees: 'Assignees',
  code: 'Code',
  errors: 'Log errors',
  steps: 'Steps',
  jobs: 'Jobs',
  readme: 'README',
  message: 'Commit message',
  unread: 'Files listed without their lines (not read)',
  entries: 'Folder entries',
  releases: 'Releases',
  question: 'Question',
  answers: 'Answers',
  text: 'Text',
  outline: 'Headings',
  codeBlocks: 'Code samples',
  tables: 'Tables',
  series: 'Series',
  panels: 'Panels',
  links: 'Links',
  selection: 'Your selection',
};

function sizeOf(value: unknown): string | null {
  if (Array.isArray(value)) return value.length > 0 ? `${value.length.toLocaleString('en-US')} item${value.length === 1 ? '' : 's'}` : null;
  if (typeof value === 'string') return value.trim() ? `${value.length.toLocaleString('en-US')} characters` : null;
  return null;
}

export function listSections(context: PageContext): ContextSection[] {
  const sections: ContextSection[] = [];
  for (const [key, value] of Object.entries(context.data)) {
    const label = LABELS[key];
    const size = sizeOf(value);
    if (label && size) sections.push({ id: key, label, size });
  }
  if (context.data.type === 'pull') sections.push(...pullPartsNotRead(context.data));
  if (context.selection) sections.push({ id: 'selection', label: LABELS.selection ?? 'Your selection', size: `${context.selection.length.toLocaleString('en-US')} characters` });
  return sections;
}

function pullPartsNotRead(data: PullData): ContextSection[] {
  const parts: ContextSection[] = [];
  if (!data.read.diff) {
    const totals = shownTotals(data);
    parts.push({ id: 'files', label: LABELS['files'] ?? 'files', size: totals ? `not read — the page shows ${totals}` : 'not read', notRead: true });
  }
  if (!data.read.checks) parts.push({ id: 'checks', label: LABELS['checks'] ?? 'checks', size: 'not read', notRead: true });
  if (!data.read.threads) parts.push({ id: 'threads', label: LABELS['threads'] ?? 'threads', size: 'not read', notRead: true });
  return parts;
}

/** The context without the excluded parts: emptied, so scripts and the prompt see them as absent, not missing fields. */
export function withoutSections(context: PageContext, excluded: readonly string[]): PageContext {
  if (excluded.length === 0) return context;
  const data: Record<string, unknown> = { ...context.data };
  for (const id of excluded) {
    if (!(id in data) || id === 'type') continue;
    data[id] = Array.isArray(data[id]) ? [] : typeof data[id] === 'string' ? '' : data[id];
  }
  const cut = [...(context.cut ?? []), `excluded by the user: ${excluded.map((id) => LABELS[id] ?? id).join(', ')}`];
  const next: PageContext = { ...context, data: data as unknown as PageContext['data'], cut };
  if (excluded.includes('selection')) delete next.selection;
  return next;
}
