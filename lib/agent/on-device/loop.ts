// The agent loop over Chrome's on-device model: each step fits the call into the model's small context
// window, streams one JSON reply (constrained by the reply schema), and either shows the answer or runs
// the tool it names through the same executeTool as the server loop. Knows nothing of where the model
// runs: an OnDeviceModel is handed in (in the extension, the side panel serves it over the run port).
import { AbortError, AgentError, MaxStepsError, UnexpectedError } from '../errors';
import type { AgentEvent } from '../events';
import { defaultMaxSteps, executeTool, type ToolRunner } from '../loop';
import { systemPrompt, type ConversationTurn } from '../prompt';
import { defaultToolOutputMaxChars } from '../tool-output';
import type { AgentDeps, SkillSummary } from '../types';
import { OnDeviceQuotaError, OnDeviceStallError, onDeviceErrorFrom } from './errors';
import { CallTooLongError, fitCall, type OnDeviceCall, type RunStep } from './fit-prompt';
import { AnswerStream, parseReply, protocolInstructions, replySchema } from './reply-protocol';

/** Where the model runs. Errors are rejected as the Prompt API names them ({ name, message }), or as AgentErrors. */
export interface OnDeviceModel {
  /** The context window of a session in tokens (inputQuota / contextWindow). */
  contextWindow(signal: AbortSignal): Promise<number>;
  /** The model's own count of the call's input tokens (measureInputUsage). */
  measure(call: OnDeviceCall, signal: AbortSignal): Promise<number>;
  /** The reply as it is written (promptStreaming with the call's schema as responseConstraint). */
  stream(call: OnDeviceCall, signal: AbortSignal): AsyncIterable<string>;
}

export interface OnDeviceRequest {
  runId?: string;
  /** The user's question, page quotes already fenced (questionWithQuote). */
  question: string;
  history: readonly ConversationTurn[];
  /** The page as prompt text within a token budget (the same serialisation as for any model). */
  contextTextFor(budget: number): string;
  /** The user's budget for page context; the model's window may allow less. */
  tokenBudget: number;
  skills?: SkillSummary[];
}

export interface OnDeviceDeps extends Pick<AgentDeps, 'runScript' | 'runSkill' | 'readMore' | 'signal' | 'maxSteps' | 'toolOutputMaxChars'> {
  model: OnDeviceModel;
  /** No chunk within this → OnDeviceStallError. Longer than a server's: the first chunk waits for the whole prompt to be read on this computer. */
  stallTimeoutMs?: number;
}

export const defaultOnDeviceStallMs = 90_000;
/** Tool output sent back is kept short: the whole window is a few thousand tokens. */
const onDeviceToolOutputChars = 2_000;
/** After a call overflowed despite the measure, the next one keeps this much more of the window free. */
const overflowMargin = 0.15;

export async function* runOnDeviceAgent(request: OnDeviceRequest, deps: OnDeviceDeps): AsyncGenerator<AgentEvent> {
  yield { type: 'run-start', runId: request.runId ?? crypto.randomUUID() };
  try {
    yield* runSteps(request, deps);
  } catch (error) {
    const agentError = deps.signal.aborted ? new AbortError() : toOnDeviceError(error);
    yield { type: 'run-error', error: agentError.toInfo() };
  }
}

function toOnDeviceError(error: unknown): AgentError {
  if (error instanceof AgentError) return error;
  if (error instanceof CallTooLongError) return new OnDeviceQuotaError(error.tokens, error.limit);
  if (typeof error === 'object' && error !== null && typeof (error as { name?: unknown }).name === 'string') {
    return onDeviceErrorFrom(error as { name: string; message?: string });
  }
  return new UnexpectedError(String(error));
}

