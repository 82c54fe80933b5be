// Runs one assistant turn — a built-in skill, or a question to the model — as a stream of agent events.
// Shared by the service worker and the terminal (`npm run ask`); it knows nothing about either.
import { clientFor, type ProviderSettings } from '../agent/client';
import type { AgentErrorInfo } from '../agent/errors';
import type { AgentEvent } from '../agent/events';
import { runAgent } from '../agent/loop';
import { runOnDeviceAgent, type OnDeviceModel } from '../agent/on-device/loop';
import { buildMessages, questionWithQuote, type ConversationTurn } from '../agent/prompt';
import type { SkillSummary } from '../agent/types';
import type { PageContext, PageQuote, ScriptResult } from '../context/types';
import { serializeForPrompt } from '../context/serialize';
import { runScript, type SandboxLimits } from '../sandbox/run-script';
import { sandboxInputFromContext } from '../sandbox/sandbox-input';
import { getSkill, SKILL_LIMITS, skillsForKind, type Skill } from '../skills/index';
import { turnText } from './apply-event';
import type { RunRequestSummary, Turn } from './types';

export interface TurnDeps {
  context: PageContext;
  provider: ProviderSettings | null;
  tokenBudget: number;
  /** Earlier turns of this conversation, oldest first. */
  history: readonly Turn[];
  signal: AbortSignal;
  /** The context already serialised for this budget, when the caller keeps it; serialised here otherwise. */
  contextText?: string;
  /** Read-only: more of the live page (the content script), when the caller has one. */
  readMore?: (section: string) => Promise<string>;
  sandboxLimits?: Partial<SandboxLimits>;
  maxSteps?: number;
  /** Finds a skill by id: the built-in ones unless the caller also knows the user's saved skills. */
  findSkill?: (id: string) => Skill | undefined;
  /** Chrome's on-device model, when it is the provider (no server provider set); served by the side panel. */
  onDevice?: OnDeviceModel;
  /** The page serialised at another budget, for the on-device model's small window; serialised here otherwise. */
  contextTextFor?: (budget: number) => string;
}

export const NO_PROVIDER_ERROR: AgentErrorInfo = {
  name: 'NoProviderError',
  message: 'No model provider is set up, so Tandem cannot answer free-form questions yet.',
  fix: 'Open Settings to pick one (Chrome’s model on this device where the browser has it, OpenAI, Ollama, LM Studio or any OpenAI-compatible server). The built-in skills on the cards work without one.',
};

let runCounter = 0;
const newRunId = () => `run-${Date.now().toString(36)}-${(runCounter++).toString(36)}`;

export async function* runTurn(request: RunRequestSummary, deps: TurnDeps): AsyncGenerator<AgentEvent> {
  if (request.type === 'skill') {
    yield* runSkillTurn(request.skill, deps);
    return;
  }
  if (!deps.provider && deps.onDevice) {
    yield* runOnDeviceTurn(request.question, request.quote, deps.onDevice, deps);
    return;
  }
  if (!deps.provider) {
    yield { type: 'run-start', runId: newRunId() };
    yield { type: 'run-error', error: NO_PROVIDER_ERROR };
    return;
  }
  const skills = availableSkills(deps.context);
  const contextText = deps.contextText ?? serializeForPrompt(deps.context, deps.tokenBudget).text;
  const messages = buildMessages({ contextText, history: historyMessages(deps.history), question: request.question, quote: request.quote, skills });
  yield* runAgent(
    { runId: newRunId(), messages, skills },
    {
      client: clientFor(deps.provider),
      model: deps.provider.model,
      // A page, a script's output or the user may show the key itself: it never goes to the model.
      maskedStrings: deps.provider.apiKey ? [deps.provider.apiKey] : [],
      signal: deps.signal,
      maxSteps: deps.maxSteps,
      stallTimeoutMs: deps.provider.stallTimeoutMs,
      runScript: (code, signal) => runOnPage(code, deps, signal),
      runSkill: (id, signal) => runSkillOnPage(id, deps, signal),
      readMore: deps.readMore ?? (async () => 'Reading more of the page is not available here.'),
    },
  );
}

