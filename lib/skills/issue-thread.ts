// Where an issue stands, read from its page alone: who is waiting on whom, what the opener asks, what the
// thread added (workarounds, offers, decisions), what it links. Pure and sandbox-safe (no URL, no Intl): the
// issue-summary skill runs it in QuickJS, the suggestion rule in the worker.
import type { Comment, IssueData, IssueReference } from '../context/types';

/** Associations GitHub gives people who can triage and merge. */
const MAINTAINER_ASSOCIATIONS = /^(owner|member|collaborator)$/i;

export interface IssueSummaryOptions {
  /** When the page was read (ms since the epoch): ages are counted up to it, never to the clock. */
  readAt?: number;
  /** The repository's owner (from the page's URL): on a personal repository, the maintainer. */
  owner?: string;
}

/** One post of the thread: the opening post is index 0. */
export interface Post {
  index: number;
  author?: string;
  association?: string;
  at?: string;
  body: string;
  maintainer: boolean;
}

export interface OpenQuestion {
  post: Post;
  question: string;
  /** Who is asked: logins, or 'maintainers' when the thread asks the project. */
  addressees: string[];
}

export interface ThreadNote {
  post: Post;
  kind: 'workaround' | 'offer' | 'decision' | 'question' | 'maintainer';
  sentence: string;
}

export interface IssueSummary {
  waiting: string[];
  ask: string[];
  errors: string[];
  notes: ThreadNote[];
  /** Posts that add only agreement or thanks, by author. */
  echoes: string[];
  references: IssueReference[];
  decisions: string[];
  state: string;
  markdown: string;
}

// ─── Text ───────────────────────────────────────────────────────────────────

// Every post is split several times (questions, offers, workarounds): split once per text.
const sentenceCache = new Map<string, string[]>();

/** Markdown without code blocks, images and link targets, as plain sentences. */
export function sentencesOf(markdown: string): string[] {
  const cached = sentenceCache.get(markdown);
  if (cached) return cached;
  if (sentenceCache.size > 500) sentenceCache.clear();
  const sentences = splitSentences(markdown);
  sentenceCache.set(markdown, sentences);
  return sentences;
}

