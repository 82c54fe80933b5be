import { readFileSync } from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import type { Action } from '../context/types';
import { createExecutor, type ExecuteResult, type Executor } from './executor';

const fixture = readFileSync(new URL('../../test/fixtures/actions/pull-comment.html', import.meta.url), 'utf8');
const saveOnChange = readFileSync(new URL('../../test/fixtures/actions/save-on-change.html', import.meta.url), 'utf8');
const quiet = new VirtualConsole();

interface Page {
  window: JSDOM['window'];
  document: Document;
  executor: Executor;
  submissions: string[];
}

function openPage(html = fixture, options: Parameters<typeof createExecutor>[1] = {}): Page {
  const { window } = new JSDOM(html, { url: 'https://github.example/acme/widgets/pull/42', virtualConsole: quiet });
  const submissions: string[] = [];
  // Listening on every form (not just the document) catches a submission even if something stops it bubbling.
  for (const form of window.document.querySelectorAll('form')) {
    form.addEventListener('submit', () => submissions.push(form.className || form.id));
  }
  return { window, document: window.document, executor: createExecutor(window.document, options), submissions };
}

function textarea(page: Page): HTMLTextAreaElement {
  return page.document.getElementById('new_comment_field') as HTMLTextAreaElement;
}

function expectFailure(result: { ok: boolean; error?: { name: string; message: string } }, name: string): string {
  expect(result.ok).toBe(false);
  expect(result.error?.name).toBe(name);
  return result.error?.message ?? '';
}

function undoTokenOf(result: ExecuteResult): string {
  if (!result.ok || result.undoToken === undefined) throw new Error(`expected an undo token, got ${JSON.stringify(result)}`);
  return result.undoToken;
}

const fillComment = (text: string, label = 'Comment body'): Action => ({ type: 'fill', selector: '#new_comment_field', label, text });

