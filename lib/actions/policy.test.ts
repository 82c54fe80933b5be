import { readFileSync } from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { Action } from '../context/types';
import { accessibleName } from './accessible-label';
import { clickRefusal, clickRules, explainClick, fillRefusal, isAllowedClick, needsApproval } from './policy';

const fixture = readFileSync(new URL('../../test/fixtures/actions/pull-comment.html', import.meta.url), 'utf8');
const quiet = new VirtualConsole();

function page(html = fixture): Document {
  return new JSDOM(html, { url: 'https://github.example/acme/widgets/pull/42', virtualConsole: quiet }).window.document;
}

function byId(document: Document, id: string): Element {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`fixture has no #${id}`);
  return element;
}

describe('needsApproval', () => {
  it('lets only highlight run without approval', () => {
    const actions: [Action, boolean][] = [
      [{ type: 'copy', text: 'x' }, true],
      [{ type: 'open', url: 'https://example.com/' }, true],
      [{ type: 'fill', selector: '#a', label: 'A', text: 'x' }, true],
      [{ type: 'click', selector: '#a', label: 'A' }, true],
      [{ type: 'highlight', selector: '#a' }, false],
    ];
    for (const [action, expected] of actions) expect(needsApproval(action), action.type).toBe(expected);
  });
});

