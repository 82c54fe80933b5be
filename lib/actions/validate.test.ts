import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { actionLimits } from './limits';
import { validateAction } from './validate';

const document = new JSDOM('<!DOCTYPE html><body></body>').window.document;

function errorOf(value: unknown): string {
  const result = validateAction(value, { document });
  if (result.ok) throw new Error(`expected a rejection, got ${JSON.stringify(result.action)}`);
  return result.error;
}

describe('validateAction', () => {
  it('accepts each well-formed action type unchanged', () => {
    const actions = [
      { type: 'copy', text: 'npm test' },
      { type: 'fill', selector: '#new_comment_field', label: 'Comment body', text: 'Looks good' },
      { type: 'click', selector: 'button.load-more', label: 'Load more' },
      { type: 'highlight', selector: 'h2' },
      { type: 'highlight', selector: 'h2', label: 'Summary' },
    ];
    for (const action of actions) expect(validateAction(action, { document })).toEqual({ ok: true, action });
  });

  it('accepts http and https addresses and normalises them', () => {
    expect(validateAction({ type: 'open', url: ' https://GitHub.com/acme/widgets ' })).toEqual({
      ok: true,
      action: { type: 'open', url: 'https://github.com/acme/widgets' },
    });
    expect(validateAction({ type: 'open', url: 'http://127.0.0.1:8080/docs' }).ok).toBe(true);
  });

  it.each(['javascript:alert(1)', 'JavaScript:fetch("//evil")', 'data:text/html,<script>1</script>', 'file:///etc/passwd', 'chrome://settings', 'chrome-extension://abc/page.html', 'ftp://example.com/file'])(
    'refuses to open %s',
    (url) => {
      expect(errorOf({ type: 'open', url })).toMatch(/Only http and https/);
    },
  );

  it('refuses relative addresses and addresses with credentials', () => {
    expect(errorOf({ type: 'open', url: '/acme/widgets' })).toMatch(/absolute/);
    expect(errorOf({ type: 'open', url: 'https://github.com@evil.example/login' })).toMatch(/user name or password/);
  });

  it('refuses unknown types, non-objects and extra fields', () => {
    expect(errorOf({ type: 'submit', selector: 'form' })).toMatch(/Unknown action type "submit"/);
    expect(errorOf({ type: 'toString' })).toMatch(/Unknown action type/);
    expect(errorOf(null)).toMatch(/must be an object/);
    expect(errorOf([{ type: 'copy', text: 'x' }])).toMatch(/must be an object/);
    expect(errorOf('copy')).toMatch(/must be an object/);
    expect(errorOf({ type: 'copy', text: 'x', then: 'open' })).toMatch(/remove then/);
  });

  it('refuses missing or blank fields', () => {
    expect(errorOf({ type: 'fill', selector: '#a', text: 'x' })).toMatch(/`label`/);
    expect(errorOf({ type: 'fill', selector: '#a', label: 'A' })).toMatch(/`text`/);
    expect(errorOf({ type: 'click', label: 'Go' })).toMatch(/`selector`/);
    expect(errorOf({ type: 'click', selector: '#a', label: '   ' })).toMatch(/`label`/);
    expect(errorOf({ type: 'copy', text: 42 })).toMatch(/`text`/);
    expect(errorOf({ type: 'open' })).toMatch(/`url`/);
  });

  it('caps text, selector, label and address lengths', () => {
    const fill = { type: 'fill', selector: '#a', label: 'A' };
    expect(validateAction({ ...fill, text: 'x'.repeat(20_000) }, { document }).ok).toBe(true);
    expect(errorOf({ ...fill, text: 'x'.repeat(20_001) })).toMatch(/20001 characters; the limit is 20000/);
    expect(errorOf({ type: 'copy', text: 'x'.repeat(20_001) })).toMatch(/limit/);
    expect(errorOf({ ...fill, selector: `#${'a'.repeat(300)}`, text: 'x' })).toMatch(/longer than 300/);
    expect(errorOf({ ...fill, label: 'L'.repeat(actionLimits.label + 1), text: 'x' })).toMatch(/limit/);
    expect(errorOf({ type: 'open', url: `https://example.com/?q=${'a'.repeat(2_048)}` })).toMatch(/longer than 2048/);
  });

  it('refuses selectors that do not parse when a document is at hand', () => {
    expect(errorOf({ type: 'click', selector: 'button[', label: 'Go' })).toMatch(/not valid CSS/);
    expect(errorOf({ type: 'highlight', selector: '###' })).toMatch(/not valid CSS/);
  });
});