describe('fill', () => {
  it('fills the comment box with events, never submits, and undo restores the previous text', async () => {
    const page = openPage();
    const field = textarea(page);
    field.value = 'My own draft';
    const events: string[] = [];
    field.addEventListener('input', () => events.push(`input:${field.value}`));
    field.addEventListener('change', () => events.push('change'));

    const result = await page.executor.execute(fillComment('Thanks, this looks right.'));
    expect(result).toMatchObject({ ok: true, message: 'Filled “Comment body” with 25 characters.' });
    expect(field.value).toBe('Thanks, this looks right.');
    // No change event: pages save a field on change, and a fill is not confirmed by the user.
    expect(events).toEqual(['input:Thanks, this looks right.']);

    expect(page.executor.undo(undoTokenOf(result))).toEqual({ ok: true, message: 'Restored “Comment body”.' });
    expect(field.value).toBe('My own draft');
    expect(page.submissions).toEqual([]);
  });

  it('accepts any of the field’s real labels, ignoring case and spacing', async () => {
    for (const label of ['comment BODY', '  Add a   comment ', 'Leave a comment']) {
      const page = openPage();
      expect((await page.executor.execute(fillComment('x', label))).ok, label).toBe(true);
    }
  });

  it('uses an undo token once only', async () => {
    const page = openPage();
    const token = undoTokenOf(await page.executor.execute(fillComment('one')));
    expect(page.executor.undo(token).ok).toBe(true);
    expectFailure(page.executor.undo(token), 'UnknownUndoTokenError');
    expectFailure(page.executor.undo('fill-1-forged'), 'UnknownUndoTokenError');
  });

  it('refuses to undo over the user’s later edit unless forced', async () => {
    const page = openPage();
    const field = textarea(page);
    const token = undoTokenOf(await page.executor.execute(fillComment('Tandem wrote this')));
    field.value = 'Tandem wrote this, and I added more';

    expectFailure(page.executor.undo(token), 'UndoConflictError');
    expect(field.value).toBe('Tandem wrote this, and I added more');
    expect(page.executor.undo(token, { force: true }).ok).toBe(true);
    expect(field.value).toBe('');
  });

  it('reports a field that left the page instead of restoring into nothing', async () => {
    const page = openPage();
    const token = undoTokenOf(await page.executor.execute(fillComment('text')));
    textarea(page).closest('form')?.remove();
    expectFailure(page.executor.undo(token), 'TargetGoneError');
  });

  it('refuses a label that does not belong to the element, and changes nothing', async () => {
    const page = openPage();
    const message = expectFailure(await page.executor.execute(fillComment('x', 'Pull request title')), 'TargetMismatchError');
    expect(message).toContain('labelled “Comment body”, not “Pull request title”');
    expect(textarea(page).value).toBe('');
  });

  it('refuses a selector that matches nothing visible', async () => {
    const page = openPage();
    expectFailure(await page.executor.execute({ type: 'fill', selector: '#missing', label: 'Comment body', text: 'x' }), 'TargetNotFoundError');
    expectFailure(await page.executor.execute({ type: 'fill', selector: 'input[type=hidden]', label: 'authenticity_token', text: 'x' }), 'TargetNotFoundError');
    expect(page.document.querySelector('input[type=hidden]')?.getAttribute('value')).toBe('token-value');
  });

  it('skips hidden matches: the visible comment box is filled, the page’s hidden draft is untouched', async () => {
    const page = openPage();
    const result = await page.executor.execute({ type: 'fill', selector: 'textarea[aria-label="Comment body"]', label: 'Comment body', text: 'visible' });
    expect(result.ok).toBe(true);
    expect(textarea(page).value).toBe('visible');
    expect((page.document.querySelector('.js-reply-field') as HTMLTextAreaElement).value).toBe('draft kept by the page');
  });

  it('refuses two visible matches with the same label rather than guessing', async () => {
    const page = openPage('<input aria-label="Name" class="n"><input aria-label="Name" class="n">');
    expectFailure(await page.executor.execute({ type: 'fill', selector: '.n', label: 'Name', text: 'x' }), 'AmbiguousTargetError');
    for (const input of page.document.querySelectorAll('input')) expect(input.value).toBe('');
  });

  it('never types into a password, code or file field', async () => {
    const page = openPage();
    const refusals: Action[] = [
      { type: 'fill', selector: '#token-field', label: 'Personal access token', text: 'ghp_x' },
      { type: 'fill', selector: '#otp-field', label: 'Authentication code', text: '123456' },
      { type: 'fill', selector: '#readonly-field', label: 'Repository name', text: 'other' },
      { type: 'fill', selector: '#load-more', label: 'Load more comments', text: 'x' },
    ];
    for (const action of refusals) expectFailure(await page.executor.execute(action), 'TargetNotAllowedError');
    expect((page.document.getElementById('token-field') as HTMLInputElement).value).toBe('');
    expect((page.document.getElementById('readonly-field') as HTMLInputElement).value).toBe('widgets');
  });

  it('stops a page handler that submits the form in answer to the input event', async () => {
    const page = openPage();
    const field = textarea(page);
    field.addEventListener('input', () => field.form?.requestSubmit());
    const result = await page.executor.execute(fillComment('hello'));
    expect(result).toMatchObject({ ok: true });
    expect(result.ok && result.message).toMatch(/tried to submit its form; Tandem stopped it/);
    expect(page.submissions).toEqual([]);
  });

  it('reaches a React-style controlled input whose value property is tracked', async () => {
    const page = openPage('<input id="title" aria-label="Title" value="Old title">');
    const input = page.document.getElementById('title') as HTMLInputElement;
    // React shadows `value` on the node and calls onChange only when the DOM value differs from what it last saw.
    const native = Object.getOwnPropertyDescriptor(page.window.HTMLInputElement.prototype, 'value');
    let tracked = 'Old title';
    Object.defineProperty(input, 'value', {
      configurable: true,
      get: () => native?.get?.call(input),
      set: (value: string) => {
        tracked = value;
        native?.set?.call(input, value);
      },
    });
    const onChange: string[] = [];
    page.document.addEventListener('input', () => {
      const current = native?.get?.call(input) as string;
      if (current !== tracked) {
        tracked = current;
        onChange.push(current);
      }
    });

    const token = undoTokenOf(await page.executor.execute({ type: 'fill', selector: '#title', label: 'Title', text: 'New title' }));
    expect(onChange).toEqual(['New title']);
    expect(page.executor.undo(token).ok).toBe(true);
    expect(onChange).toEqual(['New title', 'Old title']);
  });

  it('fills an editable region and undo puts back the very same nodes', async () => {
    const page = openPage();
    const editor = page.document.getElementById('reply-editor') as HTMLElement;
    const paragraph = editor.firstElementChild;
    const before = editor.innerHTML;
    const token = undoTokenOf(await page.executor.execute({ type: 'fill', selector: '#reply-editor', label: 'Reply', text: 'Line one\nLine two' }));
    expect(editor.innerHTML).toBe('Line one<br>Line two');
    expect(page.executor.undo(token).ok).toBe(true);
    expect(editor.innerHTML).toBe(before);
    expect(editor.firstElementChild).toBe(paragraph);
  });
});

