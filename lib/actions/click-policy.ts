// Which clicks Tandem performs: an allowlist of controls that only show, hide or navigate within the
// site, judged by their role and accessible name. Anything not on the list is refused, so a control
// the list's authors never thought of (a "Post" button, a switch that saves at once) stays untouched
// even when the user approves a hijacked proposal without reading it.
//
// The rules below are the policy; they are read in order and the first that applies decides.
// `clickRules` is exported so the table can be printed or reviewed as data.
import { accessibleName, normaliseLabel, roleOf } from './accessible-label';

export type ClickVerdict = 'allowed' | 'refused';

/** What a rule sees: the control the click would activate. */
export interface ClickControl {
  element: Element;
  tag: string;
  role: string;
  /** The accessible name, as the card shows it. */
  name: string;
  /** The name lower-cased, width-folded, without hidden characters or edge punctuation. */
  words: string;
}

export interface ClickRule {
  id: string;
  verdict: ClickVerdict;
  /** Which controls the rule covers, in words, for the table. */
  covers: string;
  /** Why: for a refusal, the sentence the card shows; for an allowance, why it cannot change anything. */
  reason: string;
  /** The same reason told about one control (its name, its method), when that says more. */
  explain?: (control: ClickControl) => string;
  applies(control: ClickControl): boolean;
}

export interface ClickDecision {
  verdict: ClickVerdict;
  rule: string;
  reason: string;
}

// Words that name a step which stores, sends or undoes something, matched as whole words in the
// control's name. Verbs in `inflected` also match their present forms ("merges", "deleting"); the
// `phrases` match anywhere. The words in `nounLike` are nouns as often as verbs, so only the bare form
// counts, and not after a verb that only shows or hides: "Comment" is refused, "Load more comments",
// "Collapse comment" and the "Commits" tab are not.
const inflected = [
  'merge', 'delete', 'remove', 'close', 'reopen', 'approve', 'submit', 'confirm', 'transfer', 'send', 'pay', 'purchase', 'buy',
  'checkout', 'publish', 'unpublish', 'deploy', 'archive', 'unarchive', 'revoke', 'reject', 'decline', 'deny', 'discard',
  'destroy', 'drop', 'reset', 'force', 'subscribe', 'unsubscribe', 'block', 'unblock', 'ban', 'lock', 'unlock', 'leave', 'join',
  'squash', 'rebase', 'authorize', 'authorise', 'grant', 'install', 'uninstall', 'save', 'accept', 'allow', 'revert', 'resolve',
  'unresolve', 'follow', 'unfollow', 'assign', 'unassign', 'enable', 'disable', 'mute', 'unmute', 'upvote', 'downvote',
  'dismiss', 'restore', 'cancel', 'retry', 'rerun', 're-run', 'restart', 'upload', 'import', 'invite', 'add', 'create', 'rename',
  'convert', 'sponsor', 'fork', 'migrate', 'upgrade', 'downgrade', 'verify', 'register', 'apply', 'sync', 'generate',
];
const phrases = [
  'sign out', 'sign in', 'sign up', 'log out', 'log in', 'logout', 'login', 'ready for review', 'request changes', 'turn on',
  'turn off', 'check out', 'mark as', 'mark all',
];
const nounLike = [
  'post', 'reply', 'comment', 'commit', 'update', 'share', 'order', 'report', 'flag', 'star', 'unstar', 'watch', 'unwatch', 'pin',
  'unpin', 'release', 'request', 'run', 'vote', 'like', 'unlike', 'mark', 'undo', 'stop', 'start', 'finish', 'complete',
  'continue', 'done', 'ok', 'yes',
];
const wholeWord = (alternatives: string[]) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'u');
const verbPattern = wholeWord([...inflected.map(stemWithEndings), ...phrases.map(phrase)]);
const nounLikePattern = wholeWord(nounLike.map(phrase));
// A name that starts by showing or hiding something uses the words after it as nouns.
const disclosureLead = /^(?:show|hide|expand|collapse|toggle|view|see|load|display|reveal|unfold)\b/u;

