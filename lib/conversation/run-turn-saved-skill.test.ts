// A saved skill runs as a built-in one does: in the sandbox, under the skill limits, with its trail.
import { describe, expect, it } from 'vitest';
import type { AgentEvent } from '../agent/events';
import type { PageContext } from '../context/types';
import { getSkill } from '../skills/index';
import { asSkill } from '../user-skills/as-skill';
import type { UserSkill } from '../user-skills/types';
import { runTurn, type TurnDeps } from './run-turn';

const context = {
  url: 'https://github.com/acme/widgets/pull/3', title: 'Retry', kind: 'github.pull', capturedAt: 1, facts: {}, redactions: 0,
  data: { type: 'generic', text: 'hello' },
} as unknown as PageContext;

function saved(code: string): UserSkill {
  return { id: 'user-title', name: 'Page title', description: '', kinds: ['github.pull'], urlPattern: '', offer: 'card', code, enabled: true, createdAt: 1, updatedAt: 1 };
}

async function events(skill: UserSkill, limits: TurnDeps['sandboxLimits'] = {}): Promise<AgentEvent[]> {
  const found = (id: string) => getSkill(id) ?? (id === skill.id ? asSkill(skill) : undefined);
  const out: AgentEvent[] = [];
  const deps: TurnDeps = { context, provider: null, tokenBudget: 1000, history: [], signal: new AbortController().signal, findSkill: found, sandboxLimits: limits };
  for await (const event of runTurn({ type: 'skill', skill: skill.id, title: skill.name }, deps)) out.push(event);
  return out;
}

describe('a saved skill’s turn', () => {
  it('runs offline with no provider and shows its trail', async () => {
    const run = await events(saved("view.markdown('Title: **' + context.title + '**'); return page.text + ' ' + context.title"));
    expect(run.find((event) => event.type === 'script-end')).toMatchObject({ source: 'skill', skill: 'user-title', result: { ok: true, value: 'hello Retry' } });
    expect(run.at(-1)).toEqual({ type: 'run-end', text: 'Title: **Retry**', steps: 1 });
  });

  it('a skill that loops stops at its limit and says so', async () => {
    const run = await events(saved('while (true) {}'), { timeoutMs: 300 });
    expect(run.at(-1)).toEqual({ type: 'run-error', error: { name: 'SkillFailedError', message: 'Page title failed: Timeout: the script ran longer than 300 ms' } });
  });

  it('a deleted skill is named as missing', async () => {
    const run = await events(saved('return 1'));
    expect(run.length).toBeGreaterThan(0);
    const deps: TurnDeps = { context, provider: null, tokenBudget: 1000, history: [], signal: new AbortController().signal, findSkill: () => undefined };
    const missing: AgentEvent[] = [];
    for await (const event of runTurn({ type: 'skill', skill: 'user-gone', title: 'Gone' }, deps)) missing.push(event);
    expect(missing.at(-1)).toMatchObject({ type: 'run-error', error: { name: 'UnknownSkillError' } });
  });
});
