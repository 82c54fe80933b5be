import { describe, expect, it } from 'vitest';
import { listSections, withoutSections } from './sections';
import type { PageContext } from './types';

const context: PageContext = {
  url: 'https://github.com/o/r/pull/1',
  title: 'A pull request',
  kind: 'github.pull',
  capturedAt: 1,
  selection: 'const x = 1;',
  facts: { files: 2 },
  redactions: 0,
  data: {
    type: 'pull', number: 1, title: 'A pull request', state: 'open', tab: 'conversation', labels: [], reviewers: [],
    description: 'Fixes the thing.', checks: [{ name: 'ci', state: 'failure' }], commits: [], diffSource: 'patch', read: { diff: true, checks: true, threads: true }, shown: {}, commentBox: true, comments: [],
    files: [
      { path: 'a.ts', status: 'modified', additions: 1, deletions: 0, hunks: [] },
      { path: 'b.ts', status: 'added', additions: 3, deletions: 0, hunks: [] },
    ],
    threads: [],
  },
};

describe('context sections', () => {
  it('lists the non-empty parts with their sizes', () => {
    expect(listSections(context)).toEqual([
      { id: 'description', label: 'Description', size: '16 characters' },
      { id: 'checks', label: 'Checks', size: '1 item' },
      { id: 'files', label: 'Changed files and diff', size: '2 items' },
      { id: 'selection', label: 'Your selection', size: '12 characters' },
    ]);
  });

  it('empties excluded parts, drops an excluded selection, and says what was excluded', () => {
    const trimmed = withoutSections(context, ['files', 'selection']);
    expect(trimmed.data.type === 'pull' && trimmed.data.files).toEqual([]);
    expect(trimmed.data.type === 'pull' && trimmed.data.checks).toHaveLength(1);
    expect(trimmed.selection).toBeUndefined();
    expect(trimmed.cut).toContain('excluded by the user: Changed files and diff, Your selection');
    expect(context.data.type === 'pull' && context.data.files).toHaveLength(2);
  });
});
