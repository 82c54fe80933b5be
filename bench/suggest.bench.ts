// Suggestion latency on the biggest pages the budget is stated for, each next to JSON.stringify of the
// same context: the ratio holds across machines, the milliseconds don't.
import { bench, describe } from 'vitest';
import { suggest } from '../lib/suggest/index';
import { busyDashboardContext } from '../test/fixtures/suggest/busy-dashboard';
import { largePullContext } from '../test/fixtures/suggest/large-pull';

const pull = largePullContext();
const dashboard = busyDashboardContext();

describe('suggest on a 300-file, 10,000-line pull request', () => {
  bench('suggest(context)', () => {
    suggest(pull);
  });

  bench('baseline: JSON.stringify(context)', () => {
    JSON.stringify(pull);
  });
});

describe('suggest on a dashboard of 24 noisy 1,000-point series', () => {
  bench('suggest(context)', () => {
    suggest(dashboard);
  });

  bench('baseline: JSON.stringify(context)', () => {
    JSON.stringify(dashboard);
  });
});
