import { readFileSync } from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { Action } from '../context/types';
import { clickRefusal, fillRefusal, isAllowedClick, needsApproval } from './policy';

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

describe('isAllowedClick', () => {
  const document = page();

  it('allows harmless buttons and same-site links', () => {
    expect(isAllowedClick(byId(document, 'load-more'))).toBe(true);
    expect(isAllowedClick(byId(document, 'preview-tab'))).toBe(true);
    expect(isAllowedClick(byId(document, 'files-tab'))).toBe(true);
  });

  it('refuses a form’s submit button, explicit or by default', () => {
    expect(clickRefusal(byId(document, 'comment-submit'))).toMatch(/never submits/);
    const form = page('<form><button id="implicit">Post</button><input type="submit" id="input-submit" value="Go"><input type="image" id="image" alt="Go"></form>');
    expect(isAllowedClick(byId(form, 'implicit'))).toBe(false);
    expect(isAllowedClick(byId(form, 'input-submit'))).toBe(false);
    expect(isAllowedClick(byId(form, 'image'))).toBe(false);
  });

  it('refuses destructive labels, also through a child of the button', () => {
    expect(clickRefusal(byId(document, 'merge-button'))).toMatch(/“merge”/);
    expect(clickRefusal(byId(document, 'merge-icon'))).toMatch(/“merge”/);
    const labels = ['Ｍｅｒｇｅ', 'Mer\u200Bge now', 'Delete repository', 'Close issue', 'Approve', 'Confirm transfer', 'Squash and merge', 'Sign out', 'Deleting…'];
    for (const label of labels) {
      const doc = page(`<button type="button" id="b">${label}</button>`);
      expect(isAllowedClick(byId(doc, 'b')), label).toBe(false);
    }
    const iconButton = page('<button type="button" id="b" aria-label="Remove label"><svg></svg></button>');
    expect(isAllowedClick(byId(iconButton, 'b'))).toBe(false);
  });

  it('does not mistake words that merely contain a verb', () => {
    const doc = page('<button type="button" id="a">Emerge view</button><button type="button" id="b">Sender details</button>');
    expect(isAllowedClick(byId(doc, 'a'))).toBe(true);
    expect(isAllowedClick(byId(doc, 'b'))).toBe(true);
  });

  it('refuses non-GET and confirming links, links to other sites, and file pickers', () => {
    expect(clickRefusal(byId(document, 'delete-branch'))).toMatch(/DELETE request/);
    expect(clickRefusal(byId(document, 'docs-link'))).toMatch(/leaves this site/);
    expect(clickRefusal(byId(document, 'attachment'))).toMatch(/file picker/);
    const confirm = page('<a id="a" href="/x" data-confirm="Are you sure?">Do it</a><label id="l" for="f">Upload</label><input type="file" id="f">');
    expect(isAllowedClick(byId(confirm, 'a'))).toBe(false);
    expect(isAllowedClick(byId(confirm, 'l'))).toBe(false);
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
    expect(isAllowedClick(detached)).toBe(false);
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
