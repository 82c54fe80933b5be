import { describe, expect, it } from 'vitest';
import type { PageContext } from '../context/types';
import { actions, contextOf, dashboard, diffFile, doc, generic, issue, pullContext, words } from '../../test/fixtures/suggest/contexts';
import { busyDashboardContext } from '../../test/fixtures/suggest/busy-dashboard';
import { largePullContext } from '../../test/fixtures/suggest/large-pull';
import { getSkill } from '../skills/index';
import { needsModel, recordFeedback, rules, suggest, suggestWithDiagnostics, type FeedbackLog, type Rule } from './index';

function card(title: string, score: number) {
  return { title, why: `because ${title}`, score, run: { ask: title } };
}

function busyPull(extra: Partial<PageContext> = {}): PageContext {
  return pullContext(
    {
      checks: [{ name: 'ci', state: 'failure' }],
      files: Array.from({ length: 12 }, (_unused, index) => diffFile(`src/module-${index}.ts`, 10, 5)),
      threads: [{ path: 'src/module-1.ts', resolved: false, comments: [{ body: 'why?' }] }],
    },
    extra,
  );
}

describe('suggest', () => {
  it('runs the pull request rules, most urgent first', () => {
    const suggestions = suggest(busyPull());
    expect(suggestions.map((suggestion) => suggestion.rule)).toEqual([
      'pull-failing-checks',
      // One open thread (0.6 + 0.03) outranks a change just past the size threshold (0.6 + a little).
      'pull-open-threads',
      'pull-large-change',
      'pull-untested-changes',
      'pull-review-draft',
    ]);
    const scores = suggestions.map((suggestion) => suggestion.score);
    expect([...scores].sort((left, right) => right - left)).toEqual(scores);
  });

  it('only runs rules whose kinds match the page', () => {
    const docsPage = contextOf('docs', doc({ text: words(800), codeBlocks: [{ code: 'x' }] }), { url: 'https://docs.example/guide' });
    expect(suggest(docsPage).map((suggestion) => suggestion.rule)).toEqual(['docs-tldr', 'docs-code-samples']);
    const withSelection = { ...docsPage, selection: 'Proactive cards' };
    expect(suggest(withSelection)[0]?.rule).toBe('selection-explain');
  });

  it('returns at most five cards by default, or the limit asked for', () => {
    const many: Rule = { id: 'many', kinds: 'any', suggest: () => Array.from({ length: 9 }, (_unused, index) => card(`card ${index}`, index / 10)) };
    const page = contextOf('generic', doc());
    expect(suggest(page, {}, { rules: [many] }).map((suggestion) => suggestion.title)).toEqual(['card 8', 'card 7', 'card 6', 'card 5', 'card 4']);
    expect(suggest(page, {}, { rules: [many], limit: 2 })).toHaveLength(2);
    expect(suggest(page, {}, { rules: [many], limit: 0 })).toEqual([]);
  });

  it('keeps the other cards when one rule throws or returns garbage, and reports both', () => {
    const good: Rule = { id: 'good', kinds: 'any', suggest: () => [card('Good card', 0.5)] };
    const throwing: Rule = {
      id: 'throwing',
      kinds: 'any',
      suggest: () => {
        throw new TypeError('cannot read properties of undefined');
      },
    };
    const garbage = { id: 'garbage', kinds: 'any', suggest: () => [{ title: 'No score', why: '', run: { ask: 'x' } }] } as unknown as Rule;
    const notAList = { id: 'not-a-list', kinds: 'any', suggest: () => card('Single', 0.4) } as unknown as Rule;
    const report = suggestWithDiagnostics(contextOf('generic', doc()), {}, { rules: [throwing, good, garbage, notAList] });
    expect(report.suggestions.map((suggestion) => suggestion.title)).toEqual(['Good card']);
    expect(report.errors).toEqual([
      { rule: 'throwing', error: 'TypeError: cannot read properties of undefined' },
      { rule: 'garbage', error: 'RuleOutputError: “No score” has no numeric score' },
      { rule: 'not-a-list', error: 'RuleOutputError: expected a list of suggestions, got object' },
    ]);
  });

  it('clamps scores a rule returns outside 0..1', () => {
    const loud: Rule = { id: 'loud', kinds: 'any', suggest: () => [card('Loud', 7), card('Quiet', -2)] };
    expect(suggest(contextOf('generic', doc()), {}, { rules: [loud] }).map((suggestion) => suggestion.score)).toEqual([1, 0]);
  });
});