describe('click policy', () => {
  const document = page();
  const decide = (html: string, id = 'b') => explainClick(byId(page(html), id));

  it('allows what only shows, hides or navigates within the site', () => {
    expect(explainClick(byId(document, 'load-more'))).toMatchObject({ verdict: 'allowed', rule: 'reveal-more' });
    expect(explainClick(byId(document, 'preview-tab'))).toMatchObject({ verdict: 'allowed', rule: 'tab' });
    expect(explainClick(byId(document, 'files-tab'))).toMatchObject({ verdict: 'allowed', rule: 'same-site-link' });
    const allowed: [string, string][] = [
      ['<details><summary id="b">Checks</summary><p>3 passing</p></details>', 'disclosure'],
      ['<button type="button" id="b" aria-expanded="false">Show resolved</button>', 'expand-toggle'],
      ['<button type="button" id="b" aria-expanded="true" aria-controls="m">Reviewers</button><div id="m"></div>', 'expand-toggle'],
      ['<a href="#" role="button" id="b" aria-expanded="false">Outdated</a>', 'expand-toggle'],
      ['<button type="button" id="b" aria-controls="diff">Show whitespace</button><div id="diff"></div>', 'show-hide'],
      ['<div role="tab" id="b" tabindex="0">Commits</div>', 'tab'],
      ['<button type="button" id="b">Show 5 more replies</button>', 'reveal-more'],
      ['<button id="b">Load more…</button>', 'reveal-more'],
      ['<button type="button" id="b">Expand all</button>', 'reveal-more'],
      ['<a href="/acme/widgets/pull/42/checks" id="b">See all checks</a>', 'reveal-more'],
      ['<button type="button" id="b">12 hidden items Load more…</button>', 'reveal-more'],
      ['<button type="button" id="b">Load more comments (12)</button>', 'reveal-more'],
      ['<nav aria-label="Pagination"><button type="button" id="b">Next</button></nav>', 'pagination'],
      ['<div class="pagination"><button type="button" id="b">2</button></div>', 'pagination'],
      ['<nav><button type="button" id="b" aria-label="Next page">›</button></nav>', 'pagination'],
      ['<div class="paginate-container"><a id="b" href="?page=2">›</a></div>', 'pagination'],
      ['<a href="/acme/widgets/issues" id="b">Issues</a>', 'same-site-link'],
      ['<a href="#discussion" id="b">Jump to the discussion</a><div id="discussion"></div>', 'same-site-link'],
      ['<a href="/acme/widgets/commits" id="b">Commits <span class="Counter">4</span></a>', 'same-site-link'],
    ];
    for (const [html, rule] of allowed) expect(decide(html), html).toMatchObject({ verdict: 'allowed', rule });
  });

  it('refuses every word that saves, sends or undoes, even on a control that would otherwise pass', () => {
    const words = ['Post', 'Reply', 'Comment', 'Commit', 'Save', 'Update', 'Accept', 'Allow', 'Share', 'Revert', 'Ready for review',
      'Merge pull request', 'Squash and merge', 'Delete branch', 'Close issue', 'Approve', 'Submit review', 'Request changes',
      'Sign out', 'Deleting…', 'Ｍｅｒｇｅ', 'Mer\u200Bge now', 'Resolve conversation', 'Mark as done', 'Subscribe', 'Unsubscribe',
      'Re-run jobs', 'Cancel workflow', 'Add reviewers', 'Convert to draft', 'Pin issue', 'Star', 'Watch', 'Follow'];
    const html = words.map((word, index) =>
      `<button type="button" id="plain${index}">${word}</button><button type="button" id="toggle${index}" aria-expanded="false">${word}</button>` +
      `<a id="link${index}" href="/acme/widgets/settings">${word}</a><div role="tab" id="tab${index}">${word}</div>`).join('');
    const doc = page(html);
    words.forEach((word, index) => {
      // The name is judged before the allowlist: even a toggle, a same-site link or a tab with such a name is refused.
      for (const shape of ['plain', 'toggle', 'link', 'tab']) {
        expect(explainClick(byId(doc, `${shape}${index}`)), `${shape} ${word}`).toMatchObject({ verdict: 'refused', rule: 'committing-name' });
      }
    });
    expect(decide('<button type="button" id="b" aria-expanded="false">Post</button>').reason).toBe('Its name “Post” says it saves, sends or changes something (“post”); Tandem leaves that step to you.');
  });

  it('keeps nouns that merely look like those words: tabs, filters and “Load more comments”', () => {
    expect(decide('<details><summary id="b" aria-label="Collapse comment">…</summary></details>')).toMatchObject({ verdict: 'allowed', rule: 'disclosure' });
    expect(decide('<button type="button" id="b" aria-expanded="false">Show 2 more replies</button>')).toMatchObject({ verdict: 'allowed' });
    expect(decide('<button type="button" id="b" aria-expanded="false">Hide and delete</button>')).toMatchObject({ verdict: 'refused', rule: 'committing-name' });
    for (const name of ['Commits', 'Comments', 'Updates', 'Releases', 'Closed', 'Merged', 'Emerge view', 'Sender details', 'Conversation']) {
      expect(decide(`<a id="b" href="/acme/widgets/pulls?q=${encodeURIComponent(name)}">${name}</a>`).verdict, name).toBe('allowed');
    }
  });

  it('refuses checkboxes, switches, radios and options, also through their label', () => {
    const refused = [
      '<input type="checkbox" id="b" aria-label="Email me">',
      '<input type="checkbox" switch id="b" aria-label="Dark mode">',
      '<button type="button" role="switch" aria-checked="false" id="b">Auto-merge</button>',
      '<button type="button" role="switch" aria-checked="false" id="b">Notifications</button>',
      '<div role="checkbox" aria-checked="false" tabindex="0" id="b">Resolved</div>',
      '<input type="radio" name="r" id="b" aria-label="Squash">',
      '<div role="listbox"><div role="option" id="b">main</div></div>',
      '<select id="b" aria-label="Base"><option>main</option></select>',
    ];
    for (const html of refused) expect(decide(html), html).toMatchObject({ verdict: 'refused', rule: 'setting' });
    expect(decide('<label id="b" for="c">Show more</label><input type="checkbox" id="c">')).toMatchObject({ verdict: 'refused', rule: 'setting' });
    expect(decide('<label id="b">Show all <input type="checkbox"></label>')).toMatchObject({ verdict: 'refused', rule: 'setting' });
    expect(decide('<button type="button" role="switch" id="b">Notifications</button>').reason).toMatch(/switch: pages often save/);
  });

  it('judges the accessible name, not a tooltip: a "Preview" title on a button that reads "Post"', () => {
    const doc = page('<button type="button" id="b" title="Preview" aria-expanded="false">Post</button><button type="button" id="c" title="Show more">Post</button>');
    expect(explainClick(byId(doc, 'b'))).toMatchObject({ verdict: 'refused', rule: 'committing-name' });
    expect(clickRefusal(byId(doc, 'c'))).toMatch(/name “Post”/);
    // Hidden text does not rename it either.
    expect(decide('<button type="button" id="b">Post<span hidden> Show more</span></button>').verdict).toBe('refused');
    expect(decide('<button type="button" id="b">Post<span style="display:none"> Show more</span></button>').verdict).toBe('refused');
  });

  it('refuses plain buttons that are not on the list, whatever they do', () => {
    expect(decide('<button type="button" id="b">Preview</button>')).toMatchObject({ verdict: 'refused', rule: 'not-allowlisted' });
    expect(decide('<button type="button" id="b">Edit</button>').reason).toMatch(/cannot change anything.*“Edit” is not one of them/);
    expect(decide('<a href="#" id="b">Quote reply</a>').verdict).toBe('refused');
    expect(decide('<a href="#" id="b">Copy link</a>')).toMatchObject({ verdict: 'refused', rule: 'not-allowlisted' });
    expect(decide('<button type="button" id="b" aria-label=""><svg></svg></button>')).toMatchObject({ verdict: 'refused', rule: 'unnamed' });
    expect(decide('<button type="button" id="b" disabled aria-expanded="false">Reviewers</button>')).toMatchObject({ verdict: 'refused', rule: 'disabled' });
    expect(decide('<button type="button" id="b" aria-controls="gone">Show diff</button>').verdict).toBe('refused');
  });

  it('refuses a form’s submit button, explicit or by default, even with a harmless name', () => {
    expect(clickRefusal(byId(document, 'comment-submit'))).toMatch(/never submits/);
    const form = page('<form><button id="implicit">Show more</button><button role="tab" id="tab">Write</button><input type="submit" id="input-submit" value="Go"><input type="image" id="image" alt="Go"></form>');
    for (const id of ['implicit', 'tab', 'input-submit', 'image']) expect(explainClick(byId(form, id)), id).toMatchObject({ verdict: 'refused', rule: 'submit' });
  });

  it('refuses a part of a control, and a control inside a refused one', () => {
    expect(explainClick(byId(document, 'merge-icon'))).toMatchObject({ verdict: 'refused', rule: 'not-a-control' });
    expect(clickRefusal(byId(document, 'merge-icon'))).toMatch(/part of “⇲ Merge pull request”/);
    expect(clickRefusal(byId(document, 'merge-button'))).toMatch(/“merge”/);
    const nested = page('<a href="/acme/widgets/branches/x" data-method="delete"><button type="button" id="b" aria-expanded="false">Details</button></a>');
    expect(clickRefusal(byId(nested, 'b'))).toMatch(/sits inside “Details”.*DELETE request/);
  });

  it('refuses non-GET and confirming links, downloads, script links, links to other sites, and file pickers', () => {
    expect(explainClick(byId(document, 'delete-branch'))).toMatchObject({ verdict: 'refused', rule: 'non-get' });
    expect(clickRefusal(byId(document, 'delete-branch'))).toMatch(/DELETE request/);
    expect(clickRefusal(byId(document, 'docs-link'))).toMatch(/leaves this site/);
    expect(clickRefusal(byId(document, 'attachment'))).toMatch(/file picker/);
    expect(decide('<a id="b" href="/x" data-confirm="Are you sure?">Issues</a>')).toMatchObject({ rule: 'confirm' });
    expect(decide('<a id="b" href="/x" data-turbo-method="post">Issues</a>')).toMatchObject({ rule: 'non-get' });
    expect(decide('<a id="b" href="/acme/widgets/archive/main.zip" download>Source code</a>')).toMatchObject({ rule: 'download' });
    expect(decide('<a id="b" href="javascript:void(0)">Load more</a>')).toMatchObject({ rule: 'script-link' });
    expect(decide('<a id="b" href="mailto:a@b.example">Contact</a>')).toMatchObject({ rule: 'other-site' });
    expect(decide('<label id="b" for="f">Upload</label><input type="file" id="f">')).toMatchObject({ verdict: 'refused', rule: 'file-picker' });
    expect(decide('<button id="b" type="button" formaction="/x">Load more</button>')).toMatchObject({ rule: 'non-get' });
    expect(decide('<input id="b" aria-label="Search">')).toMatchObject({ rule: 'text-field' });
  });

  it('refuses elements inside a frame and elements no longer in the page', () => {
    const document = page('<iframe id="frame"></iframe>');
    const frame = byId(document, 'frame') as HTMLIFrameElement;
    const inner = frame.contentDocument;
    if (inner === null) throw new Error('jsdom gave the frame no document');
    const button = inner.createElement('button');
    button.type = 'button';
    button.textContent = 'Load more';
    inner.body.append(button);
    expect(clickRefusal(button)).toMatch(/inside a frame/);
    const input = inner.createElement('input');
    inner.body.append(input);
    expect(fillRefusal(input)).toMatch(/inside a frame/);
    const detached = document.createElement('button');
    detached.textContent = 'Load more';
    expect(isAllowedClick(detached)).toBe(false);
    expect(clickRefusal(detached)).toMatch(/not in the page/);
  });

  it('is a table: every rule has an id, a verdict and what it covers, and the last one refuses the rest', () => {
    const ids = clickRules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of clickRules) expect(rule.covers.length, rule.id).toBeGreaterThan(5);
    expect(clickRules.at(-1)).toMatchObject({ id: 'not-allowlisted', verdict: 'refused' });
    expect(clickRules.filter((rule) => rule.verdict === 'allowed').map((rule) => rule.id)).toEqual([
      'disclosure', 'expand-toggle', 'show-hide', 'tab', 'reveal-more', 'pagination', 'same-site-link',
    ]);
  });
});

