import { describe, expect, it } from 'vitest';
import type { RepoData } from '../../context/types';
import { contextOf } from '../../../test/fixtures/suggest/contexts';
import { repoHowToRun } from './repo';

function repo(overrides: Partial<RepoData> = {}): RepoData {
  return { type: 'repo', owner: 'o', name: 'r', topics: [], outline: [], languages: [], files: [], ...overrides };
}

describe('repo-how-to-run', () => {
  it('names the sections the commands come from and the build files', () => {
    const data = repo({ readme: '# r\n\n## Quick start\n\n```\ncargo install r\n```', files: ['Cargo.toml', 'src'], lastCommit: { message: 'x', at: '2025-01-02T00:00:00Z' } });
    const [card] = repoHowToRun.suggest(contextOf('github.repo', data));
    expect(card).toMatchObject({ title: 'What is this and how do I run it?', run: { skill: 'repo-overview' }, score: 0.6 });
    expect(card?.why).toBe('The README gives commands under “Quick start”; the file list has Cargo.toml; last commit 2 Jan 2025.');
  });

  it('is offered lower when the page gives nothing to run, and says so', () => {
    const [card] = repoHowToRun.suggest(contextOf('github.repo', repo({ readme: '# r\n\nWords only, about the project and its history.' })));
    expect(card?.why).toBe('The README (1 section) gives no commands.');
    expect(card!.score).toBeLessThan(0.6);
  });

  it('stays quiet on a home that shows neither a README nor files', () => {
    expect(repoHowToRun.suggest(contextOf('github.repo', repo()))).toEqual([]);
  });
});