describe('suggest without a model provider', () => {
  it('leaves out the cards that ask the model, and keeps the offline ones in order', () => {
    const offline = suggest(busyPull(), {}, { modelAvailable: false });
    expect(offline.map((suggestion) => suggestion.rule)).toEqual(['pull-failing-checks', 'pull-large-change', 'pull-untested-changes', 'pull-review-draft']);
    expect(offline.some((suggestion) => needsModel(suggestion.run))).toBe(false);
    // The same cards, with the same ids, as with a provider: only the model's cards differ.
    const withModel = suggest(busyPull(), {}, { modelAvailable: true });
    expect(offline).toEqual(withModel.filter((suggestion) => !needsModel(suggestion.run)));
  });

  it('keeps only the built-in issue summary on an issue when no model is set', () => {
    const issuePage = contextOf('github.issue', issue({ body: 'Crash in `parseConfig()` from src/config.ts', comments: [{ author: 'mona', body: 'Same here' }] }));
    expect(suggest(issuePage).map((card) => card.rule)).toEqual(['issue-discussion', 'issue-find-code']);
    expect(suggest(issuePage, {}, { modelAvailable: false }).map((card) => card.run)).toEqual([{ skill: 'issue-summary' }]);
  });

  it('drops model cards before the cut, so offline cards below them still reach the deck', () => {
    const mixed: Rule = {
      id: 'mixed',
      kinds: 'any',
      suggest: () => [
        ...Array.from({ length: 5 }, (_unused, index) => card(`question ${index}`, 0.9)),
        { title: 'offline', why: 'a skill', score: 0.1, run: { skill: 'doc-outline' } },
      ],
    };
    const page = contextOf('generic', doc());
    expect(suggest(page, {}, { rules: [mixed] }).map((suggestion) => suggestion.title)).not.toContain('offline');
    expect(suggest(page, {}, { rules: [mixed], modelAvailable: false }).map((suggestion) => suggestion.title)).toEqual(['offline']);
  });

  it('counts an explained selection as a question for the model', () => {
    const selected = contextOf('generic', generic(), { selection: 'a phrase' });
    expect(suggest(selected)[0]?.rule).toBe('selection-explain');
    expect(suggest(selected, {}, { modelAvailable: false }).map((suggestion) => suggestion.rule)).not.toContain('selection-explain');
  });
});

describe('suggest with feedback', () => {
  const page = busyPull();

  function dismissTimes(times: number, kind: PageContext['kind'], ruleId: string, log: FeedbackLog = {}): FeedbackLog {
    let next = log;
    for (let time = 0; time < times; time++) next = recordFeedback(next, kind, ruleId, 'dismiss');
    return next;
  }

  it('drops a rule dismissed three times on this kind, and only there', () => {
    const log = dismissTimes(3, 'github.pull', 'pull-failing-checks');
    expect(suggest(page, log).map((suggestion) => suggestion.rule)).not.toContain('pull-failing-checks');
    const filesTab = { ...page, kind: 'github.pull.files' as const };
    expect(suggest(filesTab, log)[0]?.rule).toBe('pull-failing-checks');
  });

  it('still shows a rule dismissed twice, ranked lower', () => {
    const before = suggest(page).find((suggestion) => suggestion.rule === 'pull-large-change')!;
    const after = suggest(page, dismissTimes(2, 'github.pull', 'pull-large-change')).find((suggestion) => suggestion.rule === 'pull-large-change')!;
    expect(after.score).toBeCloseTo(before.score - 0.2);
  });

  it('ranks an accepted rule a little higher', () => {
    const before = suggest(page).find((suggestion) => suggestion.rule === 'pull-review-draft')!;
    const log = recordFeedback({}, 'github.pull', 'pull-review-draft', 'accept');
    const after = suggest(page, log).find((suggestion) => suggestion.rule === 'pull-review-draft')!;
    expect(after.score).toBeGreaterThan(before.score);
  });
});

describe('suggestion ids', () => {
  it('stay the same across two captures of the same page', () => {
    const first = suggest(busyPull({ capturedAt: 1 }));
    const second = suggest(busyPull({ capturedAt: 2, url: 'https://github.example/acme/widgets/pull/7#discussion_r1' }));
    expect(second.map((suggestion) => suggestion.id)).toEqual(first.map((suggestion) => suggestion.id));
    expect(new Set(first.map((suggestion) => suggestion.id)).size).toBe(first.length);
    expect(first[0]?.id.startsWith('pull-failing-checks:')).toBe(true);
  });

  it('differ between pages and between cards of one rule', () => {
    const other = suggest(busyPull({ url: 'https://github.example/acme/widgets/pull/8' }));
    const first = suggest(busyPull());
    expect(other[0]?.id).not.toBe(first[0]?.id);
    const twins: Rule = { id: 'twins', kinds: 'any', suggest: () => [card('Same', 0.5), card('Same', 0.4)] };
    const [one, two] = suggest(contextOf('generic', doc()), {}, { rules: [twins] });
    expect(one?.id).not.toBe(two?.id);
  });
});

describe('the rule registry', () => {
  it('has unique ids', () => {
    const ids = rules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('only points cards at built-in skills that exist for the page kind', () => {
    const pages = [
      busyPull(),
      { ...busyPull(), kind: 'github.pull.files' as const },
      contextOf('github.actions', actions({ status: 'failure' })),
      contextOf('docs', doc({ text: words(800), codeBlocks: [{ code: 'x' }] })),
      contextOf('dashboard', dashboard({ series: [{ name: 'x', labels: [], values: [...Array(20).fill(1), ...Array(20).fill(9)] }] })),
      contextOf('generic', generic({ tables: [{ headers: ['n'], rows: [['1'], ['2'], ['3']] }] })),
    ];
    const skillRuns = pages.flatMap((page) =>
      suggest(page, {}, { limit: 99 }).flatMap((suggestion) => ('skill' in suggestion.run ? [{ kind: page.kind, skill: suggestion.run.skill }] : [])),
    );
    expect(new Set(skillRuns.map((run) => run.skill)).size).toBe(9);
    for (const run of skillRuns) expect(getSkill(run.skill)?.kinds, run.skill).toContain(run.kind);
  });
});

// Speed is measured by `npm run bench` (bench/suggest-rows.ts, target < 50 ms), not here: a timed unit test
// fails on a busy machine and proves nothing on an idle one. These check the large inputs still get cards.
describe('large pages', () => {
  it('suggests for a 300-file, 10,000-line pull request', () => {
    expect(suggest(largePullContext()).length).toBeGreaterThan(0);
  });

  it('suggests for a dashboard of 24 noisy 1,000-point series', () => {
    expect(suggest(busyDashboardContext()).length).toBeGreaterThan(0);
  });
});

