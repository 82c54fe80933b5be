// A test double of an OpenAI-compatible server: replies are scripted turn by turn, every request
// is recorded, and faults (HTTP errors, cut streams, stalls) are turns too.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface FakeToolCall {
  name: string;
  /** Sent as-is, so it may be malformed JSON on purpose. */
  arguments: string;
  id?: string;
}

export type FakeReply =
  | { text: string; chunkDelayMs?: number }
  | { toolCalls: FakeToolCall[]; text?: string; chunkDelayMs?: number }
  | { status: number; retryAfter?: number; message?: string; code?: string }
  | { cutAfterChars: number; text?: string }
  | { stallMs: number };

export interface RecordedCall {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** Parsed JSON body (undefined for GET). */
  body: ChatRequestBody | undefined;
}

export interface ChatRequestBody {
  model?: string;
  stream?: boolean;
  messages?: { role: string; content?: unknown; tool_calls?: unknown; tool_call_id?: string }[];
  tools?: unknown[];
  [key: string]: unknown;
}

/** A turn may look at the request first, e.g. a "hijacked" model that obeys the page it was sent. */
export type FakeTurn = FakeReply | ((call: RecordedCall) => FakeReply | Promise<FakeReply>);

export interface FakeLlmOptions {
  turns?: FakeTurn[];
  /** Replies with 401 unless `Authorization: Bearer <key>` matches. */
  requireApiKey?: string;
  /**
   * Refuses a request whose Origin is a browser extension with an empty 403, as Ollama does with its
   * default OLLAMA_ORIGINS: the Origin header must be gone before the request leaves the browser.
   */
  refuseExtensionOrigins?: boolean;
  models?: string[];
  /** Used when the queue is empty; without it an empty queue answers HTTP 400 saying so. */
  fallback?: FakeReply;
  /** Characters per content chunk (default 4) and per argument fragment (default 8). */
  textChunkChars?: number;
  argumentChunkChars?: number;
  port?: number;
}

export interface FakeLlm {
  /** Base URL ending with /v1. */
  url: string;
  calls: RecordedCall[];
  /** Chat-completion calls only. */
  chatCalls(): RecordedCall[];
  /** Appends turns to the queue. */
  script(turns: FakeTurn[]): void;
  close(): Promise<void>;
}

interface ServerState {
  options: FakeLlmOptions;
  queue: FakeTurn[];
  calls: RecordedCall[];
  sequence: number;
}

const defaultCutText = 'This answer is long enough to be cut somewhere in the middle of a sentence, on purpose.';

