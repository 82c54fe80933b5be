import { describe, expect, it } from 'vitest';
import { checkLink, pageTextCarriedBy, pageTextOf } from './link-check';
import type { PageContext } from '../context/types';

const PAGE = 'https://github.com/acme/widgets/pull/42';
const PAGE_TEXT = 'export const RETRY_DELAY_MS = 250; // keeps the sync client polite\nReviewed by octocat';

describe('checkLink', () => {
  it('opens links on the page’s own site without a preview', () => {
    expect(checkLink('https://github.com/acme/widgets/issues/7', PAGE, PAGE_TEXT)).toEqual({ href: 'https://github.com/acme/widgets/issues/7', sameSite: true, warnings: [] });
  });

  it('previews links to other sites, with no warning for an ordinary address', () => {
    expect(checkLink('https://developer.mozilla.org/en-US/docs/Web/API/fetch', PAGE, PAGE_TEXT)).toEqual({
      href: 'https://developer.mozilla.org/en-US/docs/Web/API/fetch', sameSite: false, warnings: [],
    });
  });

  it('warns when the address carries text from the page, in the query, path or fragment', () => {
    for (const href of [
      `https://collector.example/?q=${encodeURIComponent('const RETRY_DELAY_MS = 250')}`,
      `https://collector.example/${encodeURIComponent('keeps the sync client polite')}`,
      `https://collector.example/#${encodeURIComponent('RETRY_DELAY_MS = 250; // keeps')}`,
    ]) {
      const check = checkLink(href, PAGE, PAGE_TEXT);
      expect(check?.sameSite).toBe(false);
      expect(check?.warnings[0]).toMatch(/^The address carries text from the page/);
    }
  });

  it('does not take short words the page also uses for carried text', () => {
    expect(pageTextCarriedBy(new URL('https://www.npmjs.com/package/octocat?activeTab=readme'), PAGE_TEXT)).toBeUndefined();
  });

  it('warns about look-alike hosts and long queries, and refuses what is not an address', () => {
    expect(checkLink('https://xn--gthub-n4a.com/login', PAGE, '')?.warnings.join(' ')).toMatch(/non-Latin letters/);
    expect(checkLink(`https://example.com/?q=${'a'.repeat(400)}`, PAGE, '')?.warnings.join(' ')).toMatch(/characters of query/);
    expect(checkLink('not a url', PAGE, '')).toBeNull();
  });

  it('previews mail links, which can carry page text in their body', () => {
    const check = checkLink(`mailto:x@collector.example?body=${encodeURIComponent('RETRY_DELAY_MS = 250; keeps the sync client polite')}`, PAGE, PAGE_TEXT);
    expect(check?.sameSite).toBe(false);
    expect(check?.warnings[0]).toMatch(/carries text from the page/);
  });
});

describe('pageTextOf', () => {
  it('gathers every string of the capture', () => {
    const context = {
      url: PAGE, title: 'Add retries', kind: 'github.pull', capturedAt: 0, facts: { files: 2 }, redactions: 0, selection: 'picked text',
      data: { files: [{ path: 'src/a.ts', hunks: [{ lines: ['+const a = 1;'] }] }] },
    } as unknown as PageContext;
    const text = pageTextOf(context);
    for (const part of ['Add retries', 'picked text', 'src/a.ts', '+const a = 1;']) expect(text).toContain(part);
  });
});
