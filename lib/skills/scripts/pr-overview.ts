// What the pr-overview skill runs in the sandbox (its card: ../pr-overview.ts), built into script text by
// scripts/build-sandbox-scripts.ts. It sees the prelude's globals (../../sandbox/prelude-globals.d.ts).
import type { PageData } from '../../context/types';
import { isGeneratedPath, topDirectory } from '../file-risk';
import { diffNotReadNote } from '../pull-reading';

export function prOverview(page: PageData) {
  if (page.type !== 'pull') throw new Error('pr-overview needs a pull request page');
  if (!page.read.diff) {
    view.markdown(`**The diff was not read.** ${diffNotReadNote(page)}`);
    return { diffRead: false, shown: page.shown };
  }
  const changed = page.files;
  const generated = changed.filter((file) => isGeneratedPath(file.path));
  const reviewed = changed.filter((file) => !isGeneratedPath(file.path));
  const byDirectory: Record<string, { directory: string; files: number; additions: number; deletions: number }> = {};
  for (const file of reviewed) {
    const directory = topDirectory(file.path);
    const entry = (byDirectory[directory] ??= { directory, files: 0, additions: 0, deletions: 0 });
    entry.files += 1;
    entry.additions += file.additions;
    entry.deletions += file.deletions;
  }
  const directories = Object.values(byDirectory).sort(
    (left, right) => right.additions + right.deletions - (left.additions + left.deletions) || (left.directory < right.directory ? -1 : 1),
  );
  const totals = {
    files: changed.length,
    additions: changed.reduce((total, file) => total + file.additions, 0),
    deletions: changed.reduce((total, file) => total + file.deletions, 0),
    generatedFiles: generated.length,
  };
  const biggest = [...reviewed]
    .sort((left, right) => right.additions + right.deletions - (left.additions + left.deletions))
    .slice(0, 5)
    .map((file) => ({ path: file.path, additions: file.additions, deletions: file.deletions }));
  const renamed = changed
    .filter((file) => file.status === 'renamed')
    .map((file) => ({ from: file.previousPath ?? '', to: file.path }));
  const deleted = changed.filter((file) => file.status === 'removed').map((file) => file.path);
  const generatedFiles = generated.map((file) => ({ path: file.path, additions: file.additions, deletions: file.deletions }));

  const lines = [
    `**${totals.files} files changed**, +${totals.additions} −${totals.deletions}` +
      (generated.length > 0 ? ` (${generated.length} generated or lock files set apart)` : ''),
  ];
  if (biggest.length > 0) {
    lines.push('', 'Biggest changes:', ...biggest.map((file) => `- \`${file.path}\` +${file.additions} −${file.deletions}`));
  }
  if (renamed.length > 0) lines.push('', 'Renamed:', ...renamed.map((file) => `- \`${file.from}\` → \`${file.to}\``));
  if (deleted.length > 0) lines.push('', 'Deleted:', ...deleted.map((path) => `- \`${path}\``));
  if (generated.length > 0) lines.push('', 'Generated / lock files:', ...generated.map((file) => `- \`${file.path}\``));
  view.markdown(lines.join('\n'));
  view.table(directories, { title: 'By directory' });
  return { diffRead: true, totals, directories, biggest, renamed, deleted, generated: generatedFiles };
}
