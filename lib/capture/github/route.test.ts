import { describe, expect, it } from 'vitest';
import { parseGithubPath } from './route';

const parse = (path: string) => parseGithubPath(new URL(path, 'https://github.com'));

describe('parseGithubPath', () => {
  it('reads pull requests and their tabs', () => {
    expect(parse('/o/r/pull/12')).toEqual({ owner: 'o', repo: 'r', page: 'pull', number: 12, tab: 'conversation' });
    expect(parse('/o/r/pull/12/files')).toEqual({ owner: 'o', repo: 'r', page: 'pull', number: 12, tab: 'files' });
    expect(parse('/o/r/pull/12/changes')).toMatchObject({ page: 'pull', tab: 'files' });
    expect(parse('/o/r/pull/12/commits')).toMatchObject({ page: 'pull', tab: 'commits' });
    expect(parse('/o/r/pull/12/commits/abc1234')).toEqual({ owner: 'o', repo: 'r', page: 'commit', sha: 'abc1234' });
    expect(parse('/o/r/pull/12/files/abc1234..def5678')).toMatchObject({ page: 'pull', tab: 'files' });
    expect(parse('/o/r/pull/12/checks')).toMatchObject({ page: 'pull', tab: 'checks' });
    expect(parse('/facebook/react/pull/15141/files?w=1#diff-x')).toMatchObject({ owner: 'facebook', repo: 'react', number: 15141 });
  });

  it('does not mistake look-alike paths for pull requests', () => {
    expect(parse('/o/r/tree/feature/pull/1')).toEqual({ owner: 'o', repo: 'r', page: 'tree', ref: 'feature', path: 'pull/1' });
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
  });

  it('reads commits, compare views, folders, releases and discussions', () => {
    const sha = '2fa800062b33136871c6cd109d770279c9f88b4a';
    expect(parse(`/o/r/commit/${sha}`)).toEqual({ owner: 'o', repo: 'r', page: 'commit', sha });
    expect(parse('/o/r/commit/2fa8000')).toMatchObject({ page: 'commit', sha: '2fa8000' });
    expect(parse('/o/r/commit/not-a-sha')).toBeNull();
    expect(parse('/o/r/commits/main')).toBeNull();
    expect(parse('/o/r/compare/v1.0...v1.1')).toEqual({ owner: 'o', repo: 'r', page: 'compare', base: 'v1.0', head: 'v1.1' });
    expect(parse('/o/r/compare/main..feature/x')).toMatchObject({ page: 'compare', base: 'main', head: 'feature/x' });
    expect(parse('/o/r/compare/feature')).toEqual({ owner: 'o', repo: 'r', page: 'compare', head: 'feature' });
    expect(parse('/o/r/compare')).toBeNull();
    expect(parse('/o/r/tree/main')).toEqual({ owner: 'o', repo: 'r', page: 'tree', ref: 'main', path: '' });
    expect(parse('/o/r/tree/main/lib/capture')).toMatchObject({ page: 'tree', ref: 'main', path: 'lib/capture' });
    expect(parse('/o/r/releases')).toEqual({ owner: 'o', repo: 'r', page: 'releases' });
    expect(parse('/o/r/releases/tag/v2.0.0')).toEqual({ owner: 'o', repo: 'r', page: 'releases', tag: 'v2.0.0' });
    expect(parse('/o/r/releases/latest')).toMatchObject({ page: 'releases' });
    expect(parse('/o/r/releases/new')).toBeNull();
    expect(parse('/o/r/discussions/42')).toEqual({ owner: 'o', repo: 'r', page: 'discussion', number: 42 });
    expect(parse('/o/r/discussions')).toBeNull();
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