async function* runSteps(request: OnDeviceRequest, deps: OnDeviceDeps): AsyncGenerator<AgentEvent> {
  const skills = request.skills ?? [];
  const options = { skills: skills.length > 0 };
  const schema = replySchema(options);
  const system = `${systemPrompt(skills, { codeBlocks: false })}\n\n${protocolInstructions(options)}`;
  const runner: ToolRunner = { request: { skills }, deps, maxChars: Math.min(deps.toolOutputMaxChars ?? defaultToolOutputMaxChars, onDeviceToolOutputChars) };
  const maxSteps = deps.maxSteps ?? defaultMaxSteps;
  const contextWindow = await deps.model.contextWindow(deps.signal);
  const steps: RunStep[] = [];
  let margin = 0;
  for (let step = 1; step <= maxSteps; step++) {
    throwIfAborted(deps.signal);
    const parts = { system, schema, history: request.history, contextTextFor: request.contextTextFor, question: request.question, steps };
    const measure = (call: OnDeviceCall) => deps.model.measure(call, deps.signal);
    let reply: { text: string; shown: number };
    try {
      const fitted = await fitCall(parts, { contextWindow, measure, tokenBudget: request.tokenBudget, extraMargin: margin });
      reply = yield* streamReply(fitted.call, deps);
    } catch (error) {
      // The model's count and its real use can differ a little: one more try, with more room kept free.
      if (margin > 0 || deps.signal.aborted || toOnDeviceError(error).name !== 'OnDeviceQuotaError') throw error;
      margin = overflowMargin;
      step--;
      continue;
    }
    const parsed = parseReply(reply.text, options);
    const callId = `on-device-${step}`;
    if (parsed.kind === 'answer') {
      // A reply read leniently (a fence around it) was not streamed as it came: show the rest now.
      const rest = parsed.markdown.slice(reply.shown);
      if (rest !== '') yield { type: 'text-delta', text: rest };
      yield { type: 'run-end', text: parsed.markdown, steps: step };
      return;
    }
    if (parsed.kind === 'invalid') {
      yield { type: 'tool-error', callId, message: parsed.message };
      steps.push({ reply: reply.text, kind: 'correction', text: parsed.message });
      continue;
    }
    const output = yield* executeTool(callId, parsed.args, runner);
    steps.push({ reply: reply.text, kind: 'tool-output', tool: parsed.args.tool, text: output });
  }
  throw new MaxStepsError(maxSteps);
}

/** Streams one reply, showing an answer's text as it comes; a silence longer than the stall limit ends it. */
async function* streamReply(call: OnDeviceCall, deps: OnDeviceDeps): AsyncGenerator<AgentEvent, { text: string; shown: number }> {
  const stallMs = deps.stallTimeoutMs ?? defaultOnDeviceStallMs;
  const controller = new AbortController();
  const stop = () => controller.abort();
  if (deps.signal.aborted) stop();
  else deps.signal.addEventListener('abort', stop, { once: true });
  const iterator = deps.model.stream(call, controller.signal)[Symbol.asyncIterator]();
  const answer = new AnswerStream();
  let text = '';
  let shown = 0;
  let finished = false;
  try {
    for (;;) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const stalled = new Promise<'stalled'>((resolve) => {
        timer = setTimeout(() => resolve('stalled'), stallMs);
      });
      const next = await Promise.race([iterator.next(), stalled]).finally(() => clearTimeout(timer));
      if (next === 'stalled') {
        stop();
        throw new OnDeviceStallError(Math.round(stallMs / 1000));
      }
      if (next.done) {
        finished = true;
        break;
      }
      text += next.value;
      const fresh = answer.push(next.value);
      if (fresh !== '') {
        shown += fresh.length;
        yield { type: 'text-delta', text: fresh };
      }
    }
  } finally {
    deps.signal.removeEventListener('abort', stop);
    // Left early (a stall, a failure, the run closed): the model call is cancelled, not left writing.
    if (!finished) stop();
  }
  throwIfAborted(deps.signal);
  return { text, shown };
}

function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new AbortError();
}
