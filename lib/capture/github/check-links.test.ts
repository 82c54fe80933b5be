import { describe, expect, it } from 'vitest';
import type { Check } from '../../context/types';
import { chooseCheckLinks, MAX_CHECKS_FOLLOWED, sameOriginActionsUrl } from './check-links';

const page = 'https://github.example.com/acme/widgets/pull/42';
const failing = (name: string, link: string): Check => ({ name, state: 'failure', link });

describe('chooseCheckLinks', () => {
  it('follows a failing check’s relative job link, resolved on the page’s origin, without its fragment', () => {
    const choice = chooseCheckLinks([failing('CI / test', '/acme/widgets/actions/runs/9/job/4?pr=42#step:5:1')], page);
    expect(choice.targets).toEqual([{ check: 'CI / test', link: '/acme/widgets/actions/runs/9/job/4?pr=42#step:5:1', url: 'https://github.example.com/acme/widgets/actions/runs/9/job/4?pr=42' }]);
    expect(choice.refused).toEqual([]);
  });

  it('follows a run page and a check run on the same origin, and leaves passing checks alone', () => {
    const choice = chooseCheckLinks([
      { name: 'lint', state: 'success', link: '/acme/widgets/actions/runs/9/job/5' },
      failing('build', 'https://github.example.com/acme/widgets/actions/runs/9'),
      { name: 'e2e', state: 'cancelled', link: '/acme/widgets/runs/77' },
    ], page);
    expect(choice.targets.map((target) => target.check)).toEqual(['build', 'e2e']);
  });

  it.each([
    ['another host', 'https://ci.example.com/acme/widgets/actions/runs/9/job/4', 'another site (ci.example.com)'],
    ['a look-alike host', 'https://github.example.com.evil.test/acme/widgets/actions/runs/9/job/4', 'another site'],
    ['a protocol-relative link', '//evil.test/acme/widgets/actions/runs/9/job/4', 'another site (evil.test)'],
    ['another port', 'https://github.example.com:8443/acme/widgets/actions/runs/9/job/4', 'another site'],
    ['another scheme', 'http://github.example.com/acme/widgets/actions/runs/9/job/4', 'another site'],
    ['a user name in the address', 'https://me@github.example.com/acme/widgets/actions/runs/9/job/4', 'user name or password'],
    ['a script address', 'javascript:alert(1)', 'not a web page'],
    ['a third-party check page on the same site', '/acme/widgets/pull/42/checks?check_run_id=3', 'not a GitHub Actions run or job page'],
  ])('refuses %s', (_case, link, reason) => {
    const choice = chooseCheckLinks([failing('deploy', link)], page);
    expect(choice.targets).toEqual([]);
    expect(choice.refused[0]?.reason).toContain(reason);
  });

  it(`follows at most ${MAX_CHECKS_FOLLOWED} failing checks and says so for the rest`, () => {
    const checks = [1, 2, 3].map((number) => failing(`job ${number}`, `/acme/widgets/actions/runs/9/job/${number}`));
    const choice = chooseCheckLinks(checks, page);
    expect(choice.targets).toHaveLength(MAX_CHECKS_FOLLOWED);
    expect(choice.refused).toEqual([{ check: 'job 3', link: '/acme/widgets/actions/runs/9/job/3', reason: `only the first ${MAX_CHECKS_FOLLOWED} failing checks are read` }]);
  });

  it('accepts a step’s and a job’s raw log address on the same origin only', () => {
    expect(sameOriginActionsUrl('/acme/widgets/commit/abc123/checks/4/logs/5', page)).toEqual({ url: 'https://github.example.com/acme/widgets/commit/abc123/checks/4/logs/5' });
    expect(sameOriginActionsUrl('/acme/widgets/commit/abc123/checks/4/logs', page)).toEqual({ url: 'https://github.example.com/acme/widgets/commit/abc123/checks/4/logs' });
    expect(sameOriginActionsUrl('https://results.blob.core.windows.net/acme/4/logs', page)).toMatchObject({ reason: expect.stringContaining('another site') });
  });
});
