// What an agent tool is: a name, a description and an argument schema the model reads, and the work the
// loop hands a checked call to. Everything else about a tool (its JSON schema, its argument type, the
// check on what the model sent) is derived from these, so a tool is written down once.
import type { ChatCompletionFunctionTool } from 'openai/resources/chat/completions';
import * as z from 'zod/mini';
import type { ScriptResult } from '../../context/types';
import type { AgentEvent } from '../events';
import type { AgentDeps, SkillSummary } from '../types';

/** What the loop lends a tool for one call. */
export interface ToolContext {
  callId: string;
  /** The skills the run may use. */
  skills: readonly SkillSummary[];
  deps: Pick<AgentDeps, 'readMore' | 'signal'>;
  /** Cap on the text one tool answers the model with. */
  maxChars: number;
  /** Runs code in the sandbox (a skill's, when `skill` is given), reporting script-start and script-end. */
  runScript(code: string, skill?: string): AsyncGenerator<AgentEvent, ScriptResult>;
}

/** What decides whether a tool is offered in a run. */
export interface ToolOffer {
  /** The run has skills the model may run. */
  skills: boolean;
}

export interface AgentTool<Name extends string = string, Parameters extends z.ZodMiniObject = z.ZodMiniObject> {
  name: Name;
  description: string;
  parameters: Parameters;
  /** When the tool is offered; always when absent. */
  offered?: (offer: ToolOffer) => boolean;
  /** Does the work, reporting what it does as events; returns what the model is told. */
  run(args: z.output<Parameters>, context: ToolContext): AsyncGenerator<AgentEvent, string>;
}

/** Keeps the tool's name and argument types, so the registry can derive its own from them. */
export function defineTool<const Name extends string, Parameters extends z.ZodMiniObject>(tool: AgentTool<Name, Parameters>): AgentTool<Name, Parameters> {
  return tool;
}

const sizeKeywords = ['minLength', 'maxLength'];

/**
 * The tool as the chat completions API takes it. Length limits are left out of what the model reads:
 * local servers turn the schema into a grammar, where a limit of thousands of characters becomes thousands
 * of rules; the parse still enforces them and tells the model. Unions are `anyOf`, the form every such
 * converter knows.
 */
export function toolDefinition(tool: AgentTool): ChatCompletionFunctionTool {
  const parameters = z.toJSONSchema(tool.parameters, {
    io: 'input',
    override: ({ jsonSchema }) => {
      const schema = jsonSchema as Record<string, unknown>;
      for (const keyword of sizeKeywords) delete schema[keyword];
      if (schema.oneOf !== undefined) {
        schema.anyOf = schema.oneOf;
        delete schema.oneOf;
      }
    },
  });
  // Which JSON schema dialect it is means nothing to the model.
  delete parameters.$schema;
  return {
    type: 'function',
    function: { name: tool.name, description: tool.description, parameters: { ...parameters, additionalProperties: false } },
  };
}
