import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local fake of the OpenAI HTTP API for tests: `POST /v1/chat/completions` and `POST /v1/responses`,
 * JSON or SSE (when the request says `stream: true`), on 127.0.0.1 and a free port. Replies are
 * scripted: queue them with `enqueue` (one per request, in order), or set a `respond` function for
 * requests the queue does not cover. Faults (HTTP errors, hangs for timeouts, malformed bodies,
 * dropped connections) are replies too. Every request is recorded.
 *
 * ```ts
 * const server = await startFakeOpenAIServer();
 * server.enqueue({ status: 429 }, { json: { category: 'technicalError' } });
 * const model = createOpenAI({ apiKey: 'test', baseURL: server.baseURL }).chat('gpt-4o-mini');
 * // … first call gets 429, the retry gets the JSON answer …
 * expect(server.requests).toHaveLength(2);
 * await server.close();
 * ```
 */
export type FakeReply =
  /** A normal answer with this text (JSON completion, or SSE chunks when the request streams). */
  | ({ content: string; usage?: FakeUsage; delayMs?: number; chunkSize?: number } & FakePacing)
  /** A normal answer whose text is `JSON.stringify(json)` (structured output). */
  | ({ json: unknown; usage?: FakeUsage; delayMs?: number; chunkSize?: number } & FakePacing)
  /** An HTTP error (429, 500, 401…) with an OpenAI-style error body unless `body` is given. */
  | { status: number; body?: unknown; headers?: Record<string, string>; delayMs?: number }
  /** Never answer (the client's timeout fires). The connection is closed when the server closes. */
  | { hang: true }
  /** 200 with a body that is not valid JSON (or, for a streaming request, a broken SSE event). */
  | { malformed: true }
  /** Close the connection without an answer (a network error). */
  | { drop: true };

/** How a streamed answer is sent: a pause between SSE events, or a connection dropped midway. */
export interface FakePacing {
  /** Milliseconds between two SSE events of a streamed answer (a slow model). */
  chunkDelayMs?: number;
  /** Destroy the connection after this many SSE events (a stream that breaks midway). */
  dropAfterEvents?: number;
}

export interface FakeUsage {
  inputTokens: number;
  outputTokens: number;
}

export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. `/v1/chat/completions`. */
  path: string;
  api: 'chat' | 'responses' | 'other';
  headers: IncomingMessage['headers'];
  /** Parsed JSON body (undefined when the body was not JSON). */
  body: Record<string, unknown> | undefined;
  stream: boolean;
  /** Text of the last user message: the agent input as the model saw it. */
  lastUserText: string;
  /** Text of the system (and developer) messages: the standing context the model saw. */
  systemText: string;
  /** The requested structured-output format, if any (`response_format` or `text.format`). */
  responseFormat: unknown;
  /** What the server answered with. */
  reply: FakeReply;
  /** `performance.now()` when the request arrived (its headers). */
  receivedAt: number;
  /**
   * `performance.now()` when a streamed answer's first event carrying text was written: minus
   * `receivedAt`, the model's own time to first token, for benches (`bench/ttft.ts`). Unset for
   * other answers.
   */
  firstContentAt?: number;
}

export interface FakeOpenAIServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** `url + '/v1'`: pass as `baseURL` / OPENAI_BASE_URL. */
  baseURL: string;
  requests: RecordedRequest[];
  /** Queue replies, used one per request in order before `respond` is consulted. */
  enqueue(...replies: FakeReply[]): void;
  /** Reply for requests when the queue is empty (default: a 500 saying nothing was scripted). */
  respond(handler: FakeReply | ((request: RecordedRequest) => FakeReply)): void;
  /** Clear the queue, the recorded requests and the `respond` handler. */
  reset(): void;
  close(): Promise<void>;
}

export interface FakeOpenAIServerOptions {
  respond?: FakeReply | ((request: RecordedRequest) => FakeReply);
}

const notScripted: FakeReply = {
  status: 500,
  body: {
    error: {
      message: 'fake-openai-server: no reply scripted for this request',
      type: 'server_error',
    },
  },
};

