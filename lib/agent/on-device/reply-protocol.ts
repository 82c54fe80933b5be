// Tool calling for a model that has none: every reply is one JSON object, constrained by a schema (the
// Prompt API's responseConstraint), that either calls one of Tandem's tools or answers. Calls are checked
// by the same parser as native tool calls (parseToolCall), so the sandbox, the trail and the approval
// rules are the same whichever model answers. Pure: no browser API.
import { parseToolCall, toolDefinitions, type ToolArguments } from '../tools';

/** The field that carries the answer: no tool argument has this name, so a stream can show it as it comes. */
const ANSWER_FIELD = 'markdown';

export type ParsedReply =
  | { kind: 'answer'; markdown: string }
  | { kind: 'tool'; args: ToolArguments }
  /** Not a reply Tandem can act on; `message` tells the model what to send instead. */
  | { kind: 'invalid'; message: string };

export interface ProtocolOptions {
  /** Offer run_skill (there are skills for this page). */
  skills: boolean;
}

/** The JSON schema every reply must match: one object per tool, plus the answer. */
export function replySchema(options: ProtocolOptions): object {
  const tools = toolDefinitions({ skills: options.skills }).map((definition) => {
    const parameters = definition.function.parameters as { properties?: Record<string, unknown>; required?: string[] };
    return {
      type: 'object',
      properties: { tool: { type: 'string', enum: [definition.function.name] }, ...parameters.properties },
      required: ['tool', ...(parameters.required ?? [])],
      additionalProperties: false,
    };
  });
  const answer = {
    type: 'object',
    properties: { tool: { type: 'string', enum: ['answer'] }, [ANSWER_FIELD]: { type: 'string', description: 'The answer for the user, in Markdown.' } },
    required: ['tool', ANSWER_FIELD],
    additionalProperties: false,
  };
  return { anyOf: [...tools, answer] };
}

/** How to reply, appended to the system prompt: the schema enforces the shape, this says what each one means. */
export function protocolInstructions(options: ProtocolOptions): string {
  const skill = options.skills ? '\n- {"tool":"run_skill","skill":"<id>"} — run a built-in skill.' : '';
  return `How to reply: every reply is exactly one JSON object, nothing before or after it.
- {"tool":"run_script","code":"<JavaScript>"} — run a script in the sandbox; its output comes back to you.
- {"tool":"read_more","section":"<heading or file path>"} — read more of the page.
- {"tool":"propose_action","action":{…},"why":"<one sentence>"} — propose an action the user asked for; they approve or dismiss it.${skill}
- {"tool":"answer","${ANSWER_FIELD}":"<your answer in Markdown>"} — the final answer to the user.
Calling a tool above means replying with its object. Never write \`\`\`js blocks. Answer once you have what you need.`;
}

function excerpt(text: string, limit = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= limit ? flat : `${flat.slice(0, limit)}…`;
}

const retryAdvice = 'Reply again with exactly one JSON object: a tool call such as {"tool":"run_script","code":"…"}, or {"tool":"answer","markdown":"…"}.';

/** JSON.parse, forgiving what small models wrap around the object: a code fence, or text before and after. */
function parseLenient(text: string): unknown {
  const trimmed = text.trim().replace(/^```(?:json)?\s*([\s\S]*?)\s*```$/i, '$1');
  try {
    return JSON.parse(trimmed);
  } catch (error) {
    const start = trimmed.indexOf('{');
    const end = trimmed.lastIndexOf('}');
    if (start < 0 || end <= start) throw error;
    return JSON.parse(trimmed.slice(start, end + 1));
  }
}

/** Reads one reply. Never throws: anything unusable becomes a message for the model. */
export function parseReply(text: string, options: ProtocolOptions): ParsedReply {
  if (text.trim() === '') return { kind: 'invalid', message: `Your reply was empty. ${retryAdvice}` };
  let value: unknown;
  try {
    value = parseLenient(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { kind: 'invalid', message: `Your reply was not valid JSON (${reason}). You sent: ${excerpt(text)} ${retryAdvice}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { kind: 'invalid', message: `Your reply must be a JSON object, not ${Array.isArray(value) ? 'an array' : typeof value}. ${retryAdvice}` };
  }
  const { tool, ...rest } = value as Record<string, unknown>;
  const markdown = rest[ANSWER_FIELD];
  if (tool === 'answer' || (tool === undefined && typeof markdown === 'string')) {
    if (typeof markdown !== 'string' || markdown.trim() === '') {
      return { kind: 'invalid', message: `An answer needs a non-empty "${ANSWER_FIELD}" string. ${retryAdvice}` };
    }
    return { kind: 'answer', markdown };
  }
  if (typeof tool !== 'string' || tool.trim() === '') {
    return { kind: 'invalid', message: `Your reply has no "tool" field. You sent: ${excerpt(text)} ${retryAdvice}` };
  }
  if (tool === 'run_skill' && !options.skills) {
    return { kind: 'invalid', message: `There is no skill to run on this page. ${retryAdvice}` };
  }
  const parsed = parseToolCall(tool, JSON.stringify(rest));
  return parsed.ok ? { kind: 'tool', args: parsed.value } : { kind: 'invalid', message: parsed.message };
}

const answerStart = new RegExp(`"${ANSWER_FIELD}"\\s*:\\s*"`);
const toolName = /"tool"\s*:\s*"([^"\\]*)"/;
const simpleEscapes: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * The answer's text as the reply streams in, so the user reads it as it is written: the decoded part of
 * the "markdown" string so far, for a reply that is (or may still turn out to be) an answer.
 */
export class AnswerStream {
  private raw = '';
  private shown = 0;

  /** Adds a chunk; returns the answer text that is new with it ('' if none). */
  push(chunk: string): string {
    this.raw += chunk;
    const tool = toolName.exec(this.raw)?.[1];
    if (tool !== undefined && tool !== 'answer') return '';
    const start = answerStart.exec(this.raw);
    if (!start) return '';
    const decoded = decodePartialString(this.raw, start.index + start[0].length);
    const fresh = decoded.slice(this.shown);
    this.shown = decoded.length;
    return fresh;
  }
}

/** Decodes a JSON string from `from` up to its closing quote, or as far as it is complete. */
function decodePartialString(raw: string, from: number): string {
  let out = '';
  for (let index = from; index < raw.length; index++) {
    const char = raw[index];
    if (char === '"') return out;
    if (char !== '\\') {
      out += char;
      continue;
    }
    const next = raw[index + 1];
    if (next === undefined) return out;
    if (next === 'u') {
      const hex = raw.slice(index + 2, index + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) return out;
      out += String.fromCharCode(Number.parseInt(hex, 16));
      index += 5;
      continue;
    }
    out += simpleEscapes[next] ?? next;
    index += 1;
  }
  return out;
}
