import { describe, expect, it } from 'vitest';
import { parseGithubPath } from './route';

const parse = (path: string) => parseGithubPath(new URL(path, 'https://github.com'));

describe('parseGithubPath', () => {
  it('reads pull requests and their tabs', () => {
    expect(parse('/o/r/pull/12')).toEqual({ owner: 'o', repo: 'r', page: 'pull', number: 12, tab: 'conversation' });
    expect(parse('/o/r/pull/12/files')).toEqual({ owner: 'o', repo: 'r', page: 'pull', number: 12, tab: 'files' });
    expect(parse('/o/r/pull/12/changes')).toMatchObject({ page: 'pull', tab: 'files' });
    expect(parse('/o/r/pull/12/commits')).toMatchObject({ page: 'pull', tab: 'commits' });
    expect(parse('/o/r/pull/12/commits/abc1234')).toMatchObject({ page: 'pull', tab: 'commits' });
    expect(parse('/o/r/pull/12/checks')).toMatchObject({ page: 'pull', tab: 'checks' });
    expect(parse('/facebook/react/pull/15141/files?w=1#diff-x')).toMatchObject({ owner: 'facebook', repo: 'react', number: 15141 });
  });

  it('does not mistake look-alike paths for pull requests', () => {
    expect(parse('/o/r/tree/feature/pull/1')).toBeNull();
    expect(parse('/o/r/blob/feature/pull/1/x.ts')).toEqual({ owner: 'o', repo: 'r', page: 'blob', ref: 'feature', path: 'pull/1/x.ts' });
    expect(parse('/o/r/pulls')).toBeNull();
    expect(parse('/o/r/pull/abc')).toBeNull();
    expect(parse('/o/r/pull/12/unknown-tab')).toBeNull();
    expect(parse('/pulls')).toBeNull();
    expect(parse('/orgs/acme/pull/1')).toBeNull();
    expect(parse('/o/r/issues')).toBeNull();
  });

  it('reads issues, blobs and the repository home', () => {
    expect(parse('/kepano/defuddle/issues/56')).toEqual({ owner: 'kepano', repo: 'defuddle', page: 'issue', number: 56 });
    expect(parse('/o/r/blob/main/src/a%20b.ts')).toEqual({ owner: 'o', repo: 'r', page: 'blob', ref: 'main', path: 'src/a b.ts' });
    expect(parse('/o/r/blob/main')).toBeNull();
    expect(parse('/steventroughtonsmith/marzipanify')).toEqual({ owner: 'steventroughtonsmith', repo: 'marzipanify', page: 'repo' });
    expect(parse('/steventroughtonsmith/marzipanify/')).toMatchObject({ page: 'repo' });
    expect(parse('/settings/profile')).toBeNull();
    expect(parse('/octocat')).toBeNull();
    expect(parse('/o/r/tree/main')).toBeNull();
  });

  it('reads Actions runs and jobs', () => {
    expect(parse('/o/r/actions/runs/777')).toEqual({ owner: 'o', repo: 'r', page: 'actions-run', runId: '777' });
    expect(parse('/o/r/actions/runs/777/attempts/2')).toMatchObject({ page: 'actions-run', runId: '777' });
    expect(parse('/o/r/actions/runs/777/job/888')).toEqual({ owner: 'o', repo: 'r', page: 'actions-job', runId: '777', jobId: '888' });
    expect(parse('/o/r/actions/runs/777/attempts/2/job/888')).toMatchObject({ page: 'actions-job', jobId: '888' });
    expect(parse('/o/r/actions')).toBeNull();
    expect(parse('/o/r/actions/runs/x')).toBeNull();
    expect(parse('/o/r/actions/runs/777/job')).toBeNull();
  });

  it('rejects malformed escapes instead of throwing', () => {
    expect(parse('/o/r/blob/main/%E0%A4%A')).toBeNull();
  });
});