function runOnDeviceTurn(question: string, quote: PageQuote | undefined, model: OnDeviceModel, deps: TurnDeps): AsyncGenerator<AgentEvent> {
  const context = deps.context;
  return runOnDeviceAgent(
    {
      runId: newRunId(),
      question: questionWithQuote(question, quote),
      history: historyMessages(deps.history),
      contextTextFor: deps.contextTextFor ?? ((budget) => serializeForPrompt(context, budget).text),
      tokenBudget: deps.tokenBudget,
      skills: availableSkills(context),
    },
    {
      model,
      signal: deps.signal,
      maxSteps: deps.maxSteps,
      runScript: (code, signal) => runOnPage(code, deps, signal),
      runSkill: (id, signal) => runSkillOnPage(id, deps, signal),
      readMore: deps.readMore ?? (async () => 'Reading more of the page is not available here.'),
    },
  );
}

async function* runSkillTurn(id: string, deps: TurnDeps): AsyncGenerator<AgentEvent> {
  yield { type: 'run-start', runId: newRunId() };
  const skill = (deps.findSkill ?? getSkill)(id);
  if (!skill) {
    yield { type: 'run-error', error: { name: 'UnknownSkillError', message: `There is no skill "${id}" (a saved skill may have been deleted or disabled).` } };
    return;
  }
  const code = skill.script;
  const callId = `${id}-1`;
  yield { type: 'script-start', callId, code, source: 'skill', skill: id };
  const result = await runScript(code, sandboxInputFromContext(deps.context), { ...SKILL_LIMITS, ...deps.sandboxLimits }, { signal: deps.signal });
  yield { type: 'script-end', callId, code, result, source: 'skill', skill: id };
  if (deps.signal.aborted) {
    yield { type: 'run-error', error: { name: 'AbortError', message: 'Stopped.' } };
    return;
  }
  if (!result.ok) {
    yield { type: 'run-error', error: { name: 'SkillFailedError', message: `${skill.title} failed: ${result.error ?? 'unknown error'}` } };
    return;
  }
  const offer = skill.propose?.(result.value, deps.context);
  if (offer) yield { type: 'action-propose', callId: `${id}-action`, action: offer.action, why: offer.why };
  yield { type: 'run-end', text: skillAnswerText(result), steps: 1 };
}

/** A skill's answer in words: its markdown views, or a plain note pointing at the tables below. */
export function skillAnswerText(result: ScriptResult): string {
  const markdown = (result.views ?? []).flatMap((view) => (view.type === 'markdown' ? [view.text] : []));
  if (markdown.length > 0) return markdown.join('\n\n');
  const tables = (result.views ?? []).filter((view) => view.type !== 'markdown').length;
  if (tables === 0) return 'Done: the script above ran without showing anything; expand it for its value and logs.';
  return `${tables === 1 ? 'The table above was' : 'The views above were'} computed from the page by the script; expand it to check the code or re-run it.`;
}

function runOnPage(code: string, deps: TurnDeps, signal: AbortSignal): Promise<ScriptResult> {
  return runScript(code, sandboxInputFromContext(deps.context), deps.sandboxLimits, { signal });
}

async function runSkillOnPage(id: string, deps: TurnDeps, signal: AbortSignal): Promise<ScriptResult> {
  const skill = (deps.findSkill ?? getSkill)(id);
  if (!skill) return { ok: false, error: `UnknownSkillError: there is no skill "${id}"`, logs: [], ms: 0 };
  return runScript(skill.script, sandboxInputFromContext(deps.context), { ...SKILL_LIMITS, ...deps.sandboxLimits }, { signal });
}

function availableSkills(context: PageContext): SkillSummary[] {
  return skillsForKind(context.kind).map((skill) => ({ id: skill.id, title: skill.title, description: skill.description, code: skill.script }));
}

function historyMessages(turns: readonly Turn[]): ConversationTurn[] {
  return turns.flatMap((turn): ConversationTurn[] => {
    if (turn.role === 'user') return [{ role: 'user', content: questionWithQuote(turn.question ?? turn.text, turn.quote) }];
    const text = turnText(turn);
    return turn.status === 'done' && text ? [{ role: 'assistant', content: text }] : [];
  });
}
