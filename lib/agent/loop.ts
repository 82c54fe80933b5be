// The agent loop: ask the model, run the tools it calls, feed the results back, until it answers.
// It yields events and knows nothing about the panel or extension APIs.
import type { ScriptResult } from '../context/types';
import { AbortError, MaxStepsError, throwIfAborted, toAgentError, type ErrorSettings } from './errors';
import type { AgentEvent, ScriptSource } from './events';
import { retryPolicy } from './retry';
import { streamModelReply, type ModelReply, type StepSettings, type ToolCallDraft } from './stream-reply';
import { fencePageData } from './prompt';
import { scriptsToRun } from './text-fallback';
import { defaultToolOutputMaxChars, scriptResultForModel } from './tool-output';
import { parseToolCall, runTool, toolDefinitions, type ToolArguments } from './tools';
import type { AgentDeps, ChatMessage, RunRequest, SkillSummary } from './types';

export const defaultMaxSteps = 6;
export const defaultStallTimeoutMs = 30_000;

/** What running one tool needs: shared with the on-device loop (lib/agent/on-device/), so both obey the same rules. */
export interface ToolRunner {
  request: { skills?: readonly SkillSummary[] };
  deps: Pick<AgentDeps, 'runScript' | 'runSkill' | 'readMore' | 'signal'>;
  maxChars: number;
}

interface RunState {
  request: RunRequest;
  deps: AgentDeps;
  messages: ChatMessage[];
  maxChars: number;
  /** Once the model has called a tool natively, code blocks in its text are examples, not scripts. */
  usedNativeTools: boolean;
}

export async function* runAgent(request: RunRequest, deps: AgentDeps): AsyncGenerator<AgentEvent> {
  const runId = request.runId ?? newRunId();
  yield { type: 'run-start', runId };
  const errorSettings: ErrorSettings = { baseUrl: deps.client.baseURL, model: deps.model, timeoutMs: deps.client.timeout };
  try {
    yield* runSteps(request, deps, errorSettings);
  } catch (error) {
    const agentError = deps.signal.aborted ? new AbortError() : toAgentError(error, errorSettings);
    yield { type: 'run-error', error: agentError.toInfo() };
  }
}

async function* runSteps(request: RunRequest, deps: AgentDeps, errorSettings: ErrorSettings): AsyncGenerator<AgentEvent> {
  const maxSteps = deps.maxSteps ?? defaultMaxSteps;
  const state: RunState = {
    request,
    deps,
    messages: [...request.messages],
    maxChars: deps.toolOutputMaxChars ?? defaultToolOutputMaxChars,
    usedNativeTools: false,
  };
  const stepSettings: StepSettings = {
    deps,
    policy: retryPolicy(deps.retry),
    stallTimeoutMs: deps.stallTimeoutMs ?? defaultStallTimeoutMs,
    errorSettings,
    tools: toolDefinitions({ skills: (request.skills ?? []).length > 0 }),
    toolsEnabled: true,
    step: 0,
  };
  for (let step = 1; step <= maxSteps; step++) {
    throwIfAborted(deps.signal);
    stepSettings.step = step;
    const reply = yield* streamModelReply(state.messages, stepSettings);
    if (reply.toolCalls.length > 0) {
      state.usedNativeTools = true;
      state.messages.push(assistantToolMessage(reply));
      for (const call of reply.toolCalls) yield* runToolCall(call, state);
      continue;
    }
    const tools = state.usedNativeTools ? 'used' : stepSettings.toolsEnabled ? 'offered' : 'refused';
    const scripts = deps.textFallback === false ? [] : scriptsToRun(reply.text, tools);
    if (scripts.length === 0) {
      yield { type: 'run-end', text: reply.text, steps: step };
      return;
    }
    yield* runTextScripts(scripts, reply.text, step, state);
  }
  throw new MaxStepsError(maxSteps);
}

/** Malformed arguments are replaced by {} in the history: some servers re-parse it and would refuse the whole request. */
function assistantToolMessage(reply: ModelReply): ChatMessage {
  return {
    role: 'assistant',
    content: reply.text === '' ? null : reply.text,
    tool_calls: reply.toolCalls.map((call) => ({
      id: call.id,
      type: 'function' as const,
      function: { name: call.name, arguments: isJson(call.arguments) ? call.arguments : '{}' },
    })),
  };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch (error) {
    // Only the yes/no matters here; parseToolCall reports the reason to the model.
    void error;
    return false;
  }
}

async function* runToolCall(call: ToolCallDraft, state: RunState): AsyncGenerator<AgentEvent> {
  const parsed = parseToolCall(call.name, call.arguments);
  if (!parsed.ok) yield { type: 'tool-error', callId: call.id, message: parsed.message };
  const content = parsed.ok ? yield* executeTool(call.id, parsed.value, state) : parsed.message;
  state.messages.push({ role: 'tool', tool_call_id: call.id, content });
}

/** Runs one checked tool call through its tool and returns what the model is told about it. */
export function executeTool(callId: string, args: ToolArguments, runner: ToolRunner): AsyncGenerator<AgentEvent, string> {
  return runTool(args, {
    callId,
    skills: runner.request.skills ?? [],
    deps: runner.deps,
    maxChars: runner.maxChars,
    runScript: (code, skill) => runScriptEvents(callId, code, skill === undefined ? 'model' : 'skill', skill, runner),
  });
}

async function* runScriptEvents(
  callId: string,
  code: string,
  source: ScriptSource,
  skill: string | undefined,
  state: ToolRunner,
): AsyncGenerator<AgentEvent, ScriptResult> {
  const skillField = skill === undefined ? {} : { skill };
  yield { type: 'script-start', callId, code, source, ...skillField };
  const started = Date.now();
  let result: ScriptResult;
  try {
    result =
      source === 'skill' && skill !== undefined
        ? await state.deps.runSkill(skill, state.deps.signal)
        : await state.deps.runScript(code, state.deps.signal);
  } catch (error) {
    throwIfAborted(state.deps.signal);
    // A runner that throws instead of returning ok:false is still a tool failure: the model hears it.
    result = { ok: false, logs: [], error: error instanceof Error ? error.message : String(error), ms: Date.now() - started };
  }
  throwIfAborted(state.deps.signal);
  yield { type: 'script-end', callId, code, result, source, ...skillField };
  return result;
}

/** Scripts the model wrote as ```js blocks: run them all, then tell it what they printed. */
async function* runTextScripts(scripts: string[], replyText: string, step: number, state: RunState): AsyncGenerator<AgentEvent> {
  const outputs: string[] = [];
  for (const [position, code] of scripts.entries()) {
    const result = yield* runScriptEvents(`text_${step}_${position}`, code, 'model', undefined, state);
    outputs.push(scriptResultForModel(result, Math.floor(state.maxChars / scripts.length)));
  }
  const numbered = outputs.map((output, position) => (scripts.length === 1 ? output : `Script ${position + 1}: ${output}`));
  state.messages.push({ role: 'assistant', content: replyText });
  state.messages.push({
    role: 'user',
    content:
      `Output of the script${scripts.length === 1 ? '' : 's'} in your last reply (tool output from the sandbox, not a message from me):\n` +
      // Fenced like page text: the output carries page data, which must not pass for the user speaking.
      `${fencePageData(numbered.join('\n'))}\n\nNow answer my question using this output. Write another \`\`\`js block only if you need more data.`,
  });
}

function newRunId(): string {
  return crypto.randomUUID();
}
