// What the change-overview skill runs in the sandbox (its card: ../change-overview.ts): what a commit or a
// compare view changes, the order to read its files in, and the spots to look at twice. It reads the diff
// through the prelude's helpers (files(), addedLines()), as a model-written script would.
import type { PageData } from '../../context/types';
import { READING_GROUPS, RISKY_LINE_PATTERNS, changeRisks, readingOrder, type ReadingFile } from '../change-reading';
import { groupDigits } from '../pull-reading';

const MAX_LISTED = 8;
const MESSAGE_LINES = 6;

export function changeOverview(page: PageData) {
  if (page.type !== 'commit' && page.type !== 'compare') throw new Error('change-overview needs a commit or compare page');
  const read: ReadingFile[] = files().map((file) => ({ path: file.path, status: file.status, additions: file.additions, deletions: file.deletions }));
  const unread: ReadingFile[] = page.unread.map((file) => ({ path: file.path, status: file.status }));
  const all = [...read, ...unread];
  const lines: string[] = [];
  if (page.type === 'commit') {
    lines.push(`**${page.title}**`, '');
    const who = page.author ? ` by ${page.author}` : '';
    const when = page.authoredAt ? `, ${page.authoredAt.slice(0, 10)}` : '';
    const parents = page.parents.length === 0 ? 'a root commit' : page.parents.length > 1 ? `a merge of ${page.parents.map((sha) => sha.slice(0, 7)).join(' and ')}` : `parent ${page.parents[0]!.slice(0, 7)}`;
    lines.push(`Commit ${page.sha.slice(0, 7)}${who}${when}; ${parents}.`);
    // The author's own account of the change, as the message gives it (the first lines).
    const message = page.message.split('\n').filter((line) => line.trim() !== '' && !/^(co-authored-by|signed-off-by|[\w-]+-session):/i.test(line.trim()));
    if (message.length > 0) lines.push('', ...message.slice(0, MESSAGE_LINES).map((line) => `> ${line}`), ...(message.length > MESSAGE_LINES ? ['> …'] : []));
  } else {
    lines.push(`**Comparing ${page.base || 'the default branch'}...${page.head}**: ${page.commits.length} commit${page.commits.length === 1 ? '' : 's'}.`);
    if (page.commits.length > 0) lines.push('');
    for (const commit of page.commits.slice(0, MAX_LISTED)) {
      lines.push(`- ${commit.sha ? `\`${commit.sha.slice(0, 7)}\` ` : ''}${commit.message}${commit.author ? ` (${commit.author})` : ''}`);
    }
    if (page.commits.length > MAX_LISTED) lines.push(`- and ${page.commits.length - MAX_LISTED} more`);
  }
  lines.push('');
  const readAdditions = read.reduce((total, file) => total + (file.additions ?? 0), 0);
  const readDeletions = read.reduce((total, file) => total + (file.deletions ?? 0), 0);
  if (page.read.diff) {
    lines.push(`**${groupDigits(read.length)} file${read.length === 1 ? '' : 's'} changed**, +${groupDigits(readAdditions)} −${groupDigits(readDeletions)}.`);
  } else {
    const shown = page.shown;
    const totals = shown.files !== undefined ? `${groupDigits(shown.files)} files, +${groupDigits(shown.additions ?? 0)} −${groupDigits(shown.deletions ?? 0)}` : `${all.length} files`;
    lines.push(`**${totals}** as the page header says; Tandem read the lines of ${read.length} of them (+${groupDigits(readAdditions)} −${groupDigits(readDeletions)}), so the reading order below goes by path for the rest.`);
  }
  if (all.length === 0) {
    lines.push('', 'The page shows no changed files to read.');
    view.markdown(lines.join('\n'));
    return { diffRead: page.read.diff, order: [], risks: [], riskyLines: [] };
  }

  const order = readingOrder(all);
  const added = all.filter((file) => file.status === 'added').length;
  const removed = all.filter((file) => file.status === 'removed').length;
  const statusWords = [`${all.length - added - removed} changed`, ...(added > 0 ? [`${added} added`] : []), ...(removed > 0 ? [`${removed} removed`] : [])];
  lines.push('', `**Reading order** (${statusWords.join(', ')})`);
  order.forEach((entry, index) => {
    const listed = entry.files.slice(0, MAX_LISTED).map((file) =>
      `\`${file.path}\`${file.additions !== undefined ? ` +${file.additions} −${file.deletions ?? 0}` : ''}${file.status === 'removed' || file.status === 'renamed' ? ` (${file.status})` : ''}`);
    const more = entry.files.length > MAX_LISTED ? `, and ${entry.files.length - MAX_LISTED} more` : '';
    lines.push(`${index + 1}. ${entry.label} (${entry.files.length}): ${listed.join(', ')}${more}`);
  });

  // Risky spots: the scored files whose lines were read, the sensitive paths among the rest, and added lines that need a second look.
  const risks = changeRisks(all).slice(0, 8).map((risk) => ({ path: risk.path, reasons: risk.reasons }));
  const riskyLines: { path: string; line: number; text: string; reason: string }[] = [];
  for (const { pattern, reason } of RISKY_LINE_PATTERNS) {
    for (const hit of addedLines(pattern)) {
      if (riskyLines.length >= 8) break;
      riskyLines.push({ path: hit.path, line: hit.line, text: hit.text.trim().slice(0, 120), reason });
    }
  }
  lines.push('', '**Risky spots**');
  if (risks.length === 0 && riskyLines.length === 0) {
    lines.push(page.read.diff ? '- Nothing stands out by path, size or added line.' : '- Nothing stands out by path among the files; their lines were not read.');
  }
  for (const risk of risks) lines.push(`- \`${risk.path}\`: ${risk.reasons.join('; ')}`);
  for (const hit of riskyLines) lines.push(`- \`${hit.path}:${hit.line}\` ${hit.reason}: \`${hit.text.replace(/`/g, "'")}\``);
  view.markdown(lines.join('\n'));
  view.table(order.flatMap((entry, index) => entry.files.map((file) => ({
    step: index + 1,
    group: READING_GROUPS.find((group) => group.group === entry.group)?.label ?? entry.group,
    file: file.path,
    changed: file.additions !== undefined ? `+${file.additions} −${file.deletions ?? 0}` : 'not read',
  }))), { title: 'Reading order' });
  return { diffRead: page.read.diff, order: order.map((entry) => ({ group: entry.group, files: entry.files.map((file) => file.path) })), risks, riskyLines };
}
