import { describe, expect, it } from 'vitest';
import { matchesUrlPattern, suggestedUrlPattern, urlPatternProblem } from './url-pattern';

describe('URL patterns of saved skills', () => {
  it('matches a repository’s pull requests, their tabs too, and nothing beside them', () => {
    const pattern = 'github.com/acme/*/pull/*';
    expect(matchesUrlPattern(pattern, 'https://github.com/acme/widgets/pull/42')).toBe(true);
    expect(matchesUrlPattern(pattern, 'https://github.com/acme/widgets/pull/42/files?diff=split#r1')).toBe(true);
    expect(matchesUrlPattern(pattern, 'https://GitHub.com/acme/api/pull/7')).toBe(true);
    expect(matchesUrlPattern(pattern, 'https://github.com/acme/widgets/issues/42')).toBe(false);
    expect(matchesUrlPattern(pattern, 'https://github.com/other/widgets/pull/42')).toBe(false);
    // `*` stays within one segment: an owner cannot be skipped over.
    expect(matchesUrlPattern('github.com/*/pull/*', 'https://github.com/acme/widgets/pull/42')).toBe(false);
    // A prefix of a segment is not a match: `acme` does not fit `acme-evil`.
    expect(matchesUrlPattern('github.com/acme', 'https://github.com/acme-evil/widgets')).toBe(false);
    expect(matchesUrlPattern('github.com/acme', 'https://github.com/acme/widgets')).toBe(true);
  });

  it('reads dots and other pattern characters literally, and ignores a scheme written in the pattern', () => {
    expect(matchesUrlPattern('github.com/acme/*', 'https://githubxcom/acme/widgets')).toBe(false);
    expect(matchesUrlPattern('https://github.com/acme/*', 'https://github.com/acme/widgets')).toBe(true);
    expect(matchesUrlPattern('127.0.0.1:4000/docs/*', 'http://127.0.0.1:4000/docs/retry-guide.html')).toBe(true);
    expect(matchesUrlPattern('127.0.0.1:4000/docs/*', 'http://127.0.0.1:4001/docs/retry-guide.html')).toBe(false);
  });

  it('an empty pattern fits every page; a broken one fits none and says why', () => {
    expect(matchesUrlPattern('', 'https://example.com/a')).toBe(true);
    expect(urlPatternProblem('github.com/a b')).toBe('has a space in it');
    expect(urlPatternProblem('github.com/a?x=1')).toMatch(/query/);
    expect(matchesUrlPattern('github.com/a?x=1', 'https://github.com/a?x=1')).toBe(false);
    expect(matchesUrlPattern('github.com/*', 'not a url')).toBe(false);
  });

  it('suggests a pattern for the pages like this one', () => {
    expect(suggestedUrlPattern('https://github.com/acme/widgets/pull/42/files')).toBe('github.com/acme/widgets/pull/*');
    expect(suggestedUrlPattern('https://github.com/acme/widgets/actions/runs/9/job/3')).toBe('github.com/acme/widgets/actions/runs/*');
    expect(suggestedUrlPattern('https://docs.example.com/guide/retry/')).toBe('docs.example.com/guide/retry');
  });
});
