// The tools the model may call: one registry line each. Their names, argument types, the JSON schema
// the model reads and the check on what it sends back all come from the tool objects listed here.
// A bad argument never throws: it becomes text for the model, so it can correct itself.
import type { ChatCompletionFunctionTool } from 'openai/resources/chat/completions';
import type * as z from 'zod/mini';
import type { AgentEvent } from '../events';
import { allProblems } from '../../schema/problems';
import { proposeActionTool } from './propose-action';
import { readMoreTool } from './read-more';
import { runScriptTool } from './run-script';
import { runSkillTool } from './run-skill';
import { toolDefinition, type AgentTool, type ToolContext, type ToolOffer } from './tool';

export { parseAction } from './propose-action';
export type { ToolContext } from './tool';

/** In the order the model is offered them. */
export const agentTools = [runScriptTool, readMoreTool, proposeActionTool, runSkillTool] as const;

type RegisteredTool = (typeof agentTools)[number];

export type ToolName = RegisteredTool['name'];

/** A checked call: the tool's name and the arguments its schema let through. */
export type ToolArguments = {
  [Tool in RegisteredTool as Tool['name']]: { tool: Tool['name'] } & z.output<Tool['parameters']>;
}[ToolName];

export type ParsedToolCall = { ok: true; value: ToolArguments } | { ok: false; message: string };

export const toolNames: readonly ToolName[] = agentTools.map((tool) => tool.name);

const toolsByName = new Map<string, AgentTool>(agentTools.map((tool) => [tool.name, tool as AgentTool]));

// Built once: the schemas do not change while the extension runs.
const definitions = new Map(agentTools.map((tool) => [tool as AgentTool, toolDefinition(tool as AgentTool)]));

/** The tool list sent with every request; each tool says when it is offered (run_skill only with skills). */
export function toolDefinitions(offer: ToolOffer): ChatCompletionFunctionTool[] {
  return [...definitions].filter(([tool]) => tool.offered?.(offer) ?? true).map(([, definition]) => definition);
}

/** Parses and checks one tool call's arguments; errors are phrased for the model to act on. */
export function parseToolCall(name: string, rawArguments: string): ParsedToolCall {
  const tool = toolsByName.get(name);
  if (tool === undefined) return { ok: false, message: unknownToolMessage(name) };
  const fail = (message: string): ParsedToolCall => ({ ok: false, message: `Error in ${name} call: ${message} Fix the arguments and call the tool again.` });
  const parsed = parseJsonObject(rawArguments);
  if (!parsed.ok) return fail(parsed.message);
  const checked = tool.parameters.safeParse(parsed.value);
  if (!checked.success) return fail(allProblems(checked.error));
  return { ok: true, value: { tool: name, ...checked.data } as ToolArguments };
}

/** Hands a checked call to its tool; returns what the model is told. */
export function runTool(call: ToolArguments, context: ToolContext): AsyncGenerator<AgentEvent, string> {
  const { tool: name, ...args } = call;
  // parseToolCall made `call` from this tool's own schema, so its arguments are this tool's.
  const tool = toolsByName.get(name) as AgentTool;
  return tool.run(args, context);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function excerpt(text: string, limit = 200): string {
  return text.length <= limit ? text : `${text.slice(0, limit)}…`;
}

function parseJsonObject(raw: string): { ok: true; value: Record<string, unknown> } | { ok: false; message: string } {
  let value: unknown;
  try {
    // Some servers send "" for a call without arguments.
    value = JSON.parse(raw.trim() === '' ? '{}' : raw);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `The arguments are not valid JSON (${reason}). You sent: ${excerpt(raw)}` };
  }
  if (!isRecord(value)) return { ok: false, message: `The arguments must be a JSON object. You sent: ${excerpt(raw)}` };
  return { ok: true, value };
}

function unknownToolMessage(name: string): string {
  return `There is no tool named "${excerpt(name, 60)}". The tools are: ${toolNames.join(', ')}.`;
}
