// A review comment written from what the pull request page shows, the way a reviewer writes one: what was
// read, then one bullet per point, most blocking first (a committed secret, failing checks, focused tests,
// open threads, untested code, debug output, TODOs, skipped tests, copied code), each citing file:line.
// A part the page did not give (the diff, the checks) is said to be unread, never taken as clean. Pure.
import type { PullData } from '../context/types';
import { code, listWords, plural } from './answer-words';
import { type DiffFileLike, symbolChanges } from './diff-facts';
import { isSourcePath, isTestPath, sensitivePathReasons } from './file-risk';
import { groupDigits, shownTotals } from './pull-reading';
import {
  type LinePoint,
  debugOutputAdded,
  focusedOrSkippedTests,
  maskedSecretsAdded,
  repeatedBlocks,
  threadSentence,
  threadState,
  todosAdded,
} from './review-points';
import { untestedChanges } from './untested-changes';

export interface ReviewComment {
  /** The comment, ready to paste or fill. */
  text: string;
  /** Each point once, in the order written. */
  points: { kind: string; text: string }[];
}

const at = (point: { path: string; line: number }) => code(`${point.path}:${point.line}`);

function groupedLines(points: readonly LinePoint[], limit = 3): string {
  return listWords(points.map(at), limit);
}

/** The function a line of a file sits in, from the definitions the diff shows. */
function enclosingName(files: readonly DiffFileLike[], path: string, line: number): string | undefined {
  const file = files.find((candidate) => candidate.path === path);
  if (!file) return undefined;
  const above = symbolChanges(file).filter((symbol) => symbol.change !== 'removed' && !symbol.type && symbol.line <= line);
  return above.sort((left, right) => right.line - left.line)[0]?.name;
}

function threadPoints(page: PullData): string[] {
  const open = page.threads.filter((thread) => !thread.resolved).map((thread) => threadState(thread, page.author));
  const sentences: string[] = [];
  // Threads the author answered with the same fix commit are one point: check that commit, then resolve them.
  const byFix = new Map<string, typeof open>();
  for (const state of open) if (state.fixedIn) byFix.set(state.fixedIn, [...(byFix.get(state.fixedIn) ?? []), state]);
  for (const [commit, states] of byFix) {
    if (states.length < 2) continue;
    const paths = [...new Set(states.map((state) => state.where.replace(/:\d+$/, '')))];
    const lines = states.map((state) => /:(\d+)$/.exec(state.where)?.[1]).filter(Boolean);
    const where = paths.length === 1 && lines.length === states.length ? `${code(paths[0]!)} (lines ${listWords(lines as string[], 5)})` : listWords(states.map((state) => code(state.where)), 4);
    const outdated = states.every((state) => state.outdated) ? ', now outdated,' : '';
    sentences.push(`The ${states.length} open threads on ${where}${outdated} are answered as fixed in ${code(commit)}; they can be resolved once that commit is checked.`);
  }
  const single = open.filter((state) => !state.fixedIn || (byFix.get(state.fixedIn)?.length ?? 0) < 2);
  for (const state of single.slice(0, 4)) sentences.push(threadSentence(state));
  if (single.length > 4) sentences.push(`${plural(single.length - 4, 'more open thread')} on the Conversation tab.`);
  return sentences;
}

