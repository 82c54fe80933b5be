import { describe, expect, it } from 'vitest';
import { documentFromHtml } from '../../../test/fixtures/github/load-document';
import { stateFromWords } from './check-state';
import { readChecks } from './pull-checks';

describe('readChecks on the classic merge box', () => {
  it('reads name, state from the icon, description and Details link', () => {
    const item = (icon: string, name: string, meta: string, href: string) => `
      <div class="merge-status-item d-flex">
        <div class="merge-status-icon"><svg class="octicon ${icon}" aria-hidden="true"></svg></div>
        <div class="color-fg-muted"><strong class="text-emphasized">${name}</strong> <span class="status-meta">— ${meta}</span></div>
        <a class="status-actions" href="${href}">Details</a>
      </div>`;
    const html = `<div class="merge-status-list">
      ${item('octicon-x color-fg-danger', 'CI / build (push)', 'Failing after 1m', '/o/r/runs/1?check_suite_focus=true')}
      ${item('octicon-check color-fg-success', 'lint', 'Successful in 20s', '/o/r/runs/2')}
      ${item('octicon-dot-fill color-fg-attention', 'codecov/patch', 'Waiting for status to be reported', 'https://codecov.io/x')}
    </div>`;
    const { checks } = readChecks(documentFromHtml(html, 'https://github.com/o/r/pull/1'));
    expect(checks).toEqual([
      { name: 'CI / build (push)', state: 'failure', description: 'Failing after 1m', link: '/o/r/runs/1?check_suite_focus=true' },
      { name: 'lint', state: 'success', description: 'Successful in 20s', link: '/o/r/runs/2' },
      { name: 'codecov/patch', state: 'pending', description: 'Waiting for status to be reported', link: 'https://codecov.io/x' },
    ]);
  });

  it('finds no checks on a page without a merge box', () => {
    expect(readChecks(documentFromHtml('<p>nothing</p>', 'https://github.com/o/r/pull/1')).checks).toEqual([]);
  });
});

describe('stateFromWords', () => {
  it('maps GitHub status words to check states', () => {
    expect(stateFromWords('Failing after 2m')).toBe('failure');
    expect(stateFromWords('timed_out')).toBe('failure');
    expect(stateFromWords('cancelled')).toBe('cancelled');
    expect(stateFromWords('Skipped')).toBe('skipped');
    expect(stateFromWords('in_progress')).toBe('pending');
    expect(stateFromWords('completed successfully')).toBe('success');
    expect(stateFromWords('')).toBe('unknown');
  });
});