export async function startFakeLlm(options: FakeLlmOptions = {}): Promise<FakeLlm> {
  const state: ServerState = { options, queue: [...(options.turns ?? [])], calls: [], sequence: 0 };
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    handle(request, response, state).catch((error: unknown) => {
      // A bug in the double must be loud in the test that hit it, not a hang.
      if (!response.headersSent) sendError(response, 500, `fake-llm crashed: ${String(error)}`);
      else response.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    calls: state.calls,
    chatCalls: () => state.calls.filter((call) => call.path.endsWith('/chat/completions')),
    script: (turns) => state.queue.push(...turns),
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of sockets) socket.destroy();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of request) parts.push(part as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

function flatHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

async function handle(request: IncomingMessage, response: ServerResponse, state: ServerState): Promise<void> {
  const path = new URL(request.url ?? '/', 'http://fake').pathname;
  // Like OpenAI's API, answer cross-origin callers (the extension's service worker) and their preflights.
  response.setHeader('access-control-allow-origin', '*');
  // A wildcard does not cover Authorization, so echo what the preflight asks for.
  response.setHeader('access-control-allow-headers', request.headers['access-control-request-headers'] ?? 'authorization, content-type');
  response.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
  if (request.method === 'OPTIONS') {
    response.writeHead(204).end();
    return;
  }
  const raw = request.method === 'POST' ? await readBody(request) : '';
  let body: ChatRequestBody | undefined;
  if (raw !== '') {
    try {
      body = JSON.parse(raw) as ChatRequestBody;
    } catch (error) {
      sendError(response, 400, `fake-llm: request body is not JSON (${String(error)})`);
      return;
    }
  }
  if (path.startsWith('/__fake/')) {
    control(controlRoute(request, path), raw, response, state);
    return;
  }
  const call: RecordedCall = { method: request.method ?? 'GET', path, headers: flatHeaders(request), body };
  state.calls.push(call);

  if (state.options.refuseExtensionOrigins && /^(?:chrome|moz)-extension:/.test(call.headers.origin ?? '')) {
    response.writeHead(403);
    response.end();
    return;
  }
  const key = state.options.requireApiKey;
  if (key !== undefined && call.headers.authorization !== `Bearer ${key}`) {
    sendError(response, 401, 'Incorrect API key provided.', 'invalid_api_key');
    return;
  }
  if (call.method === 'GET' && path === '/v1/models') {
    sendModels(response, state.options.models ?? ['fake-model']);
    return;
  }
  if (call.method === 'POST' && path === '/v1/chat/completions') {
    await reply(call, response, state);
    return;
  }
  sendError(response, 404, `fake-llm: no route ${call.method} ${path}`);
}

function controlRoute(request: IncomingMessage, path: string): { method: string; path: string } {
  return { method: request.method ?? 'GET', path };
}

/** For a server in another process (e2e): POST /__fake/turns appends turns, GET /__fake/calls lists calls. */
function control(route: { method: string; path: string }, raw: string, response: ServerResponse, state: ServerState): void {
  if (route.method === 'POST' && route.path === '/__fake/turns') {
    const turns = JSON.parse(raw) as FakeReply[];
    state.queue.push(...turns);
    sendJson(response, 200, { queued: state.queue.length });
    return;
  }
  if (route.method === 'GET' && route.path === '/__fake/calls') {
    sendJson(response, 200, state.calls);
    return;
  }
  sendError(response, 404, `fake-llm: no control route ${route.method} ${route.path}`);
}

function sendJson(response: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(value));
}

function sendError(response: ServerResponse, status: number, message: string, code?: string, headers: Record<string, string> = {}): void {
  const type = status === 429 ? 'rate_limit_error' : status >= 500 ? 'server_error' : 'invalid_request_error';
  sendJson(response, status, { error: { message, type, param: null, code: code ?? null } }, headers);
}

function sendModels(response: ServerResponse, models: string[]): void {
  const data = models.map((id) => ({ id, object: 'model', created: 1_700_000_000, owned_by: 'fake-llm' }));
  sendJson(response, 200, { object: 'list', data });
}

async function nextReply(call: RecordedCall, state: ServerState): Promise<FakeReply | undefined> {
  const turn = state.queue.shift();
  if (turn === undefined) return state.options.fallback;
  return typeof turn === 'function' ? turn(call) : turn;
}

async function reply(call: RecordedCall, response: ServerResponse, state: ServerState): Promise<void> {
  const turn = await nextReply(call, state);
  const model = call.body?.model ?? 'fake-model';
  if (turn === undefined) {
    sendError(response, 400, 'fake-llm: no scripted turn left for this request');
    return;
  }
  if ('status' in turn) {
    sendFault(response, turn, model);
    return;
  }
  state.sequence += 1;
  const id = `chatcmpl-fake-${state.sequence}`;
  if (call.body?.stream !== true) {
    sendCompletion(response, turn, id, model);
    return;
  }
  await streamTurn(response, turn, { id, model, state });
}

function sendFault(response: ServerResponse, turn: { status: number; retryAfter?: number; message?: string; code?: string }, model: string): void {
  const headers: Record<string, string> = turn.retryAfter === undefined ? {} : { 'retry-after': String(turn.retryAfter) };
  const defaults: Record<number, { message: string; code?: string }> = {
    401: { message: 'Incorrect API key provided.', code: 'invalid_api_key' },
    403: { message: 'Forbidden.' },
    404: { message: `The model \`${model}\` does not exist or you do not have access to it.`, code: 'model_not_found' },
    429: { message: 'Rate limit reached. Please try again later.', code: 'rate_limit_exceeded' },
  };
  const fallback = defaults[turn.status] ?? { message: turn.status >= 500 ? 'The server had an error while processing your request.' : 'Bad request.' };
  sendError(response, turn.status, turn.message ?? fallback.message, turn.code ?? fallback.code, headers);
}

function toolCallIds(calls: FakeToolCall[], responseId: string): string[] {
  return calls.map((call, position) => call.id ?? `call_${responseId.slice(-6)}_${position}`);
}

function sendCompletion(response: ServerResponse, turn: Exclude<FakeReply, { status: number }>, id: string, model: string): void {
  const toolCalls = 'toolCalls' in turn ? turn.toolCalls : [];
  const ids = toolCallIds(toolCalls, id);
  const text = 'text' in turn && turn.text !== undefined ? turn.text : 'stallMs' in turn ? '' : defaultCutText;
  const message = {
    role: 'assistant',
    content: toolCalls.length > 0 && text === '' ? null : text,
    refusal: null,
    ...(toolCalls.length > 0
      ? { tool_calls: toolCalls.map((call, position) => ({ id: ids[position], type: 'function', function: { name: call.name, arguments: call.arguments } })) }
      : {}),
  };
  sendJson(response, 200, {
    id,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: toolCalls.length > 0 ? 'tool_calls' : 'stop' }],
    usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
  });
}

