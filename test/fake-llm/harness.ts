// Helpers for tests that drive the agent loop against the fake LLM.
import type { ScriptResult } from '../../lib/context/types';
import { createClient } from '../../lib/agent/client';
import type { AgentEvent } from '../../lib/agent/events';
import type { AgentDeps } from '../../lib/agent/types';

export async function collectEvents(events: AsyncGenerator<AgentEvent>): Promise<AgentEvent[]> {
  const seen: AgentEvent[] = [];
  for await (const event of events) seen.push(event);
  return seen;
}

export function eventsOf<Type extends AgentEvent['type']>(events: AgentEvent[], type: Type): Extract<AgentEvent, { type: Type }>[] {
  return events.filter((event): event is Extract<AgentEvent, { type: Type }> => event.type === type);
}

export function okResult(value: unknown, logs: string[] = []): ScriptResult {
  return { ok: true, value, logs, ms: 1 };
}

export interface RecordingDeps extends AgentDeps {
  scripts: string[];
  skills: string[];
  sections: string[];
  sleeps: number[];
}

/** Deps whose runners record what they were asked and never sleep for real. */
export function recordingDeps(url: string, overrides: Partial<AgentDeps> = {}): RecordingDeps {
  const scripts: string[] = [];
  const skills: string[] = [];
  const sections: string[] = [];
  const sleeps: number[] = [];
  const deps: RecordingDeps = {
    client: createClient({ baseUrl: url, model: 'fake-model', timeoutMs: 5_000 }),
    model: 'fake-model',
    runScript: async (code) => {
      scripts.push(code);
      return okResult(null);
    },
    runSkill: async (skill) => {
      skills.push(skill);
      return okResult(null);
    },
    readMore: async (section) => {
      sections.push(section);
      return '';
    },
    signal: new AbortController().signal,
    ...overrides,
    retry: {
      sleep: async (milliseconds) => {
        sleeps.push(milliseconds);
      },
      ...overrides.retry,
    },
    scripts,
    skills,
    sections,
    sleeps,
  };
  return deps;
}