/** The word in a normalised name that says the control saves, sends or undoes something, if any. */
function committingWord(words: string): string | undefined {
  return verbPattern.exec(words)?.[0] ?? (disclosureLead.test(words) ? undefined : nounLikePattern.exec(words)?.[0]);
}

// "Load more", "Show 12 more replies", "See all checks", "Expand all", "View full history".
const revealPattern = new RegExp(
  [
    String.raw`^(?:load|show|see|view|read|display|reveal)(?: \d[\d,.]*k?)? (?:more|all|less|fewer|earlier|older|newer|later|previous|remaining|hidden|full|everything|the rest)(?: \S+){0,5}$`,
    String.raw`^(?:expand|collapse|unfold)(?: all)?(?: \S+){0,4}$`,
    String.raw`^(?:more|less|fewer)$`,
    String.raw`^\d[\d,]* (?:more|hidden|earlier|older|newer) [\p{L}\p{N}'’ -]{1,60}$`,
  ].join('|'),
  'u',
);

// Pagination names: a direction or a page number. Symbols ("›", "»") are kept, since they are the name.
const paginationName = /^(?:(?:next|previous|prev|older|newer|first|last)(?: page)?|(?:page )?\d{1,4}|[‹›«»<>←→]{1,2}|(?:go to )?page \d{1,4})$/u;

/** Roles a user operates: a click reaches every one of them around the target, so each is judged. */
const interactiveRoles = new Set([
  'button', 'link', 'tab', 'summary', 'menuitem', 'menuitemcheckbox', 'menuitemradio', 'checkbox', 'radio', 'switch', 'option',
  'treeitem', 'combobox', 'slider', 'spinbutton', 'textbox', 'searchbox', 'listbox',
]);
const settingRoles = new Set(['checkbox', 'radio', 'switch', 'menuitemcheckbox', 'menuitemradio', 'option', 'slider', 'spinbutton', 'combobox', 'listbox']);

