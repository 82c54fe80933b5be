// The inputs of a run: what to ask (RunRequest) and what the loop may use to answer (AgentDeps).
import type OpenAI from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { ScriptResult } from '../context/types';

export type ChatMessage = ChatCompletionMessageParam;

/** A built-in skill as the agent sees it: enough to list it in the prompt and show its code. */
export interface SkillSummary {
  id: string;
  title: string;
  description?: string;
  /** The script source, shown in the script trail when the model runs the skill. */
  code?: string;
}

export interface RunRequest {
  /** Stable id for the transcript; one is made up when absent. */
  runId?: string;
  /** Usually from buildMessages(). */
  messages: ChatMessage[];
  /** Skills the model may run with run_skill; without any, the tool is not offered. */
  skills?: SkillSummary[];
}

export interface RetryOptions {
  /** Retries after the first try (so attempts + 1 requests at most). */
  attempts?: number;
  baseDelayMs?: number;
  /** Cap on any one wait, retry-after included. */
  maxDelayMs?: number;
  /** Injectable for tests; must reject when the signal aborts. */
  sleep?: (milliseconds: number, signal: AbortSignal) => Promise<void>;
  /** Injectable for tests; returns [0, 1). */
  random?: () => number;
}

export interface AgentDeps {
  client: OpenAI;
  model: string;
  runScript(code: string, signal: AbortSignal): Promise<ScriptResult>;
  runSkill(skill: string, signal: AbortSignal): Promise<ScriptResult>;
  readMore(section: string): Promise<string>;
  /** The Stop button: goes through the model request and into the sandbox. */
  signal: AbortSignal;
  /** Model calls per run (default 6). */
  maxSteps?: number;
  retry?: RetryOptions;
  /** No chunk within this → TimeoutError (default 30 s). */
  stallTimeoutMs?: number;
  /** Cap on one tool result sent back to the model, in characters (default 8192). */
  toolOutputMaxChars?: number;
  /** Run ```js blocks of a reply without tool calls as scripts (default true). */
  textFallback?: boolean;
  /** Passed to the request as `temperature` when set. */
  temperature?: number;
  /** Exact strings never sent to the model (the configured API key), masked wherever they appear. */
  maskedStrings?: readonly string[];
}
