// Folds one agent event into the assistant turn it belongs to. Pure, so the background (which persists)
// and the panel (which renders) build the very same turn from the same events.
import type { AgentEvent } from '../agent/events';
import type { AssistantPart, AssistantTurn, ProposedAction, ScriptTrail } from './types';

export function applyAgentEvent(turn: AssistantTurn, event: AgentEvent): AssistantTurn {
  switch (event.type) {
    case 'run-start':
      return { ...turn, status: 'running' };
    case 'text-delta':
      return { ...turn, parts: appendText(turn.parts, event.text) };
    case 'script-start': {
      const trail: ScriptTrail = { callId: event.callId, code: event.code, source: event.source, skill: event.skill, status: 'running' };
      return { ...turn, parts: [...turn.parts, { kind: 'script', trail }] };
    }
    case 'script-end':
      return {
        ...turn,
        parts: upsertScript(turn.parts, event.callId, (trail) => ({ ...trail, code: event.code, status: 'done', result: event.result }), {
          callId: event.callId, code: event.code, source: event.source, skill: event.skill, status: 'done', result: event.result,
        }),
      };
    case 'section-read':
      return { ...turn, parts: [...turn.parts, { kind: 'note', text: `Read more of the page: ${event.section} (${event.chars.toLocaleString('en-US')} characters)` }] };
    case 'action-propose': {
      const proposal: ProposedAction = { callId: event.callId, action: event.action, why: event.why, status: 'proposed' };
      return { ...turn, parts: [...turn.parts, { kind: 'action', proposal }] };
    }
    case 'tool-error':
      return { ...turn, parts: [...turn.parts, { kind: 'note', text: `A tool call was malformed and sent back to the model: ${event.message}` }] };
    case 'retry':
      return { ...turn, parts: [...turn.parts, { kind: 'note', text: `Retrying in ${Math.round(event.delayMs / 100) / 10} s (attempt ${event.attempt}): ${event.reason}` }] };
    case 'run-end': {
      const hasText = turn.parts.some((part) => part.kind === 'text' && part.text.trim() !== '');
      const parts = hasText || !event.text ? turn.parts : appendText(turn.parts, event.text);
      return { ...turn, status: 'done', parts };
    }
    case 'run-error':
      return { ...turn, status: event.error.name === 'AbortError' ? 'stopped' : 'error', error: event.error };
  }
}

function appendText(parts: AssistantPart[], text: string): AssistantPart[] {
  const last = parts.at(-1);
  if (last?.kind === 'text') return [...parts.slice(0, -1), { kind: 'text', text: last.text + text }];
  return [...parts, { kind: 'text', text }];
}

function upsertScript(parts: AssistantPart[], callId: string, update: (trail: ScriptTrail) => ScriptTrail, fallback: ScriptTrail): AssistantPart[] {
  let found = false;
  const next = parts.map((part) => {
    if (part.kind !== 'script' || part.trail.callId !== callId) return part;
    found = true;
    return { kind: 'script' as const, trail: update(part.trail) };
  });
  return found ? next : [...next, { kind: 'script', trail: fallback }];
}

/** The answer's text, for copy buttons and the CLI. */
export function turnText(turn: AssistantTurn): string {
  return turn.parts.flatMap((part) => (part.kind === 'text' ? [part.text] : [])).join('');
}