export const clickRules: readonly ClickRule[] = [
  {
    id: 'unnamed',
    verdict: 'refused',
    covers: 'controls with no accessible name',
    reason: 'It has no name, so the card could not tell you what it is.',
    applies: (control) => control.words === '' && !paginationName.test(symbolName(control)),
  },
  {
    id: 'disabled',
    verdict: 'refused',
    covers: 'disabled controls',
    reason: 'It is disabled.',
    applies: ({ element }) => element.hasAttribute('disabled') || element.getAttribute('aria-disabled') === 'true',
  },
  {
    id: 'submit',
    verdict: 'refused',
    covers: 'submit buttons of a form (<button> without type="button" in a form, <input type=submit|image>)',
    reason: 'It submits a form; Tandem never submits.',
    applies: (control) => submitsForm(control.element),
  },
  {
    id: 'reset',
    verdict: 'refused',
    covers: 'reset buttons',
    reason: 'It resets a form.',
    applies: ({ element, tag }) => (tag === 'BUTTON' || tag === 'INPUT') && typeOf(element) === 'reset',
  },
  {
    id: 'file-picker',
    verdict: 'refused',
    covers: '<input type=file>',
    reason: 'It opens a file picker.',
    applies: ({ element, tag }) => tag === 'INPUT' && typeOf(element) === 'file',
  },
  {
    id: 'setting',
    verdict: 'refused',
    covers: 'checkboxes, switches, radios, options, sliders, selects (also through a <label> for one)',
    reason: 'It sets a choice, which pages often save the moment it changes.',
    explain: (control) => `It is a ${control.role}: pages often save a setting or choice the moment it changes.`,
    applies: ({ role }) => settingRoles.has(role),
  },
  {
    id: 'text-field',
    verdict: 'refused',
    covers: 'text fields and editable regions',
    reason: 'It is a text field; propose a fill to put text in it.',
    applies: ({ element, role }) => role === 'textbox' || role === 'searchbox' || isEditableRoot(element),
  },
  {
    id: 'non-get',
    verdict: 'refused',
    covers: 'links and buttons that send another method (data-method, data-turbo-method) or submit elsewhere (formaction)',
    reason: 'It sends a request that is not a plain visit.',
    explain: ({ element }) => (element.hasAttribute('formaction') ? 'It submits a form to another address.' : `It sends a ${requestMethod(element).toUpperCase()} request.`),
    applies: ({ element }) => element.hasAttribute('formaction') || requestMethod(element) !== 'get',
  },
  {
    id: 'confirm',
    verdict: 'refused',
    covers: 'controls the page guards with a confirmation (data-confirm, data-turbo-confirm)',
    reason: 'The page asks for confirmation before this.',
    applies: ({ element }) => element.hasAttribute('data-confirm') || element.hasAttribute('data-turbo-confirm'),
  },
  {
    id: 'download',
    verdict: 'refused',
    covers: 'links with a download attribute',
    reason: 'It downloads a file.',
    applies: ({ element }) => isLink(element) && element.hasAttribute('download'),
  },
  {
    id: 'script-link',
    verdict: 'refused',
    covers: 'javascript: links',
    reason: 'The link runs the page’s script instead of going somewhere.',
    applies: ({ element }) => isLink(element) && linkTarget(element)?.protocol === 'javascript:',
  },
  {
    id: 'other-site',
    verdict: 'refused',
    covers: 'links to another origin or scheme',
    reason: 'The link leaves this site; propose an open action instead, which shows the whole address first.',
    applies: ({ element }) => isLink(element) && leavesOrigin(element),
  },
  {
    id: 'committing-name',
    verdict: 'refused',
    covers: `any control whose name holds one of ${inflected.length + phrases.length + nounLike.length} words that save, send or undo: post, reply, comment, commit, save, update, accept, allow, share, revert, “ready for review”, merge, delete, submit, sign out…`,
    reason: 'Its name says it saves, sends or changes something; Tandem leaves that step to you.',
    explain: (control) => `Its name “${control.name}” says it saves, sends or changes something (“${committingWord(control.words) ?? ''}”); Tandem leaves that step to you.`,
    applies: (control) => committingWord(control.words) !== undefined,
  },
  {
    id: 'disclosure',
    verdict: 'allowed',
    covers: '<summary> of a <details>',
    reason: 'It only opens or closes the details it belongs to.',
    applies: ({ element, tag }) => tag === 'SUMMARY' && element.parentElement?.tagName === 'DETAILS',
  },
  {
    id: 'expand-toggle',
    verdict: 'allowed',
    covers: 'buttons with aria-expanded (menus, accordions, “Show resolved”)',
    reason: 'It shows or hides part of the page.',
    applies: (control) => staysOnPage(control) && /^(?:true|false)$/.test(control.element.getAttribute('aria-expanded') ?? ''),
  },
  {
    id: 'show-hide',
    verdict: 'allowed',
    covers: 'buttons with aria-controls naming an element on the page, named Show…, Hide… or Toggle…',
    reason: 'It shows or hides the part of the page it controls.',
    applies: (control) => actsAsButton(control) && controlsExisting(control.element) && /^(?:show|hide|toggle)\b/u.test(control.words),
  },
  {
    id: 'tab',
    verdict: 'allowed',
    covers: 'role=tab',
    reason: 'It switches which panel of the page is shown.',
    applies: ({ role }) => role === 'tab',
  },
  {
    id: 'reveal-more',
    verdict: 'allowed',
    covers: 'buttons and links named Load more, Show more, Show all, See more, Expand, Collapse…',
    reason: 'It loads or reveals more of what the page already lists.',
    applies: (control) => (actsAsButton(control) || isSameOriginLink(control.element)) && revealPattern.test(control.words),
  },
  {
    id: 'pagination',
    verdict: 'allowed',
    covers: 'Next, Previous, page numbers: inside pagination (nav, role=navigation, a pager) or with rel=next/prev',
    reason: 'It turns to another page of the same list.',
    applies: (control) =>
      (actsAsButton(control) || isSameOriginLink(control.element)) && paginationName.test(symbolName(control)) && inPagination(control.element),
  },
  {
    id: 'same-site-link',
    verdict: 'allowed',
    covers: 'links to the same origin, followed with GET (no data-method, no download, not javascript:)',
    reason: 'It goes to another page of this site, as a visit would.',
    applies: ({ element, role }) => isSameOriginLink(element) && (role === 'link' || role === 'tab' || role === 'menuitem') && !isScriptOnlyLink(element),
  },
  {
    id: 'not-allowlisted',
    verdict: 'refused',
    covers: 'everything else: plain buttons (“Preview”, “Edit”…), links that only run script (href="#"), elements that are not controls',
    reason: 'Tandem clicks only controls that cannot change anything (details, tabs, “Show more”, pagination, links within this site).',
    explain: (control) =>
      `Tandem clicks only controls that cannot change anything (details, tabs, “Show more”, pagination, links within this site); ` +
      `“${control.name || control.tag.toLowerCase()}” is not one of them.`,
    applies: () => true,
  },
];

