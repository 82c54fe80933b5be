// The points a reviewer raises that can be read straight off a pull request page: unresolved threads (who
// asked what, and who has to answer), debug output, TODOs, focused or skipped tests and masked secrets
// added in the diff, and blocks of code added twice. Each point cites the file and line it comes from.
// Pure: the review-draft skill's script imports it.
import type { ReviewThread } from '../context/types';
import { code } from './answer-words';
import { type DiffFileLike, type NumberedLine, changedLines, codeOf, filesInDetail, isMeaningfulLine, languageOf } from './diff-facts';
import { isGeneratedPath, isTestPath } from './file-risk';

export interface LinePoint {
  path: string;
  line: number;
  /** The line as added, trimmed and cut short. */
  text: string;
}

function clip(text: string, limit = 80): string {
  const trimmed = text.trim();
  return trimmed.length > limit ? `${trimmed.slice(0, limit - 1)}…` : trimmed;
}

function linesMatching(files: readonly DiffFileLike[], accept: (file: DiffFileLike) => boolean, test: (line: NumberedLine, file: DiffFileLike) => boolean): LinePoint[] {
  const found: LinePoint[] = [];
  for (const file of files) {
    if (file.status === 'removed' || isGeneratedPath(file.path) || !accept(file)) continue;
    for (const line of changedLines(file).added) if (test(line, file)) found.push({ path: file.path, line: line.line, text: clip(line.text) });
  }
  return found;
}

