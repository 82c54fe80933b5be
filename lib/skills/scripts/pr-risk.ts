// What the pr-risk skill runs in the sandbox (its card: ../pr-risk.ts, "Which changes lack tests?"), built
// into script text by scripts/build-sandbox-scripts.ts. It sees the prelude's globals (../../sandbox/prelude-globals.d.ts).
import type { PageData } from '../../context/types';
import { code, listWords, plural } from '../answer-words';
import { isNewFile } from '../diff-facts';
import { diffNotReadNote } from '../pull-reading';
import { shortNames } from '../reading-order';
import { untestedChanges } from '../untested-changes';

export function prRisk(page: PageData) {
  if (page.type !== 'pull') throw new Error('pr-risk needs a pull request page');
  // No files read is not "every change tested": say what is missing instead of finding nothing.
  if (!page.read.diff) {
    view.markdown(`**Tests not assessed.** ${diffNotReadNote(page)}`);
    return { diffRead: false, shown: page.shown, untested: [] };
  }
  const answer = untestedChanges(page.files);
  const names = shortNames(page.files.map((file) => file.path));
  const name = (path: string) => code(names.get(path) ?? path);
  const size = (path: string) => {
    const file = page.files.find((candidate) => candidate.path === path)!;
    return isNewFile(file) ? `new, +${file.additions}` : `+${file.additions} −${file.deletions}`;
  };
  const counted = answer.coverage.sources.length;
  const lines: string[] = [];
  if (counted === 0) {
    const tests = answer.coverage.tests;
    lines.push(tests.length > 0
      ? `**Only tests changed** (${listWords(tests.map((test) => `${name(test.path)}, ${size(test.path)}`), 3)}): there is no code change here for them to cover.`
      : '**No code change to test here.**');
  } else if (answer.untested.length > 0) {
    lines.push(`**${answer.untested.length} of ${plural(counted, 'changed source file')} ${answer.untested.length === 1 ? 'has' : 'have'} no test in this change**, the riskiest first:`, '');
    answer.untested.forEach((finding, index) => {
      lines.push(`${index + 1}. ${name(finding.path)} (${size(finding.path)}${finding.area ? `, ${finding.area}` : ''}): ${finding.what}.`);
    });
  } else {
    lines.push(answer.indirect.length > 0
      ? `**Every changed source file has a test in this change**, but ${answer.indirect.length === 1 ? 'one is' : `${answer.indirect.length} are`} reached only from tests that never name what it adds:`
      : `**Every changed source file has a test in this change.**`);
  }
  if (answer.indirect.length > 0) {
    if (answer.untested.length > 0) lines.push('', '**Tested only indirectly:**');
    else lines.push('');
    for (const finding of answer.indirect) lines.push(`- ${name(finding.path)} (${size(finding.path)}): ${finding.reason}.`);
  }
  if (answer.tested.length > 0) {
    lines.push('', `**Tested:** ${answer.tested.map((entry) => `${name(entry.path)} (${entry.by})`).join('; ')}.`);
  }
  if (answer.coverage.notCounted.length > 0) {
    const byWhy = new Map<string, string[]>();
    for (const entry of answer.coverage.notCounted) byWhy.set(entry.why, [...(byWhy.get(entry.why) ?? []), entry.path]);
    const groups = [...byWhy].map(([why, paths]) =>
      paths.length > 2 ? `${paths.length} files that only ${why.replace(/^sets/, 'set')}` : `${listWords(paths.map(name), 2)} (${why})`);
    lines.push('', `**Not counted:** ${groups.join('; ')}.`);
  }
  view.markdown(lines.join('\n'));
  return {
    diffRead: true,
    untested: answer.untested.map(({ path, line, what }) => ({ path, line, what })),
    indirect: answer.indirect.map(({ path, line, reason }) => ({ path, line, reason })),
    tested: answer.tested,
    notCounted: answer.coverage.notCounted,
  };
}