export async function startFakeOpenAIServer(
  options: FakeOpenAIServerOptions = {},
): Promise<FakeOpenAIServer> {
  const queue: FakeReply[] = [];
  const requests: RecordedRequest[] = [];
  let handler = options.respond;
  let counter = 0;

  const server: Server = createServer(async (req, res) => {
    const receivedAt = performance.now();
    const raw = await readBody(req);
    let body: Record<string, unknown> | undefined;
    try {
      body = raw ? (JSON.parse(raw) as Record<string, unknown>) : undefined;
    } catch {
      body = undefined;
    }
    const path = (req.url ?? '/').split('?')[0]!;
    const api = path.endsWith('/chat/completions')
      ? 'chat'
      : path.endsWith('/responses')
        ? 'responses'
        : 'other';
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      api,
      headers: req.headers,
      body,
      stream: body?.stream === true,
      lastUserText: lastUserText(api, body),
      systemText: systemText(api, body),
      responseFormat:
        api === 'chat'
          ? body?.response_format
          : (body?.text as { format?: unknown } | undefined)?.format,
      reply: notScripted,
      receivedAt,
    };
    const reply =
      queue.shift() ?? (typeof handler === 'function' ? handler(recorded) : handler) ?? notScripted;
    recorded.reply = reply;
    requests.push(recorded);
    const id = ++counter;

    if ('drop' in reply) return void req.socket.destroy();
    if ('hang' in reply) return;
    if ('delayMs' in reply && reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
    if (res.destroyed) return;
    if ('status' in reply) {
      const payload = reply.body ?? {
        error: {
          message: `fake error ${reply.status}`,
          type: reply.status === 429 ? 'rate_limit_exceeded' : 'server_error',
          code: null,
          param: null,
        },
      };
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      return void res.end(JSON.stringify(payload));
    }
    if (api === 'other') {
      res.writeHead(404, { 'content-type': 'application/json' });
      return void res.end(
        JSON.stringify({ error: { message: `fake-openai-server: unknown path ${path}` } }),
      );
    }
    if ('malformed' in reply) {
      if (recorded.stream) {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        return void res.end('data: {"choices": [ this is not json\n\n');
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end('{"id": "broken", "choices": [ this is not json');
    }
    const content = 'json' in reply ? JSON.stringify(reply.json) : reply.content;
    const usage = reply.usage ?? {
      inputTokens: Math.ceil(raw.length / 4),
      outputTokens: Math.ceil(content.length / 4),
    };
    const model = typeof body?.model === 'string' ? body.model : 'fake-model';
    const chunkSize = 'chunkSize' in reply && reply.chunkSize ? reply.chunkSize : 16;
    const pacing: FakePacing = {
      chunkDelayMs: reply.chunkDelayMs,
      dropAfterEvents: reply.dropAfterEvents,
    };
    const mark = () => {
      recorded.firstContentAt = performance.now();
    };
    if (api === 'chat')
      return recorded.stream
        ? streamChat(res, id, model, content, usage, chunkSize, pacing, mark)
        : answerChat(res, id, model, content, usage);
    return recorded.stream
      ? streamResponses(res, id, model, content, usage, chunkSize, pacing, mark)
      : answerResponses(res, id, model, content, usage);
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    baseURL: `${url}/v1`,
    requests,
    enqueue: (...replies) => void queue.push(...replies),
    respond: (h) => {
      handler = h;
    },
    reset: () => {
      queue.length = 0;
      requests.length = 0;
      handler = options.respond;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function lastUserText(api: string, body: Record<string, unknown> | undefined): string {
  const messages = (api === 'chat' ? body?.messages : body?.input) as
    | Array<{ role?: string; content?: unknown }>
    | undefined;
  if (!Array.isArray(messages)) return typeof body?.input === 'string' ? body.input : '';
  const last = [...messages].reverse().find((m) => m.role === 'user');
  if (!last) return '';
  if (typeof last.content === 'string') return last.content;
  return Array.isArray(last.content)
    ? last.content.map((p: { text?: string }) => p.text ?? '').join('\n')
    : '';
}

function systemText(api: string, body: Record<string, unknown> | undefined): string {
  const messages = (api === 'chat' ? body?.messages : body?.input) as
    | Array<{ role?: string; content?: unknown }>
    | undefined;
  const system = [
    ...(Array.isArray(messages) ? messages : []).filter(
      (m) => m.role === 'system' || m.role === 'developer',
    ),
    ...(typeof body?.instructions === 'string' ? [{ content: body.instructions }] : []),
  ];
  return system
    .map((m) =>
      typeof m.content === 'string'
        ? m.content
        : Array.isArray(m.content)
          ? m.content.map((p: { text?: string }) => p.text ?? '').join('\n')
          : '',
    )
    .join('\n');
}

function chunks(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out.length ? out : [''];
}

/** `firstContent`: the index of the first event carrying text, and what to call once it is written. */
async function sse(
  res: ServerResponse,
  events: unknown[],
  pacing: FakePacing = {},
  firstContent?: { index: number; mark: () => void },
): Promise<void> {
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  for (const [index, event] of events.entries()) {
    if (index === pacing.dropAfterEvents) return void res.socket?.destroy();
    if (index > 0 && pacing.chunkDelayMs)
      await new Promise((r) => setTimeout(r, pacing.chunkDelayMs));
    if (res.destroyed) return;
    res.write(`data: ${typeof event === 'string' ? event : JSON.stringify(event)}\n\n`);
    if (index === firstContent?.index) firstContent.mark();
  }
  res.end();
}

function answerChat(
  res: ServerResponse,
  id: number,
  model: string,
  content: string,
  usage: FakeUsage,
): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({
      id: `chatcmpl-${id}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content },
          finish_reason: 'stop',
          logprobs: null,
        },
      ],
      usage: {
        prompt_tokens: usage.inputTokens,
        completion_tokens: usage.outputTokens,
        total_tokens: usage.inputTokens + usage.outputTokens,
      },
    }),
  );
}

function streamChat(
  res: ServerResponse,
  id: number,
  model: string,
  content: string,
  usage: FakeUsage,
  size: number,
  pacing: FakePacing,
  mark?: () => void,
): void {
  const base = {
    id: `chatcmpl-${id}`,
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model,
  };
  void sse(
    res,
    [
      {
        ...base,
        choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }],
      },
      ...chunks(content, size).map((delta) => ({
        ...base,
        choices: [{ index: 0, delta: { content: delta }, finish_reason: null }],
      })),
      { ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] },
      {
        ...base,
        choices: [],
        usage: {
          prompt_tokens: usage.inputTokens,
          completion_tokens: usage.outputTokens,
          total_tokens: usage.inputTokens + usage.outputTokens,
        },
      },
      '[DONE]',
    ],
    pacing,
    mark && { index: 1, mark },
  );
}

function responsesUsage(usage: FakeUsage) {
  return {
    input_tokens: usage.inputTokens,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: usage.outputTokens,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: usage.inputTokens + usage.outputTokens,
  };
}

function responseBody(
  id: number,
  model: string,
  content: string,
  usage: FakeUsage | undefined,
  status: string,
) {
  return {
    id: `resp_${id}`,
    object: 'response',
    created_at: Math.floor(Date.now() / 1000),
    status,
    model,
    error: null,
    incomplete_details: null,
    output:
      status === 'completed'
        ? [
            {
              type: 'message',
              id: `msg_${id}`,
              status: 'completed',
              role: 'assistant',
              content: [{ type: 'output_text', text: content, annotations: [], logprobs: [] }],
            },
          ]
        : [],
    usage: usage ? responsesUsage(usage) : null,
  };
}

function answerResponses(
  res: ServerResponse,
  id: number,
  model: string,
  content: string,
  usage: FakeUsage,
): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(responseBody(id, model, content, usage, 'completed')));
}

function streamResponses(
  res: ServerResponse,
  id: number,
  model: string,
  content: string,
  usage: FakeUsage,
  size: number,
  pacing: FakePacing,
  mark?: () => void,
): void {
  const item = {
    type: 'message',
    id: `msg_${id}`,
    status: 'in_progress',
    role: 'assistant',
    content: [],
  };
  let seq = 0;
  void sse(
    res,
    [
      {
        type: 'response.created',
        sequence_number: seq++,
        response: responseBody(id, model, content, undefined, 'in_progress'),
      },
      { type: 'response.output_item.added', sequence_number: seq++, output_index: 0, item },
      ...chunks(content, size).map((delta) => ({
        type: 'response.output_text.delta',
        sequence_number: seq++,
        item_id: item.id,
        output_index: 0,
        content_index: 0,
        delta,
        logprobs: [],
      })),
      {
        type: 'response.output_item.done',
        sequence_number: seq++,
        output_index: 0,
        item: {
          ...item,
          status: 'completed',
          content: [{ type: 'output_text', text: content, annotations: [], logprobs: [] }],
        },
      },
      {
        type: 'response.completed',
        sequence_number: seq++,
        response: responseBody(id, model, content, usage, 'completed'),
      },
    ],
    pacing,
    mark && { index: 2, mark },
  );
}