describe('click policy on a saved GitHub pull request', () => {
  const html = readFileSync(new URL('../../test/fixtures/real/github/pr-conversation-kepano-defuddle-151.html', import.meta.url), 'utf8');
  const document = new JSDOM(html, { url: 'https://github.com/kepano/defuddle/pull/151', virtualConsole: quiet }).window.document;
  const controls = [...document.querySelectorAll('a[href], button, summary, input, [role]')];
  const named = (name: string, tag?: string) => {
    const found = controls.find((element) => accessibleName(element) === name && (tag === undefined || element.tagName === tag));
    if (found === undefined) throw new Error(`the saved page has no control named ${name}`);
    return found;
  };

  it('allows its tabs, disclosures and links, and refuses merging, drafting, locking, replying and every submit or checkbox', () => {
    for (const name of ['Files changed(6)', 'Commits(2)', 'Preview', 'Reviewers', 'Show a summary per file']) {
      expect(explainClick(named(name)).verdict, name).toBe('allowed');
    }
    for (const name of ['Squash and merge', 'Convert to draft', 'Lock conversation', 'Quote reply', 'Reply...']) {
      expect(explainClick(named(name)).verdict, name).toBe('refused');
    }
    const submits = controls.filter((element) => element.matches('button[type=submit], input[type=submit]'));
    const checkboxes = controls.filter((element) => element.matches('input[type=checkbox], [role=checkbox], [role=switch]'));
    expect(submits.length).toBeGreaterThan(10);
    expect(checkboxes.length).toBeGreaterThan(0);
    for (const element of [...submits, ...checkboxes]) expect(isAllowedClick(element), element.outerHTML.slice(0, 120)).toBe(false);
  });
});

