// The tools the model may call, as JSON schema, and the checks on the arguments it sends back.
// A bad argument never throws: it becomes text for the model, so it can correct itself.
import type { ChatCompletionFunctionTool } from 'openai/resources/chat/completions';
import { proposedActionSchema } from '../actions/action-schema';
import type { Action } from '../context/types';
import { allProblems } from '../schema/problems';

export type ToolName = 'run_script' | 'read_more' | 'propose_action' | 'run_skill';

export type ToolArguments =
  | { tool: 'run_script'; code: string }
  | { tool: 'read_more'; section: string }
  | { tool: 'propose_action'; action: Action; why: string }
  | { tool: 'run_skill'; skill: string };

export type ParsedToolCall = { ok: true; value: ToolArguments } | { ok: false; message: string };

const runScript: ChatCompletionFunctionTool = {
  type: 'function',
  function: {
    name: 'run_script',
    description:
      'Run JavaScript in a sandbox over the captured page. `page` holds the full page data; the helpers ' +
      '(sum, mean, median, groupBy, sortBy, topN, files, hunks, addedLines, removedLines, view.*) are ' +
      'globals. The value of the last expression (or a top-level `return`) is the result; console.log ' +
      'lines are returned too. No network, no DOM, no timers.',
    parameters: {
      type: 'object',
      properties: { code: { type: 'string', description: 'The script source.' } },
      required: ['code'],
      additionalProperties: false,
    },
  },
};

const readMore: ChatCompletionFunctionTool = {
  type: 'function',
  function: {
    name: 'read_more',
    description:
      'Read more of the current page when the summary you were given was cut. Name a section from the ' +
      'outline, a file path, or a heading.',
    parameters: {
      type: 'object',
      properties: { section: { type: 'string', description: 'Heading, file path or section name.' } },
      required: ['section'],
      additionalProperties: false,
    },
  },
};

const actionSchema = {
  description: 'What to do in the page. The user sees it and decides; nothing happens until they approve.',
  anyOf: [
    {
      type: 'object',
      properties: { type: { const: 'copy' }, text: { type: 'string' } },
      required: ['type', 'text'],
    },
    {
      type: 'object',
      properties: { type: { const: 'open' }, url: { type: 'string' } },
      required: ['type', 'url'],
    },
    {
      type: 'object',
      properties: {
        type: { const: 'fill' },
        selector: { type: 'string' },
        label: { type: 'string', description: 'The field\'s label as the page shows it, e.g. "Comment body". The text is typed in, never submitted.' },
        text: { type: 'string' },
      },
      required: ['type', 'selector', 'label', 'text'],
    },
    {
      type: 'object',
      properties: {
        type: { const: 'click' },
        selector: { type: 'string' },
        label: {
          type: 'string',
          description:
            'The control\'s accessible name exactly as the page gives it (its text or aria-label, not a tooltip). Only controls that ' +
            'cannot change anything are clicked: <summary>, aria-expanded toggles, tabs, "Show more"/"Load more", pagination, links within the site.',
        },
      },
      required: ['type', 'selector', 'label'],
    },
    {
      type: 'object',
      properties: { type: { const: 'highlight' }, selector: { type: 'string' }, label: { type: 'string' } },
      required: ['type', 'selector'],
    },
  ],
};

const proposeAction: ChatCompletionFunctionTool = {
  type: 'function',
  function: {
    name: 'propose_action',
    description:
      'Propose one action in the page (copy text, open a link, fill a field, click, highlight) that the ' +
      'user asked for. It is only shown to the user as a card; they approve or dismiss it. Never propose ' +
      'an action the user did not ask for.',
    parameters: {
      type: 'object',
      properties: {
        action: actionSchema,
        why: { type: 'string', description: 'One sentence the user reads before approving.' },
      },
      required: ['action', 'why'],
      additionalProperties: false,
    },
  },
};

const runSkill: ChatCompletionFunctionTool = {
  type: 'function',
  function: {
    name: 'run_skill',
    description: 'Run one of the built-in skills (tested scripts) listed in the instructions, by id.',
    parameters: {
      type: 'object',
      properties: { skill: { type: 'string', description: 'The skill id.' } },
      required: ['skill'],
      additionalProperties: false,
    },
  },
};

/** The tool list sent with every request; run_skill only when there are skills to run. */
export function toolDefinitions(options: { skills: boolean }): ChatCompletionFunctionTool[] {
  return options.skills ? [runScript, readMore, proposeAction, runSkill] : [runScript, readMore, proposeAction];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** Checks an action against the Action union; returns it rebuilt from known keys only. */
export function parseAction(value: unknown): { ok: true; action: Action } | { ok: false; message: string } {
  const parsed = proposedActionSchema.safeParse(value);
  return parsed.success ? { ok: true, action: parsed.data } : { ok: false, message: allProblems(parsed.error) };
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

/** Parses and checks one tool call's arguments; errors are phrased for the model to act on. */
export function parseToolCall(name: string, rawArguments: string): ParsedToolCall {
  const fail = (message: string): ParsedToolCall => ({ ok: false, message: `Error in ${name} call: ${message} Fix the arguments and call the tool again.` });
  const parsed = parseJsonObject(rawArguments);
  if (!parsed.ok) {
    if (isKnownTool(name)) return fail(parsed.message);
    return { ok: false, message: unknownToolMessage(name) };
  }
  const args = parsed.value;
  switch (name) {
    case 'run_script': {
      const code = nonEmptyString(args, 'code');
      return code === undefined ? fail('`code` must be a non-empty string.') : { ok: true, value: { tool: 'run_script', code } };
    }
    case 'read_more': {
      const section = nonEmptyString(args, 'section');
      return section === undefined ? fail('`section` must be a non-empty string.') : { ok: true, value: { tool: 'read_more', section } };
    }
    case 'run_skill': {
      const skill = nonEmptyString(args, 'skill');
      return skill === undefined ? fail('`skill` must be a non-empty string.') : { ok: true, value: { tool: 'run_skill', skill } };
    }
    case 'propose_action': {
      const why = nonEmptyString(args, 'why');
      if (why === undefined) return fail('`why` must be a non-empty string.');
      const action = parseAction(args.action);
      return action.ok ? { ok: true, value: { tool: 'propose_action', action: action.action, why } } : fail(action.message);
    }
    default:
      return { ok: false, message: unknownToolMessage(name) };
  }
}

const knownTools: readonly string[] = ['run_script', 'read_more', 'propose_action', 'run_skill'];

function isKnownTool(name: string): boolean {
  return knownTools.includes(name);
}

function unknownToolMessage(name: string): string {
  return `There is no tool named "${excerpt(name, 60)}". The tools are: ${knownTools.join(', ')}.`;
}
