// Adapter for a folder of a repository (`/owner/repo/tree/<ref>/<path>`): its entries, each with the
// last commit that touched it, and the README shown under them.
import type { Adapter, AdapterOutput } from '../adapter';
import type { TreeData, TreeEntry } from '../../context/types';
import { findEmbedded, recordsAt, stringAt } from './embedded-route';
import { limits } from './limits';
import { markdownText } from './markdown-text';
import { readOutline } from './repo';
import { parseGithubPath } from './route';
import { textOf } from './text';

export const treeAdapter: Adapter = {
  id: 'github-tree',
  kinds: ['github.tree'],
  capture: async (document, url) => captureTree(document, url),
};

const MAX_ENTRIES = 1_000;

function captureTree(document: Document, url: URL): AdapterOutput {
  const route = parseGithubPath(url);
  const [pathOwner = '', pathRepo = ''] = url.pathname.split('/').filter((part) => part !== '');
  const cut: string[] = [];
  const rows = readRows(document);
  const entries = rows.length > 0 ? rows : readEmbeddedItems(document);
  if (entries.length > MAX_ENTRIES) cut.push(`entries after the first ${MAX_ENTRIES} of ${entries.length}`);
  const readmeElement = document.querySelector('#readme article.markdown-body, [data-testid="readme"] .markdown-body, article.markdown-body');
  const data: TreeData = {
    type: 'tree',
    owner: route?.owner ?? pathOwner,
    repo: route?.repo ?? pathRepo,
    ref: route?.page === 'tree' ? route.ref : '',
    path: route?.page === 'tree' ? route.path : '',
    entries: entries.slice(0, MAX_ENTRIES),
    readmeOutline: readOutline(readmeElement),
  };
  if (readmeElement) {
    const readme = markdownText(readmeElement, limits.readmeChars);
    if (readme.cut) cut.push(`README after ${limits.readmeChars} characters`);
    data.readme = readme.text;
  }
  const folders = data.entries.filter((entry) => entry.kind === 'directory').length;
  const facts: AdapterOutput['facts'] = {
    repository: `${data.owner}/${data.repo}`,
    ref: data.ref,
    path: data.path || '/',
    entries: data.entries.length,
    folders,
    files: data.entries.length - folders,
    readme: data.readme !== undefined,
  };
  const output: AdapterOutput = { title: `${data.path || data.repo} at ${data.ref} · ${data.owner}/${data.repo}`, facts, data };
  if (cut.length > 0) output.cut = cut;
  return output;
}

/**
 * The rendered table: React rows (`tr.react-directory-row`, 2023–) or classic ones (`div[role="row"]`).
 * The React table renders each name twice (small and large screens); one link per row is read.
 */
function readRows(document: Document): TreeEntry[] {
  const entries: TreeEntry[] = [];
  for (const row of Array.from(document.querySelectorAll('tr.react-directory-row, .js-details-container div[role="row"].Box-row'))) {
    const link = row.querySelector('.react-directory-row-name-cell-large-screen a[href], .react-directory-filename-cell a[href], div[role="rowheader"] a[href]');
    const name = link?.getAttribute('title') ?? textOf(link);
    // The parent-folder row ("..") links up, and is no entry of this folder.
    if (!link || !name || name === '..') continue;
    const entry: TreeEntry = { name, kind: kindOf(link) };
    const commit = row.querySelector('.react-directory-commit-message a, .commit-message a, [class*="commit-message"] a');
    const message = commit?.getAttribute('title') ?? textOf(commit);
    if (message) entry.lastCommit = message;
    const date = row.querySelector('.react-directory-commit-age relative-time[datetime], relative-time[datetime], time-ago[datetime]')?.getAttribute('datetime');
    if (date) entry.lastCommitDate = date;
    entries.push(entry);
  }
  return entries;
}

function kindOf(link: Element): TreeEntry['kind'] {
  const label = link.getAttribute('aria-label') ?? '';
  if (/\(Directory\)/i.test(label)) return 'directory';
  if (/\(Submodule\)/i.test(label)) return 'submodule';
  if (/\(Symlink/i.test(label)) return 'symlink';
  if (/\(File\)/i.test(label)) return 'file';
  return /\/tree\//.test(link.getAttribute('href') ?? '') ? 'directory' : 'file';
}

/** Before the table renders, the route data lists the entries (without their last commits, which load later). */
function readEmbeddedItems(document: Document): TreeEntry[] {
  const tree = findEmbedded(document, 'tree', (value) => Array.isArray(value['items']));
  return recordsAt(tree, 'items').flatMap((item) => {
    const name = stringAt(item, 'name');
    if (!name) return [];
    const type = stringAt(item, 'contentType') ?? '';
    const kind: TreeEntry['kind'] = type === 'directory' ? 'directory' : type === 'submodule' ? 'submodule' : type.startsWith('symlink') ? 'symlink' : 'file';
    return [{ name, kind }];
  });
}
