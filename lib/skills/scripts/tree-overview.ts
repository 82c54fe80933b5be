// What the tree-overview skill runs in the sandbox (its card: ../tree-overview.ts): what a folder holds,
// told from its entries (grouped as code, tests, configuration, docs), its README, and what changed last.
import type { PageData, TreeEntry } from '../../context/types';
import { READING_GROUPS, readingGroup } from '../change-reading';

const MAX_LISTED = 10;
const RECENT = 5;

export function treeOverview(page: PageData) {
  if (page.type !== 'tree') throw new Error('tree-overview needs a folder page');
  const where = page.path ? `\`${page.path}/\`` : 'The repository root';
  const folders = page.entries.filter((entry) => entry.kind === 'directory' || entry.kind === 'submodule');
  const files = page.entries.filter((entry) => entry.kind !== 'directory' && entry.kind !== 'submodule');
  const lines: string[] = [`**${where}** of ${page.owner}/${page.repo} at \`${page.ref}\`: ${count(folders.length, 'folder')} and ${count(files.length, 'file')}.`];

  const summary = readmeSummary(page.readme);
  if (summary) lines.push('', `The README says: ${summary}`);
  if (page.readmeOutline.length > 1) lines.push(`Its sections: ${page.readmeOutline.filter((heading) => heading.level > 1).map((heading) => heading.text).join(', ')}.`);

  if (folders.length > 0) {
    lines.push('', '**Folders**');
    for (const folder of folders.slice(0, MAX_LISTED)) lines.push(`- \`${folder.name}/\`${folder.lastCommit ? ` — last: ${folder.lastCommit}` : ''}`);
    if (folders.length > MAX_LISTED) lines.push(`- and ${folders.length - MAX_LISTED} more`);
  }
  const groups = READING_GROUPS.map(({ group, label }) => ({
    label,
    files: files.filter((file) => readingGroup(page.path ? `${page.path}/${file.name}` : file.name) === group),
  })).filter((entry) => entry.files.length > 0);
  if (groups.length > 0) {
    lines.push('', '**Files**');
    for (const group of groups) {
      const names = group.files.slice(0, MAX_LISTED).map((file) => `\`${file.name}\``);
      lines.push(`- ${group.label}: ${names.join(', ')}${group.files.length > MAX_LISTED ? `, and ${group.files.length - MAX_LISTED} more` : ''}`);
    }
  }

  const dated = page.entries.filter((entry): entry is TreeEntry & { lastCommitDate: string } => entry.lastCommitDate !== undefined);
  const recent = [...dated].sort((left, right) => (left.lastCommitDate < right.lastCommitDate ? 1 : left.lastCommitDate > right.lastCommitDate ? -1 : 0)).slice(0, RECENT);
  if (recent.length > 0) {
    lines.push('', '**Changed last**');
    for (const entry of recent) lines.push(`- \`${entry.name}${entry.kind === 'directory' ? '/' : ''}\` ${entry.lastCommitDate.slice(0, 10)}${entry.lastCommit ? `: ${entry.lastCommit}` : ''}`);
  } else if (page.entries.length > 0) {
    lines.push('', 'The page had not loaded when each entry last changed.');
  }
  view.markdown(lines.join('\n'));
  view.table(page.entries.map((entry) => ({ name: entry.kind === 'directory' ? `${entry.name}/` : entry.name, kind: entry.kind, 'last commit': entry.lastCommit ?? '', date: entry.lastCommitDate?.slice(0, 10) ?? '' })), { title: 'Entries' });
  return {
    folders: folders.map((folder) => folder.name),
    files: groups.map((group) => ({ group: group.label, files: group.files.map((file) => file.name) })),
    recent: recent.map((entry) => ({ name: entry.name, date: entry.lastCommitDate, commit: entry.lastCommit ?? '' })),
    readme: summary,
  };
}

function count(value: number, noun: string): string {
  return `${value} ${noun}${value === 1 ? '' : 's'}`;
}

/** The README's first paragraph of prose (headings, badges and code fences skipped), within two sentences. */
function readmeSummary(readme: string | undefined): string {
  if (!readme) return '';
  const paragraphs = readme.split(/\n\s*\n/).map((paragraph) => paragraph.trim());
  const prose = paragraphs.find((paragraph) => paragraph !== '' && !/^(#|```|!\[|\[!\[|<|\||-{3})/.test(paragraph));
  if (!prose) return '';
  // A sentence ends at a stop followed by a space: `index.ts` is not two sentences.
  const sentences = prose.replace(/\s+/g, ' ').split(/(?<=[.!?])\s+/);
  return sentences.slice(0, 2).join(' ').trim().slice(0, 400);
}