function splitSentences(markdown: string): string[] {
  const text = markdown
    .replace(/```[\s\S]*?```/g, '\n')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[image:[^\]]*\]/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s*\|.*\|\s*$/gm, '\n')
    .replace(/^#+\s*/gm, '\n')
    .replace(/^>\s?.*$/gm, '\n')
    .replace(/[*_]{1,2}([^*_\n]+)[*_]{1,2}/g, '$1');
  const sentences: string[] = [];
  for (const paragraph of text.split(/\n\s*\n|\n(?=\s*[-*] )/)) {
    const flat = paragraph.replace(/^\s*[-*]\s+/gm, '').replace(/\s+/g, ' ').trim();
    if (flat === '') continue;
    for (const sentence of flat.replace(/([.!?])\s+(?=[A-Z@`"(])/g, '$1\u0000').split('\u0000')) {
      const trimmed = sentence.trim();
      if (trimmed !== '') sentences.push(trimmed);
    }
  }
  return sentences;
}

/** Lines of the post's code blocks that read as errors (stack-less, the first of each block). */
function errorLines(markdown: string): string[] {
  const found: string[] = [];
  for (const block of markdown.match(/```[\s\S]*?```/g) ?? []) {
    const line = block.split('\n').slice(1, -1).find((candidate) => /\b(error|exception|panic|traceback|failed|fatal|cannot|undefined is not|is not a function)\b/i.test(candidate));
    if (line && !found.includes(line.trim())) found.push(line.trim());
  }
  return found;
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

/** Whether the sentence says little more than the title does. */
function restatesTitle(sentence: string, title: string): boolean {
  const titleWords = new Set(words(title));
  const own = words(sentence);
  if (own.length === 0 || titleWords.size === 0) return false;
  const shared = own.filter((word) => titleWords.has(word)).length;
  return shared / own.length >= 0.7;
}

function quote(sentence: string, max = 220): string {
  const clean = sentence.replace(/\s+/g, ' ').trim();
  return `“${clean.length > max ? `${clean.slice(0, max - 1).replace(/\s+\S*$/, '')}…` : clean}”`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2 Jun 2025" (UTC) for an ISO time; '' when it does not parse. */
export function dayOf(iso: string | undefined): string {
  const time = iso ? Date.parse(iso) : NaN;
  if (Number.isNaN(time)) return '';
  const date = new Date(time);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** "3 weeks" for a span in milliseconds. */
export function spanOf(ms: number): string {
  const days = Math.floor(ms / 86_400_000);
  const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'}`;
  if (days < 1) return 'less than a day';
  if (days < 14) return plural(days, 'day');
  if (days < 60) return plural(Math.round(days / 7), 'week');
  if (days < 730) return plural(Math.round(days / 30.4), 'month');
  return plural(Math.round(days / 365), 'year');
}

// ─── The thread ─────────────────────────────────────────────────────────────

export function postsOf(issue: IssueData, owner?: string): Post[] {
  const isMaintainer = (author?: string, association?: string) =>
    (association !== undefined && MAINTAINER_ASSOCIATIONS.test(association)) || (author !== undefined && owner !== undefined && author.toLowerCase() === owner.toLowerCase());
  const opening: Post = { index: 0, body: issue.body, maintainer: isMaintainer(issue.author, issue.authorAssociation) };
  if (issue.author) opening.author = issue.author;
  if (issue.authorAssociation) opening.association = issue.authorAssociation;
  if (issue.createdAt) opening.at = issue.createdAt;
  const replies = issue.comments.map((comment: Comment, index): Post => {
    const post: Post = { index: index + 1, body: comment.body, maintainer: isMaintainer(comment.author, comment.association) };
    if (comment.author) post.author = comment.author;
    if (comment.association) post.association = comment.association;
    if (comment.createdAt) post.at = comment.createdAt;
    return post;
  });
  return [opening, ...replies];
}

function mentionsIn(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?:^|[^\w/])@([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\b/g)) {
    const login = match[1]!;
    if (!found.some((known) => known.toLowerCase() === login.toLowerCase())) found.push(login);
  }
  return found;
}

/** Words that ask someone for something, beyond a question mark. */
const REQUEST = /\b(could you|can you|would you|please (?:provide|share|add|try|confirm|test|check|post|attach)|repro(?:duction)?\b|any (?:update|news|progress)|is there (?:a|an|any) (?:plan|eta|timeline))/i;
const WORKAROUND = /\b(work ?around|workaround|in the meantime|instead of|i was able to|my fork|fork (?:of|is)|i(?:'ve| have) (?:created|made|published|written)|example (?:here|repo)|as a stopgap|you can (?:use|set|pass|run))\b/i;
const OFFER = /\b(i(?:'d| would) be happy to|i can (?:open|send|submit|make|work on|take)|i(?:'ll| will) (?:open|send|submit|make|work on|take)|interested (?:in|on) merging|should i (?:just )?(?:maintain|open|send|submit)|pr (?:incoming|welcome)|pull request (?:incoming|welcome)|want me to)\b/i;
const DECISION = /\b(we(?:'ll| will) (?:not )?(?:add|fix|support|ship|merge|release|close|accept)|won'?t (?:fix|support|add|be)|wontfix|out of scope|not planned|closing (?:this|as)|fixed (?:in|by|with)|released in|landed in|merged in|duplicate of|let'?s (?:go with|do|keep)|(?:we|i) decided|agreed (?:to|that)|is (?:now )?supported|by design|working as intended)\b/i;

function firstMatch(post: Post, pattern: RegExp): string | undefined {
  return sentencesOf(post.body).find((sentence) => pattern.test(sentence));
}

/** Questions put on the thread and not answered by whoever was asked. */
export function openQuestions(posts: Post[], issueAuthor?: string): OpenQuestion[] {
  const open: OpenQuestion[] = [];
  for (const post of posts) {
    if (post.index === 0) continue;
    const question = sentencesOf(post.body).filter((sentence) => /\?\s*$/.test(sentence) || REQUEST.test(sentence)).pop();
    if (!question) continue;
    const mentioned = mentionsIn(question).concat(mentionsIn(post.body)).filter((login) => login.toLowerCase() !== (post.author ?? '').toLowerCase());
    let addressees = [...new Set(mentioned)];
    if (addressees.length === 0 && post.maintainer && issueAuthor && issueAuthor !== post.author) addressees = [issueAuthor];
    if (addressees.length === 0 && !post.maintainer && /\b(maintainers?|you guys|the team|plans?)\b/i.test(question)) addressees = ['maintainers'];
    if (addressees.length === 0) continue;
    const later = posts.slice(post.index + 1);
    const answered = addressees.some((addressee) =>
      later.some((reply) => (addressee === 'maintainers' ? reply.maintainer : (reply.author ?? '').toLowerCase() === addressee.toLowerCase())));
    if (!answered) open.push({ post, question, addressees });
  }
  return open;
}

function who(post: Post): string {
  const role = post.association && !/^none$/i.test(post.association) ? ` (${post.association})` : '';
  return `${post.author ?? 'someone'}${role}`;
}

function since(at: string | undefined, readAt: number | undefined): string {
  const time = at ? Date.parse(at) : NaN;
  if (readAt === undefined || Number.isNaN(time) || readAt < time) return '';
  return `${spanOf(readAt - time)} before the page was read`;
}

function waitingLines(posts: Post[], issue: IssueData, options: IssueSummaryOptions): string[] {
  if (issue.state === 'closed') return [];
  const lines: string[] = [];
  const unanswered = openQuestions(posts, issue.author);
  const latest = unanswered[unanswered.length - 1];
  if (latest) {
    const asked = latest.addressees.map((addressee) => {
      if (addressee === 'maintainers') return 'the maintainers';
      const owner = options.owner && addressee.toLowerCase() === options.owner.toLowerCase() ? ' (the repository’s owner)' : addressee === issue.author ? ' (who opened the issue)' : '';
      return `@${addressee}${owner}`;
    }).join(' and ');
    const age = since(latest.post.at, options.readAt);
    lines.push(`**Waiting on ${asked}.** ${who(latest.post)} asked on ${dayOf(latest.post.at) || 'an undated comment'}${age ? ` (${age})` : ''}: ${quote(latest.question)} No reply from ${latest.addressees.length === 1 && latest.addressees[0] !== 'maintainers' ? 'them' : 'those asked'} since.`);
  }
  const maintainerPosts = posts.filter((post) => post.maintainer);
  const replies = posts.length - 1;
  if (maintainerPosts.length === 0 && replies > 0) {
    const people = new Set(posts.map((post) => post.author ?? '?')).size;
    const first = posts[0]?.at;
    const last = posts[posts.length - 1]?.at;
    const span = first && last ? ` over ${spanOf(Date.parse(last) - Date.parse(first))}` : '';
    const ownerAsked = latest?.addressees.some((addressee) => addressee.toLowerCase() === (options.owner ?? '').toLowerCase()) ?? false;
    const owner = options.owner && !ownerAsked ? ` The repository’s owner, @${options.owner}, has not posted.` : '';
    lines.push(`${latest ? '' : '**Waiting on the maintainers.** '}No one marked as owner, member or collaborator has commented: ${replies} ${replies === 1 ? 'reply' : 'replies'} from ${people} ${people === 1 ? 'person' : 'people'}${span}.${owner}`);
  } else if (maintainerPosts.length === 0) {
    const age = since(posts[0]?.at, options.readAt);
    lines.push(`**Waiting on the maintainers.** No one has replied${age ? ` in ${age.replace(' before the page was read', '')}` : ''}.`);
  } else if (!latest) {
    const lastMaintainer = maintainerPosts[maintainerPosts.length - 1]!;
    const after = posts.slice(lastMaintainer.index + 1);
    const authorReplied = after.some((post) => post.author !== undefined && post.author === issue.author);
    if (after.length === 0) lines.push(`**Last word is the maintainers’.** ${who(lastMaintainer)} on ${dayOf(lastMaintainer.at) || 'an undated comment'}; ${issue.author ? `@${issue.author}` : 'the opener'} has not replied since.`);
    else lines.push(`**Last maintainer reply:** ${who(lastMaintainer)} on ${dayOf(lastMaintainer.at) || 'an undated comment'}; ${after.length} ${after.length === 1 ? 'reply' : 'replies'} since${authorReplied ? ', the opener’s among them' : ''}.`);
  }
  return lines;
}

/** A short cue sentence ("My fork is here.") says little alone: the post's opening sentence goes first. */
function withLead(sentences: string[], sentence: string): string {
  const lead = sentences[0];
  if (!lead || lead === sentence || sentence.length >= 60) return sentence;
  return `${lead} … ${sentence}`;
}

/** The last web address in a post that is not an image: where a workaround or an offer usually points. */
function lastLink(markdown: string): string | undefined {
  const links = [...markdown.replace(/!\[[^\]]*\]\([^)]*\)/g, '').matchAll(/\]\((https?:\/\/[^)\s]+)\)|(?:^|[\s(])(https?:\/\/[^\s)]+)/g)].map((match) => (match[1] ?? match[2] ?? '').replace(/[.,;:!?]+$/, ''));
  return links[links.length - 1];
}

function notesOf(posts: Post[], title: string): { notes: ThreadNote[]; echoes: string[] } {
  const notes: ThreadNote[] = [];
  const echoes: string[] = [];
  for (const post of posts.slice(1)) {
    const sentences = sentencesOf(post.body);
    const decision = post.maintainer ? firstMatch(post, DECISION) : undefined;
    const offer = firstMatch(post, OFFER);
    const workaround = firstMatch(post, WORKAROUND);
    if (decision) notes.push({ post, kind: 'decision', sentence: decision });
    else if (offer) notes.push({ post, kind: 'offer', sentence: withLead(sentences, offer) });
    else if (workaround) notes.push({ post, kind: 'workaround', sentence: withLead(sentences, workaround) });
    else if (post.maintainer && sentences.length > 0) notes.push({ post, kind: 'maintainer', sentence: sentences.find((sentence) => !restatesTitle(sentence, title)) ?? sentences[0]! });
    else echoes.push(post.author ?? 'someone');
  }
  return { notes, echoes };
}

/** A fix or a way forward put forward in so many words. */
const PROPOSAL = /\b(could be (?:fixed|silenced|solved|avoided|handled)|one (?:fix|option|way) (?:is|would be)|i propose|proposal|i suggest|suggestion|fall(?:ing)? back|a fix would be|the fix is)\b/i;

function askCandidates(issue: IssueData): string[] {
  return sentencesOf(issue.body).filter((sentence) => sentence.length >= 25 && !/^\S+:\/\/\S+$/.test(sentence) && !restatesTitle(sentence, issue.title) && !/:\s*\S+:\/\/\S+$/.test(sentence));
}

/** The opener's own proposal, if the body makes one. */
export function proposalOf(issue: IssueData): string | undefined {
  return askCandidates(issue).find((sentence) => PROPOSAL.test(sentence));
}

/** What the opener asks for: the sentences that request, propose or expect, never the title again. */
export function askOf(issue: IssueData): string[] {
  const cue = /\b(would like|i'?d like|would be (?:great|nice|useful)|please|can we|could we|is it possible|feature|support\w*|should|expect\w*|want\w*|need\w*|request\w*|allow\w*|add (?:a|an|support)|out-of-scope|out of scope|feel free to close)\b/i;
  const sentences = askCandidates(issue).filter((sentence) => !PROPOSAL.test(sentence));
  const scored = sentences.map((sentence, index) => ({ sentence, index, score: (cue.test(sentence) ? 2 : 0) + (index < 2 ? 0.5 : 0) + (/\?$/.test(sentence) ? 0.5 : 0) }));
  const chosen = scored.filter((item) => item.score > 0).sort((a, b) => b.score - a.score || a.index - b.index).slice(0, 2).sort((a, b) => a.index - b.index);
  return chosen.map((item) => item.sentence);
}

/** Issues and pull requests named in the text as links, `owner/repo#12` or `#12`. */
function textReferences(posts: Post[], pageRepository?: string): IssueReference[] {
  const found: IssueReference[] = [];
  const add = (reference: IssueReference) => {
    if (!found.some((known) => known.kind === reference.kind && known.number === reference.number && known.repository === reference.repository)) found.push(reference);
  };
  for (const post of posts) {
    for (const match of post.body.matchAll(/https?:\/\/[^\s/)]+\/([\w.-]+)\/([\w.-]+)\/(pull|issues)\/(\d+)/g)) {
      const repository = `${match[1]}/${match[2]}`;
      const reference: IssueReference = { kind: match[3] === 'pull' ? 'pull' : 'issue', number: Number(match[4]), url: match[0] };
      if (!pageRepository || repository.toLowerCase() !== pageRepository.toLowerCase()) reference.repository = repository;
      add(reference);
    }
    for (const match of post.body.matchAll(/(?:^|[\s(])(?:([\w.-]+\/[\w.-]+))?#(\d+)\b/g)) {
      const reference: IssueReference = { kind: 'issue', number: Number(match[2]), url: '' };
      if (match[1] && (!pageRepository || match[1].toLowerCase() !== pageRepository.toLowerCase())) reference.repository = match[1];
      add(reference);
    }
  }
  return found;
}

function referenceName(reference: IssueReference): string {
  const kind = reference.kind === 'pull' ? 'pull request' : reference.url === '' ? '' : 'issue';
  const name = `${reference.repository ?? ''}#${reference.number}`;
  const state = reference.state ? ` (${reference.state})` : '';
  const title = reference.title ? ` “${reference.title}”` : '';
  return `${kind ? `${kind} ` : ''}${name}${title}${state}`;
}

function labelDecisions(issue: IssueData): string[] {
  const meaningful = issue.labels.filter((label) => /wont|won't|not planned|duplicate|invalid|confirmed|accepted|help wanted|good first issue|needs|blocked|triage|priority|p[0-4]\b|bug|regression/i.test(label));
  return meaningful.length > 0 ? [`Labels say: ${meaningful.join(', ')}.`] : [];
}

function eventDecisions(issue: IssueData): string[] {
  return issue.events
    .filter((event) => /\b(closed|reopened|marked this as|locked|pinned|transferred|converted)\b/i.test(event.text))
    .map((event) => `${event.text.replace(/\s+/g, ' ')}${event.at && !event.text.includes(dayOf(event.at)) ? ` (${dayOf(event.at)})` : ''}`);
}

// ─── The summary ────────────────────────────────────────────────────────────

export function summariseIssue(issue: IssueData, options: IssueSummaryOptions = {}, pageRepository?: string): IssueSummary {
  const posts = postsOf(issue, options.owner);
  const waiting = waitingLines(posts, issue, options);
  const ask = askOf(issue);
  const errors = errorLines(issue.body).slice(0, 3);
  const proposal = proposalOf(issue);
  const { notes, echoes } = notesOf(posts, issue.title);
  const eventReferences = issue.events.flatMap((event) => event.references);
  const references: IssueReference[] = [];
  for (const reference of [...issue.linked, ...eventReferences, ...textReferences(posts, pageRepository)]) {
    if (!references.some((known) => known.number === reference.number && (known.repository ?? '') === (reference.repository ?? ''))) references.push(reference);
  }
  const decisions = [
    ...eventDecisions(issue),
    ...notes.filter((note) => note.kind === 'decision').map((note) => `${who(note.post)} on ${dayOf(note.post.at) || 'an undated comment'}: ${quote(note.sentence)}`),
    ...labelDecisions(issue),
  ];

  const last = posts[posts.length - 1]!;
  const people = new Set(posts.map((post) => post.author ?? '?')).size;
  const stateParts = [
    issue.state === 'unknown' ? 'State not shown' : issue.state === 'open' ? 'Open' : 'Closed',
    issue.labels.length > 0 ? `labels ${issue.labels.join(', ')}` : 'no labels',
    issue.assignees.length > 0 ? `assigned to ${issue.assignees.map((login) => `@${login}`).join(', ')}` : 'no one assigned',
    `opened ${dayOf(issue.createdAt) ? `${dayOf(issue.createdAt)} ` : ''}by ${who(posts[0]!)}`,
    `${issue.comments.length} ${issue.comments.length === 1 ? 'comment' : 'comments'} from ${people} ${people === 1 ? 'person' : 'people'}`,
  ];
  if (last.index > 0 && last.at) {
    const age = since(last.at, options.readAt);
    stateParts.push(`last comment ${dayOf(last.at)} by ${last.author ?? 'someone'}${age ? `, ${age}` : ''}`);
  }
  const state = `${stateParts.join(' · ')}.`;

  const markdown: string[] = [];
  if (waiting.length > 0) markdown.push(waiting.join('\n\n'));
  if (ask.length > 0 || errors.length > 0) {
    const lines = [`**The ask**, from ${who(posts[0]!)}:`];
    for (const sentence of ask) lines.push(`- ${quote(sentence)}`);
    if (proposal) lines.push(`- Proposed in the issue: ${quote(proposal)}`);
    if (errors.length > 0) lines.push(`- Errors reported: ${errors.map((line) => `\`${line.length > 160 ? `${line.slice(0, 159)}…` : line}\``).join('; ')}.`);
    markdown.push(lines.join('\n'));
  }
  const asked = new Set(openQuestions(posts, issue.author).map((question) => question.question));
  const thread = notes.filter((note) => note.kind !== 'decision').slice(0, 8).map((note) => {
    // The question is quoted under "Waiting on" already: here the post's opening says what it is about.
    if (!asked.has(note.sentence)) return note;
    const lead = sentencesOf(note.post.body).find((sentence) => !asked.has(sentence));
    return lead ? { ...note, sentence: lead } : note;
  });
  if (thread.length > 0 || echoes.length > 0) {
    const labels: Record<ThreadNote['kind'], string> = { workaround: 'workaround', offer: 'offer', decision: 'decision', question: 'question', maintainer: 'maintainer' };
    const lines = ['**On the thread**'];
    for (const note of thread) {
      const link = note.kind === 'workaround' || note.kind === 'offer' ? lastLink(note.post.body) : undefined;
      lines.push(`- ${who(note.post)}, ${dayOf(note.post.at) || 'undated'}, ${labels[note.kind]}: ${quote(note.sentence, 200)}${link ? ` ([link](${link}))` : ''}`);
    }
    if (echoes.length > 0) lines.push(`- ${echoes.length} other ${echoes.length === 1 ? 'reply adds' : 'replies add'} agreement, thanks or a correction (${[...new Set(echoes)].join(', ')}).`);
    markdown.push(lines.join('\n'));
  }
  markdown.push(references.length > 0
    ? `**Linked:** ${references.slice(0, 8).map(referenceName).join('; ')}${references.length > 8 ? `; and ${references.length - 8} more` : ''}.`
    : '**Linked:** no pull request or issue is linked or mentioned.');
  markdown.push(decisions.length > 0 ? `**Decided so far:** ${decisions.join(' ')}` : '**Decided so far:** nothing on the page — no maintainer statement, closing or triage label.');
  markdown.push(state);

  return { waiting, ask, errors, notes, echoes: [...new Set(echoes)], references, decisions, state, markdown: markdown.join('\n\n') };
}

/** owner and owner/name from a GitHub page address, without the URL class (the sandbox has none). */
export function repositoryOfUrl(url: string): { owner?: string; repository?: string } {
  const match = /^[a-z]+:\/\/[^/]+\/([^/?#]+)\/([^/?#]+)/i.exec(url);
  return match ? { owner: match[1]!, repository: `${match[1]!}/${match[2]!}` } : {};
}

/** The card's one line: the finding the answer leads with, in brief. */
export function issueStanding(issue: IssueData, options: IssueSummaryOptions = {}): { waiting: boolean; why: string } {
  const posts = postsOf(issue, options.owner);
  const replies = posts.length - 1;
  const people = new Set(posts.slice(1).map((post) => post.author ?? '?')).size;
  const thread = replies === 0 ? 'no replies yet' : `${replies} ${replies === 1 ? 'reply' : 'replies'} from ${people} ${people === 1 ? 'person' : 'people'}`;
  if (issue.state === 'closed') return { waiting: false, why: `Closed; ${thread}.` };
  const latest = openQuestions(posts, issue.author).pop();
  const anyMaintainer = posts.some((post) => post.maintainer);
  const maintainerNote = anyMaintainer ? '' : replies > 0 ? '; no maintainer has commented' : '';
  if (latest) {
    const asked = latest.addressees.map((addressee) => (addressee === 'maintainers' ? 'The maintainers were' : `@${addressee} was`))[0]!;
    return { waiting: true, why: `${asked} asked${latest.post.at ? ` on ${dayOf(latest.post.at)}` : ''} by ${latest.post.author ?? 'someone'} and has not replied${maintainerNote}.` };
  }
  if (!anyMaintainer) {
    const opened = dayOf(issue.createdAt);
    return { waiting: true, why: replies === 0 ? `Opened${opened ? ` ${opened}` : ''}${issue.author ? ` by ${issue.author}` : ''}; no replies yet.` : `No maintainer has commented; ${thread}.` };
  }
  return { waiting: false, why: `Open; ${thread}, maintainers among them.` };
}