describe('fillRefusal', () => {
  const document = page();

  it('allows text fields, textareas and editable regions', () => {
    expect(fillRefusal(byId(document, 'new_comment_field'))).toBeUndefined();
    expect(fillRefusal(byId(document, 'repo-search'))).toBeUndefined();
    expect(fillRefusal(byId(document, 'reply-editor'))).toBeUndefined();
  });

  it('refuses secrets, files, read-only fields and non-fields', () => {
    expect(fillRefusal(byId(document, 'token-field'))).toMatch(/password inputs/);
    expect(fillRefusal(byId(document, 'otp-field'))).toMatch(/password, code or card/);
    expect(fillRefusal(byId(document, 'attachment'))).toMatch(/file inputs/);
    expect(fillRefusal(byId(document, 'readonly-field'))).toMatch(/read-only/);
    expect(fillRefusal(byId(document, 'load-more'))).toMatch(/not a text field/);
    const hidden = document.querySelector('input[type=hidden]');
    expect(hidden && fillRefusal(hidden)).toMatch(/hidden inputs/);
    const more = page('<input type="checkbox" id="c"><input id="n" type="number"><input id="cc" autocomplete="cc-number">');
    expect(fillRefusal(byId(more, 'c'))).toMatch(/checkbox/);
    expect(fillRefusal(byId(more, 'n'))).toMatch(/number/);
    expect(fillRefusal(byId(more, 'cc'))).toMatch(/card/);
  });
});