export function isAllowedClick(element: Element): boolean {
  return clickRefusal(element) === undefined;
}

/** Why a click on `element` is refused, or undefined when it is allowed. */
export function clickRefusal(element: Element): string | undefined {
  const decision = explainClick(element);
  return decision.verdict === 'refused' ? decision.reason : undefined;
}

/** The rule that decides a click on `element`, with its reason. */
export function explainClick(element: Element): ClickDecision {
  const outside = outsideTopDocument(element);
  if (outside) return { verdict: 'refused', rule: 'outside-page', reason: outside };
  if (!isControl(element)) {
    const enclosing = enclosingControl(element);
    const reason = enclosing
      ? `It is part of “${accessibleName(enclosing) || enclosing.tagName.toLowerCase()}”; propose a click on that control itself, so the card names what is clicked.`
      : 'It is not a button, link or tab; Tandem clicks only controls.';
    return { verdict: 'refused', rule: 'not-a-control', reason };
  }
  const own = decide(judged(element));
  if (own.verdict === 'refused') return own;
  // A click also reaches the controls around the target (a button inside a link follows the link too).
  for (let ancestor = enclosingControl(element); ancestor !== null; ancestor = enclosingControl(ancestor)) {
    const outer = decide(judged(ancestor));
    if (outer.verdict === 'refused') {
      return { verdict: 'refused', rule: outer.rule, reason: `It sits inside “${accessibleName(ancestor) || ancestor.tagName.toLowerCase()}”. ${outer.reason}` };
    }
  }
  return own;
}

function decide(control: ClickControl): ClickDecision {
  const rule = clickRules.find((candidate) => candidate.applies(control)) ?? clickRules[clickRules.length - 1];
  if (rule === undefined) throw new TypeError('The click policy has no rules.');
  return { verdict: rule.verdict, rule: rule.id, reason: rule.explain?.(control) ?? rule.reason };
}

/** A <label> activates its control, so a label is judged as that control (or as nothing, without one). */
function judged(element: Element): ClickControl {
  const target = element.tagName === 'LABEL' ? labelledControl(element) ?? element : element;
  const name = accessibleName(target);
  return { element: target, tag: target.tagName, role: roleOf(target), name, words: normaliseLabel(name) };
}

function isControl(element: Element): boolean {
  if (element.tagName === 'LABEL') return labelledControl(element) !== null;
  return interactiveRoles.has(roleOf(element)) || isEditableRoot(element);
}

function enclosingControl(element: Element): Element | null {
  for (let node = element.parentElement; node !== null; node = node.parentElement) {
    if (isControl(node)) return node;
  }
  return null;
}

function labelledControl(label: Element): Element | null {
  const id = label.getAttribute('for');
  if (id !== null) return label.ownerDocument.getElementById(id);
  return label.querySelector('button, input, select, textarea, [role]');
}

export function outsideTopDocument(element: Element): string | undefined {
  const view = element.ownerDocument.defaultView;
  if (!element.isConnected || view === null) return 'The element is not in the page.';
  // Frames can be another site's content laid over this one; Tandem acts on the page itself only.
  if (view.top !== view) return 'The element is inside a frame, not the page itself.';
  return undefined;
}

function typeOf(element: Element): string {
  return (element.getAttribute('type') ?? '').toLowerCase();
}