interface StreamContext {
  id: string;
  model: string;
  state: ServerState;
}

function split(text: string, size: number): string[] {
  const pieces: string[] = [];
  for (let start = 0; start < text.length; start += size) pieces.push(text.slice(start, start + size));
  return pieces;
}

function chunk(context: StreamContext, delta: Record<string, unknown>, finishReason: string | null = null): string {
  const payload = {
    id: context.id,
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model: context.model,
    system_fingerprint: null,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
  };
  return `data: ${JSON.stringify(payload)}\n\n`;
}

const wait = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

async function streamTurn(response: ServerResponse, turn: Exclude<FakeReply, { status: number }>, context: StreamContext): Promise<void> {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  response.write(chunk(context, { role: 'assistant', content: '', refusal: null }));
  if ('stallMs' in turn) {
    await wait(turn.stallMs);
    // The client gave up long ago in a stall test; end quietly if it is still there.
    if (!response.destroyed) response.destroy();
    return;
  }
  const textSize = context.state.options.textChunkChars ?? 4;
  if ('cutAfterChars' in turn) {
    const text = (turn.text ?? defaultCutText).slice(0, turn.cutAfterChars);
    for (const piece of split(text, textSize)) response.write(chunk(context, { content: piece }));
    // Let the written chunks leave before the connection drops, as a real mid-stream failure would.
    await wait(10);
    response.socket?.destroy();
    return;
  }
  const delay = turn.chunkDelayMs ?? 0;
  const send = async (data: string) => {
    if (response.destroyed) return;
    response.write(data);
    if (delay > 0) await wait(delay);
  };
  if (turn.text) for (const piece of split(turn.text, textSize)) await send(chunk(context, { content: piece }));
  const toolCalls = 'toolCalls' in turn ? turn.toolCalls : [];
  const ids = toolCallIds(toolCalls, context.id);
  const argumentSize = context.state.options.argumentChunkChars ?? 8;
  for (const [index, call] of toolCalls.entries()) {
    await send(chunk(context, { tool_calls: [{ index, id: ids[index], type: 'function', function: { name: call.name, arguments: '' } }] }));
    for (const fragment of split(call.arguments, argumentSize)) {
      await send(chunk(context, { tool_calls: [{ index, function: { arguments: fragment } }] }));
    }
  }
  await send(chunk(context, {}, toolCalls.length > 0 ? 'tool_calls' : 'stop'));
  if (response.destroyed) return;
  response.write('data: [DONE]\n\n');
  response.end();
}