describe('click', () => {
  it('clicks an allowed button', async () => {
    const page = openPage();
    const clicks = vi.fn();
    page.document.getElementById('load-more')?.addEventListener('click', clicks);
    const result = await page.executor.execute({ type: 'click', selector: '#load-more', label: 'Load more comments' });
    expect(result).toEqual({ ok: true, message: 'Clicked “Load more comments”.' });
    expect(clicks).toHaveBeenCalledTimes(1);
  });

  it('refuses the submit button and the merge button, and nothing receives a click', async () => {
    const page = openPage();
    const clicks = vi.fn();
    page.document.addEventListener('click', clicks, true);
    expectFailure(await page.executor.execute({ type: 'click', selector: '#comment-submit', label: 'Comment' }), 'TargetNotAllowedError');
    expectFailure(await page.executor.execute({ type: 'click', selector: '#merge-button', label: 'Merge pull request' }), 'TargetNotAllowedError');
    expectFailure(await page.executor.execute({ type: 'click', selector: '#merge-icon', label: 'Quick action' }), 'TargetNotAllowedError');
    expect(clicks).not.toHaveBeenCalled();
    expect(page.submissions).toEqual([]);
  });

  it('refuses a click whose label does not match the element', async () => {
    const page = openPage();
    const clicks = vi.fn();
    page.document.getElementById('load-more')?.addEventListener('click', clicks);
    expectFailure(await page.executor.execute({ type: 'click', selector: '#load-more', label: 'Show resolved' }), 'TargetMismatchError');
    expect(clicks).not.toHaveBeenCalled();
  });
  it('refuses a card that calls a “Post” button “Preview” by its tooltip, before approval and after', async () => {
    const page = openPage('<button type="button" id="post" title="Preview">Post</button><button type="button" id="save" aria-expanded="false">Save</button>');
    const clicks = vi.fn();
    page.document.addEventListener('click', clicks, true);
    const claimed: Action = { type: 'click', selector: '#post', label: 'Preview' };
    const mismatch = page.executor.preview(claimed);
    expect(expectFailure(mismatch, 'TargetMismatchError')).toBe('The element at #post is named “Post”, not “Preview”.');
    expect(mismatch).toMatchObject({ targetLabel: 'Post' });
    expectFailure(await page.executor.execute(claimed), 'TargetMismatchError');
    // Named honestly, it is still refused, with the reason the card shows.
    const refused = page.executor.preview({ type: 'click', selector: '#save', label: 'Save' });
    expect(expectFailure(refused, 'TargetNotAllowedError')).toMatch(/“Save” says it saves/);
    // The card still learns what the selector found.
    expect(refused).toMatchObject({ targetLabel: 'Save' });
    expectFailure(await page.executor.execute({ type: 'click', selector: '#save', label: 'Save' }), 'TargetNotAllowedError');
    expect(clicks).not.toHaveBeenCalled();
  });
});

describe('preview', () => {
  it('adds an overlay and clearPreview removes every trace', () => {
    const page = openPage();
    const before = page.document.documentElement.outerHTML;
    const result = page.executor.preview(fillComment('Thanks'));
    expect(result).toEqual({
      ok: true,
      message: 'Tandem will fill “Comment body” with 6 characters. The field is empty; the form is not submitted.',
      targetLabel: 'Comment body',
    });
    const added = page.document.documentElement.lastElementChild as HTMLElement;
    expect(page.document.documentElement.outerHTML).not.toBe(before);
    expect(added.style.getPropertyValue('pointer-events')).toBe('none');
    expect(added.style.getPropertyValue('position')).toBe('absolute');
    expect(textarea(page).value).toBe('');

    page.executor.clearPreview();
    expect(page.document.documentElement.outerHTML).toBe(before);
  });

  it('tells how much existing text a fill would replace', () => {
    const page = openPage();
    textarea(page).value = 'draft';
    const result = page.executor.preview(fillComment('new'));
    expect(result.ok && result.message).toContain('It replaces 5 characters already there');
  });

  it('shows one overlay at a time and none for a refused action', () => {
    const page = openPage();
    const before = page.document.documentElement.outerHTML;
    const childCount = page.document.documentElement.children.length;
    page.executor.preview(fillComment('a'));
    page.executor.preview({ type: 'highlight', selector: '#issue-1' });
    expect(page.document.documentElement.children.length).toBe(childCount + 1);
    expectFailure(page.executor.preview({ type: 'click', selector: '#merge-button', label: 'Merge pull request' }), 'TargetNotAllowedError');
    expect(page.document.documentElement.outerHTML).toBe(before);
  });

  it('answers for copy and open according to the callbacks it was given', () => {
    expectFailure(openPage().executor.preview({ type: 'copy', text: 'x' }), 'UnsupportedActionError');
    const withCallbacks = openPage(fixture, { copy: () => undefined, open: () => undefined });
    expect(withCallbacks.executor.preview({ type: 'open', url: 'https://example.com/' }).ok).toBe(true);
  });
});