function hasFormOwner(element: Element): boolean {
  return element.hasAttribute('form') || element.closest('form') !== null;
}

function submitsForm(element: Element): boolean {
  const type = typeOf(element);
  if (element.tagName === 'INPUT') return type === 'submit' || type === 'image';
  if (element.tagName !== 'BUTTON') return false;
  return (type === '' || type === 'submit') && hasFormOwner(element);
}

/** A button, or a link that stays on the site, whatever script it also runs. */
function staysOnPage(control: ClickControl): boolean {
  return actsAsButton(control) || (isLink(control.element) && !leavesOrigin(control.element));
}

/** A button that does nothing by itself: whatever it does, the page's script does on the click. */
function actsAsButton({ element, tag, role }: ClickControl): boolean {
  if (role !== 'button') return false;
  if (tag === 'BUTTON') return typeOf(element) !== 'reset' && !submitsForm(element);
  if (tag === 'INPUT') return typeOf(element) === 'button';
  // role=button on a link still follows the link, so the link must stay on the site.
  if (isLink(element)) return !leavesOrigin(element);
  return true;
}

function isLink(element: Element): boolean {
  return (element.tagName === 'A' || element.tagName === 'AREA') && element.hasAttribute('href');
}

function linkTarget(element: Element): URL | undefined {
  const href = element.getAttribute('href') ?? '';
  return URL.canParse(href, element.ownerDocument.baseURI) ? new URL(href, element.ownerDocument.baseURI) : undefined;
}

function leavesOrigin(element: Element): boolean {
  const target = linkTarget(element);
  if (target === undefined || target.protocol === 'javascript:') return false;
  return target.origin !== new URL(element.ownerDocument.baseURI).origin || !/^https?:$/.test(target.protocol);
}

function isSameOriginLink(element: Element): boolean {
  const target = linkTarget(element);
  return isLink(element) && target !== undefined && /^https?:$/.test(target.protocol) && !leavesOrigin(element);
}

/** href="#" and friends go nowhere: what they do is whatever script the page attached. */
function isScriptOnlyLink(element: Element): boolean {
  const href = (element.getAttribute('href') ?? '').trim();
  if (href === '' || href === '#') return true;
  if (!href.startsWith('#')) return false;
  // A fragment naming an element on the page is an in-page jump, which changes nothing.
  return element.ownerDocument.getElementById(decodeURIComponent(href.slice(1))) === null;
}

function requestMethod(element: Element): string {
  return (element.getAttribute('data-method') ?? element.getAttribute('data-turbo-method') ?? element.getAttribute('formmethod') ?? 'get').toLowerCase();
}

function controlsExisting(element: Element): boolean {
  const ids = element.getAttribute('aria-controls')?.trim().split(/\s+/) ?? [];
  return ids.length > 0 && ids.every((id) => element.ownerDocument.getElementById(id) !== null);
}

function inPagination(element: Element): boolean {
  if (/\b(?:next|prev)\b/i.test(element.getAttribute('rel') ?? '')) return true;
  for (let node = element.parentElement; node !== null; node = node.parentElement) {
    if (node.tagName === 'NAV' || node.getAttribute('role') === 'navigation') return true;
    const hints = `${node.getAttribute('class') ?? ''} ${node.getAttribute('aria-label') ?? ''}`;
    if (/paginat|pager/i.test(hints)) return true;
  }
  return false;
}

function isEditableRoot(element: Element): boolean {
  const value = element.getAttribute('contenteditable');
  return value !== null && value.toLowerCase() !== 'false';
}

/** The name with symbols kept, for names that are only an arrow or a number. */
function symbolName(control: ClickControl): string {
  return control.name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * "delete" → "delet(?:e|es|ing)" so one entry covers "Deletes" and "Deleting…". Past forms are left
 * out on purpose: "Closed" and "Merged" name states (filter tabs, badges), not steps.
 */
function stemWithEndings(verb: string): string {
  return `${phrase(verb.replace(/e$/, ''))}(?:e|es|s|ing|ting|ping)?`;
}

function phrase(words: string): string {
  return words.replace(/[-\s]/g, '[-\\s]?');
}
