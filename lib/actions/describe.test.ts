import { describe, expect, it } from 'vitest';
import { describeAction, fillNote } from './describe';

describe('describeAction', () => {
  it('names the field and the length of a fill, and shows the whole text', () => {
    const text = `${'Thanks for the retry work. '.repeat(15)}LGTM`; // 27 × 15 + 4 = 409 characters
    const description = describeAction({ type: 'fill', selector: '#new_comment_field', label: 'Comment body', text });
    expect(description).toEqual({ summary: 'Fill “Comment body” with 409 characters', detail: text, risk: 'changes-page', note: fillNote });
    expect(description.note).toMatch(/does not submit, press Enter or leave the field/);
  });

  it('says a click changes the page and an open leaves it', () => {
    expect(describeAction({ type: 'click', selector: '#b', label: 'Load more comments' })).toEqual({ summary: 'Click “Load more comments”', risk: 'changes-page' });
    const open = describeAction({ type: 'open', url: 'https://github.com/acme/widgets/pull/42/files' });
    expect(open.summary).toBe('Open github.com/acme/widgets/pull/42/files in a new tab');
    expect(open.detail).toBe('https://github.com/acme/widgets/pull/42/files');
    expect(open.risk).toBe('leaves-page');
    expect(open.warnings).toBeUndefined();
  });

  it('hides no part of a query: the summary marks it and the detail has it all', () => {
    const open = describeAction({ type: 'open', url: 'https://github.com/search?q=retry' });
    expect(open.summary).toBe('Open github.com/search?… in a new tab');
    expect(open.detail).toBe('https://github.com/search?q=retry');
    expect(open.warnings).toBeUndefined();
  });

  it('warns when an address carries page-like data', () => {
    const prose = encodeURIComponent('The sync client gave up after the first failed request so a brief outage lost edits');
    expect(describeAction({ type: 'open', url: `https://collect.example/?d=${prose}` }).warnings).toEqual([expect.stringMatching(/looks like page data/)]);
    const encoded = Buffer.from('secret page text that should not leave the browser at all').toString('base64');
    expect(describeAction({ type: 'open', url: `https://collect.example/${encoded}` }).warnings?.join(' ')).toMatch(/looks like page data/);
    const long = describeAction({ type: 'open', url: `https://collect.example/?${Array.from({ length: 60 }, (_, index) => `k${index}=v${index}`).join('&')}` });
    expect(long.warnings?.join(' ')).toMatch(/characters of query and fragment/);
    expect(describeAction({ type: 'open', url: 'https://collect.example/#line1%0Aline2' }).warnings?.join(' ')).toMatch(/page data/);
  });

  it('shows look-alike hosts in their punycode form and warns', () => {
    const open = describeAction({ type: 'open', url: 'https://gіthub.com/login' }); // Cyrillic і
    expect(open.summary).toMatch(/^Open xn--/);
    expect(open.warnings?.join(' ')).toMatch(/non-Latin letters/);
  });

  it('counts the characters a user cannot see and strips them from labels', () => {
    const fill = describeAction({ type: 'fill', selector: '#a', label: 'Comment\u202E body', text: 'ok\u200B\u200Bthen\u{E0041}' });
    // o, k, two zero-width spaces, t, h, e, n and one tag character: nine, each counted once.
    expect(fill.summary).toBe('Fill “Comment body” with 9 characters');
    expect(fill.warnings).toEqual([
      'The proposed label hides 1 invisible character; it is shown without them.',
      'The text contains 3 invisible characters (direction overrides or zero-width marks).',
    ]);
  });

  it('still describes an address that does not parse, with a warning', () => {
    expect(describeAction({ type: 'open', url: 'not a url' })).toEqual({
      summary: 'Open not a url in a new tab',
      detail: 'not a url',
      risk: 'leaves-page',
      warnings: ['This is not a valid web address; it will be refused.'],
    });
  });

  it('describes copy and highlight as changing nothing in the page', () => {
    expect(describeAction({ type: 'copy', text: 'npm test' })).toEqual({ summary: 'Copy 8 characters to the clipboard', detail: 'npm test', risk: 'none' });
    expect(describeAction({ type: 'highlight', selector: '#summary', label: 'Summary' })).toEqual({ summary: 'Highlight “Summary”', risk: 'none' });
    expect(describeAction({ type: 'highlight', selector: '#summary' }).summary).toBe('Highlight the element at #summary');
  });

  it('shows the name of the element the page has, and warns when it is not the one proposed', () => {
    const fill = { type: 'fill', selector: '#new_comment_field', label: 'Leave a comment', text: 'LGTM' } as const;
    expect(describeAction(fill, { label: 'Comment body' })).toMatchObject({
      found: 'Comment body',
      warnings: ['The page names this element “Comment body”, not “Leave a comment” as proposed.'],
    });
    expect(describeAction({ ...fill, label: 'comment body:' }, { label: 'Comment body' }).warnings).toBeUndefined();
    const click = { type: 'click', selector: '#post', label: 'Preview' } as const;
    const refused = describeAction(click, { problem: 'The element at #post is named “Post”, not “Preview”.' });
    expect(refused).toMatchObject({ summary: 'Click “Preview”', refusal: 'The element at #post is named “Post”, not “Preview”.' });
    expect(refused.found).toBeUndefined();
    // The refusal already says the names differ; no second warning says it again.
    expect(describeAction(click, { label: 'Post', problem: 'The element at #post is named “Post”, not “Preview”.' })).toMatchObject({ found: 'Post' });
    expect(describeAction(click, { label: 'Post', problem: 'x' }).warnings).toBeUndefined();
    expect(describeAction(click, {}).warnings).toEqual(['The element found has no name on the page.']);
    // copy and open have no element; a report changes nothing.
    expect(describeAction({ type: 'copy', text: 'x' }, { label: 'y' })).toEqual(describeAction({ type: 'copy', text: 'x' }));
  });
});