const DEBUG_OUTPUT: Partial<Record<string, RegExp>> = {
  js: /\bconsole\.(?:log|debug|trace|dir)\s*\(|^\s*debugger\s*;?\s*$/,
  python: /^\s*(?:print\s*\(|breakpoint\s*\(|(?:import\s+i?pdb\s*;\s*)?i?pdb\.set_trace\s*\()/,
  go: /\b(?:fmt\.Print(?:ln|f)?|println)\s*\(|\bspew\.Dump\(/,
  rust: /\b(?:dbg!|println!|eprintln!)\s*\(/,
  java: /\bSystem\.(?:out|err)\.print(?:ln|f)?\s*\(|\.printStackTrace\s*\(\s*\)/,
  kotlin: /^\s*println\s*\(/,
  ruby: /^\s*(?:puts|p|pp)\s|\bbinding\.(?:pry|irb)\b|^\s*byebug\b|^\s*debugger\b/,
  php: /\b(?:var_dump|print_r|dd|dump)\s*\(/,
  csharp: /\bConsole\.Write(?:Line)?\s*\(/,
  swift: /^\s*(?:print|debugPrint|dump)\s*\(/,
};

/**
 * Debug output added to code that ships: console.log, print(), dbg!, System.out.println, debugger, pdb.
 * Tests, scripts and command-line entry points print on purpose and are left alone.
 */
export function debugOutputAdded(files: readonly DiffFileLike[]): LinePoint[] {
  return linesMatching(
    files,
    (file) => !isTestPath(file.path) && !/(^|\/)(scripts?|bin|cmd|tools|examples?|benchmarks?|bench)\//.test(file.path) && !/(^|\/)(main\.(go|rs|py)|__main__\.py|cli\.[a-z]+)$/.test(file.path),
    ({ text }, file) => {
      const pattern = DEBUG_OUTPUT[languageOf(file.path)];
      return pattern !== undefined && isMeaningfulLine(text) && pattern.test(codeOf(text).replace(/""/g, '"x"'));
    },
  );
}

/** TODO, FIXME, XXX and HACK notes added in comments. */
export function todosAdded(files: readonly DiffFileLike[]): LinePoint[] {
  return linesMatching(files, () => true, ({ text }) => /(?:\/\/|#|\/\*|\*|--|<!--)\s*(?:TODO|FIXME|XXX|HACK)\b/.test(text));
}

/** Tests left focused or skipped: it.only / describe.only / fit / xit / .skip / @Disabled / @pytest.mark.skip / t.Skip. */
export function focusedOrSkippedTests(files: readonly DiffFileLike[]): (LinePoint & { kind: 'focused' | 'skipped' })[] {
  const points: (LinePoint & { kind: 'focused' | 'skipped' })[] = [];
  for (const point of linesMatching(files, (file) => isTestPath(file.path), ({ text }) => isMeaningfulLine(text) && /\b(?:describe|it|test|context)\.only\s*\(|^\s*f(?:it|describe)\s*\(/.test(text))) {
    points.push({ ...point, kind: 'focused' });
  }
  const skipped = /\b(?:describe|it|test|context)\.skip\s*\(|^\s*x(?:it|describe)\s*\(|@(?:Disabled|Ignore)\b|@pytest\.mark\.skip\b|\bt\.Skip\(|#\[ignore\]/;
  for (const point of linesMatching(files, (file) => isTestPath(file.path), ({ text }) => isMeaningfulLine(text) && skipped.test(text))) points.push({ ...point, kind: 'skipped' });
  return points;
}

/** Added lines where capture masked a secret: a credential committed in the change. */
export function maskedSecretsAdded(files: readonly DiffFileLike[]): (LinePoint & { secret: string })[] {
  const points: (LinePoint & { secret: string })[] = [];
  for (const point of linesMatching(files, () => true, ({ text }) => text.includes('[redacted:'))) {
    points.push({ ...point, secret: /\[redacted:([^\]]+)\]/.exec(point.text)?.[1] ?? 'secret' });
  }
  return points;
}

export interface RepeatedBlock {
  first: { path: string; line: number };
  second: { path: string; line: number };
  lines: number;
}

/**
 * Runs of at least `minimum` meaningful added lines that appear twice among the added lines: copied code a
 * reviewer would ask to share. Lines compare trimmed; the longest run per pair is kept.
 */
export function repeatedBlocks(files: readonly DiffFileLike[], minimum = 12): RepeatedBlock[] {
  const lines: { path: string; line: number; text: string }[] = [];
  const detail = filesInDetail(files);
  for (const file of files) {
    if (!detail.has(file) || isGeneratedPath(file.path) || isTestPath(file.path) || file.status === 'removed') continue;
    for (const line of changedLines(file).added) {
      // Closing braces and one-word lines match everywhere; they never start or make a block.
      if (isMeaningfulLine(line.text) && line.text.trim().length > 3) lines.push({ path: file.path, line: line.line, text: line.text.trim() });
    }
  }
  const seen = new Map<string, number>();
  const found: RepeatedBlock[] = [];
  let index = 0;
  while (index + minimum <= lines.length) {
    const key = lines.slice(index, index + minimum).map((line) => line.text).join('\n');
    const earlier = seen.get(key);
    if (earlier !== undefined && earlier + minimum <= index) {
      let length = minimum;
      while (index + length < lines.length && lines[earlier + length]!.text === lines[index + length]!.text && earlier + length < index) length++;
      found.push({ first: { path: lines[earlier]!.path, line: lines[earlier]!.line }, second: { path: lines[index]!.path, line: lines[index]!.line }, lines: length });
      index += length;
      continue;
    }
    if (earlier === undefined) seen.set(key, index);
    index++;
  }
  return found;
}

export interface ThreadState {
  where: string;
  /** Who opened it, and the sentence that says what they ask. */
  asker?: string;
  ask: string;
  /** How the opening sentence reads: a question, a suggestion, or a remark. */
  askVerb: 'asked' | 'suggested' | 'wrote';
  /** Who wrote last. */
  lastAuthor?: string;
  /** Whom the thread waits on: the pull request's author when a reviewer wrote last, else the reviewer. */
  waitingOn?: string;
  /** A commit the author pointed to as the fix. */
  fixedIn?: string;
  outdated: boolean;
  replies: number;
}

/** Sentences, split at . ? ! followed by a space or the end, code spans kept whole. */
function sentences(text: string): string[] {
  const flat = text.replace(/```[\s\S]*?```/g, ' ').replace(/\s+/g, ' ').trim();
  return flat.match(/(?:`[^`]*`|[^.?!`])+(?:[.?!]+|$)/g)?.map((sentence) => sentence.trim()).filter((sentence) => sentence.length > 0) ?? [];
}

const REQUEST = /\b(?:can|could|would|should) (?:you|we)\b|\bplease\b|\bconsider\b|\binstead\b|\byou can just\b|\bwhy not\b|\blet'?s\b|\bi'?d (?:suggest|prefer)\b|\bnit\b/i;

export function askVerbOf(sentence: string): 'asked' | 'suggested' | 'wrote' {
  if (sentence.endsWith('?')) return 'asked';
  return REQUEST.test(sentence) ? 'suggested' : 'wrote';
}

/** The sentence of a comment that asks for something (a request, else a question), or its first sentence. */
export function askOf(body: string): string {
  const all = sentences(body).filter((sentence) => sentence.length >= 12);
  const asking = all.find((sentence) => REQUEST.test(sentence)) ?? all.find((sentence) => sentence.endsWith('?')) ?? all[0] ?? '';
  return clip(asking, 160);
}

export function threadState(thread: ReviewThread, pullAuthor: string | undefined): ThreadState {
  const first = thread.comments[0];
  const last = thread.comments[thread.comments.length - 1];
  const where = thread.path ? `${thread.path}${thread.line ? `:${thread.line}` : ''}` : 'the conversation';
  const byAuthor = (comment: typeof last) => pullAuthor !== undefined && comment?.author === pullAuthor;
  let waitingOn: string | undefined;
  if (last && thread.comments.length > 1 && byAuthor(last)) waitingOn = first?.author;
  else if (last && !byAuthor(last)) waitingOn = pullAuthor;
  const authorReplies = thread.comments.slice(1).filter((comment) => byAuthor(comment));
  const fixedIn = authorReplies.map((comment) => /\b(?:addressed|fixed|done|changed|updated|resolved)\b[^.]*?\b`?([0-9a-f]{7,40})`?\b/i.exec(comment.body)?.[1]).find(Boolean);
  const ask = askOf(first?.body ?? '');
  return {
    where,
    asker: first?.author,
    ask,
    askVerb: askVerbOf(ask),
    lastAuthor: last?.author,
    waitingOn,
    fixedIn,
    outdated: thread.outdated === true,
    replies: Math.max(0, thread.comments.length - 1),
  };
}

/** One reviewer's sentence about an unresolved thread. */
export function threadSentence(state: ThreadState): string {
  const who = state.asker ? `@${state.asker}` : 'A reviewer';
  const where = state.where === 'the conversation' ? 'In the conversation' : code(state.where);
  const asked = `${where}${state.outdated ? ' (outdated)' : ''}: ${who} ${state.askVerb} “${state.ask}”`;
  if (state.fixedIn) return `${asked}; answered as fixed in ${code(state.fixedIn)}, so it can be resolved once that is checked.`;
  if (state.replies === 0) return `${asked}, with no reply yet.`;
  if (state.waitingOn && state.lastAuthor) return `${asked}; @${state.lastAuthor} wrote last, so it waits on @${state.waitingOn}.`;
  return `${asked}; still unresolved after ${state.replies} ${state.replies === 1 ? 'reply' : 'replies'}.`;
}