describe('highlight, copy and open', () => {
  it('highlights for a while and then removes the overlay', async () => {
    const page = openPage(fixture, { highlightMs: 10 });
    const before = page.document.documentElement.outerHTML;
    const result = await page.executor.execute({ type: 'highlight', selector: '.IssueLabel' });
    expect(result).toEqual({ ok: true, message: 'Highlighted the element.' });
    expect(page.document.documentElement.outerHTML).not.toBe(before);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(page.document.documentElement.outerHTML).toBe(before);
  });

  it('refuses a labelled highlight that matches several elements equally', async () => {
    const page = openPage();
    expectFailure(await page.executor.execute({ type: 'highlight', selector: '.IssueLabel', label: 'Label' }), 'AmbiguousTargetError');
    expect((await page.executor.execute({ type: 'highlight', selector: '.IssueLabel', label: 'sync' })).ok).toBe(true);
  });

  it('delegates copy and open to the callbacks, and refuses without them', async () => {
    const copy = vi.fn();
    const open = vi.fn();
    const page = openPage(fixture, { copy, open });
    expect(await page.executor.execute({ type: 'copy', text: 'npm test' })).toEqual({ ok: true, message: 'Copied 8 characters to the clipboard.' });
    expect(await page.executor.execute({ type: 'open', url: 'https://github.example/acme/widgets/pull/42/files' })).toEqual({
      ok: true,
      message: 'Opened github.example in a new tab.',
    });
    expect(copy).toHaveBeenCalledWith('npm test');
    expect(open).toHaveBeenCalledWith('https://github.example/acme/widgets/pull/42/files');
    expectFailure(await openPage().executor.execute({ type: 'copy', text: 'x' }), 'UnsupportedActionError');
  });

  it('validates again before running, so a forged message cannot open javascript:', async () => {
    const open = vi.fn();
    const page = openPage(fixture, { open });
    expectFailure(await page.executor.execute({ type: 'open', url: 'javascript:alert(1)' }), 'InvalidActionError');
    expectFailure(await page.executor.execute({ type: 'submit', selector: 'form' } as unknown as Action), 'InvalidActionError');
    expect(open).not.toHaveBeenCalled();
  });

  it('turns a failing callback into a result instead of a throw', async () => {
    const page = openPage(fixture, { copy: () => Promise.reject(new Error('Clipboard blocked')) });
    expect(await page.executor.execute({ type: 'copy', text: 'x' })).toEqual({ ok: false, error: { name: 'UnexpectedActionError', message: 'Clipboard blocked' } });
  });
});

describe('fill on a page whose fields save themselves', () => {
  function openSavingPage() {
    const { window } = new JSDOM(saveOnChange, { url: 'https://profile.example/settings', runScripts: 'dangerously', virtualConsole: quiet });
    const root = window.document.documentElement;
    return {
      window,
      executor: createExecutor(window.document),
      saves: () => Number(root.dataset.saves),
      inputs: () => Number(root.dataset.inputs),
      field: (id: string) => window.document.getElementById(id) as HTMLInputElement,
    };
  }

  it('reaches the page’s script through input events, and saves nothing: no change, no blur, no Enter, no submit', async () => {
    const page = openSavingPage();
    const fills: Action[] = [
      { type: 'fill', selector: '#display-name', label: 'Display name', text: 'Mona Lisa' },
      { type: 'fill', selector: '#bio', label: 'Bio', text: 'Reviews pull requests.\nLikes octocats.' },
      { type: 'fill', selector: '#location', label: 'Location', text: 'Lisbon' },
      { type: 'fill', selector: '#status', label: 'Status', text: 'On holiday' },
    ];
    const tokens: string[] = [];
    for (const action of fills) tokens.push(undoTokenOf(await page.executor.execute(action)));

    expect(page.inputs()).toBe(4);
    expect(page.window.document.getElementById('preview-name')?.textContent).toBe('Mona Lisa');
    expect(page.field('location').value).toBe('Lisbon');
    expect(page.window.document.getElementById('status')?.textContent).toBe('On holiday');
    expect(page.saves()).toBe(0);
    // Nothing was focused, so nothing can be saved by losing focus later either.
    expect(page.window.document.activeElement).toBe(page.window.document.body);

    for (const token of tokens.reverse()) expect(page.executor.undo(token).ok).toBe(true);
    expect(page.field('display-name').value).toBe('Mona');
    expect(page.saves()).toBe(0);
  });

  it('counts saves, so the test above would see one', () => {
    const page = openSavingPage();
    const name = page.field('display-name');
    name.dispatchEvent(new page.window.Event('change', { bubbles: true }));
    page.field('bio').focus();
    page.field('bio').blur();
    expect(page.saves()).toBe(2);
  });
});