export function reviewComment(page: PullData): ReviewComment {
  const points: { kind: string; text: string }[] = [];
  const add = (kind: string, text: string) => points.push({ kind, text });
  const files = page.read.diff ? page.files : [];

  const secrets = maskedSecretsAdded(files);
  if (secrets.length > 0) {
    add('secret', `${groupedLines(secrets)} ${secrets.length === 1 ? 'adds what looks like a credential' : 'add what look like credentials'} (Tandem masked ${secrets.length === 1 ? `a ${secrets[0]!.secret}` : 'them'}); please take ${secrets.length === 1 ? 'it' : 'them'} out and rotate anything real.`);
  }
  const failing = page.checks.filter((check) => check.state === 'failure' || check.state === 'cancelled');
  if (failing.length > 0) {
    const names = [...new Set(failing.map((check) => check.name))];
    add('checks', `${listWords(names.map(code), 4)} ${names.length === 1 ? 'is' : 'are'} failing; that needs fixing before this can merge.`);
  }
  const testMarks = focusedOrSkippedTests(files);
  const focused = testMarks.filter((mark) => mark.kind === 'focused');
  if (focused.length > 0) add('focused', `${groupedLines(focused)} ${focused.length === 1 ? 'leaves a test focused' : 'leave tests focused'} (\`.only\`), so CI would run only ${focused.length === 1 ? 'that one' : 'those'}.`);
  for (const sentence of threadPoints(page)) add('thread', sentence);

  if (page.read.diff) {
    const answer = untestedChanges(files);
    const cite = (finding: { path: string; line?: number }) => code(finding.line !== undefined ? `${finding.path}:${finding.line}` : finding.path);
    const [first, ...others] = answer.untested;
    if (first) add('untested', `Could you add a test for ${cite(first)}? It ${first.what}, and no test in this change touches it.`);
    if (others.length > 0) {
      const named = others.slice(0, 2).map((finding) => `${cite(finding)} (${finding.what.split('; ')[0]})`);
      const rest = others.length > 2 ? `, and ${plural(others.length - 2, 'more file')}` : '';
      add('untested', `${listWords(named, 2)}${rest} ${others.length === 1 ? 'has' : 'have'} no test either.`);
    }
    const indirect = answer.indirect[0];
    if (!first && indirect) {
      add('untested', `${cite(indirect)} ${indirect.what.split('; ')[0]}, but no test names any of it; is it covered only through the tests beside it?`);
    }
  }
  // Files that are not code but change how it is built, shipped or stored: named once, together.
  const sensitive = files.flatMap((file) => {
    if (isSourcePath(file.path) || isTestPath(file.path) || file.status === 'removed') return [];
    const reason = sensitivePathReasons(file.path)[0];
    return reason ? [`a ${reason.reason} (${code(file.path)})`] : [];
  });
  if (sensitive.length > 0) add('sensitive', `This also changes ${listWords(sensitive, 4)}; worth a second pair of eyes.`);
  const debug = debugOutputAdded(files);
  if (debug.length === 1) add('debug', `${at(debug[0]!)} adds ${code(debug[0]!.text)}: leftover debug output?`);
  else if (debug.length > 1) add('debug', `Debug output left in at ${groupedLines(debug, 4)}.`);
  const todos = todosAdded(files);
  if (todos.length === 1) add('todo', `${at(todos[0]!)} adds “${todos[0]!.text.replace(/^(?:\/\/|#|\/\*+|\*|--|<!--)\s*/, '')}”: is there an issue to track it?`);
  else if (todos.length > 1) add('todo', `${plural(todos.length, 'new TODO')} (${groupedLines(todos, 3)}): are they tracked somewhere?`);
  const skipped = testMarks.filter((mark) => mark.kind === 'skipped');
  if (skipped.length > 0) add('skipped', `${groupedLines(skipped)} ${skipped.length === 1 ? 'skips a test' : 'skip tests'}; is that meant to stay?`);
  for (const block of repeatedBlocks(files).slice(0, 2)) {
    const firstName = enclosingName(files, block.first.path, block.first.line);
    const secondName = enclosingName(files, block.second.path, block.second.line);
    const share = firstName && secondName && firstName !== secondName ? `could ${code(firstName)} and ${code(secondName)} share it?` : 'could the two share one helper?';
    add('repeated', `${at(block.second)} repeats ${block.lines} lines added at ${at(block.first)}; ${share}`);
  }

  const text = [opening(page, points.length), ...(points.length > 0 ? ['', ...points.map((point) => `- ${point.text}`)] : [])].join('\n');
  return { text, points };
}

/** The first line: what was read, so the points below are read in the right light. */
function opening(page: PullData, pointCount: number): string {
  if (!page.read.diff) {
    const totals = shownTotals(page);
    const unread = `I have not been through the diff${totals ? ` (${totals})` : ''} yet`;
    return pointCount > 0 ? `${unread}, so this covers the conversation only:` : `${unread}; comments on the code to follow.`;
  }
  const additions = page.files.reduce((total, file) => total + file.additions, 0);
  const deletions = page.files.reduce((total, file) => total + file.deletions, 0);
  const sources = page.files.filter((file) => isSourcePath(file.path));
  const tests = page.files.filter((file) => isTestPath(file.path));
  const size = `${plural(page.files.length, 'changed file')} (+${groupDigits(additions)} −${groupDigits(deletions)})`;
  if (sources.length === 0 && tests.length > 0) {
    const only = tests.length === 1 ? `${code(tests[0]!.path.slice(tests[0]!.path.lastIndexOf('/') + 1))}, +${tests[0]!.additions}` : plural(tests.length, 'test file');
    return `This changes only tests (${only}), with no code change alongside${pointCount > 0 ? '. Still open:' : '.'}`;
  }
  if (pointCount > 0) return `I went through the ${size}. A few things:`;
  const checks = page.read.checks && page.checks.length > 0 && page.checks.every((check) => check.state === 'success' || check.state === 'skipped' || check.state === 'neutral') ? ' The checks pass.' : '';
  return `I went through the ${size}: each changed source has a test beside it, and I found no debug output, TODOs or copied blocks added.${checks}`;
}
