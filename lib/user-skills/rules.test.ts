// Saved skills as cards go through the same engine as the built-in rules: ranking, feedback and mute apply.
import { describe, expect, it } from 'vitest';
import type { PageContext } from '../context/types';
import { recordFeedback, rules, suggest } from '../suggest/index';
import { userSkillRules } from './rules';
import type { UserSkill } from './types';
import { filterSkillChoices } from './slash-filter';

const skill: UserSkill = {
  id: 'user-rollbacks',
  name: 'Migrations without rollback',
  description: 'Did anyone touch a migration without a rollback?',
  kinds: ['github.pull'],
  urlPattern: 'github.com/acme/*/pull/*',
  offer: 'card',
  code: 'return 1',
  enabled: true,
  createdAt: 1,
  updatedAt: 1,
};

function page(url: string, kind: PageContext['kind'] = 'github.pull'): PageContext {
  return { url, title: 'A page', kind, capturedAt: 1, facts: {}, data: { type: 'generic', text: '' }, redactions: 0 } as unknown as PageContext;
}

const withSaved = (saved: UserSkill[]) => ({ rules: [...rules, ...userSkillRules(saved)], limit: 10 });

describe('saved skills as cards', () => {
  it('are offered on a matching page and not on another page or kind', () => {
    const cards = suggest(page('https://github.com/acme/widgets/pull/3'), {}, withSaved([skill]));
    const card = cards.find((candidate) => candidate.rule === 'user-rollbacks');
    expect(card).toMatchObject({ title: skill.name, run: { skill: 'user-rollbacks' }, why: `Your skill for github.com/acme/*/pull/*: ${skill.description}` });
    expect(suggest(page('https://github.com/other/widgets/pull/3'), {}, withSaved([skill])).some((c) => c.rule === skill.id)).toBe(false);
    expect(suggest(page('https://github.com/acme/widgets/pull/3', 'docs'), {}, withSaved([skill])).some((c) => c.rule === skill.id)).toBe(false);
  });

  it('are not offered when disabled or meant only on demand', () => {
    const url = 'https://github.com/acme/widgets/pull/3';
    expect(userSkillRules([{ ...skill, enabled: false }, { ...skill, id: 'user-b', offer: 'on-demand' }])).toEqual([]);
    expect(suggest(page(url), {}, withSaved([{ ...skill, enabled: false }])).some((c) => c.rule === skill.id)).toBe(false);
  });

  it('are ranked down by dismissals and muted after three, like a built-in card', () => {
    const context = page('https://github.com/acme/widgets/pull/3');
    let feedback = recordFeedback({}, 'github.pull', skill.id, 'dismiss');
    const once = suggest(context, feedback, withSaved([skill])).find((c) => c.rule === skill.id);
    expect(once?.score).toBe(0.5);
    feedback = recordFeedback(recordFeedback(feedback, 'github.pull', skill.id, 'dismiss'), 'github.pull', skill.id, 'dismiss');
    expect(suggest(context, feedback, withSaved([skill])).some((c) => c.rule === skill.id)).toBe(false);
  });
});

describe('the composer’s / list', () => {
  const choices = [
    { id: 'pr-risk', title: 'Riskiest files', description: '', source: 'built-in' as const },
    { id: 'user-rollbacks', title: 'Migrations without rollback', description: '', source: 'saved' as const },
    { id: 'pr-overview', title: 'Overview of the change', description: '', source: 'built-in' as const },
  ];
  it('filters by the starts of words in title or id, title prefixes first', () => {
    expect(filterSkillChoices(choices, '').map((c) => c.id)).toEqual(['pr-risk', 'user-rollbacks', 'pr-overview']);
    expect(filterSkillChoices(choices, 'roll').map((c) => c.id)).toEqual(['user-rollbacks']);
    expect(filterSkillChoices(choices, 'pr').map((c) => c.id)).toEqual(['pr-risk', 'pr-overview']);
    expect(filterSkillChoices(choices, 'r').map((c) => c.id)).toEqual(['pr-risk', 'user-rollbacks']);
    expect(filterSkillChoices(choices, 'mig roll').map((c) => c.id)).toEqual(['user-rollbacks']);
    expect(filterSkillChoices(choices, 'xyz')).toEqual([]);
  });
});
